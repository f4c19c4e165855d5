"""Analysed WikiRef220 and PolNeAR records for bench/stories.py, cached under bench/out/.

Records are analysed once with the foundation components (segment, dateline,
agencies, entities: what grouping reads) and kept in bench/out/*.jsonl.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", HERE.parent.parent / "shared" / "data"))
WIKIREF = SHARED / "wikiref220" / "WikiRef220"
OUT = HERE / "out"
COMPONENTS = ["segment", "dateline", "agencies", "entities"]
_TOPIC = re.compile(r"^(.*?)(?: \(\d+\)|\.\d+)\.txt$")


def topic_of(filename: str) -> str:
    """The WikiRef topic: the file name before `` (N).txt`` or ``.N.txt``."""
    m = _TOPIC.match(filename)
    return m.group(1) if m else filename


def _analyse(items: list[dict], cache: Path) -> list:
    from unspun.record import Record

    if cache.is_file():
        return [Record.from_dict(json.loads(line)) for line in cache.open(encoding="utf-8")]
    import unspun

    OUT.mkdir(exist_ok=True)
    out = []
    for i, it in enumerate(items):
        rec = unspun.analyze(it["text"], published=it.get("published"), source=it.get("source"),
                             title=it.get("title"), components=COMPONENTS)
        rec.meta.update(it.get("meta", {}))
        out.append(rec)
        if i % 50 == 0:
            print(f"  analysed {i}/{len(items)}", file=sys.stderr)
    with cache.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(rec.to_json() + "\n")
    return out


def wikiref() -> list:
    """WikiRef220 records (undated), ``meta.topic`` = gold topic, ``meta.file`` = file name."""
    items = []
    for path in sorted(WIKIREF.glob("*.txt")):
        raw = path.read_text("utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        items.append({"text": body.strip() or raw, "title": title.strip(),
                      "source": None, "meta": {"topic": topic_of(path.name), "file": path.name}})
    return _analyse(items, OUT / "wikiref220.jsonl")


def polnear() -> list:
    """PolNeAR train+dev records with publisher and date; ``meta.wire`` from metadata.tsv."""
    import attribution_corpus as pn

    items = []
    for split in ("train", "dev"):
        for art in pn.articles(split):
            items.append({"text": art.body, "title": art.title,
                          "published": art.meta.get("publication_date"),
                          "source": art.meta.get("publisher"),
                          "meta": {"file": art.name, "wire": art.meta.get("wire")}})
    return _analyse(items, OUT / "polnear.jsonl")


if __name__ == "__main__":
    print(len(wikiref()), "wikiref records;", len(polnear()), "polnear records")
