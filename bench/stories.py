"""Stories: grouping quality on WikiRef220, a PolNeAR check, and assignment scaling.

    .venv/bin/python bench/stories.py [--part quality|polnear|scaling|all] [--sizes 1000,10000,100000]
        [--postgres URL]   # also time scaling on PostgreSQL (a throw-away schema)

Quality (issue 7): WikiRef220 (topic = file-name prefix), B-cubed precision,
recall, F1 and adjusted Rand index, for unspun's online clustering and for a
reference (scikit-learn TF-IDF + average-link agglomerative clustering,
cosine distance) in the same run.  Both methods' thresholds are chosen by a
sweep on a fixed random half of the files (the "tune" split) and reported on
the other half ("test") and on all 220.  The online method depends on article
order: it is run over ``ORDERS`` shuffles and the mean is reported.  Target:
B-cubed F1 >= 0.90.  The final figure for unspun comes from the real
store-backed path (unspun.stories.assign on a SQLite file).

PolNeAR: the 924 dated articles of 7 publishers (2015-16) assigned through the
store; how many stories several publishers share, the largest ones by title,
and near-duplicate (wire) links checked against metadata.tsv's wire column.

Scaling: story tables bulk-loaded with N = 1,000 .. 100,000 articles (PolNeAR
clustered once, then replicated with dates shifted forward, the same number
of articles per day), then the time to assign a fixed probe set of 100 real
articles dated inside the span, per article.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import stories_data  # noqa: E402

from unspun.stories.cluster import Clusterer  # noqa: E402
from unspun.stories.features import features, vector  # noqa: E402

ORDERS = 5
SPLIT_SEED = 7
THRESHOLDS = [round(0.02 + 0.01 * i, 2) for i in range(19)]  # 0.02 .. 0.20
REF_THRESHOLDS = [round(0.50 + 0.02 * i, 2) for i in range(25)]  # cosine distance 0.50 .. 0.98


# -- metrics ------------------------------------------------------------------------
def bcubed(pred: list, gold: list) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998; Amigo et al. 2009)."""
    by_pred, by_gold, both = Counter(pred), Counter(gold), Counter(zip(pred, gold))
    n = len(pred)
    p = sum(both[(a, b)] / by_pred[a] for a, b in zip(pred, gold)) / n
    r = sum(both[(a, b)] / by_gold[b] for a, b in zip(pred, gold)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(pred: list, gold: list) -> dict:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(pred, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "ari": round(adjusted_rand_score(gold, pred), 4), "clusters": len(set(pred))}


def mean_scores(runs: list[dict]) -> dict:
    out = {k: round(statistics.mean(r[k] for r in runs), 4) for k in runs[0]}
    out["f1_sd"] = round(statistics.pstdev(r["f1"] for r in runs), 4)
    return out


# -- methods ------------------------------------------------------------------------
def vectors(recs: list) -> list[dict]:
    """Unit vectors with the IDF of the set itself (what a first `assign` over it uses)."""
    feats = [features(r) for r in recs]
    df: Counter = Counter()
    for f in feats:
        df.update(set(f.counts))
    return [vector(f, df, len(feats)) for f in feats]


def online(recs: list, vecs: list[dict], threshold: float, seed: int) -> list[int]:
    order = list(range(len(recs)))
    random.Random(seed).shuffle(order)
    cl = Clusterer(threshold=threshold)
    pred = [0] * len(recs)
    for i in order:
        pred[i], _ = cl.add(vecs[i], recs[i].published)
    return pred


def reference(recs: list, thresholds: list[float]) -> list[list[int]]:
    """scikit-learn TF-IDF (sublinear tf, English stop words) and average-link
    agglomerative clustering on cosine distance, cut at each distance threshold."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [(r.title or "") + "\n" + r.text for r in recs])
    dist = cosine_distances(x)
    return [AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=t).fit_predict(dist).tolist()
            for t in thresholds]


def split(recs: list) -> tuple[list, list]:
    idx = list(range(len(recs)))
    random.Random(SPLIT_SEED).shuffle(idx)
    half = set(idx[:len(idx) // 2])
    return ([r for i, r in enumerate(recs) if i in half],
            [r for i, r in enumerate(recs) if i not in half])


def sweep_online(recs: list) -> tuple[float, list]:
    vecs, gold = vectors(recs), [r.meta["topic"] for r in recs]
    table = []
    for t in THRESHOLDS:
        runs = [scores(online(recs, vecs, t, s), gold) for s in range(ORDERS)]
        table.append((t, mean_scores(runs)))
    best = max(table, key=lambda row: row[1]["f1"])
    return best[0], table


def sweep_reference(recs: list) -> tuple[float, list]:
    gold = [r.meta["topic"] for r in recs]
    table = [(t, scores(p, gold)) for t, p in zip(REF_THRESHOLDS, reference(recs, REF_THRESHOLDS))]
    return max(table, key=lambda row: row[1]["f1"])[0], table


def store_run(recs: list, threshold: float, seed: int) -> list[int]:
    """unspun.stories.assign on a fresh SQLite store (records added in shuffled order)."""
    import unspun
    from unspun.stories import assign

    order = list(range(len(recs)))
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp, unspun.open_store(Path(tmp) / "s.db") as st:
        for i in order:  # one add per record keeps insertion order = assignment order
            st.add([recs[i]])
        assign(st, threshold=threshold)
        story_of = {r[0]: r[1] for r in st._fetch(
            "SELECT article_id, story_id FROM story_articles")}
    return [story_of[r.id] for r in recs]


def quality() -> dict:
    recs = stories_data.wikiref()
    tune, test = split(recs)
    t_on, table_on = sweep_online(tune)
    t_ref, table_ref = sweep_reference(tune)
    print(f"threshold sweep on the tune split ({len(tune)} articles, mean of {ORDERS} orders):")
    print("  online  t   P      R      F1     ARI   | reference d  P      R      F1     ARI")
    pad = max(0, len(table_ref) - len(table_on))
    for (t, s), (d, r) in zip(table_on + [(None, None)] * pad, table_ref):
        left = (f"{t:.2f} {s['precision']:.3f} {s['recall']:.3f} {s['f1']:.3f} {s['ari']:.3f}"
                if t is not None else " " * 33)
        print(f"  {left} | {d:.2f} {r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f} "
              f"{r['ari']:.3f}")
    print(f"chosen: online threshold {t_on}, reference distance threshold {t_ref}")
    out = {"online_threshold": t_on, "reference_threshold": t_ref}
    for name, part in (("test", test), ("all", recs)):
        gold = [r.meta["topic"] for r in part]
        vecs = vectors(part)
        on = mean_scores([scores(online(part, vecs, t_on, s), gold) for s in range(ORDERS)])
        ref = scores(reference(part, [t_ref])[0], gold)
        out[name] = {"unspun_online": on, "reference_agglomerative": ref}
    gold = [r.meta["topic"] for r in recs]
    t0 = time.monotonic()
    out["all"]["unspun_store"] = mean_scores([scores(store_run(recs, t_on, s), gold)
                                              for s in range(2)])
    out["all"]["unspun_store"]["seconds_per_run"] = round((time.monotonic() - t0) / 2, 1)
    five = {"ParisAttacks2015", "premier.league", "malaysia.airlines.flight",
            "samsung.galaxy.s5", "michelle.obama"}
    main = [r for r in recs if r.meta["topic"] in five]
    gold = [r.meta["topic"] for r in main]
    vecs = vectors(main)
    out["five_main_topics"] = {
        "unspun_online": mean_scores([scores(online(main, vecs, t_on, s), gold)
                                      for s in range(ORDERS)]),
        "reference_agglomerative": scores(reference(main, [t_ref])[0], gold)}
    for name in ("test", "all", "five_main_topics"):
        for method, s in out[name].items():
            print(f"{name:17s} {method:24s} P {s['precision']:.3f} R {s['recall']:.3f} "
                  f"F1 {s['f1']:.3f} ARI {s['ari']:.3f} clusters {s['clusters']}")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="all", choices=["quality", "polnear", "scaling", "all"])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--postgres", default=None)
    args = ap.parse_args()
    results = {}
    if args.part in ("quality", "all"):
        results["quality"] = quality()
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / f"stories-{args.part}.json").write_text(json.dumps(results, indent=1))
