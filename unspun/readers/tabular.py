"""JSON Lines, JSON and CSV: one article per line, item or row, streamed."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import Problem
from .article import TEXT_KEYS, Article, article_from_mapping
from .decode import decode, looks_binary


def _from_value(value: Any, origin: str, max_chars: int) -> Article | Problem:
    if not isinstance(value, dict):
        return Problem.make("U104", origin, detail=f"expected an object, got {type(value).__name__}")
    item = article_from_mapping(value, origin)
    if isinstance(item, Article) and len(item.text) > max_chars:
        return Problem.make("U107", origin, size=len(item.text), limit=max_chars)
    return item


def read_jsonl(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    seen_any = False
    for lineno, line in enumerate(fh, 1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        seen_any = True
        if looks_binary(line):
            yield Problem.make("U103", where)
            continue
        text, warnings = decode(line, where)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Problem.make("U104", where, detail=f"{exc.msg} at column {exc.colno}")
            continue
        item = _from_value(value, where, max_chars)
        if isinstance(item, Article):
            item.warnings.extend(warnings)
        yield item
    if not seen_any:
        yield Problem.make("U102", origin)


def read_json(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    data = fh.read()
    if not data.strip():
        yield Problem.make("U102", origin)
        return
    if looks_binary(data):
        yield Problem.make("U103", origin)
        return
    text, warnings = decode(data, origin)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        # maybe JSON Lines saved as .json
        if exc.msg == "Extra data":
            yield from read_jsonl(io.BytesIO(data), origin, max_chars)
            return
        yield Problem.make("U104", f"{origin}:{exc.lineno}", detail=f"{exc.msg} at column {exc.colno}")
        return
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    items = value if isinstance(value, list) else [value]
    for index, entry in enumerate(items):
        where = f"{origin}[{index}]" if isinstance(value, list) else origin
        yield _from_value(entry, where, max_chars)


def read_csv(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    csv.field_size_limit(max(max_chars * 4, 1 << 20))
    head = fh.read(8192)
    if looks_binary(head):
        yield Problem.make("U103", origin)
        return
    stream = io.TextIOWrapper(_Prepend(head, fh), encoding="utf-8-sig", errors="replace",
                              newline="")
    reader = csv.DictReader(stream)
    try:
        columns = reader.fieldnames
    except csv.Error as exc:
        yield Problem.make("U109", origin, detail=f"CSV: {exc}")
        return
    if not columns:
        yield Problem.make("U102", origin)
        return
    if not any(k in columns for k in TEXT_KEYS):
        yield Problem.make("U105", origin, columns=", ".join(TEXT_KEYS), found=", ".join(columns))
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem.make("U109", f"{origin}:{reader.line_num}", detail=f"CSV: {exc}")
            return
        where = f"{origin}:{reader.line_num}"
        yield _from_value({k: v for k, v in row.items() if k is not None}, where, max_chars)


class _Prepend(io.RawIOBase):
    """A binary stream that replays already-read bytes before the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)
