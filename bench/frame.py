"""DataFrame benchmark: ``store.frame("quotes")`` on a 100,000-article store (goal: under 5 s).

The store is filled with synthetic rows by direct inserts into its tables (no
pipeline, no full-text index: ``frame`` reads neither): N articles over 20
outlets and ten years, about 5 quotes, 4 techniques and 2 frames each.  Then
each frame is read ``--repeat`` times and the best and median wall times are
reported, with the row count and rows per second.  A CPU calibration (the time
of ``sum(range(10**7))``) is printed too: on a shared machine, scale by it.

    .venv/bin/python bench/frame.py                    # N=100,000, SQLite and PostgreSQL
    .venv/bin/python bench/frame.py --n 20000 --no-postgres
    .venv/bin/python bench/frame.py --json out.json

PostgreSQL: $UNSPUN_BENCH_POSTGRES (default postgresql://127.0.0.1:5432/test), in a
schema of its own that is dropped afterwards.
"""
from __future__ import annotations

import argparse
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

from unspun.store import open_store  # noqa: E402
from unspun.store.rows import COLUMNS  # noqa: E402

OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
LABELS = ["Loaded_Language", "Doubt", "Name_Calling-Labeling", "Exaggeration-Minimisation",
          "Appeal_to_Fear-Prejudice", "Repetition", "Appeal_to_Authority", "Flag_Waving"]
FRAMES = ["Economic", "Political", "Security_and_defense", "Health_and_safety", "Morality"]
SPEAKERS = [f"{first} {last}" for first in ("Ana", "Ben", "Chen", "Dara", "Eli", "Fatima")
            for last in ("Ortiz", "Ng", "Okafor", "Smith", "Kowalski", "Haddad", "Ivanova")]
PG_URL = os.environ.get("UNSPUN_BENCH_POSTGRES", "postgresql://127.0.0.1:5432/test")
TABLES = ("articles", "records", "quotes", "techniques", "frames", "names")


def synthetic(n: int) -> dict[str, list[tuple]]:
    """Rows for every table ``frame`` reads, for N articles (deterministic)."""
    rng = random.Random(5)
    out: dict[str, list[tuple]] = {t: [] for t in TABLES}
    for i in range(n):
        aid = f"a{i:09d}"
        day = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + rng.randrange(3650) * 86400))
        nq, nt = rng.randrange(1, 10), rng.randrange(0, 9)
        out["articles"].append((i + 1, aid, day, day[:7], rng.choice(OUTLETS), f"Article {i}",
                                None, "en", 600, 3600, nq, nt, "reporting", 0.8,
                                f"bench/{i}", "2026-01-01T00:00:00+00:00"))
        out["records"].append((i + 1, aid, f"Article {i}", "synthetic text", "{}"))
        for q in range(nq):
            who = rng.choice(SPEAKERS)
            out["quotes"].append((aid, f"Q{q + 1}", "direct", f"E{q + 1}", who, who.casefold(),
                                  "said", f"quoted words number {q} of article {i}",
                                  100 * q, 100 * q + 40))
        for t in range(nt):
            voice = "author" if rng.random() < 0.5 else f"Q{rng.randrange(1, nq + 1)}"
            out["techniques"].append((aid, rng.choice(LABELS), 50 * t, 50 * t + 12,
                                      "twelve chars", voice, 0.7, "evidence text"))
        for label in rng.sample(FRAMES, 2):
            out["frames"].append((aid, label, 0.6))
    out["names"] = [(who.casefold(),) for who in SPEAKERS]  # what the speaker filter reads
    return out


def fill(store, rows: dict[str, list[tuple]], postgres: bool) -> float:
    cols = {"articles": ("n", *COLUMNS["articles"]),
            "records": ("n", "article_id", "title", "text", "json"),
            **{t: COLUMNS[t] for t in ("quotes", "techniques", "frames")}, "names": ("key",)}
    t0 = time.perf_counter()
    with store._tx() as cur:
        for table in TABLES:
            names = ", ".join(cols[table])
            if postgres:
                with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(cols[table]))
                cur.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows[table])
        if postgres:
            cur.execute("SELECT setval(pg_get_serial_sequence('articles', 'n'), "
                        "(SELECT max(n) FROM articles))")
            cur.execute("ANALYZE")
        else:
            cur.execute("ANALYZE")
    return time.perf_counter() - t0


def timed(store, table: str, repeat: int, **filters) -> dict:
    times, rows = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        df = store.frame(table, **filters)
        times.append(time.perf_counter() - t0)
        rows = len(df)
    return {"table": table, "filters": filters, "rows": rows, "best_s": round(min(times), 2),
            "median_s": round(statistics.median(times), 2),
            "rows_per_s": round(rows / min(times)) if min(times) else None}


def measure(store, repeat: int) -> list[dict]:
    t0 = time.perf_counter()
    store.frame("errors")  # imports pandas (and pyarrow): once per session, not per frame
    print(f"  first frame (imports pandas): {time.perf_counter() - t0:.2f} s", flush=True)
    return [timed(store, "quotes", repeat),
            timed(store, "quotes", repeat, source="Outlet C", since="2018"),
            timed(store, "quotes", repeat, speaker="okafor"),
            timed(store, "techniques", repeat, voice="author"),
            timed(store, "articles", repeat)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="reads of each frame (default 3)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    t0 = time.perf_counter()
    sum(range(10_000_000))  # how busy the machine is: about 0.1-0.15 s on an idle, recent CPU
    calibration = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    rows = synthetic(args.n)
    results: dict = {"n": args.n, "cpu_calibration_s": calibration, "quotes": len(rows["quotes"]),
                     "techniques": len(rows["techniques"]),
                     "generate_s": round(time.perf_counter() - t0, 1)}
    print(json.dumps(results), flush=True)
    with tempfile.TemporaryDirectory(prefix="unspun-bench-") as tmp:
        with open_store(Path(tmp) / "frame.db") as store:
            results["sqlite"] = {"fill_s": round(fill(store, rows, False), 1),
                                 "frames": measure(store, args.repeat)}
        print("sqlite:", json.dumps(results["sqlite"]), flush=True)
    if not args.no_postgres:
        schema = f"unspun_bench_{uuid.uuid4().hex[:8]}"
        try:
            with open_store(f"{PG_URL}?schema={schema}") as store:
                results["postgres"] = {"fill_s": round(fill(store, rows, True), 1),
                                       "frames": measure(store, args.repeat)}
            print("postgres:", json.dumps(results["postgres"]), flush=True)
        finally:
            import psycopg

            with psycopg.connect(PG_URL, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    for backend in ("sqlite", "postgres"):
        if backend in results:
            quotes = results[backend]["frames"][0]
            print(f"frame('quotes'), {quotes['rows']:,} rows from {args.n:,} articles ({backend}): "
                  f"{quotes['best_s']} s best, {quotes['median_s']} s median (goal: under 5 s)")
    print(f"CPU calibration: sum(range(10**7)) took {calibration} s (about 0.1-0.15 s when idle)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
