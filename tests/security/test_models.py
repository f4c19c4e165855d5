"""Model files that cannot run code: pickles and other files are refused before any of
their code runs (a real malicious pickle would create a marker file), with one worker or two;
a wrong or mistagged safe model is a coded error, never a traceback."""
from __future__ import annotations

import io
import json
import os
import pickle
import zipfile

import numpy as np
import pytest

from unspun.learn import ModelError, load_model, train
from unspun.learn.safe_format import UnsafeModelFile, load, save

from .conftest import run_cli

ROWS = ([{"text": f"The invaders will flood our towns and take our children ({i}).",
          "labels": ["Appeal_to_Fear-Prejudice"]} for i in range(8)]
        + [{"text": f"The council met on Tuesday to discuss the road budget ({i}).",
            "labels": []} for i in range(8)])


class Payload:
    """Unpickling this runs ``touch MARKER`` (what an attacker's model file would do)."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The invaders will flood our towns, officials said on Monday.\n")
    return path


@pytest.fixture
def real_model(tmp_path):
    data = tmp_path / "t.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    out = tmp_path / "t.model"
    model = train("techniques", data, out)
    return model, out


def _evil_files(tmp_path, marker):
    """Each a way to smuggle code into a model file."""
    payload = pickle.dumps({"format": "unspun-model/1", "model": Payload(str(marker))})
    files = {"pickle": payload}
    import joblib

    joblib.dump({"format": "unspun-model/1", "model": Payload(str(marker))},
                tmp_path / "joblib.model")
    files["joblib"] = (tmp_path / "joblib.model").read_bytes()
    # a safe-format zip whose array is an object array (numpy would unpickle it)
    buf = io.BytesIO()
    np.save(buf, np.array([Payload(str(marker))], dtype=object), allow_pickle=True)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("unspun-model.json", json.dumps({"format": "unspun-safe/1",
                                                     "kind": "unspun-model", "meta": {}}))
        zf.writestr("arrays/idf.npy", buf.getvalue())
    files["object-array"] = zbuf.getvalue()
    # a skops-like zip: a schema plus a pickled member
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("schema.json", json.dumps({"__class__": "posix.system"}))
        zf.writestr("model.pkl", payload)
    files["skops-like"] = zbuf.getvalue()
    files["random"] = os.urandom(4096)
    files["empty"] = b""
    return files


def test_malicious_files_never_run(tmp_path, article):
    marker = tmp_path / "PWNED"
    for name, data in _evil_files(tmp_path, marker).items():
        path = tmp_path / f"{name}.model"
        path.write_bytes(data)
        with pytest.raises(ModelError, match="U605"):
            load_model(path)
        assert not marker.exists(), f"{name}: code in the model file ran"
    pickled = tmp_path / "pickle.model"
    for workers in ("1", "2"):
        got = run_cli("analyze", str(article), "--format", "json", "--model", str(pickled),
                      "--workers", workers)
        assert got.returncode != 0 and "U605" in got.stderr and "pickle" in got.stderr
        assert "Traceback" not in got.stderr and "BrokenProcessPool" not in got.stderr
        assert not marker.exists()


def test_round_trip_predicts_the_same(real_model, tmp_path):
    model, path = real_model
    loaded = load_model(path)
    texts = ["The invaders will flood our towns.", "The council met on Tuesday.", "Rain."]
    assert np.allclose(model.predict_proba(texts), loaded.predict_proba(texts))
    assert loaded.predict(texts) == model.predict(texts)
    assert path.read_bytes()[:4] == b"PK\x03\x04" and b"\x80\x04\x95" not in path.read_bytes()


def _rewrite(src, dst, change):
    meta, arrays = load(src, kind="unspun-model")
    change(meta, arrays)
    save(dst, kind="unspun-model", meta=meta, arrays=arrays)


def test_wrong_or_mistagged_models_are_coded(real_model, tmp_path, article):
    _, path = real_model
    bad = {
        "frames-tag": lambda m, a: m.update(task="frames"),
        "unknown-task": lambda m, a: m.update(task="sorcery"),
        "short-idf": lambda m, a: a.update(idf=a["idf"][:-3]),
        "bad-coef": lambda m, a: a.update({"label0.coef": np.zeros((1, 3))}
                                          if "label0.coef" in a else
                                          {k: np.zeros((1, 3)) for k in a if k.endswith("coef")}),
        "callable-param": lambda m, a: m["vectorizer"]["params"].update(tokenizer="os.system"),
    }
    for name, change in bad.items():
        dst = tmp_path / f"{name}.model"
        _rewrite(path, dst, change)
        with pytest.raises(ModelError, match="U604"):
            load_model(dst)
    truncated = tmp_path / "truncated.model"
    truncated.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(ModelError, match="U605"):
        load_model(truncated)
    for model in (tmp_path / "frames-tag.model", truncated):
        got = run_cli("analyze", str(article), "--format", "json", "--model", str(model),
                      "--workers", "2")
        assert got.returncode != 0 and ("U604" in got.stderr or "U605" in got.stderr)
        assert "Traceback" not in got.stderr and "BrokenProcessPool" not in got.stderr


def test_safe_format_refuses_extra_members(tmp_path):
    path = tmp_path / "x.model"
    save(path, kind="k", meta={"a": 1}, arrays={"w": np.arange(3.0)})
    assert load(path, kind="k")[0] == {"a": 1}
    with pytest.raises(UnsafeModelFile):
        load(path, kind="other")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("extra.pkl", b"\x80\x04")
    with pytest.raises(UnsafeModelFile, match="unexpected"):
        load(path, kind="k")
