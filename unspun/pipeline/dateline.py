"""Datelines: ``BAKU, Azerbaijan, September 20.``, ``WASHINGTON (AP) —``, ``(CNN)``, ...

The dateline is the opening of the article that says where (and sometimes
when and from which agency) it was filed.  Its date is resolved against the
article's publication date, across year ends.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..places import is_place
from ..lang import get as get_language
from ..record import span
from .agencies import known_agency
from .registry import Context, component

_UP = r"[^\W\d_]"
DASH = r"(?:—|–|--|-|―)"


class Patterns:
    """A language's dateline regexes: its month names and day forms (``dateline_month``,
    ``dateline_day``, ``dateline_place_words`` in ``patterns.json``; ``month_numbers`` in
    ``words.json``).  Without month names a dateline has no date."""

    def __init__(self, lang: Any):
        self.months: dict[str, int] = dict(lang.words.get("month_numbers", {}))
        month, day = lang.pattern("dateline_month"), lang.pattern("dateline_day")
        date = rf"(?:{month}\s{day}(?:,?\s\d{{4}})?|{day}\s{month}(?:,?\s\d{{4}})?)"
        small = lang.pattern("dateline_place_words")
        word = rf"(?:{_UP.replace('^', '^a-z')}[\w'’.\-]*|(?:{small})(?=\s))"
        place = rf"(?!{month}\b){word}(?:\s{word}){{0,3}}"
        region = rf"(?!{month}\s\d)(?:{word}(?:\s{word}){{0,2}})"
        self.dateline = re.compile(
            rf"""(?P<place>{place}(?:,\s(?:{region}))?)?
                 (?:,?\s(?P<date>{date}))?
                 (?:\s?\((?P<agency>[^()\n]{{2,40}})\)|\.?\s?/(?P<slashed>[^/\n]{{2,30}})/)?
                 (?P<sep>\s?{DASH}\s?|\.\s|:\s)?""",
            re.VERBOSE,
        )
        self.agency_only = re.compile(
            rf"(?:(?P<date>{date})\s?)?\((?P<agency>[A-Z][\w.&' ]{{1,30}})\)(?P<sep>\s?{DASH}\s?)?")


def patterns(lang: Any = None) -> Patterns:
    """The dateline :class:`Patterns` of ``lang`` (English when None), made once per language."""
    lang = lang if lang is not None else get_language("en")
    return lang.memo(("dateline",), lambda: Patterns(lang))


# '(CNN)', '(Reuters)': one word; '(BEGIN VIDEO CLIP.)' in a transcript is no credit
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,11}")


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _accept(m: re.Match[str]) -> bool:
    place, date, agency = m["place"], m["date"], m["agency"] or m["slashed"]
    sep = (m["sep"] or "").strip()
    if not place:
        return False
    first = place.split(",")[0]
    known = _is_caps(first.split()[0]) or is_place(first)
    if agency:
        return known or known_agency(agency)
    if not sep:
        return False
    if sep in (".", ":") and not date:
        return False
    return known or any(is_place(p.strip()) for p in place.split(",")[1:])


def find_dateline(text: str, start: int = 0, lang: Any = None) -> dict[str, Any] | None:
    """Parse the dateline opening ``text`` at ``start`` (leading whitespace allowed), with
    ``lang``'s month names (English by default)."""
    while start < len(text) and text[start].isspace():
        start += 1
    found = patterns(lang)
    m = found.dateline.match(text, start)
    if m and _accept(m):
        return _build(text, m)
    m = found.agency_only.match(text, start)
    if m and (known_agency(m["agency"]) or _ACRONYM.fullmatch(m["agency"])):
        return _build(text, m)
    return None


def _group_span(text: str, m: re.Match[str], name: str) -> dict[str, Any] | None:
    if name in m.re.groupindex and m[name]:
        s, e = m.span(name)
        return span(text, s, e)
    return None


def _build(text: str, m: re.Match[str]) -> dict[str, Any]:
    place = _group_span(text, m, "place")
    agency = _group_span(text, m, "agency") or _group_span(text, m, "slashed")
    date = _group_span(text, m, "date")
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return {"place": place, "date": date, "agency": agency, "resolved_date": None,
            "span": span(text, m.start(), end)}


def parse_month_day(value: str, lang: Any = None) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from 'September 20', 'Sept. 26', '3 March 2024'."""
    months = patterns(lang).months
    month = next((n for k, n in months.items() if re.search(rf"\b{k}", value.lower())), None)
    numbers = [int(x) for x in re.findall(r"\d+", value)]
    if month is None or not numbers:
        return None
    day = numbers[0] if numbers[0] <= 31 else None
    year = next((n for n in numbers if n > 31), None)
    return (month, day, year) if day else None


def resolve_date(value: str, published: str | None, lang: Any = None) -> str | None:
    """The full date a dateline's date means, given the publication date."""
    parsed = parse_month_day(value, lang)
    if not parsed:
        return None
    month, day, year = parsed
    if year:
        candidates = [year]
    elif published:
        pub_year = int(published[:4])
        candidates = [pub_year - 1, pub_year, pub_year + 1]
    else:
        return None
    dates = []
    for y in candidates:
        try:
            dates.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not dates:
        return None
    if published and not year:
        pub = dt.date.fromisoformat(published)
        dates.sort(key=lambda d: abs((d - pub).days))
    return dates[0].isoformat()


@component("dateline", requires=("layout",), assigns=("dateline",), languages=None)
def dateline(ctx: Context) -> None:
    """The dateline opening the body: after the headline, byline and date lines, if any."""
    rec = ctx.record
    body = (rec.layout or {}).get("body_start", 0)
    found = find_dateline(rec.text, body, ctx.lang)
    if found and found["date"]:
        found["resolved_date"] = resolve_date(found["date"]["text"], rec.published, ctx.lang)
    rec.dateline = found
