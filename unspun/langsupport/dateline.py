"""Datelines and wire agencies in the languages unspun reads beyond English.

A dateline opens the article: the place it was filed from, sometimes the date
(with the language's month names, from ``data/cues/<code>.json``) and the
agency, in the house styles of the region's agencies::

    МОСКВА, 20 сентября. /ТАСС/.        ЖЕНЕВА, 2 ноября — РИА Новости.
    PARIS (AFP) -                        BAKOU, 5 juin (Reuters) -
    Bakı, 2 noyabr, AZƏRTAC.             Bakı. 5 iyun. APA.
    ԺՆԵՎ, 2 նոյեմբերի. /Արմենպրես/.      PARÍS, 12 ago (EFE).-
    أنقرة (رويترز) -                      آنکارا - ایرنا -

The place must be in capitals or known to the gazetteer, and a date or an
agency must follow it: an opening "Bakı və Yerevan ..." is no dateline.
Agencies are the names of ``data/agencies.json`` in any language, wherever
they occur ("сообщает Интерфакс", "informa Europa Press").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .attribution import cues
from .gazetteer import gazetteer

DATA = Path(__file__).resolve().parent / "data"
Span = tuple[int, int]


@dataclass
class Dateline:
    place: Span
    date: Span | None
    agency: Span | None
    span: Span


@dataclass
class Agency:
    name: str       # canonical ("ITAR-TASS")
    start: int
    end: int


@lru_cache(maxsize=1)
def agency_forms() -> dict[str, str]:
    """Each written form of an agency -> its canonical name."""
    data = json.loads((DATA / "agencies.json").read_text("utf-8"))["agencies"]
    return {form: name for name, forms in data.items() for form in forms}


@lru_cache(maxsize=1)
def _agency_re() -> re.Pattern[str]:
    forms = sorted(agency_forms(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def find_agencies(text: str) -> list[Agency]:
    """Every mention of a known agency in ``text``."""
    forms = agency_forms()
    return [Agency(forms[m.group()], m.start(), m.end()) for m in _agency_re().finditer(text)]


@lru_cache(maxsize=32)
def _pattern(lang: str) -> re.Pattern[str]:
    months = sorted(cues(lang).get("months", ()), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?" if months else r"(?!x)x"
    date = rf"(?:\d{{1,2}}\.?\s{month}(?:\s\d{{4}})?|{month}\s\d{{1,2}}(?:,?\s\d{{4}})?)"
    known = "|".join(re.escape(f) for f in sorted(agency_forms(), key=len, reverse=True))
    word = r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*"
    place = rf"(?P<place>{word}(?:\s{word}){{0,2}}?)"
    agency = (rf"(?:\s?\((?P<a1>[^()\n]{{2,40}})\)"           # (AFP)
              rf"|\.?\s?/(?P<a2>[^/\n]{{2,40}})/"              # /ТАСС/
              rf"|\s[—–-]\s(?P<a3>{known})(?=[.\s—–-])"        # — РИА Новости. / - ایرنا -
              rf"|[,.]\s(?P<a4>{known})(?=[.\s]))")            # , AZƏRTAC.
    sep = r"(?P<sep>\.?\s?[—–-]+\s?|\.\s?|\s)?"
    # one of the two must follow the place: a date (and maybe an agency), or an agency
    return re.compile(rf"{place}(?:[,.]\s(?P<date>{date})(?P<agency>{agency})?"
                      rf"|(?P<agency_only>{agency})){sep}".replace("(?P<agency>", "(?P<agency>", 1)
                      .replace("(?P<agency_only>" + agency, "(?P<agency_only>" +
                               agency.replace("?P<a", "?P<b")))


def find_dateline(text: str, lang: str) -> Dateline | None:
    """The dateline opening ``text``, if any."""
    lead = len(text) - len(text.lstrip())
    m = _pattern(lang).match(text, lead)
    if not m:
        return None
    place = m["place"]
    letters = [c for c in place if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1
    if not caps and not gazetteer(lang)._lookup(place):
        return None
    name = next((g for g in ("a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4") if m[g]), None)
    agency = (m.start(name), m.end(name)) if name else None
    date = (m.start("date"), m.end("date")) if m["date"] else None
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return Dateline((m.start("place"), m.end("place")), date, agency, (m.start(), end))
