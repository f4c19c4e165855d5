"""Quality gate: quotes scored against a PolNeAR gold subset; fails below the recorded floors.

The subset is the last 40 articles (sorted by name) of PolNeAR train, first
annotator per article, scored with bench/quote_scoring.py on the speech-cued
attributions.  Floors sit just under the figures measured when the gate was
set (see the FLOORS comments); raise them when quality improves.
"""
from __future__ import annotations

import pytest

import unspun.pipeline.quotes  # noqa: F401  (registers the component)
from benchload import bench

ARTICLES = 40
FLOORS = {  # floor: measured when set (2026-11-28), raised 2026-12-01 and 2026-12-02 (measured then)
    ("any", 0.3, "f1"): 0.845,      # 0.842 -> 0.852 -> 0.858
    ("any", 0.8, "f1"): 0.75,       # 0.746 -> 0.761 -> 0.765
    ("direct", 0.3, "f1"): 0.96,    # 0.963 -> 0.967 -> 0.971
    ("indirect", 0.3, "f1"): 0.76,  # 0.755 -> 0.769 -> 0.775
    ("any", 0.3, "speaker"): 0.96,  # 0.943 -> 0.955 -> 0.972
}


@pytest.mark.slow
def test_quote_quality_on_polnear_subset(shared_data):
    root = shared_data / "polnear"
    if not (root / "train" / "attributions").is_dir():
        pytest.skip("PolNeAR not in the shared data")
    from collections import defaultdict

    from unspun.pipeline.nlp import get_nlp
    from unspun.pipeline.runner import Pipeline

    scoring, quotes = bench("quote_scoring"), bench("quotes")
    Tally, load_split, score_article = scoring.Tally, scoring.load_split, scoring.score_article
    COMPONENTS, unspun_preds = quotes.COMPONENTS, quotes.unspun_preds
    articles = load_split(root, "train")[-ARTICLES:]
    pipe = Pipeline(COMPONENTS)
    totals: dict = defaultdict(Tally)
    docs = get_nlp().pipe([t for _, t, _ in articles])
    for (_, text, golds), doc in zip(articles, docs):
        preds = unspun_preds(pipe, text, doc)
        for thr in (0.3, 0.8):
            for (subset, kind), t in score_article(text, golds, preds, thr).items():
                if subset == "speech":
                    totals[(kind, thr)].add(t)
    measured = {}
    for (kind, thr, what), floor in FLOORS.items():
        p, r, f, acc = totals[(kind, thr)].prf()
        measured[(kind, thr, what)] = f if what == "f1" else acc
    print(measured)
    low = {k: (round(v, 3), FLOORS[k]) for k, v in measured.items() if v < FLOORS[k]}
    assert not low, f"quote quality below the floor (measured, floor): {low}"
