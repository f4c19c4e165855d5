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

_EN = get_language("en")
_MONTHS: dict[str, int] = _EN.words["month_numbers"]
MONTH = _EN.pattern("dateline_month")
DAY = _EN.pattern("dateline_day")
DATE = rf"(?:{MONTH}\s{DAY}(?:,?\s\d{{4}})?|{DAY}\s{MONTH}(?:,?\s\d{{4}})?)"
_UP = r"[^\W\d_]"
WORD = rf"(?:{_UP.replace('^', '^a-z')}[\w'’.\-]*|(?:{_EN.pattern('dateline_place_words')})(?=\s))"
PLACE = rf"(?!{MONTH}\b){WORD}(?:\s{WORD}){{0,3}}"
REGION = rf"(?!{MONTH}\s\d)(?:{WORD}(?:\s{WORD}){{0,2}})"
DASH = r"(?:—|–|--|-|―)"

_DATELINE = re.compile(
    rf"""(?P<place>{PLACE}(?:,\s(?:{REGION}))?)?
         (?:,?\s(?P<date>{DATE}))?
         (?:\s?\((?P<agency>[^()\n]{{2,40}})\)|\.?\s?/(?P<slashed>[^/\n]{{2,30}})/)?
         (?P<sep>\s?{DASH}\s?|\.\s|:\s)?""",
    re.VERBOSE,
)
_AGENCY_ONLY = re.compile(
    rf"(?:(?P<date>{DATE})\s?)?\((?P<agency>[A-Z][\w.&' ]{{1,30}})\)(?P<sep>\s?{DASH}\s?)?")


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


def find_dateline(text: str, start: int = 0) -> dict[str, Any] | None:
    """Parse the dateline opening ``text`` at ``start`` (leading whitespace allowed)."""
    while start < len(text) and text[start].isspace():
        start += 1
    m = _DATELINE.match(text, start)
    if m and _accept(m):
        return _build(text, m)
    m = _AGENCY_ONLY.match(text, start)
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


def parse_month_day(value: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from 'September 20', 'Sept. 26', '3 March 2024'."""
    month = next((n for k, n in _MONTHS.items() if re.search(rf"\b{k}", value.lower())), None)
    numbers = [int(x) for x in re.findall(r"\d+", value)]
    if month is None or not numbers:
        return None
    day = numbers[0] if numbers[0] <= 31 else None
    year = next((n for n in numbers if n > 31), None)
    return (month, day, year) if day else None


def resolve_date(value: str, published: str | None) -> str | None:
    """The full date a dateline's date means, given the publication date."""
    parsed = parse_month_day(value)
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
    found = find_dateline(rec.text, body)
    if found and found["date"]:
        found["resolved_date"] = resolve_date(found["date"]["text"], rec.published)
    rec.dateline = found
