"""Date filters people type: ``--since``/``--until`` on the command line, ``since``/``until``
in the REST API and in ``store.search``.

One function checks them all, so ``2023-13-45`` is refused everywhere with the
same coded error (U119) instead of silently matching nothing (or everything).
"""
from __future__ import annotations

import datetime as dt
import re

from .errors import Problem, UnspunError

_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

__all__ = ["check_date_filter"]


def _reason(text: str) -> str | None:
    """Why ``text`` is not a YYYY, YYYY-MM or YYYY-MM-DD date, or None when it is one."""
    m = _SHAPE.fullmatch(text)
    if not m:
        return "not a date"
    year, month, day = m[1], m[2], m[3]
    if year == "0000":
        return "there is no year 0"
    if month is not None and not 1 <= int(month) <= 12:
        return f"there is no month {month}"
    if day is not None:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return f"{year}-{month} has no day {day}"
    return None


def check_date_filter(value: object, name: str = "date") -> str | None:
    """``value`` (a YYYY, YYYY-MM or YYYY-MM-DD date) stripped, or None when empty.

    Raises :class:`~unspun.errors.UnspunError` U119 naming ``name`` (the option or
    parameter) for anything else: another shape, month 13, 30 February.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    reason = _reason(text)
    if reason is not None:
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise UnspunError(Problem.make("U119", "", value=shown, name=name, detail=reason))
    return text
