"""Plain-text articles (with optional header lines) and HTML pages."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import Problem
from .article import Article, normalise_date
from .decode import decode, looks_binary
from .optional import need
from .source import read_bounded, regular_size, utf8_source

# `date YYYY-MM-DD` (the seed format: the text may follow on the same line)
_DATE_HEADER = re.compile(r"[ \t]*date:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_KEY_HEADER = re.compile(r"[ \t]*(title|source|url|published|date):[ \t]*(.*?)[ \t]*(?:\n|$)",
                         re.IGNORECASE)


def read_limited(fh: BinaryIO, origin: str, max_chars: int) -> bytes | Problem:
    """The whole input as UTF-8 bytes, or U107/U115 when it cannot fit ``max_chars``.

    A character takes at most 4 bytes (in UTF-8, and in UTF-16), so a regular
    file larger than ``4 * max_chars`` bytes is refused without being read, and
    a stream is read no further than that.
    """
    limit = 4 * max_chars
    size = regular_size(fh)
    if size is not None and size > limit + 4:  # + room for a byte-order mark
        return Problem.make("U107", origin, size=size, limit=max_chars)
    data, more = read_bounded(utf8_source(fh), limit)
    if more:
        if size is not None:
            return Problem.make("U107", origin, size=size, limit=max_chars)
        return Problem.make("U115", origin, what="input", size=f"more than {limit:,}",
                            limit=limit, rest="the rest of it was not read")
    return data


def split_header(raw: str) -> tuple[dict[str, str], int]:
    """Header values and the offset where the body starts."""
    header: dict[str, str] = {}
    pos = 0
    while True:
        m = _DATE_HEADER.match(raw, pos) or _KEY_HEADER.match(raw, pos)
        if not m or m.end() == pos:
            break
        if m.re is _DATE_HEADER:
            header["date"] = m[1]
        else:
            header[m[1].lower()] = m[2]
        pos = m.end()
        while pos < len(raw) and raw[pos] in " \t\r\n" and not _at_header(raw, pos):
            pos += 1
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return header, pos


def _at_header(raw: str, pos: int) -> bool:
    return bool(_DATE_HEADER.match(raw, pos) or _KEY_HEADER.match(raw, pos))


def read_text(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    data = read_limited(fh, origin, max_chars)
    if isinstance(data, Problem):
        yield data
        return
    if looks_binary(data):
        yield Problem.make("U103", origin)
        return
    raw, warnings = decode(data, origin)
    header, start = split_header(raw)
    body = raw[start:]
    if not body.strip():
        yield Problem.make("U102", origin)
        return
    if len(body) > max_chars:
        yield Problem.make("U107", origin, size=len(body), limit=max_chars)
        return
    raw_date = header.get("date") or header.get("published")
    published = normalise_date(raw_date)
    if raw_date and not published:
        warnings.append(Problem.make("W204", origin, value=raw_date))
    meta = {"input_offset": start} if start else {}
    yield Article(text=body, origin=origin, published=published, title=header.get("title"),
                  url=header.get("url"), source=header.get("source"), meta=meta,
                  warnings=warnings)


def read_html(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    trafilatura = need("trafilatura", "HTML", origin)  # heavy, and only HTML needs it
    if isinstance(trafilatura, Problem):
        yield trafilatura
        return
    data = read_limited(fh, origin, max_chars)
    if isinstance(data, Problem):
        yield data
        return
    if not data.strip():
        yield Problem.make("U102", origin)
        return
    if looks_binary(data):
        yield Problem.make("U103", origin)
        return
    html, warnings = decode(data, origin)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        yield Problem.make("U108", origin)
        return
    title = getattr(doc, "title", None)
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]
    yield Article(text=text, origin=origin, published=normalise_date(getattr(doc, "date", None)),
                  title=title, url=getattr(doc, "url", None),
                  source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
                  meta={"format": "html"}, warnings=warnings)
