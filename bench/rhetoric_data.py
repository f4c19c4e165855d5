"""The open rhetoric corpus (corpus/rhetoric/) as analysed articles, for training and scoring.

Written articles are their paragraphs joined by blank lines; referenced ones are read from
../shared/data (or $UNSPUN_SHARED_DATA) and checked against their sha1, and are skipped
when the shared data is absent.  Every article is analysed by unspun's pipeline without
the learned layer (the built-in detectors only), optionally cached in a JSON Lines file.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "rhetoric"
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT))


def _lines(name: str) -> list[dict]:
    return [json.loads(ln) for ln in (CORPUS / name).read_text("utf-8").splitlines() if ln.strip()]


def heldout_ids() -> set[str]:
    return set(json.loads((CORPUS / "split.json").read_text("utf-8"))["heldout"])


def load_articles(shared: Path = SHARED) -> list[dict]:
    """Articles: id, source, text, genre, frames, group, heldout, paragraphs [{start, end,
    labels}] (offsets into text), in corpus order; referenced ones only when readable."""
    held = heldout_ids()
    paras = defaultdict(list)
    for p in _lines("paragraphs.jsonl"):
        paras[p["article"]].append(p)
    out = []
    for art in _lines("articles.jsonl"):
        ps = paras[art["id"]]
        item = {"id": art["id"], "source": art["source"], "genre": art["genre"],
                "frames": art["frames"], "group": art.get("mirror") or art["id"],
                "heldout": art["id"] in held}
        if art["source"] == "written":
            by_id = {p["id"]: p for p in ps}
            text, bounds = "", []
            for pid in art["paragraphs"]:
                if text:
                    text += "\n\n"
                bounds.append({"start": len(text), "end": len(text) + len(by_id[pid]["text"]),
                               "labels": by_id[pid]["labels"]})
                text += by_id[pid]["text"]
        else:
            path = shared / art["file"]
            if not path.is_file():
                continue
            text = path.read_text("utf-8")
            bounds = []
            for p in sorted(ps, key=lambda p: p["start"]):
                got = hashlib.sha1(text[p["start"]:p["end"]].encode()).hexdigest()[:12]
                if got != p["sha1"]:
                    raise SystemExit(f"{p['id']}: sha1 {got} != {p['sha1']} (shared data changed)")
                bounds.append({"start": p["start"], "end": p["end"], "labels": p["labels"]})
        item["text"], item["paragraphs"] = text, bounds
        out.append(item)
    return out


def builtin_pipeline():
    from unspun.pipeline.runner import Pipeline, default_components

    return Pipeline([n for n in default_components() if n != "rhetoric"])


def analyse(articles: list[dict], cache: Path | None = None) -> list:
    """Records (built-in detectors only) for ``articles``, from ``cache`` when it matches."""
    from unspun.readers.article import Article
    from unspun.record import Record

    key = hashlib.sha1("\x00".join(a["text"] for a in articles).encode()).hexdigest()
    if cache and cache.is_file():
        lines = cache.read_text("utf-8").splitlines()
        if lines and json.loads(lines[0]).get("key") == key:
            return [Record.from_dict(json.loads(ln)) for ln in lines[1:]]
    pipe = builtin_pipeline()
    records = list(pipe.analyze_stream(Article(text=a["text"], origin=a["id"]) for a in articles))
    for a, r in zip(articles, records):
        if not isinstance(r, Record):
            raise SystemExit(f"{a['id']}: {r}")
    if cache:
        with cache.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps({"key": key}) + "\n")
            for r in records:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    return records
