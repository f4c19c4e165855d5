"""Agencies and outlets named in the text, with their role.

Roles: ``wire`` (the story came from it: dateline credit, a closing
"— Reuters", a copyright line), ``interview`` ("told Trend", "in an interview
with CNN"), ``credit`` ("according to Reuters", "Reuters reported"),
``other``.  Names come from ``unspun/data/agencies.json`` plus spaCy ORG
entities that look like news media ("... News", "... Times").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..record import span
from .registry import Context, component

_INTERVIEW_BEFORE = re.compile(
    r"(?:\b(?:told|tells|tell|telling)|\binterview(?:ed)?\s+(?:with|by|on|to)"
    r"|\b(?:speaking|spoke|speaks|talking|talked|talks)\s+(?:to|with|on)"
    r"|\b(?:statement|comments?|remarks|email|e-mail)\s+to"
    r"|\b(?:appeared|appearing|appearance)\s+on|\b(?:said|says)\s+on)"
    r"\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
_CREDIT_BEFORE = re.compile(
    r"(?:\baccording\s+to(?:\s+(?:a|an|the))?(?:\s+\w+)?\s+(?:report|story|article|poll|survey|"
    r"analysis|investigation|review)s?\s+(?:by|from|in|of)"
    r"|\baccording\s+to|\b(?:reported|quoted|cited|published|obtained|released|conducted)\s+by"
    r"|\b(?:citing|cites|cited|via|per)"
    r"|\b(?:report|story|article|poll|survey|analysis|investigation|review)s?\s+(?:by|from|in))"
    r"\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
_CREDIT_AFTER = re.compile(
    r"^(?:\s*,[^,]{0,40},)?\s*(?:has\s+|had\s+|first\s+|also\s+|previously\s+|later\s+)?"
    r"(?:reported|reports|reporting|said|says|wrote|writes|revealed|cited|quoted|obtained|"
    r"published|learned|learnt|contributed|found|confirmed|noted|described)\b"
    r"|^\s*(?:'s|’s)\s+(?:\w+\s+)?(?:report|reporting|analysis|poll|survey|story|article|"
    r"investigation|review)", re.IGNORECASE)
_WIRE_BEFORE = re.compile(r"(?:copyright|©|\(c\))\s*(?:\d{4}\s+)?(?:the\s+)?$", re.IGNORECASE)
_CLOSING_BEFORE = re.compile(r"(?:—|–|--|-|/|\()\s*(?:the\s+)?$", re.IGNORECASE)
_CLOSING_AFTER = re.compile(r"^\s*\)?\s*[.]?\s*$")
# Reuters closes its copy with "(Reporting by ...; Editing by ...)": a house style, not a name
_REUTERS_CREDIT = re.compile(r"\((?:Additional )?[Rr]eporting by [^()]{2,300}?[;,] [Ee]diting by [^()]{2,200}\)\.?\s*$")
_MEDIA_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Press|Agency|Television|TV|Radio|Broadcasting|Herald|"
    r"Tribune|Gazette|Daily|Telegraph|Guardian|Chronicle|Magazine|Newspaper|Wire|Reuters|"
    r"Network|Channel|Mirror|Observer|Examiner|Inquirer|Dispatch|Courier|Bulletin|Star|Globe|"
    r"Register|Independent|Express|Standard|Mail|Ledger|Enquirer|Sentinel|Monitor|Reporter|Weekly|"
    r"Bee|Review)\b")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    """One regex over every alias, and alias -> agency entry."""
    data = json.loads(resources.files("unspun").joinpath("data/agencies.json").read_text("utf-8"))
    by_alias = {alias: entry for entry in data["agencies"] for alias in entry["aliases"]}
    aliases = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.@#/-])(?:" + "|".join(map(re.escape, aliases)) + r")(?![\w@]|-\w)")
    return pattern, by_alias


def known_agency(name: str) -> bool:
    return name.strip() in gazetteer()[1]


def classify_role(text: str, start: int, end: int, dateline: dict[str, Any] | None) -> str | None:
    """The role of the mention text[start:end]; None when there is no cue at all."""
    agency = dateline and dateline.get("agency")
    if agency and agency["start"] <= start and end <= agency["end"]:
        return "wire"
    before = text[max(0, start - 80):start]
    after = text[end:end + 60]
    line_before = before.rsplit("\n", 1)[-1]
    if _WIRE_BEFORE.search(line_before):
        return "wire"
    if len(text) - end < 120 and _CLOSING_BEFORE.search(line_before) and _CLOSING_AFTER.match(after):
        return "wire"
    if _INTERVIEW_BEFORE.search(before):
        return "interview"
    if _CREDIT_BEFORE.search(before) or _CREDIT_AFTER.search(after):
        return "credit"
    return None


def find_agencies(text: str, dateline: dict[str, Any] | None, extra: list[tuple[int, int]] = ()
                  ) -> list[dict[str, Any]]:
    """Every agency or outlet mention with its role, in text order."""
    pattern, by_alias = gazetteer()
    found: dict[tuple[int, int], dict[str, Any]] = {}
    for m in pattern.finditer(text):
        entry = by_alias[m.group()]
        role = classify_role(text, m.start(), m.end(), dateline)
        if role is None and entry.get("ambiguous"):
            continue
        found[m.span()] = {"name": entry["name"], "kind": entry["kind"], "role": role or "other",
                           "span": span(text, m.start(), m.end())}
    for s, e in extra:
        if any(s < fe and fs < e for fs, fe in found):
            continue
        name = text[s:e]
        if name.lower().startswith("the "):
            name = name[4:]
        role = classify_role(text, s, e, dateline)
        found[(s, e)] = {"name": name, "kind": "outlet", "role": role or "other",
                         "span": span(text, s, e)}
    return [found[k] for k in sorted(found)]


def media_entities(doc: Any) -> list[tuple[int, int]]:
    """spaCy ORG entities whose names look like news media."""
    return [(e.start_char, e.end_char) for e in doc.ents
            if e.label_ == "ORG" and _MEDIA_WORDS.search(e.text) and len(e) <= 6]


@component("agencies", requires=("dateline",), assigns=("agencies",), languages=None)
def agencies(ctx: Context) -> None:
    rec = ctx.record
    extra = media_entities(ctx.doc) if ctx.english else []
    rec.agencies = find_agencies(rec.text, rec.dateline, extra)
    credit = _REUTERS_CREDIT.search(rec.text[-600:])
    if credit and not any(a["role"] == "wire" for a in rec.agencies):
        start = len(rec.text) - len(rec.text[-600:]) + credit.start()
        rec.agencies.append({"name": "Reuters", "kind": "wire", "role": "wire",
                             "span": span(rec.text, start, start + len(credit.group().rstrip())),
                             "evidence": "Reuters-style closing credit (Reporting by ...; Editing by ...)"})
    # a dateline credit the gazetteer does not know is still the wire
    agency = rec.dateline and rec.dateline.get("agency")
    if agency and not any(a["span"]["start"] == agency["start"] for a in rec.agencies):
        rec.agencies.insert(0, {"name": agency["text"], "kind": "wire", "role": "wire",
                                "span": dict(agency)})
