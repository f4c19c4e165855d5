"""Search input is user input: parse it into a safe full-text query and SQL filters.

The query language is the one people type into web search boxes, the same on
both backends: words (all must match), ``"exact phrases"``, ``OR`` between
words, ``-word`` to exclude, ``word*`` for a prefix.  Every other character
is ignored, so FTS operators, quotes and SQL fragments in the input are
matched as plain words, never run.  Values always travel as bound parameters.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..dates import check_date_filter
from ..errors import UnspunError
from .base import SEARCH_KINDS
from .errors import StoreError
from .filters import FilterSpec, filter_specs, like_pattern

__all__ = ["Filters", "Choice", "check_query", "parse_query", "fts5_query", "tsquery",
           "check_date", "like_pattern"]

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
MAX_LIMIT = 10_000
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")


def _bad(detail: str) -> StoreError:
    return StoreError.make("U504", "", detail=detail)


def check_query(query: str | None) -> str | None:
    """The query stripped, or None when empty; raises U504 when too long."""
    if query is None or not query.strip():
        return None
    if len(query) > MAX_QUERY_CHARS:
        raise _bad(f"query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    if "\x00" in query:
        raise _bad("query contains a NUL character")
    return query.strip()


Term = tuple[tuple[str, ...], bool]  # (words of a phrase, prefix match on the last word)


def _term(token: str) -> Term | None:
    """A token's words as one phrase; ``word*`` (outside quotes) is a prefix match."""
    words = tuple(_WORD.findall(token))
    if not words:
        return None
    return words, token.endswith("*") and not token.startswith('"')


def parse_query(query: str) -> tuple[list[list[Term]], list[Term]]:
    """Groups of alternatives (all groups must match) and excluded terms."""
    groups: list[list[Term]] = [[]]
    negative: list[Term] = []
    join_or = False
    for token in _TOKEN.findall(query):
        if token == "OR":
            join_or = bool(groups[-1])
            continue
        neg = token.startswith("-") and len(token) > 1
        term = _term(token[1:] if neg else token)
        if term is None:
            continue
        if neg:
            negative.append(term)
        elif join_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_or = False
    groups = [g for g in groups if g]
    if len(groups) + len(negative) > MAX_TERMS:
        raise _bad(f"query has more than {MAX_TERMS} terms")
    if not groups:
        raise _bad("the query has no words to search for (only excluded words or symbols)")
    return groups, negative


def _render(query: str, term: Callable[[Term], str], and_: str, or_: str,
            not_: str) -> str:
    groups, negative = parse_query(query)
    expr = and_.join(term(g[0]) if len(g) == 1 else "(" + or_.join(map(term, g)) + ")"
                     for g in groups)
    if negative:
        expr = f"({expr}){not_}({or_.join(map(term, negative))})"
    return expr


def fts5_query(query: str) -> str:
    """Web-search syntax as an FTS5 MATCH expression (every word inside double quotes)."""
    def term(t: Term) -> str:
        return '"' + " ".join(t[0]) + '"' + ("*" if t[1] else "")

    return _render(query, term, " AND ", " OR ", " NOT ")


def tsquery(query: str) -> str:
    """Web-search syntax as PostgreSQL ``to_tsquery`` text (words are ``\\w+`` only)."""
    def term(t: Term) -> str:
        words = list(t[0])
        if t[1]:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"

    return _render(query, term, " & ", " | ", " & !")


def check_date(value: str | None, end: bool, name: str | None = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as a bound comparable with ISO dates.

    Checked by :func:`unspun.dates.check_date_filter` (U119, here inside U504).
    """
    try:
        value = check_date_filter(value, name or ("until" if end else "since"))
    except UnspunError as exc:
        raise _bad(str(exc)) from None
    if value is None:
        return None
    return value + "~" if end else value  # "~" sorts after every digit and "-"


def _value(spec: FilterSpec, value: Any) -> Any:
    """One filter's value checked and normalised as its spec says (U504 when bad)."""
    if spec.repeatable:
        return (value,) if isinstance(value, str) else tuple(value or ())
    if spec.type == "date":
        return check_date(value, end=spec.end, name=spec.name)
    problem = spec.choice_error(value)
    if problem:
        raise _bad(problem)
    return value


@dataclass
class Filters:
    """Validated search filters and the SQL conditions they become.

    The filters are those of :func:`unspun.store.filters.filter_specs`; their
    values are in ``values`` and read as attributes (``f.source``, ``f.voice``).
    """

    kind: str = "article"
    limit: int = 20
    offset: int = 0
    values: dict[str, Any] = field(default_factory=dict)
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    choices: list["Choice"] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values")
        if values is not None and name in values:
            return values[name]
        raise AttributeError(name)

    @classmethod
    def parse(cls, **kw: Any) -> "Filters":
        specs = filter_specs()
        names = {s.name for s in specs}
        unknown = set(kw) - names - {"kind", "limit", "offset"}
        if unknown:
            raise TypeError(f"unknown search option(s): {sorted(unknown)}")
        f = cls(**{k: kw[k] for k in ("kind", "limit", "offset") if k in kw})
        if f.kind not in SEARCH_KINDS:
            raise _bad(f"kind must be one of {', '.join(SEARCH_KINDS)}, not {f.kind!r}")
        for spec in specs:
            f.values[spec.name] = _value(spec, kw.get(spec.name))
        for spec in specs:
            if spec.check is not None:
                try:
                    spec.check(f, f.values[spec.name])
                except ValueError as exc:
                    raise _bad(str(exc)) from None
        for name in ("limit", "offset"):
            value = getattr(f, name)
            if not isinstance(value, int) or value < 0 or value > MAX_LIMIT * 100:
                raise _bad(f"{name} must be a whole number from 0 to {MAX_LIMIT * 100:,}")
        f.limit = min(f.limit, MAX_LIMIT)
        for spec in specs:
            if f.values[spec.name]:
                spec.build(f, f.values[spec.name])
        return f

    def add(self, sql: str, *params: Any) -> None:
        """A condition on the article (``a``) or, searching quotes, the quote (``q``)."""
        self.where.append(sql)
        self.params.extend(params)

    def require(self, table: str, cond: str, *params: Any) -> None:
        """The article must have a row of child ``table`` (alias ``c``) meeting ``cond``."""
        self.choices.append(Choice(table, cond, list(params)))

    def sql(self, unary_plus: bool = True, exists: frozenset[int] = frozenset()) -> str:
        """The conditions joined with AND; parameters come from :meth:`args`.

        Conditions on child tables test membership in a list of article ids or,
        for the indices in ``exists``, run a per-article EXISTS.  In SQLite the
        list form carries a unary plus (``+a.id IN``) so the planner scans by
        date and tests membership instead of sorting every member by date.
        """
        parts = list(self.where)
        for i, c in enumerate(self.choices):
            if i in exists:
                parts.append(f"EXISTS (SELECT 1 FROM {c.table} c WHERE c.article_id = a.id "
                             f"AND {c.cond})")
            else:
                plus = "+" if unary_plus else ""
                parts.append(f"{plus}a.id IN (SELECT c.article_id FROM {c.table} c "
                             f"WHERE {c.cond})")
        return " AND ".join(parts) if parts else "1 = 1"

    def args(self) -> list[Any]:
        """Parameters for :meth:`sql`, in order."""
        return [*self.params, *(p for c in self.choices for p in c.params)]


@dataclass
class Choice:
    """A condition on one child table (alias ``c``) that articles must have a row for."""

    table: str
    cond: str
    params: list[Any]

    def count_sql(self) -> str:
        """Counts matching rows up to a bound (the one parameter after ``params``)."""
        return f"SELECT count(*) FROM (SELECT 1 FROM {self.table} c WHERE {self.cond} LIMIT ?)"
