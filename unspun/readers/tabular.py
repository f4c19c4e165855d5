"""CSV: one article per row, streamed row by row with the row's real line number.

Rows are cut from the byte stream by the reader itself, not by the csv module:
a row ends at the first line end outside double quotes (the quote count so far
is even), so a field with line breaks stays in its row, and a row too large for
``--max-chars`` is skipped to its end in chunks, never held whole, reported
(U115) with the line it starts on, and the next row is read as usual.  The
csv module then parses each row on its own.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import Problem
from .article import TEXT_KEYS, Article
from .decode import looks_binary
from .source import CHUNK, regular_size, utf8_source
from .values import from_value, item_limit

# kept for the Ray engine, which imported it from here
_from_value = from_value


def _rows(src: BinaryIO, limit: int, ends: bool) -> Iterator[tuple[int, str | None, int]]:
    """``(first line, row text, bytes)`` for each row; the text is None for a row over ``limit``.

    From a stream that may never end (not a regular file) nothing is read past an
    over-long row.
    """
    line = 0
    while True:
        start = line + 1
        parts: list[bytes] = []
        size = quotes = 0
        while True:
            chunk = src.readline(CHUNK)
            if not chunk:
                if size:
                    yield start, _text(parts, size, limit), size
                return
            size += len(chunk)
            quotes += chunk.count(b'"')
            if size <= limit:
                parts.append(chunk)
            else:
                parts.clear()
                if not ends:
                    yield start, None, size
                    return
            if chunk.endswith(b"\n"):
                line += 1
                if quotes % 2 == 0:
                    break
        yield start, _text(parts, size, limit), size


def _text(parts: list[bytes], size: int, limit: int) -> str | None:
    return b"".join(parts).decode("utf-8", "replace") if size <= limit else None


def _fields(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def read_csv(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    ends = regular_size(fh) is not None
    src = utf8_source(fh)
    if looks_binary(src.peek(8192)[:8192]):
        yield Problem.make("U103", origin)
        return
    limit = item_limit(max_chars)
    csv.field_size_limit(max(limit, csv.field_size_limit()))
    columns: list[str] | None = None
    for line, text, size in _rows(src, limit, ends):
        where = f"{origin}:{line}"
        if text is None:
            rest = "the next row is read" if ends else "the rest of the input was not read"
            yield Problem.make("U115", where, what="CSV row",
                               size=f"{size:,}" if ends else f"more than {limit:,}",
                               limit=limit, rest=rest)
            if columns is None:
                return
            continue
        try:
            rows = [r for r in _fields(text) if r]
        except csv.Error as exc:
            yield Problem.make("U109", where, detail=f"CSV: {exc}")
            continue
        for values in rows:
            if columns is None:
                columns = values
                if not any(k in columns for k in TEXT_KEYS):
                    yield Problem.make("U105", origin, columns=", ".join(TEXT_KEYS),
                                       found=", ".join(columns))
                    return
                continue
            row = dict(zip(columns, values))
            for name in columns[len(values):]:
                row[name] = None
            yield from_value(row, where, max_chars)
    if columns is None:
        yield Problem.make("U102", origin)
