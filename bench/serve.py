"""Load test of `unspun serve` on loopback: concurrent search and article requests.

Builds (once, then reuses) a database of --articles records by analysing
--seed real PolNeAR articles (../shared/data/polnear; the bundled example
article when absent) and replicating their records under new ids and dates,
starts `unspun serve` on 127.0.0.1, and runs --concurrency clients for
--seconds, each sending, in turn at random: an API search (random word from
the corpus, sometimes with an outlet or date filter), an article's JSON
record, and an article's HTML page.  Stops by itself; only 127.0.0.1 is ever
contacted.  Reports requests/s, latency percentiles and errors (must be 0).

    .venv/bin/python bench/serve.py [--articles 10000] [--seed 120] [--concurrency 200]
        [--seconds 30] [--db bench/out/serve.db] [--pool 8] [--workers 1,2]

With --attack, one server (1 process, default analysis limits) gets, one after
the other, the hostile analyses of issue 14: an 800 KB POST /api/analyze
(must be refused at once: 413), a text just under the 100,000-character limit
and 16 KB of quote marks (each must return within the 30 s time limit with a
result or a coded 504), while --concurrency readers (default 50) keep
requesting; it reports each attack's status and seconds, and the readers'
p95 (target < 500 ms) and errors (target 0).

Writes bench/out/serve.json (bench/out/serve-attack.json with --attack).
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POLNEAR = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear"
LOOPBACK = {"127.0.0.1", "localhost"}


def seed_inputs(n: int) -> list[dict]:
    """Up to ``n`` real articles, interleaved across PolNeAR's publishers."""
    meta = POLNEAR / "metadata.tsv"
    if not meta.is_file():
        text = (ROOT / "examples" / "trend-2023-09-20-karabakh.txt").read_text("utf-8")
        date, _, body = text.strip().partition("\n")
        return [{"text": body.strip(), "published": date.split()[-1], "source": "Trend"}]
    by_pub: dict[str, list[dict]] = {}
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = POLNEAR / row["compartment"] / "text" / (row["filename"] + ".txt")
            if path.is_file():
                by_pub.setdefault(row["publisher"], []).append({"path": path, **row})
    out: list[dict] = []
    lists = [sorted(v, key=lambda r: r["filename"]) for _, v in sorted(by_pub.items())]
    for i in range(max(map(len, lists))):
        for lst in lists:
            if i < len(lst) and len(out) < n:
                r = lst[i]
                title, _, body = r["path"].read_text("utf-8").partition("\n")
                out.append({"text": body.strip(), "title": title.strip(),
                            "source": r["publisher"], "published": r["publication_date"]})
    return out


def shifted(date: str | None, months: int) -> str:
    y, m, d = (int(x) for x in (date or "2016-01-15").split("-"))
    total = y * 12 + (m - 1) + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}-{min(d, 28):02d}"


def build_db(db: str, articles: int, seed: int, workers: int) -> dict:
    """Analyse the seed articles and store ``articles`` replicas with new ids and dates."""
    import unspun
    from unspun.record import Record

    with unspun.open_store(db) as store:
        have = store.count()
    if have >= articles:
        return {"built": False, "articles": have}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "seed.jsonl"
        src.write_text("".join(json.dumps(a) + "\n" for a in seed_inputs(seed)), "utf-8")
        seeds = [r for r in unspun.analyze_paths([str(src)], workers=workers)
                 if isinstance(r, Record)]
    analysed = time.monotonic() - started
    batch: list[Record] = []
    with unspun.open_store(db) as store:
        for i in range(have, articles):
            base = seeds[i % len(seeds)]
            rec = Record.from_dict(base.to_dict())
            rec.id = f"{base.id[:12]}-{i:07d}"
            rec.published = shifted(base.published, (i // len(seeds)) % 24)
            batch.append(rec)
            if len(batch) == 500:
                store.add(batch)
                batch = []
                print(f"  stored {i + 1:,}/{articles:,}", file=sys.stderr, end="\r")
        store.add(batch)
        total = store.count()
    print(file=sys.stderr)
    return {"built": True, "articles": total, "seed_articles": len(seeds),
            "analyse_seconds": round(analysed, 1),
            "build_seconds": round(time.monotonic() - started, 1)}


def start_server(db: str, pool: int, workers: int) -> tuple[subprocess.Popen, str]:
    cmd = [sys.executable, "-m", "unspun", "serve", "--db", db, "--host", "127.0.0.1",
           "--port", "0", "--pool", str(pool), "--workers", str(workers),
           "--log-level", "warning"]
    env = {k: v for k, v in os.environ.items() if k != "UNSPUN_TOKEN"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        m = re.search(r"at (http://[^/\s]+)/", line or "")
        if m:
            return proc, m.group(1)
        if not line:
            break
    proc.kill()
    raise SystemExit("the server did not start")


def sample(db: str, n: int = 2000) -> tuple[list[str], list[str], list[str]]:
    """Article ids, search words and outlets to request."""
    import unspun

    with unspun.open_store(db, readonly=True) as store:
        rows = list(store.rows("articles"))
    rng = random.Random(7)
    ids = [r["id"] for r in rng.sample(rows, min(n, len(rows)))]
    words = sorted({w.lower() for r in rows[:500] for w in re.findall(r"[A-Za-z]{5,}",
                                                                       r["title"] or "")})
    sources = sorted({r["source"] for r in rows if r["source"]})
    return ids, words or ["news"], sources


class Conn:
    """A minimal HTTP/1.1 keep-alive client connection (much cheaper per request than httpx,
    so the client steals less CPU from the server on the same machine)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n"
                          "Accept: */*\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in
                   (line.partition(":") for line in lines[1:] if line)}
        if "content-length" not in headers:
            raise ValueError("response without Content-Length")
        body = await self.reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


async def load(base: str, ids: list[str], words: list[str], sources: list[str],
               concurrency: int, seconds: float, stop: asyncio.Event | None = None) -> dict:
    parts = urlsplit(base)
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"refusing to load-test {base}: loopback only")
    latencies: dict[str, list[float]] = {"search": [], "article": [], "page": []}
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    async def client(n: int) -> None:
        rng = random.Random(n)
        conn = Conn(parts.hostname, parts.port)
        while time.monotonic() < deadline and not (stop is not None and stop.is_set()):
            kind = rng.choice(("search", "article", "page"))
            if kind == "search":
                params = {"q": rng.choice(words), "limit": 20}
                if rng.random() < 0.3:
                    params["source"] = rng.choice(sources)
                if rng.random() < 0.2:
                    params["since"] = "2016"
                target = "/api/search?" + urlencode(params)
            else:
                target = (f"/api/articles/{rng.choice(ids)}" if kind == "article"
                          else f"/articles/{rng.choice(ids)}")
            t0 = time.perf_counter()
            try:
                status, _ = await asyncio.wait_for(conn.get(target), timeout=60)
                ok = status == 200
                if not ok:
                    errors.append(f"{status} {target}")
            except (OSError, ValueError, asyncio.IncompleteReadError,
                    asyncio.TimeoutError) as exc:
                ok = False
                errors.append(f"{type(exc).__name__} {target}")
                await conn.close()
            if ok:
                latencies[kind].append(time.perf_counter() - t0)
        await conn.close()

    started = time.monotonic()
    await asyncio.gather(*(client(i) for i in range(concurrency)))
    wall = time.monotonic() - started
    every = sorted(x for v in latencies.values() for x in v)

    def pct(values: list[float], p: float) -> float:
        values = sorted(values)
        return round(1000 * values[min(len(values) - 1, int(p * len(values)))], 1) \
            if values else 0.0

    return {"concurrency": concurrency, "seconds": round(wall, 1), "requests": len(every),
            "requests_per_s": round(len(every) / wall, 1), "errors": len(errors),
            "error_examples": errors[:5], "p50_ms": pct(every, 0.50), "p95_ms": pct(every, 0.95),
            "p99_ms": pct(every, 0.99),
            "by_kind": {k: {"requests": len(v), "p50_ms": pct(v, 0.5), "p95_ms": pct(v, 0.95)}
                        for k, v in latencies.items()}}


SENTENCE = "The committee met on Tuesday and the minister said the plan would go ahead. "


def post(base: str, body: bytes, timeout: float = 120) -> tuple[int, str, float]:
    """POST /api/analyze: (status, error code or '', seconds)."""
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen

    req = Request(base + "/api/analyze", data=body, method="POST",
                  headers={"Content-Type": "application/json"})
    t0 = time.monotonic()
    try:
        with urlopen(req, timeout=timeout) as resp:
            resp.read()
            return resp.status, "", time.monotonic() - t0
    except HTTPError as exc:
        try:
            code = json.loads(exc.read())["error"]["code"]
        except (ValueError, KeyError, OSError):
            code = "?"
        return exc.code, code, time.monotonic() - t0
    except (URLError, OSError) as exc:  # e.g. the server closed the connection mid-body
        return 0, type(exc).__name__, time.monotonic() - t0


def attacks() -> list[tuple[str, bytes]]:
    under = (SENTENCE * (100_000 // len(SENTENCE) + 1))[:99_990]
    return [("800 KB body", json.dumps({"text": "word " * 160_000}).encode()),
            ("just under 100,000 characters", json.dumps({"text": under}).encode()),
            ("16 KB of quote marks", json.dumps({"text": '"' * 16_000}).encode())]


async def attack_run(base: str, ids: list[str], words: list[str], sources: list[str],
                     concurrency: int) -> dict:
    """Readers at ``concurrency`` while the hostile analyses run one after another."""
    for _ in range(120):  # the analysis worker loads the pipeline after the server starts
        status, _, _ = await asyncio.to_thread(post, base, b'{"text": "Rain fell."}')
        if status == 200:
            break
        await asyncio.sleep(1)
    stop = asyncio.Event()
    results = []

    async def attacker() -> None:
        await asyncio.sleep(1)
        for name, body in attacks():
            status, code, seconds = await asyncio.to_thread(post, base, body)
            results.append({"attack": name, "bytes": len(body), "status": status,
                            "code": code, "seconds": round(seconds, 2)})
            print(f"  {name}: {status} {code} in {seconds:.2f} s", file=sys.stderr)
        await asyncio.sleep(1)
        stop.set()

    readers, _ = await asyncio.gather(load(base, ids, words, sources, concurrency, 600, stop),
                                      attacker())
    return {"attacks": results, "readers": readers}


def stop_server(proc: subprocess.Popen) -> None:
    """Interrupt the server as Ctrl-C would; kill it if it has not gone in 20 s."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=str(HERE / "out" / "serve.db"))
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=120, help="real articles analysed")
    ap.add_argument("--analyse-workers", type=int, default=2,
                    help="analysis processes for the seed articles")
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--pool", type=int, default=8, help="read connections per server process")
    ap.add_argument("--workers", type=lambda v: [int(x) for x in v.split(",")], default=[1, 2],
                    help="server processes; a comma list runs one load test each (default 1,2)")
    ap.add_argument("--attack", action="store_true",
                    help="hostile analyses while readers run (see above); default "
                         "concurrency 50")
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    build = build_db(args.db, args.articles, args.seed, args.analyse_workers)
    print(f"database: {build}", file=sys.stderr)
    ids, words, sources = sample(args.db)
    if args.attack:
        concurrency = args.concurrency if "--concurrency" in sys.argv else 50
        proc, base = start_server(args.db, args.pool, 1)
        try:
            result = asyncio.run(attack_run(base, ids, words, sources, concurrency))
        finally:
            stop_server(proc)
        report = {"database": build, "cpus": os.cpu_count(),
                  "load_average_1m": round(os.getloadavg()[0], 1), **result}
        print(json.dumps(report, indent=1))
        (HERE / "out").mkdir(exist_ok=True)
        (HERE / "out" / "serve-attack.json").write_text(json.dumps(report, indent=1) + "\n")
        r = result["readers"]
        ok = (r["errors"] == 0 and r["p95_ms"] < 500 and result["attacks"][0]["status"] == 413
              and result["attacks"][0]["seconds"] < 2
              and all(a["status"] in (200, 504) and a["seconds"] < 33
                      for a in result["attacks"][1:]))
        if not ok:
            raise SystemExit("the attack targets were not met")
        return
    runs = []
    for workers in args.workers:
        proc, base = start_server(args.db, args.pool, workers)
        try:
            time.sleep(2)  # let every worker process finish starting
            result = asyncio.run(load(base, ids, words, sources, args.concurrency,
                                      args.seconds))
        finally:
            stop_server(proc)
        runs.append({"workers": workers, "server": base, **result})
        print(f"workers={workers}: {result['requests_per_s']} requests/s, p95 "
              f"{result['p95_ms']} ms, errors {result['errors']}", file=sys.stderr)
    report = {"database": build, "pool": args.pool, "cpus": os.cpu_count(),
              "load_average_1m": round(os.getloadavg()[0], 1), "runs": runs}
    out = HERE / "out" / "serve.json"
    out.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(json.dumps(report, indent=1))
    failed = sum(r["errors"] for r in runs)
    if failed:
        raise SystemExit(f"{failed} requests failed")


if __name__ == "__main__":
    main()
