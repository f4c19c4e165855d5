"""Near-duplicate detection (MinHash) and grouping real articles (WikiRef220)."""
from __future__ import annotations

import random

import pytest

from unspun.record import Record
from unspun.stories import minhash
from unspun.stories.cluster import Clusterer
from unspun.stories.features import features, vector


def test_minhash_estimates_jaccard():
    rng = random.Random(3)
    pool = [f"w{rng.random()}" for _ in range(600)]
    for shared in (0, 100, 200, 300):
        a = set(pool[:300])
        b = set(pool[300 - shared:600 - shared])
        true = len(a & b) / len(a | b)
        est = minhash.similarity(minhash.signature(a), minhash.signature(b))
        assert abs(est - true) < 0.15, (shared, true, est)
    same = minhash.signature(pool[:50])
    assert minhash.similarity(same, minhash.signature(list(reversed(pool[:50])))) == 1.0


def test_signatures_round_trip_and_bands_find_near_duplicates():
    text = ("The agency issued a tsunami advisory for the Pacific coast and warned residents "
            "to stay away from the shore while aftershocks continue through the night.")
    edited = text.replace("residents", "people living nearby")
    other = ("Markets had expected the move; the euro rose against the dollar and bond yields "
             "in Germany and Italy edged higher after the decision was announced today.")
    sa, se, so = (minhash.signature(minhash.shingles(t)) for t in (text, edited, other))
    assert minhash.similarity(minhash.from_text(minhash.to_text(sa)), sa) == 1.0
    assert minhash.similarity(sa, se) >= 0.5 and minhash.similarity(sa, so) < 0.1
    assert set(minhash.band_keys(sa)) & set(minhash.band_keys(se))
    assert not set(minhash.band_keys(sa)) & set(minhash.band_keys(so))


def test_paragraphs_skip_short_ones_and_keep_offsets():
    long = " ".join(f"word{i}" for i in range(30))
    rec = Record(text=f"Short one.\n\n{long}\n\nAnother short paragraph.")
    (para,) = minhash.paragraphs(rec)
    assert rec.text[para.start:para.end] == long and para.para == 1


@pytest.mark.slow
def test_wikiref_topics_are_grouped(shared_data):
    """Real web articles: four articles from each of the five main WikiRef220 topics."""
    root = shared_data / "wikiref220" / "WikiRef220"
    prefixes = ["ParisAttacks2015 (", "premier.league.", "malaysia.airlines.flight.",
                "samsung.galaxy.s5.", "michelle.obama."]
    recs, gold = [], []
    for prefix in prefixes:
        for path in sorted(root.glob(prefix.replace("(", "[(]") + "*"))[:4]:
            title, _, body = path.read_text("utf-8", errors="replace").partition("\n")
            recs.append(Record(text=body, title=title))
            gold.append(prefix)
    assert len(recs) == 20
    feats = [features(r) for r in recs]
    df: dict[str, int] = {}
    for f in feats:
        for t in f.counts:
            df[t] = df.get(t, 0) + 1
    cl = Clusterer()
    pred = [cl.add(vector(f, df, len(feats)), None)[0] for f in feats]
    pure = sum(len({g for g, p in zip(gold, pred) if p == c}) == 1 for c in set(pred))
    assert pure == len(set(pred))  # no story mixes topics
    assert len(set(pred)) <= 8  # and most topics are one story
