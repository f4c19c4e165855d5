"""Store benchmark: write rate, size per article, search latency, storing overhead.

1. Ingest K real articles (PolNeAR from ../shared/data, else the seed article
   repeated) with the full pipeline into a fresh SQLite file: the share of the
   ingest's time spent storing (target: under 10%).
2. Replicate those records to N articles with new ids, outlets and dates and
   store them in SQLite and PostgreSQL in batches: records/s (pipeline
   excluded) and bytes per article.
3. Search latency p50/p95 over Q queries each: words, phrases, OR, prefixes,
   without filters, with filters, and quote search (target: p95 < 100 ms on
   100,000 articles in SQLite).

    .venv/bin/python bench/store.py                       # K=120, N=20,000: a few minutes
    .venv/bin/python bench/store.py --n 100000            # the issue's figures (~15-25 min)
    .venv/bin/python bench/store.py --n 20000 --no-postgres
    .venv/bin/python bench/store.py --n-postgres 20000     # PostgreSQL loads ~10x slower
    .venv/bin/python bench/store.py --json out.json
    .venv/bin/python bench/store.py --sqlite-db big.db   # search figures on a filled store

PostgreSQL: $UNSPUN_BENCH_POSTGRES (default postgresql://127.0.0.1:5432/test),
in a schema of its own that is dropped afterwards.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from unspun.ingest import ingest  # noqa: E402
from unspun.record import Record  # noqa: E402
from unspun.store import open_store  # noqa: E402

OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
PG_URL = os.environ.get("UNSPUN_BENCH_POSTGRES", "postgresql://127.0.0.1:5432/test")


def input_file(k: int, folder: Path) -> Path:
    """K real articles as JSON Lines (PolNeAR when present, else the seed article)."""
    import attribution_corpus as polnear

    path = folder / "input.jsonl"
    rows = []
    if polnear.available():
        arts = polnear.articles("train") + polnear.articles("dev")
        for a in random.Random(1).sample(arts, min(k, len(arts))):
            rows.append({"text": a.body, "title": a.title,
                         "date": a.meta.get("publication_date"),
                         "source": a.meta.get("publisher")})
    else:
        seed = (ROOT / "examples" / "trend-2023-09-20-karabakh.txt").read_text("utf-8")
        rows = [{"text": seed + f"\n\nCopy {i}.", "date": "2023-09-20"} for i in range(k)]
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    return path


def overhead(k: int, workers: int, folder: Path) -> tuple[dict, list[Record]]:
    """Ingest K articles for real; the share of wall time spent in the store."""
    db = folder / "ingest.db"
    with open_store(db) as store:
        s = ingest([str(input_file(k, folder))], store, workers=workers)
        records = list(store.records())
    return {"articles": s.added, "failed": s.failed, "ingest_s": round(s.seconds, 2),
            "store_s": round(s.store_seconds, 3),
            "store_share_pct": round(100 * s.store_seconds / s.seconds, 2),
            "pipeline_articles_per_s": round(s.added / s.seconds, 2)}, records


def replicas(base: list[Record], n: int) -> list[Record]:
    """N records made from the real ones: new ids, outlets and dates; same analysis."""
    rng = random.Random(7)
    out = []
    for i in range(n):
        src = base[i % len(base)]
        rec = copy.copy(src)  # shares the analysis (read-only here), new identity
        rec.id = f"b{i:09d}"
        rec.source = OUTLETS[rng.randrange(len(OUTLETS))]
        day = rng.randrange(3650)
        rec.published = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
        rec.meta = {"input": f"bench/{i}"}
        out.append(rec)
    return out


def write(store, recs: list[Record], batch: int) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(recs), batch):
        store.add(recs[i:i + batch])
    return time.perf_counter() - t0


def queries(base: list[Record], q: int) -> list[tuple[str, str, dict]]:
    """(label, query, filters): words, phrases, OR and prefixes drawn from the real texts."""
    rng = random.Random(3)
    words = [w.strip(".,\"'()“”’") for r in base for w in r.text.split()]
    words = [w for w in words if len(w) > 4 and w.isalpha()]
    names = [e["name"] for r in base for e in r.entities if e["type"] == "PERSON"]
    speakers = [q["speaker"]["name"] for r in base for q in r.quotes
                if q.get("speaker") and q["speaker"].get("name")] or names or ["Trump"]
    techs = [t["label"] for r in base for t in r.techniques] or ["loaded_language"]
    out = []
    for i in range(q):
        w = rng.choice(words)
        kind = i % 5
        j = rng.randrange(len(words) - 1)
        text = [w, " ".join(rng.sample(words, 2)), f"{w} OR {rng.choice(words)}", w[:4] + "*",
                f'"{words[j]} {words[j + 1]}"'][kind]
        out.append(("plain", text, {}))
        y = 2015 + rng.randrange(10)
        out.append(("filtered", text, {"source": rng.choice(OUTLETS), "since": f"{y}",
                                        "until": f"{y + 2}"}))
        out.append(("filtered", text, {"technique": rng.choice(techs), "voice": "author",
                                        "since": f"{y}"}))
        out.append(("speaker", text if kind else "", {"speaker": rng.choice(speakers).split()[-1]}))
        out.append(("quote", w, {"kind": "quote"}))
    return out


def latency(store, qs: list[tuple[str, str, dict]]) -> dict:
    times: dict[str, list[float]] = {}
    for label, text, filters in qs:
        t0 = time.perf_counter()
        store.search(text or None, limit=20, **filters)
        times.setdefault(label, []).append(1000 * (time.perf_counter() - t0))
    out = {}
    for label, ms in times.items():
        ms.sort()
        out[label] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 1),
                      "p95_ms": round(ms[max(0, int(0.95 * len(ms)) - 1)], 1),
                      "max_ms": round(ms[-1], 1)}
    return out


def sqlite_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def pg_size(store) -> int:
    return store._fetch("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        "JOIN pg_namespace s ON s.oid = c.relnamespace "
                        "WHERE s.nspname = current_schema() AND c.relkind = 'r'")[0][0]


def backend(name: str, target: str, recs: list[Record], batch: int, qs: list) -> dict:
    with open_store(target) as store:
        seconds = write(store, recs, batch)
        size = sqlite_size(Path(target)) if name == "sqlite" else pg_size(store)
        if name == "postgres":
            with store._tx() as cur:  # so the planner knows the table sizes
                cur.execute("ANALYZE")
        latency(store, qs[:20])  # warm the caches
        return {"articles": store.count(), "write_s": round(seconds, 1),
                "records_per_s": round(len(recs) / seconds, 1),
                "bytes_per_article": round(size / len(recs)),
                "search": latency(store, qs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, default=120, help="real articles analysed (default 120)")
    parser.add_argument("--n", type=int, default=20_000,
                        help="articles stored (default 20,000: a few minutes; the issue's "
                             "figures use --n 100000)")
    parser.add_argument("--n-postgres", type=int, default=None,
                        help="articles stored in PostgreSQL (default: --n; PostgreSQL builds "
                             "its text index at about a tenth of SQLite's rate)")
    parser.add_argument("--q", type=int, default=40, help="query seeds (x5 searches each)")
    parser.add_argument("--batch", type=int, default=500, help="records per transaction")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--sqlite-db", help="measure search on this SQLite store, filled by an "
                        "earlier run (skips the ingest and the SQLite write; base records are "
                        "its first --k records)")
    args = parser.parse_args()
    results: dict = {"k": args.k, "n": args.n}
    with tempfile.TemporaryDirectory(prefix="unspun-bench-") as tmp:
        folder = Path(tmp)
        if args.sqlite_db:
            with open_store(args.sqlite_db, readonly=True) as store:
                base = [r for _, r in zip(range(args.k), store.records())]
                qs = queries(base, args.q)
                latency(store, qs[:20])  # warm the caches
                results["sqlite"] = {"articles": store.count(), "search": latency(store, qs)}
        else:
            results["ingest"], base = overhead(args.k, args.workers, folder)
            print("ingest:", json.dumps(results["ingest"]), flush=True)
            qs = queries(base, args.q)
            results["sqlite"] = backend("sqlite", str(folder / "bench.db"),
                                        replicas(base, args.n), args.batch, qs)
        print("sqlite:", json.dumps(results["sqlite"]), flush=True)
        recs = replicas(base, args.n_postgres or args.n)
        if not args.no_postgres:
            schema = f"unspun_bench_{uuid.uuid4().hex[:8]}"
            try:
                results["postgres"] = backend("postgres", f"{PG_URL}?schema={schema}", recs,
                                              args.batch, qs)
                print("postgres:", json.dumps(results["postgres"]), flush=True)
            finally:
                import psycopg

                with psycopg.connect(PG_URL, autocommit=True) as conn:
                    conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
