"""Build corpus/rhetoric/*.jsonl from the annotated sources in corpus/rhetoric/src/.

Two source kinds (see corpus/rhetoric/README.md for the full format):

* ``written-*.txt``: articles written for the project.  An article starts with a header line
  ``=== ID | divide=D | side=S | genre=G | frames=F1,F2 [| mirror=M]``; its paragraphs follow,
  separated by blank lines.  A technique span is marked inline as ``{CODES:span text}`` where
  CODES is one or more short codes (``LL``, ``NC,LL``; see :data:`CODES`).
* ``ref-*.txt``: paragraphs of PolNeAR train files referenced by offsets (their text is
  never stored).  ``=== P:<file stem> | genre=G | frames=F1,F2`` then one line per labelled
  paragraph: ``<index> CODE "phrase"[#n] ; CODE "phrase" ...`` (``\\"`` for a quote inside; index as unspun's
  ``paragraph_bounds`` counts, 0 = the title line; ``#n`` = the n-th occurrence in the
  paragraph).  Paragraphs not listed carry no technique.

    python bench/rhetoric_corpus_build.py [--shared ../shared/data]

Referenced articles are resolved only when the shared data is present (offsets and hashes
are computed from it); the built files are committed, so users need not rebuild.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unspun.pipeline.frames import FRAMES  # noqa: E402
from unspun.pipeline.segment import paragraph_bounds  # noqa: E402
from unspun.techniques.base import TECHNIQUES  # noqa: E402

CORPUS = ROOT / "corpus" / "rhetoric"
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data"))
CODES = {
    "LL": "Loaded_Language", "NC": "Name_Calling-Labeling", "DO": "Doubt", "RE": "Repetition",
    "FE": "Appeal_to_Fear-Prejudice", "EX": "Exaggeration-Minimisation", "FW": "Flag_Waving",
    "CO": "Causal_Oversimplification", "FD": "False_Dilemma-No_Choice",
    "AA": "Appeal_to_Authority", "SL": "Slogans", "AP": "Appeal_to_Popularity",
    "AV": "Appeal_to_Values", "CS": "Consequential_Oversimplification", "SM": "Straw_Man",
    "RH": "Red_Herring", "WH": "Whataboutism", "AT": "Appeal_to_Time",
    "CK": "Conversation_Killer", "OB": "Obfuscation-Vagueness-Confusion",
    "GA": "Guilt_by_Association", "AH": "Appeal_to_Hypocrisy",
    "QR": "Questioning_the_Reputation",
}
GENRES = ("reporting", "opinion", "satire")
FRAME_CODES = {
    "ECO": "Economic", "CAP": "Capacity_and_resources", "MOR": "Morality",
    "FAIR": "Fairness_and_equality", "LEG": "Legality_Constitutionality_and_jurisprudence",
    "POL": "Policy_prescription_and_evaluation", "CRI": "Crime_and_punishment",
    "SEC": "Security_and_defense", "HEA": "Health_and_safety", "QOL": "Quality_of_life",
    "CUL": "Cultural_identity", "OPI": "Public_opinion", "PLT": "Political",
    "EXT": "External_regulation_and_reputation",
}
assert set(CODES.values()) == set(TECHNIQUES) and set(FRAME_CODES.values()) == set(FRAMES)
MARK = re.compile(r"\{([A-Z,]+):([^{}]+)\}")


def sha12(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _header(line: str, where: str) -> dict:
    parts = [p.strip() for p in line[3:].split("|")]
    head = {"id": parts[0]}
    for p in parts[1:]:
        key, _, val = p.partition("=")
        head[key.strip()] = val.strip()
    if head.get("genre") not in GENRES:
        raise ValueError(f"{where}: bad genre {head.get('genre')!r}")
    frames = [FRAME_CODES.get(f.strip(), f.strip()) for f in head.get("frames", "").split(",")
              if f.strip()]
    bad = [f for f in frames if f not in FRAMES]
    if bad or not frames:
        raise ValueError(f"{where}: bad frames {bad or 'none'}")
    head["frames"] = frames
    return head


def _codes(raw: str, where: str) -> list[str]:
    out = []
    for c in raw.split(","):
        if c not in CODES:
            raise ValueError(f"{where}: unknown code {c!r}")
        out.append(CODES[c])
    return out


def parse_marked(marked: str, where: str) -> tuple[str, list[dict]]:
    """Plain text and spans of one marked-up paragraph."""
    text, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        text.append(chunk)
        length += len(chunk)
        for lab in _codes(m.group(1), where):
            spans.append({"label": lab, "start": length, "end": length + len(m.group(2))})
        text.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    text.append(marked[pos:])
    plain = "".join(text)
    if "{" in plain or "}" in plain:
        raise ValueError(f"{where}: unbalanced markup")
    return plain, spans


def _labels(spans: list[dict]) -> list[str]:
    return sorted({s["label"] for s in spans})


def build_written(path: Path) -> tuple[list[dict], list[dict]]:
    paras, arts = [], []
    blocks = re.split(r"^(?====)", path.read_text("utf-8"), flags=re.M)
    for block in blocks:
        if not block.startswith("==="):
            continue
        head_line, _, body = block.partition("\n")
        head = _header(head_line, f"{path.name}: {head_line[:40]}")
        ids = []
        for i, raw in enumerate(p for p in re.split(r"\n\s*\n", body) if p.strip()):
            raw = " ".join(raw.split())
            pid = f"{head['id']}-p{i:02d}"
            text, spans = parse_marked(raw, f"{path.name}: {pid}")
            item = {"id": pid, "article": head["id"], "source": "written",
                    "licence": "CC-BY-4.0", "text": text, "labels": _labels(spans),
                    "spans": spans}
            for key in ("divide", "side"):
                if key in head:
                    item[key] = head[key]
            paras.append(item)
            ids.append(pid)
        art = {"id": head["id"], "source": "written", "licence": "CC-BY-4.0",
               "genre": head["genre"], "frames": head["frames"], "paragraphs": ids}
        for key in ("divide", "side", "mirror"):
            if key in head:
                art[key] = head[key]
        arts.append(art)
    return paras, arts


PHRASE = re.compile(r'([A-Z,]+)\s+"((?:[^"\\]|\\")+)"(?:#(\d+))?')


def build_polnear(path: Path, shared: Path) -> tuple[list[dict], list[dict]]:
    paras, arts = [], []
    blocks = re.split(r"^(?====)", path.read_text("utf-8"), flags=re.M)
    for block in blocks:
        if not block.startswith("==="):
            continue
        lines = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
        head = _header(lines[0], f"{path.name}: {lines[0][:60]}")
        stem = head["id"].removeprefix("P:")
        rel = f"polnear/train/text/{stem}.txt"
        text = (shared / rel).read_text("utf-8")
        bounds = paragraph_bounds(text)
        marks: dict[int, list[dict]] = {}
        for ln in lines[1:]:
            idx_s, _, rest = ln.strip().partition(" ")
            idx = int(idx_s)
            s0, e0 = bounds[idx]
            para = text[s0:e0]
            for part in rest.split(" ; "):
                m = PHRASE.fullmatch(part.strip())
                if not m:
                    raise ValueError(f"{path.name}: {stem} {idx}: bad entry {part!r}")
                phrase, nth = m.group(2).replace('\\"', '"'), int(m.group(3) or 1)
                # any run of whitespace (files hold no-break spaces) matches a space
                rx = re.compile(r"\s+".join(re.escape(w) for w in phrase.split()))
                found = list(rx.finditer(para))
                if len(found) < nth:
                    raise ValueError(f"{path.name}: {stem} {idx}: {phrase!r} not found")
                hit = found[nth - 1]
                for lab in _codes(m.group(1), f"{stem} {idx}"):
                    marks.setdefault(idx, []).append(
                        {"label": lab, "start": s0 + hit.start(), "end": s0 + hit.end()})
        aid = f"pn-{stem}"
        for idx, (s0, e0) in enumerate(bounds):
            spans = marks.get(idx, [])
            paras.append({"id": f"{aid}-p{idx:02d}", "article": aid, "source": "polnear",
                          "file": rel, "start": s0, "end": e0, "sha1": sha12(text[s0:e0]),
                          "labels": _labels(spans), "spans": spans,
                          "publisher": stem.split("_")[0]})
        arts.append({"id": aid, "source": "polnear", "file": rel, "genre": head["genre"],
                     "frames": head["frames"], "publisher": stem.split("_")[0],
                     "paragraphs": len(bounds)})
    return paras, arts


def split_key(article: dict) -> str:
    """What the split hashes: the mirror-pair id when there is one (the two sides of a pair
    are near-twins and must fall on the same side of the split), else the article id."""
    return article.get("mirror") or article["id"]


def heldout(article: dict) -> bool:
    """The fixed held-out rule: about one in five, by a hash of :func:`split_key`."""
    return int(hashlib.sha1(split_key(article).encode()).hexdigest()[:8], 16) % 5 == 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    paras: list[dict] = []
    arts: list[dict] = []
    for path in sorted((CORPUS / "src").glob("*.txt")):
        if path.name.startswith("written-"):
            p, a = build_written(path)
        elif path.name.startswith("ref-"):
            p, a = build_polnear(path, args.shared)
        else:
            continue
        paras += p
        arts += a
    ids = [a["id"] for a in arts]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate article ids: {sorted(dup)}")
    dump = lambda rows: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)  # noqa: E731
    (CORPUS / "paragraphs.jsonl").write_text(dump(paras), "utf-8")
    (CORPUS / "articles.jsonl").write_text(dump(arts), "utf-8")
    split = {"rule": "held out when int(sha1(key)[:8], 16) % 5 == 0, key = the article's "
                     "mirror-pair id if it has one, else its id",
             "heldout": sorted(a["id"] for a in arts if heldout(a))}
    (CORPUS / "split.json").write_text(json.dumps(split, indent=1) + "\n", "utf-8")
    print(f"{len(paras)} paragraphs, {len(arts)} articles, {len(split['heldout'])} held out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
