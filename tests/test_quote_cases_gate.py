"""Quality gate: quotes and speakers on the project's own written cases (corpus/quotes/, both
halves), scored by bench/quote_cases.py; fails below the recorded floors.

The cases ship with the project, so this gate runs everywhere, also where ../shared is absent.
Floors sit just under the figures measured when the gate was set (see the comments); raise
them when quality improves, never lower them to let a change through.
"""
from __future__ import annotations

import pytest

from benchload import bench

FLOORS = {  # floor: measured when set (2026-12-01, the 78 cases of the four class files)
    ("all", "f1"): 0.97,            # 0.984
    ("direct", "f1"): 0.98,         # 1.000
    ("indirect", "f1"): 0.96,       # 0.976
    ("all", "speaker"): 0.94,       # 0.954
    ("cueless", "speaker"): 0.95,   # 0.974
    ("pronoun", "speaker"): 0.95,   # 0.983
    ("nonagent", "speaker"): 0.84,  # 0.865
}
# The longform file (24 whole articles written blind to the rules) is harder; its own floors.
LONGFORM_FLOORS = {  # floor: measured when set (2026-12-01, both halves)
    ("all", "f1"): 0.93,            # 0.939
    ("all", "speaker"): 0.86,       # 0.868
}


@pytest.mark.slow
def test_quote_quality_on_the_written_cases():
    import unspun.pipeline.quotes  # noqa: F401  (registers the component)
    from unspun.pipeline.runner import Pipeline
    from unspun.readers.article import Article

    cases_mod = bench("quote_cases")
    cases = cases_mod.load_cases()
    pipe = Pipeline(["segment", "dateline", "agencies", "entities", "quotes"])
    records = pipe.analyze_batch([Article(text=c.text) for c in cases])
    low = {}
    for longform, floors in ((False, FLOORS), (True, LONGFORM_FLOORS)):
        pairs = [(c, r) for c, r in zip(cases, records) if (c.file == "longform") == longform]
        tallies, _ = cases_mod.score([c for c, _ in pairs], [r for _, r in pairs], show=False)
        for (subset, what), floor in floors.items():
            p, r, f, acc = tallies[subset].prf()
            got = f if what == "f1" else acc
            print("longform" if longform else "class files", subset, what, round(got, 3))
            if got < floor:
                low[("longform" if longform else "class files", subset, what)] = (round(got, 3), floor)
    assert not low, f"quote quality on corpus/quotes below the floor (measured, floor): {low}"
