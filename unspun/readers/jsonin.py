"""JSON Lines and JSON inputs, streamed: memory is bounded by one article, not the file.

A JSON file is parsed as a stream of events (ijson): an array of a million
articles (or ``{"articles": [...]}``) is read one article at a time.  Two
limits follow ``--max-chars``: one article (an array item, an object, a
JSON Lines line) may take at most :func:`item_limit` bytes, checked while the
bytes are read, so a 300 MB article is refused after a few MB; and no value
may nest deeper than :data:`MAX_DEPTH` levels (U114), so a hostile
``[[[[...]]]]`` neither exhausts the stack nor reaches the rest of unspun.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import Problem
from .article import Article
from .decode import decode, looks_binary
from .optional import need
from .source import readline_bounded, regular_size, utf8_source
from .values import MAX_DEPTH, from_value, item_limit, too_deep

SNIFF = 1 << 20


def _too_large(where: str, size: str, limit: int, rest: str) -> Problem:
    return Problem.make("U115", where, what="article", size=size, limit=limit, rest=rest)


def _parse_line(line: bytes, where: str, max_chars: int) -> Article | Problem:
    if looks_binary(line):
        return Problem.make("U103", where)
    text, warnings = decode(line, where)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return Problem.make("U104", where, detail=f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return Problem.make("U114", where, limit=MAX_DEPTH)
    if too_deep(value):
        return Problem.make("U114", where, limit=MAX_DEPTH)
    item = from_value(value, where, max_chars)
    if isinstance(item, Article):
        item.warnings.extend(warnings)
    return item


def read_jsonl(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    """One article per line; an over-long line is skipped (U115) and the next one read."""
    ends = regular_size(fh) is not None  # a regular file ends: an over-long line can be skipped
    yield from _lines(utf8_source(fh), origin, max_chars, ends)


def _lines(src: BinaryIO, origin: str, max_chars: int, ends: bool
           ) -> Iterator[Article | Problem]:
    limit = item_limit(max_chars)
    seen_any = False
    lineno = 0
    while True:
        line, skipped = readline_bounded(src, limit, skip=ends)
        if not line and not skipped:
            break
        lineno += 1
        where = f"{origin}:{lineno}"
        if skipped:
            seen_any = True
            if not ends:
                yield _too_large(where, f"more than {limit:,}", limit,
                                 "the rest of the input was not read")
                return
            yield _too_large(where, f"{skipped:,}", limit, "the next line is read")
            continue
        if not line.strip():
            continue
        seen_any = True
        yield _parse_line(line, where, max_chars)
    if not seen_any:
        yield Problem.make("U102", origin)


class _Budget:
    """The byte stream ijson reads, refusing to go more than ``limit`` bytes past ``mark``."""

    def __init__(self, src: BinaryIO, limit: int):
        self.src, self.limit = src, limit
        self.count = self.mark = 0

    def read(self, n: int = -1) -> bytes:
        if self.count - self.mark > self.limit:
            raise _Overrun()
        data = self.src.read(min(n, 1 << 16) if n and n > 0 else 1 << 16) if n != 0 else b""
        self.count += len(data)
        return data


class _Overrun(Exception):
    pass


def _sniff_lines(src: io.BufferedReader) -> tuple[bool, io.BufferedReader]:
    """Whether a file opening with ``{`` is JSON Lines (its first line is a whole object)."""
    first = src.readline(SNIFF)
    rest = src.peek(1)
    replay = io.BufferedReader(_Prepend(first, src), buffer_size=1 << 16)
    if not first.endswith(b"\n") or not rest:
        return False, replay
    try:
        value = json.loads(first.decode("utf-8", "replace"))
    except RecursionError:
        return True, replay
    except ValueError:
        return False, replay
    return isinstance(value, dict), replay


def read_json(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    """An array of articles, ``{"articles": [...]}``, one article object, or JSON Lines."""
    ends = regular_size(fh) is not None
    src = utf8_source(fh)
    head = src.peek(8192)[:8192]
    if not head.strip() and not src.peek(1):
        yield Problem.make("U102", origin)
        return
    if looks_binary(head):
        yield Problem.make("U103", origin)
        return
    if head.lstrip()[:1] == b"{":
        lines, src = _sniff_lines(src)
        if lines:
            yield from _lines(src, origin, max_chars, ends)
            return
    ijson = need("ijson", "JSON", origin)
    if isinstance(ijson, Problem):
        yield ijson
        return
    yield from _Stream(ijson, src, origin, max_chars).items()


class _Stream:
    """Turns ijson events into articles, one array item (or top-level object) at a time."""

    def __init__(self, ijson: Any, src: BinaryIO, origin: str, max_chars: int):
        self.ijson = ijson
        self.origin, self.max_chars = origin, max_chars
        self.budget = _Budget(src, item_limit(max_chars))
        self.events = ijson.basic_parse(self.budget, multiple_values=True, use_float=True)
        self.index = 0
        self.where = origin

    def items(self) -> Iterator[Article | Problem]:
        seen = False
        try:
            for event, value in self.events:
                seen = True
                if event == "start_array":
                    yield from self._array()
                elif event == "start_map":
                    yield from self._object()
                else:
                    yield self._item((event, value), self.origin)
        except _Overrun:
            limit = self.budget.limit
            yield _too_large(self.where, f"more than {limit:,}", limit,
                             "the rest of the file was not read")
        except (self.ijson.JSONError, _Incomplete) as exc:
            if not seen and "premature EOF" in str(exc):
                yield Problem.make("U102", self.origin)
                return
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            yield Problem.make("U104", self.where,
                               detail=f"{reason} (near byte {self.budget.count:,})")

    def _array(self) -> Iterator[Article | Problem]:
        for event, value in self.events:
            if event == "end_array":
                return
            self.where = f"{self.origin}[{self.index}]"
            yield self._item((event, value), self.where)
            self.index += 1

    def _object(self) -> Iterator[Article | Problem]:
        """A top-level object: ``{"articles": [...]}`` (streamed) or one article."""
        built: dict[str, Any] = {}
        deep = streamed = False
        for event, value in self.events:
            if event == "end_map":
                break
            key = value
            event, value = next(self.events)
            if key == "articles" and event == "start_array" and not streamed:
                streamed = True
                yield from self._array()
                continue
            value, ok = _build((event, value), self.events)
            deep = deep or not ok
            built[key] = value
        if not streamed:
            yield Problem.make("U114", self.origin, limit=MAX_DEPTH) if deep \
                else from_value(built, self.origin, self.max_chars)
        self.budget.mark = self.budget.count

    def _item(self, first: tuple[str, Any], where: str) -> Article | Problem:
        value, ok = _build(first, self.events)
        self.budget.mark = self.budget.count
        if not ok:
            return Problem.make("U114", where, limit=MAX_DEPTH)
        return from_value(value, where, self.max_chars)


def _build(first: tuple[str, Any], events: Iterator[tuple[str, Any]],
           max_depth: int = MAX_DEPTH) -> tuple[Any, bool]:
    """The value that starts with event ``first``, and False if it nests too deep.

    Iterative (no recursion); past ``max_depth`` nothing more is built, only
    the depth is followed to the value's end.
    """
    event, value = first
    if event not in ("start_map", "start_array"):
        return value, True
    root: Any = {} if event == "start_map" else []
    stack: list[Any] = [root]
    keys: list[Any] = [None]
    depth, deep = 1, False
    for event, value in events:
        if event in ("start_map", "start_array"):
            depth += 1
            if deep or depth > max_depth:
                deep = True
                continue
            new: Any = {} if event == "start_map" else []
            _put(stack[-1], keys[-1], new)
            stack.append(new)
            keys.append(None)
        elif event in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return (None if deep else root), not deep
            if not deep:
                stack.pop()
                keys.pop()
        elif deep:
            continue
        elif event == "map_key":
            keys[-1] = value
        else:
            _put(stack[-1], keys[-1], value)
    raise _Incomplete()


class _Incomplete(Exception):
    pass


def _put(container: Any, key: Any, value: Any) -> None:
    if isinstance(container, dict):
        container[key] = value
    else:
        container.append(value)


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
