"""Builds the multilingual gold (tests/gold/multi/<lang>.jsonl) from its hand-written source.

    .venv/bin/python bench/multi_gold.py [--check]

Source: ``tests/gold/multi/src/<lang>.txt``, articles written for the project
(CC-BY-4.0).  Each article is a header line, the text, ``--`` and annotations::

    ## ru-01 event=e01 outlet=ru-wire dateline=МОСКВА agency=ТАСС
    МОСКВА, 20 сентября. /ТАСС/. ...
    --
    PER: Сергей Лавров = Лавров = Лаврова     (one entity, its surface forms)
    Q: «...» | direct | он | Сергей Лавров      (content | kind | speaker text | entity)

``tests/gold/multi/tune/src/<lang>.txt`` (same format, built to ``tune/<lang>.jsonl``)
holds further articles to tune rules on, kept apart so that the dev/test split of the
main files never changes (bench/multi.py ``--split tune``).

Offsets are found by string search, never typed: every surface form of an
entity (the first is its name, and need not occur when others follow) marks each of its whole-word occurrences (longer forms first, a form
inside an already marked span is skipped; in Arabic script a one-letter proclitic
such as wa- "and" may stand before it); a quote's content is its first
occurrence; the speaker is the occurrence of the speaker text nearest the
content; the dateline place is its first occurrence.  Every span is checked
(``text[start:end]`` equals the string searched for), and an annotation that
is not found stops the build.  ``--check`` compares the built files with the
ones on disk instead of writing.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "tests" / "gold" / "multi"
TUNE = ROOT / "tune"   # extra articles to tune rules on, apart from the dev/test split
TYPES = ("PER", "ORG", "LOC")


PROCLITICS = "وبلفك"  # Arabic-script conjunctions and prepositions written onto the next word


def _word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    if before in PROCLITICS and (start < 2 or not text[start - 2].isalnum()):
        before = " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        if _word_at(text, i, i + len(needle)):
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def _fail(aid: str, what: str) -> None:
    raise SystemExit(f"{aid}: {what}")


def parse_block(block: str) -> dict:
    head, _, rest = block.partition("\n")
    body, sep, notes = rest.partition("\n--\n")
    if not sep:
        _fail(head, "no '--' line")
    fields = head.split()
    aid = fields[0]
    meta = dict(f.split("=", 1) for f in fields[1:])
    text = body.strip("\n")
    art: dict = {"id": aid, "lang": aid.split("-")[0], "event": meta.get("event"),
                 "outlet": meta.get("outlet"), "text": text, "entities": [], "quotes": []}
    groups: list[tuple[str, list[str]]] = []
    quotes: list[list[str]] = []
    for line in notes.strip().splitlines():
        kind, _, value = line.partition(":")
        if kind in TYPES:
            groups.append((kind, [v.strip() for v in value.split("=")]))
        elif kind == "Q":
            quotes.append([v.strip() for v in value.split("|")])
        elif line.strip():
            _fail(aid, f"bad annotation line {line!r}")
    taken: list[tuple[int, int]] = []
    forms = sorted(((len(f), f, t, g[0], i == 0 and len(g) > 1) for t, g in groups
                    for i, f in enumerate(g)), reverse=True)
    mentions: dict[str, list[dict]] = {g[0]: [] for _, g in groups}
    for _, form, etype, name, may_lack in forms:
        found = occurrences(text, form)
        if not found and not may_lack:
            _fail(aid, f"entity form {form!r} not in text")
        for s in found:
            e = s + len(form)
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            mentions[name].append({"start": s, "end": e, "text": form})
    for etype, g in groups:
        ms = sorted(mentions[g[0]], key=lambda m: m["start"])
        if not ms:
            _fail(aid, f"entity {g[0]!r} has no mention of its own")
        art["entities"].append({"name": g[0], "type": etype, "mentions": ms})
    for content, kind, speaker, entity in quotes:
        cs = text.find(content)
        if cs < 0:
            _fail(aid, f"quote {content!r} not in text")
        if kind not in ("direct", "indirect"):
            _fail(aid, f"quote kind {kind!r}")
        ce = cs + len(content)
        spots = occurrences(text, speaker)
        if not spots:
            _fail(aid, f"speaker {speaker!r} not in text")
        ss = min(spots, key=lambda s: min(abs(s - ce), abs(s + len(speaker) - cs)))
        if entity != "-" and entity not in mentions:
            _fail(aid, f"speaker entity {entity!r} is not an annotated entity")
        art["quotes"].append({"content": {"start": cs, "end": ce, "text": content}, "kind": kind,
                              "speaker": {"start": ss, "end": ss + len(speaker), "text": speaker},
                              "entity": None if entity == "-" else entity})
    place = meta.get("dateline", "-").replace("_", " ")
    if place != "-":
        ps = text.find(place)
        if ps < 0 or ps > 40:
            _fail(aid, f"dateline {place!r} not at the start")
        art["dateline"] = {"start": ps, "end": ps + len(place), "text": place}
    else:
        art["dateline"] = None
    agencies = meta.get("agency", "-")
    art["agencies"] = [] if agencies == "-" else agencies.replace("_", " ").split(",")
    for a in art["agencies"]:
        if a not in text:
            _fail(aid, f"agency {a!r} not in text")
    verify(art)
    return art


def verify(art: dict) -> None:
    text = art["text"]
    spans = [m for e in art["entities"] for m in e["mentions"]]
    spans += [q[k] for q in art["quotes"] for k in ("content", "speaker")]
    spans += [art["dateline"]] if art["dateline"] else []
    for sp in spans:
        if text[sp["start"]:sp["end"]] != sp["text"]:
            _fail(art["id"], f"span {sp} does not match its text")


def parse_source(path: Path) -> list[dict]:
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n## ") if b.strip()]
    arts = [parse_block(b.removeprefix("## ")) for b in blocks]
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        _fail(path.name, "duplicate article ids")
    return arts


def load(lang: str, root: Path = ROOT) -> list[dict]:
    path = root / f"{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def languages(root: Path = ROOT) -> list[str]:
    return sorted(p.stem for p in root.glob("*.jsonl"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    stale = []
    for src in sorted((ROOT / "src").glob("*.txt")) + sorted((TUNE / "src").glob("*.txt")):
        arts = parse_source(src)
        out = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts)
        dest = src.parent.parent / f"{src.stem}.jsonl"
        if args.check:
            if not dest.exists() or dest.read_text(encoding="utf-8") != out:
                stale.append(dest.name)
        else:
            dest.write_text(out, encoding="utf-8")
        n_q = sum(len(a["quotes"]) for a in arts)
        n_e = sum(len(m["mentions"]) for a in arts for m in a["entities"])
        print(f"{dest.relative_to(ROOT).with_suffix('')}: {len(arts)} articles, {n_e} entity mentions, {n_q} quotes")
    if stale:
        print("stale:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
