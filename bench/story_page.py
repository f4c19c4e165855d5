"""Story page benchmark: GET /stories/ID from `unspun serve` on a 100,000-article database
(target: under 1 s per page), and the stories list.

Builds (once, then reuses) a database of --n records: the bundled example articles
(examples/corpus, three outlets) are analysed once and stored again and again under new
ids, outlets and dates; their story grouping is computed once (unspun.stories.assign on
the originals) and repeated for every copy by direct inserts into the story tables, so the
database has --n articles in about --n / 2 stories. One story is made --big articles long
(the page reads the earliest 100). Then `unspun serve` runs on 127.0.0.1 and each page is
fetched --repeat times: the median and the slowest are reported, for --samples ordinary
stories, the big one (its first view, and views while it is unchanged, which the server
keeps), and the stories list (newest, biggest, one outlet, a date range).

    .venv/bin/python bench/story_page.py [--n 100000] [--big 1000] [--samples 20]
        [--repeat 3] [--db bench/out/story_page.db]

Writes bench/out/story_page.json, with a CPU calibration (seconds for sum(range(10**7)))
and the load average: on a shared machine, read the timings against them. Only 127.0.0.1
is contacted.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

OUT = ROOT / "bench" / "out"
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]


def base_records() -> list:
    from unspun import analyze_paths
    from unspun.record import Record

    return [r for r in analyze_paths([str(ROOT / "examples" / "corpus")]) if isinstance(r, Record)]


def grouping(base: list) -> list[list[int]]:
    """The story grouping of the originals, as lists of indexes into ``base``."""
    import tempfile

    from unspun import open_store
    from unspun.stories import assign

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "g.db") as store:
        store.add(base)
        assign(store)
        rows = store._fetch("SELECT article_id, story_id FROM story_articles")
    by_id = {r.id: i for i, r in enumerate(base)}
    groups: dict[int, list[int]] = {}
    for aid, sid in rows:
        groups.setdefault(sid, []).append(by_id[aid])
    return list(groups.values())


def build(db: Path, n: int, big: int) -> dict:
    from unspun import open_store

    base = base_records()
    groups = grouping(base)
    rng = random.Random(11)
    t0 = time.perf_counter()
    per_copy = len(base)
    copies = n // per_copy
    with open_store(db) as store:
        story_id = 0
        for c in range(copies):
            day = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + (c // 20) * 86400))
            outlets = rng.sample(OUTLETS, 3)
            recs = []
            for i, src in enumerate(base):
                rec = copy.copy(src)
                rec.id = f"s{c:07d}{i:02d}"
                rec.source = outlets[["ledger", "voice", "wire"].index(
                    (src.meta.get("input") or "").rsplit("/", 1)[-1].split("-")[0])]
                rec.published = day
                rec.meta = {"input": f"bench/{c}/{i}"}
                recs.append(rec)
            store.add(recs)
            rows, arts, days = [], [], []
            for g in groups:
                story_id += 1
                members = [recs[i] for i in g]
                if c == 0 and g is max(groups, key=len):
                    members = members + [_twin(members[k % len(members)], k) for k in range(big)]
                    store.add(members[len(g):])
                rows.append((story_id, members[0].title, day, day, len(members),
                             len({m.source for m in members}), "{}", story_id))
                arts += [(m.id, story_id, m.published, m.source, m.title, 0.5) for m in members]
                days.append((day, story_id))
            with store._tx() as cur:
                cur.executemany(store._sql(
                    "INSERT INTO stories (id, title, first_published, last_published, articles, "
                    "sources, centroid, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), rows)
                cur.executemany(store._sql(
                    "INSERT INTO story_articles (article_id, story_id, published, source, title, "
                    "similarity) VALUES (?, ?, ?, ?, ?, ?)"), arts)
                cur.executemany(store._sql("INSERT INTO story_days (day, story_id) VALUES (?, ?) "
                                           "ON CONFLICT DO NOTHING"), days)
            if c % 500 == 0:
                print(f"  {c * per_copy:,} articles stored", file=sys.stderr)
        articles = store.count()
    return {"articles": articles, "stories": story_id, "build_seconds":
            round(time.perf_counter() - t0, 1), "big_story": 1 + groups.index(max(groups, key=len))}


def _twin(rec, k: int):
    twin = copy.copy(rec)
    twin.id = f"big{k:07d}"
    twin.meta = {"input": f"bench/big/{k}"}
    return twin


def calibration() -> float:
    """Seconds for sum(range(10**7)): on a shared machine, scale the timings by it."""
    t0 = time.perf_counter()
    sum(range(10**7))
    return round(time.perf_counter() - t0, 3)


def timed(client, path: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = client.get(path)
        out.append(time.perf_counter() - t0)
        assert res.status_code == 200, (path, res.status_code)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=1000)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", type=Path, default=OUT / "story_page.db")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    info_path = args.db.with_suffix(".info.json")
    if not args.db.exists():
        info = build(args.db, args.n, args.big)
        info_path.write_text(json.dumps(info))
    info = json.loads(info_path.read_text())
    print(f"database: {info}", file=sys.stderr)
    from test_server_api_support import serve

    rng = random.Random(3)
    sample = rng.sample(range(1, info["stories"] + 1), args.samples)
    results: dict[str, list[float]] = {"story_first_view": [], "story_again": [],
                                       "big_story_first_view": [], "big_story_again": [],
                                       "stories_list": []}
    with serve(str(args.db)) as srv:
        srv.get("/stories")  # warm the pool
        srv.get(f"/stories/{info['stories']}")  # and the tone lexicon (loaded on first use)
        for sid in sample:
            first, *again = timed(srv, f"/stories/{sid}", args.repeat)
            results["story_first_view"].append(first)
            results["story_again"] += again
        first, *again = timed(srv, f"/stories/{info['big_story']}", args.repeat)
        results["big_story_first_view"], results["big_story_again"] = [first], again
        for path in ("/stories", "/stories?sort=biggest", "/stories?outlet=Outlet+C",
                     "/stories?since=2020-01-01&until=2020-06"):
            results["stories_list"] += timed(srv, path, args.repeat)
    report = {"database": info, "target_seconds": 1.0, "cpu_calibration_s": calibration(),
              "load_average": os.getloadavg()[0], "pages": {
        k: {"requests": len(v), "median_s": round(statistics.median(v), 3),
            "max_s": round(max(v), 3)} for k, v in results.items()}}
    (OUT / "story_page.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))
    return 0 if all(p["max_s"] < 1.0 for p in report["pages"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
