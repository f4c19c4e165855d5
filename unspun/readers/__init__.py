"""Readers turn paths (files, folders, globs, ``-`` for stdin) into articles.

:func:`read_inputs` yields :class:`~unspun.readers.article.Article` objects and,
for input that cannot be read, :class:`~unspun.errors.Problem` objects naming
the file (and line) and the reason, so one bad input never stops a batch.
Everything streams: JSON Lines and CSV are read a row at a time.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Problem
from .article import DEFAULT_MAX_CHARS, Article
from .paths import expand_paths
from .tabular import read_csv, read_json, read_jsonl
from .text import read_html, read_text

__all__ = ["Article", "read_inputs", "read_path", "FORMATS", "DEFAULT_MAX_CHARS"]

FORMATS = ("auto", "text", "jsonl", "json", "csv", "html")

_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".html": "html", ".htm": "html",
}


def detect_format(path: Path) -> str | None:
    return _BY_SUFFIX.get(path.suffix.lower())


def read_path(path: Path, fmt: str = "auto",
              max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Problem]:
    """Read one file in the given (or detected) format."""
    if fmt == "auto":
        detected = detect_format(path)
        if detected is None:
            yield Problem.make("U111", str(path), suffix=path.suffix)
            return
        fmt = detected
    try:
        with open(path, "rb") as fh:
            yield from _READERS[fmt](fh, str(path), max_chars)
    except OSError as exc:
        yield Problem.make("U109", str(path), detail=exc.strerror or str(exc))


def _read_stdin(fmt: str, max_chars: int) -> Iterator[Article | Problem]:
    stream = sys.stdin.buffer
    if fmt == "auto":
        head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
        first = head.lstrip()[:1]
        fmt = {b"{": "jsonl", b"[": "json", b"<": "html"}.get(first, "text")
    yield from _READERS[fmt](stream, "<stdin>", max_chars)


def read_inputs(paths: Iterable[str], fmt: str = "auto",
                max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Problem]:
    """Yield every article (or problem) from the given paths, in order."""
    for item in expand_paths(paths):
        if isinstance(item, Problem):
            yield item
        elif item == "-":
            yield from _read_stdin(fmt, max_chars)
        else:
            yield from read_path(Path(item), fmt, max_chars)


_READERS = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
}
