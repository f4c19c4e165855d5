"""Agencies and outlets named in the text, with their role.

Roles: ``wire`` (the story came from it: dateline credit, a closing
"— Reuters", a copyright line), ``interview`` ("told Trend", "in an interview
with CNN"), ``credit`` ("according to Reuters", "Reuters reported"),
``other``.  Names come from ``unspun/data/agencies.json`` plus spaCy ORG
entities that look like news media ("... News", "... Times").  The cues are the
article's language's (``patterns.json``); a language without them gives roles
only from the dateline.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..lang import get as get_language
from ..record import span
from .registry import Context, component

_CLOSING_AFTER = re.compile(r"^\s*\)?\s*[.]?\s*$")


class RoleCues:
    """The words around an agency's name that give its role, in one language
    (``agency_*`` and ``media_words`` in its ``patterns.json``; absent ones never match)."""

    def __init__(self, lang: Any):
        self.interview_before = lang.regex("agency_interview_before", re.IGNORECASE)
        self.credit_before = lang.regex("agency_credit_before", re.IGNORECASE)
        self.credit_after = lang.regex("agency_credit_after", re.IGNORECASE)
        self.wire_before = lang.regex("agency_wire_before", re.IGNORECASE)
        self.closing_before = lang.regex("agency_closing_before", re.IGNORECASE)
        # Reuters closes its copy with "(Reporting by ...; Editing by ...)": a house style
        self.house_credit = lang.regex("agency_house_credit")
        self.media_words = lang.regex("media_words")
        self.articles = tuple(f"{a} " for a in lang.words.get("definite_articles", ()))


def role_cues(lang: Any = None) -> RoleCues:
    """The role cues of ``lang`` (English when None), made once per language."""
    lang = lang if lang is not None else get_language("en")
    return lang.memo(("agency role cues",), lambda: RoleCues(lang))


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


def classify_role(text: str, start: int, end: int, dateline: dict[str, Any] | None,
                  lang: Any = None) -> str | None:
    """The role of the mention text[start:end]; None when there is no cue at all."""
    cues = role_cues(lang)
    agency = dateline and dateline.get("agency")
    if agency and agency["start"] <= start and end <= agency["end"]:
        return "wire"
    before = text[max(0, start - 80):start]
    after = text[end:end + 60]
    line_before = before.rsplit("\n", 1)[-1]
    if cues.wire_before.search(line_before):
        return "wire"
    if len(text) - end < 120 and cues.closing_before.search(line_before) \
            and _CLOSING_AFTER.match(after):
        return "wire"
    if cues.interview_before.search(before):
        return "interview"
    if cues.credit_before.search(before) or cues.credit_after.search(after):
        return "credit"
    return None


def find_agencies(text: str, dateline: dict[str, Any] | None, extra: list[tuple[int, int]] = (),
                  lang: Any = None) -> list[dict[str, Any]]:
    """Every agency or outlet mention with its role (by ``lang``'s cues), in text order."""
    pattern, by_alias = gazetteer()
    found: dict[tuple[int, int], dict[str, Any]] = {}
    for m in pattern.finditer(text):
        entry = by_alias[m.group()]
        role = classify_role(text, m.start(), m.end(), dateline, lang)
        if role is None and entry.get("ambiguous"):
            continue
        found[m.span()] = {"name": entry["name"], "kind": entry["kind"], "role": role or "other",
                           "span": span(text, m.start(), m.end())}
    for s, e in extra:
        if any(s < fe and fs < e for fs, fe in found):
            continue
        name = text[s:e]
        for article in role_cues(lang).articles:  # 'the New York Times' is 'New York Times'
            if name.lower().startswith(article):
                name = name[len(article):]
                break
        role = classify_role(text, s, e, dateline, lang)
        found[(s, e)] = {"name": name, "kind": "outlet", "role": role or "other",
                         "span": span(text, s, e)}
    return [found[k] for k in sorted(found)]


_PARTY_LABEL = re.compile(r"^[A-Z]-")   # "(D-Newport News)": a party and a place, not an outlet
_NAME_WORDS = re.compile(r"[\w&.'’-]+")


def looks_like_media(name: str, lang: Any = None) -> bool:
    """Whether an organisation's name has a news outlet's shape: one of ``lang``'s
    ``media_words`` opens it ("Daily Mail", "Times of India") or is one of its last two words
    ("Kansas City Star", "Xinhua News Agency"), so that "Environmental Protection Agency" or a
    headline run like "Gold Star Mom Corners Obama" is not taken for one."""
    cues = role_cues(lang)
    if _PARTY_LABEL.match(name):
        return False
    words = _NAME_WORDS.findall(name)
    if words and any(name.lower().startswith(a) for a in cues.articles):
        words = words[1:]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return any(cues.media_words.fullmatch(w) for w in words[:1] + words[-2:])


def media_entities(doc: Any, lang: Any = None) -> list[tuple[int, int]]:
    """spaCy ORG entities whose names look like news media (see ``looks_like_media``)."""
    return [(e.start_char, e.end_char) for e in doc.ents
            if e.label_ == "ORG" and len(e) <= 6 and looks_like_media(e.text, lang)]


@component("agencies", requires=("dateline",), assigns=("agencies",), languages=None)
def agencies(ctx: Context) -> None:
    rec = ctx.record
    extra = media_entities(ctx.doc, ctx.lang) if ctx.english else []
    rec.agencies = find_agencies(rec.text, rec.dateline, extra, ctx.lang)
    credit = role_cues(ctx.lang).house_credit.search(rec.text[-600:])
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
