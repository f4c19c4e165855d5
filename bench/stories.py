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
    return shuffled_clusters(vecs, [r.published for r in recs], threshold, seed)


def shuffled_clusters(vecs: list[dict], dates: list, threshold: float | None,
                      seed: int) -> list[int]:
    """Each vector's story from unspun's online clustering, the vectors added in the order
    of a shuffle by ``seed``; ``dates`` are the articles' dates (None: undated)."""
    order = list(range(len(vecs)))
    random.Random(seed).shuffle(order)
    cl = Clusterer(threshold=threshold)
    pred = [0] * len(vecs)
    for i in order:
        pred[i], _ = cl.add(vecs[i], dates[i])
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


def store_run(recs: list, threshold: float | None, seed: int) -> list[int]:
    """unspun.stories.assign on a fresh SQLite store (records added in shuffled order)."""
    import unspun
    from unspun.stories import assign

    order = list(range(len(recs)))
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory() as tmp, unspun.open_store(Path(tmp) / "s.db") as st:
        for i in order:  # one add per record keeps insertion order = assignment order
            st.add([recs[i]])
        assign(st, threshold=threshold)
        story_of = {r[0]: r[1] for r in st.query(
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


def polnear_check() -> dict:
    """Assign PolNeAR through a SQLite store; stories shared by publishers; wire links."""
    import unspun
    from unspun.stories import assign, list_stories

    recs = stories_data.polnear()
    meta = {r.id: r.meta for r in recs}
    out: dict = {"articles": len(recs)}
    print(f"\nPolNeAR: {len(recs)} articles, {len({r.source for r in recs})} publishers")
    # the dated threshold: sweep (in memory, date order, default window); the rule is the
    # smallest threshold at which no story spans more than MAX_SPAN_DAYS (news stories are
    # local in time; below it stories chain through a whole campaign)
    import datetime as dt

    from unspun.stories.cluster import MAX_SPAN_DAYS, THRESHOLD_DATED

    order = sorted(range(len(recs)), key=lambda i: (recs[i].published or "", recs[i].id))
    vecs = vectors(recs)
    out["by_threshold"] = {}
    chosen = None
    print("  dated threshold sweep: stories, multi-publisher stories (their articles), "
          "largest story, longest span in days")
    for t in [0.06] + [round(0.10 + 0.02 * i, 2) for i in range(11)]:
        cl = Clusterer(threshold=t)
        members = defaultdict(list)
        for i in order:
            members[cl.add(vecs[i], recs[i].published)[0]].append(i)
        multi = [m for m in members.values() if len({recs[i].source for i in m}) >= 2]
        day = [dt.date.fromisoformat(r.published) for r in recs]
        span = max((max(day[i] for i in m) - min(day[i] for i in m)).days
                   for m in members.values())
        row = {"stories": len(members), "multi_publisher": len(multi),
               "articles_in_multi": sum(len(m) for m in multi),
               "largest": max(len(m) for m in members.values()), "max_span_days": span}
        out["by_threshold"][t] = row
        if chosen is None and span <= MAX_SPAN_DAYS:
            chosen = t
        print(f"    {t:.2f}: {row['stories']:4d} stories, {row['multi_publisher']:3d} "
              f"multi-publisher ({row['articles_in_multi']:3d} articles), largest "
              f"{row['largest']:3d}, longest {span:3d} days")
    out["chosen_dated_threshold"] = chosen
    print(f"  rule: smallest threshold with no story longer than {MAX_SPAN_DAYS} days -> "
          f"{chosen} (unspun's default THRESHOLD_DATED = {THRESHOLD_DATED})")
    with tempfile.TemporaryDirectory() as tmp, unspun.open_store(Path(tmp) / "p.db") as st:
        st.add(recs)
        t0 = time.monotonic()
        summary = assign(st)
        out["assign"] = summary
        print(f"  store assign (default threshold): {summary['assigned']} articles in "
              f"{time.monotonic() - t0:.1f}s, {summary['new_stories']} stories, "
              f"{summary['wire_links']} wire links")
        top = sorted(list_stories(st, limit=10000), key=lambda s: (-s["sources"], -s["articles"]))
        out["top"] = []
        for s in top[:8]:
            titles = [r[0] for r in st.query(
                "SELECT title FROM story_articles WHERE story_id = ? ORDER BY published LIMIT 4",
                (s["id"],))]
            out["top"].append({**s, "sample_titles": titles})
            print(f"  story {s['id']} {s['first_published']}..{s['last_published']} "
                  f"{s['articles']} articles, {s['sources']} publishers")
            for t in titles:
                print(f"     - {t}")
        pairs = st.query("SELECT article_a, article_b, paragraphs, similarity FROM story_wire")
        agree = Counter()
        for a, b, _, _ in pairs:
            wa, wb = (meta[a].get("wire") or "NA"), (meta[b].get("wire") or "NA")
            agree["same wire credit" if wa == wb and wa not in ("NA", "None") else
                  "one or both uncredited" if "NA" in (wa, wb) or "None" in (wa, wb)
                  else "different wire credit"] += 1
        out["wire_pairs"] = {"pairs": len(pairs), **agree}
        print(f"  wire links: {len(pairs)} pairs; by metadata.tsv wire column: {dict(agree)}")
    return out


def scaling(sizes: list[int], pg_url: str | None = None, probes: int = 100) -> dict:
    """Per-article assignment time for a fixed probe set over N bulk-loaded articles."""
    recs = stories_data.polnear()
    dated = sorted((r for r in recs if r.published), key=lambda r: (r.published, r.id))
    vecs = vectors(dated)
    cl = Clusterer()
    member = [cl.add(v, r.published)[0] for v, r in zip(vecs, dated)]
    import datetime as dt

    first = dt.date.fromisoformat(dated[0].published)
    span = (dt.date.fromisoformat(dated[-1].published) - first).days + 30
    print(f"\nScaling: PolNeAR clustered once ({len(dated)} articles, {len(cl.stories)} stories, "
          f"{len(dated) / span:.1f} articles/day), copies shifted by {span} days")
    probe_src = dated[::max(1, len(dated) // probes)][:probes]
    table = []
    backends = [("sqlite", None)] + ([("postgres", pg_url)] if pg_url else [])
    for backend, url in backends:
        for n in sizes:
            row = _scale_once(backend, url, n, dated, vecs, member, cl, first, span, probe_src)
            table.append(row)
            print(f"  {backend:8s} N={n:>7,}  per article: median {row['median_ms']:.1f} ms, "
                  f"mean {row['mean_ms']:.1f} ms (grouping {row['median_group_ms']:.1f}, wire "
                  f"copy {row['median_wire_ms']:.1f}), candidates {row['candidates']:.0f}; "
                  f"per-run unassigned lookup {row['unassigned_lookup_ms']:.0f} ms; "
                  f"load {row['load_s']:.0f}s")
    for backend, _ in backends:
        rows = [r for r in table if r["backend"] == backend]
        if len(rows) > 1:
            print(f"  {backend}: median time at N={rows[-1]['n']:,} / N={rows[0]['n']:,} = "
                  f"{rows[-1]['median_ms'] / rows[0]['median_ms']:.2f}x")
    return {"rows": table}


def _scale_once(backend, url, n, dated, vecs, member, cl, first, span, probe_src) -> dict:
    import datetime as dt
    import uuid

    import unspun
    from unspun.record import Record
    from unspun.stories.assignment import Assigner, link_wire
    from unspun.stories.cluster import window_days
    from unspun.stories.minhash import paragraphs

    copies = -(-n // len(dated))
    tmp = tempfile.TemporaryDirectory()
    target = (Path(tmp.name) / "scale.db" if backend == "sqlite"
              else f"{url}?schema=unspun_bench_{uuid.uuid4().hex[:8]}")
    st = unspun.open_store(target)
    t0 = time.monotonic()
    paras = {r.id: paragraphs(r)[:2] for r in dated}
    df: Counter = Counter()
    for r in dated:
        df.update(set(features(r).counts))
    loaded = 0
    for k in range(copies):
        shift = dt.timedelta(days=k * span)
        take = dated[:n - loaded]
        day = {r.id: (dt.date.fromisoformat(r.published) + shift).isoformat() for r in take}
        used = sorted({member[i] for i in range(len(take))})
        with st.transaction() as cur:
            base = k * (len(cl.stories) + 1) + 1
            rows = []
            for sid in used:
                s = cl.stories[sid]
                days = sorted(day[dated[i].id] for i in range(len(take)) if member[i] == sid)
                rows.append((base + sid, f"story {sid} copy {k}", days[0], days[-1], s.size,
                             json.dumps(s.centroid), base + sid))
            cur.executemany(("INSERT INTO stories (id, title, first_published, last_published, "
                              "articles, centroid, seq) VALUES (?, ?, ?, ?, ?, ?, ?)"), rows)
            cur.executemany(("INSERT INTO story_days (day, story_id) VALUES (?, ?) "
                              "ON CONFLICT DO NOTHING"),
                            [(day[r.id], base + member[i]) for i, r in enumerate(take)])
            cur.executemany(("INSERT INTO story_articles (article_id, story_id, published, "
                              "source, title) VALUES (?, ?, ?, ?, ?)"),
                            [(f"c{k}-{r.id}", base + member[i], day[r.id], r.source, r.title)
                             for i, r in enumerate(take)])
            cur.executemany(("INSERT INTO articles (id, published, source, title) "
                              "VALUES (?, ?, ?, ?)"),
                            [(f"c{k}-{r.id}", day[r.id], r.source, r.title) for r in take])
            cur.executemany(("INSERT INTO story_lsh (band, article_id, para) VALUES (?, ?, ?)"),
                            [(f"c{k}/{b}", f"c{k}-{r.id}", p.para) for r in take
                             for p in paras[r.id] for b in p.bands()])
        loaded += len(take)
    with st.transaction() as cur:
        cur.executemany(("INSERT INTO story_terms (term, df) VALUES (?, ?)"),
                        [(t, c * copies) for t, c in df.items()])
        cur.execute(("INSERT INTO story_meta (key, value) VALUES ('docs', ?)"), (str(n),))
        if backend == "postgres":
            cur.execute("SELECT setval(pg_get_serial_sequence('stories', 'id'), "
                        "(SELECT max(id) FROM stories))")
            cur.execute("ANALYZE")
    load_s = time.monotonic() - t0
    mid = dt.timedelta(days=((copies - 1) // 2) * span)  # a full copy, inside the span
    probe_recs = []
    for r in probe_src:
        d = dict(r.to_dict(), id="", title=(r.title or "") + " [probe]",
                 published=(dt.date.fromisoformat(r.published) + mid).isoformat())
        probe_recs.append(Record.from_dict(d))
    st.add(probe_recs)
    worker = Assigner(st, wire=False)  # grouping and wire copy timed apart
    feats = worker.prepare(probe_recs)
    times, wire_times, cands = [], [], []
    for rec, feat in zip(probe_recs, feats):
        t = time.perf_counter()
        worker.place(rec, feat)
        t1 = time.perf_counter()
        link_wire(st, rec)
        wire_times.append((time.perf_counter() - t1) * 1000)
        times.append((time.perf_counter() - t) * 1000)
        cands.append(len(worker.cache.candidates(window_days(feat.published, worker.window),
                                                 worker.undated_candidates)))
    count = st.query("SELECT COUNT(*) FROM story_articles")[0][0]
    from unspun.stories.store import unassigned

    t = time.perf_counter()  # the per-run lookup of articles without a story
    unassigned(st)
    lookup_ms = (time.perf_counter() - t) * 1000
    if backend == "postgres":
        st.conn.execute(f'DROP SCHEMA "{st.schema}" CASCADE')
    st.close()
    tmp.cleanup()
    return {"backend": backend, "n": n, "stored_articles": count,
            "median_ms": round(statistics.median(times), 2),
            "median_group_ms": round(statistics.median(t - w for t, w in zip(times, wire_times)),
                                     2),
            "median_wire_ms": round(statistics.median(wire_times), 2),
            "mean_ms": round(statistics.mean(times), 2),
            "candidates": statistics.mean(cands), "load_s": round(load_s, 1),
            "unassigned_lookup_ms": round(lookup_ms, 1)}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="all", choices=["quality", "polnear", "scaling", "all"])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--postgres", default=None)
    args = ap.parse_args()
    results = {}
    if args.part in ("quality", "all"):
        results["quality"] = quality()
    if args.part in ("polnear", "all"):
        results["polnear"] = polnear_check()
    if args.part in ("scaling", "all"):
        results["scaling"] = scaling([int(x) for x in args.sizes.split(",")], args.postgres)
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / f"stories-{args.part}.json").write_text(json.dumps(results, indent=1))
