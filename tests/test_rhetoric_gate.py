"""The learned rhetoric layer as a regression floor on the corpus's held-out part.

bench/rhetoric.py prints the full table.  Measured at the last training of the shipped model
(held-out, techniques paragraph micro-F1 built-in -> learned): written 0.178 -> 0.281,
referenced PolNeAR 0.149 -> 0.289; frames micro-F1 written 0.394 -> 0.582, PolNeAR
0.563 -> 0.670; genre macro-F1 all 0.460 -> 0.787.  Floors sit a margin under; raise them
when the model improves.  The referenced part needs ../shared/data (skipped without it).
"""
import zipfile
from importlib import resources

import pytest

from benchload import bench
from unspun.learn.rhetoric import default_model

evaluate = bench("rhetoric").evaluate
analyse, load_articles = bench("rhetoric_data").analyse, bench("rhetoric_data").load_articles

FLOORS = {"written": {"techniques": 0.24, "frames": 0.50},
          "polnear": {"techniques": 0.25, "frames": 0.60}}


def scores(source, shared=None):
    kwargs = {"shared": shared} if shared is not None else {}
    arts = [a for a in load_articles(**kwargs) if a["heldout"] and a["source"] == source]
    if not arts:
        pytest.skip(f"no held-out {source} articles readable")
    return evaluate(arts, analyse(arts), default_model())


def test_shipped_model_is_small_and_safe():
    ref = resources.files("unspun").joinpath("data/rhetoric.model")
    with resources.as_file(ref) as path:
        assert path.stat().st_size < 5_000_000
        with zipfile.ZipFile(path) as zf:
            assert all(n == "unspun-model.json" or (n.startswith("arrays/") and n.endswith(".npy"))
                       for n in zf.namelist())
    model = default_model()
    assert set(model.tasks) == {"techniques", "frames", "genre"}
    assert model.tasks["techniques"].learned.sum() >= 8


def check(result, source):
    learned, builtin = result["learned"][source], result["builtin"][source]
    t = learned["techniques"]["micro_f1"]
    assert t >= FLOORS[source]["techniques"], learned["techniques"]
    assert t >= builtin["techniques"]["micro_f1"]  # never worse than the detectors alone
    assert learned["frames"]["micro_f1"] >= FLOORS[source]["frames"], learned["frames"]
    assert learned["frames"]["micro_f1"] >= builtin["frames"]["micro_f1"]


def test_written_heldout_floor():
    check(scores("written"), "written")


@pytest.mark.slow
def test_polnear_heldout_floor(shared_data):
    check(scores("polnear", shared_data), "polnear")
