"""Peak memory of reading big inputs, against the size of the file.

Generates, in a temporary folder, a large JSON array of small articles, a
single-article JSON file, a JSON Lines file, a CSV file and a text file of the
given size, then reads each with ``unspun.readers.read_inputs`` in a fresh
process (nothing is analysed) and reports the process's peak RSS, the peak
of a process that only imports the readers (the baseline), and, for
comparison, the peak of ``json.load`` on the same JSON file (what reading
it whole costs).

    python bench/readers_memory.py              # 300 MB files
    python bench/readers_memory.py --mb 50      # quicker
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

READ = """
import resource, sys, time
from unspun.readers import read_inputs
t = time.monotonic()
n = bad = 0
codes = set()
for item in read_inputs([sys.argv[1]]):
    if hasattr(item, "text"):
        n += 1
    else:
        bad += 1
        codes.add(item.code)
print(n, bad, ",".join(sorted(codes)) or "-", time.monotonic() - t,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

BASELINE = """
import resource
import unspun.readers, ijson
print(0, 0, "-", 0.0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

JSON_LOAD = """
import json, resource, sys, time
t = time.monotonic()
with open(sys.argv[1], "rb") as fh:
    value = json.load(fh)
print(len(value) if isinstance(value, list) else 1, 0, "-", time.monotonic() - t,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

PARAGRAPH = ("BAKU, Azerbaijan, September 20. The minister said on Monday that the talks "
             "would resume next week, according to officials familiar with the plans. ")


def _articles(size: int):
    i = 0
    written = 0
    while written < size:
        art = {"text": PARAGRAPH * 20, "title": f"Article {i}", "date": "2023-09-20",
               "source": "Bench", "tags": ["a", "b"]}
        i += 1
        yield art
        written += 3100


def write_files(folder: Path, size: int) -> dict[str, Path]:
    files = {}
    p = files["json array"] = folder / "array.json"
    with open(p, "w") as fh:
        fh.write("[")
        for i, art in enumerate(_articles(size)):
            fh.write(("," if i else "") + json.dumps(art))
        fh.write("]")
    p = files["jsonl"] = folder / "lines.jsonl"
    with open(p, "w") as fh:
        for art in _articles(size):
            fh.write(json.dumps(art) + "\n")
    p = files["csv"] = folder / "rows.csv"
    with open(p, "w") as fh:
        fh.write("title,date,text\n")
        for art in _articles(size):
            fh.write(f'{art["title"]},{art["date"]},"{art["text"]}"\n')
    block = "word " * 200_000
    p = files["json one article"] = folder / "one.json"
    with open(p, "w") as fh:
        fh.write('{"title": "Huge", "text": "')
        for _ in range(size // len(block) + 1):
            fh.write(block)
        fh.write('"}')
    p = files["text one article"] = folder / "one.txt"
    with open(p, "w") as fh:
        for _ in range(size // len(block) + 1):
            fh.write(block)
    return files


def measure(code: str, path: Path | None) -> tuple[int, int, str, float, float]:
    path_env = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path_env)
    out = subprocess.run([sys.executable, "-c", code, *([str(path)] if path else [])],
                         capture_output=True, text=True, env=env, check=True).stdout.split()
    n, bad, codes, seconds, rss_kb = int(out[0]), int(out[1]), out[2], float(out[3]), int(out[4])
    return n, bad, codes, seconds, rss_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300, help="size of each file in MB")
    parser.add_argument("--no-json-load", action="store_true", help="skip the json.load comparison")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.monotonic()
        files = write_files(Path(tmp), args.mb * 1_000_000)
        print(f"wrote {len(files)} files of about {args.mb} MB in {time.monotonic() - t:.0f}s")
        *_, base = measure(BASELINE, None)
        print(f"baseline (python + unspun.readers imported): peak RSS {base:.0f} MB\n")
        print(f"{'input':<18} {'file MB':>8} {'articles':>9} {'errors':>7} {'seconds':>8} "
              f"{'peak RSS MB':>12} {'over baseline':>14}")
        rows = [(name, READ, path) for name, path in files.items()]
        if not args.no_json_load:
            rows.append(("json.load (array)", JSON_LOAD, files["json array"]))
        for name, code, path in rows:
            n, bad, codes, seconds, rss = measure(code, path)
            size = path.stat().st_size / 1e6
            print(f"{name:<18} {size:>8.0f} {n:>9,} {bad:>7} {seconds:>8.1f} {rss:>12.0f} "
                  f"{rss - base:>14.0f}  {codes if codes != '-' else ''}")


if __name__ == "__main__":
    main()
