"""Readers turn paths (files, folders, globs, ``-`` for stdin) into articles.

:func:`read_inputs` yields :class:`~unspun.readers.article.Article` objects and,
for input that cannot be read, :class:`~unspun.errors.Problem` objects naming
the file (and line) and the reason, so one bad input never stops a batch.
Everything streams with bounded memory: JSON Lines and CSV a row at a time,
JSON arrays an item at a time, and no read goes past what ``max_chars``
allows.  Only regular files and stdin are read (a FIFO or ``/dev/zero`` is
U113); what a folder walk skips is counted in an :class:`InputStats`.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Problem
from .article import DEFAULT_MAX_CHARS, Article
from .formats import FORMATS, detect_format
from .jsonin import read_json, read_jsonl
from .parquet import read_parquet
from .paths import InputStats, expand_paths, store_files
from .source import open_regular, utf8_source
from .tabular import read_csv
from .text import read_html, read_text

__all__ = ["Article", "read_inputs", "read_path", "FORMATS", "DEFAULT_MAX_CHARS",
           "InputStats", "store_files", "detect_format"]


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
        fh, problem, _ = open_regular(str(path), str(path))
        if problem is not None:
            yield problem
            return
        with fh:
            yield from _READERS[fmt](fh, str(path), max_chars)
    except OSError as exc:
        yield Problem.make("U109", str(path), detail=exc.strerror or str(exc))


def _read_stdin(fmt: str, max_chars: int) -> Iterator[Article | Problem]:
    stream = utf8_source(sys.stdin.buffer)
    if fmt == "auto":
        first = stream.peek(64)[:64].lstrip()[:1]
        fmt = {b"{": "json", b"[": "json", b"<": "html"}.get(first, "text")
    yield from _READERS[fmt](stream, "<stdin>", max_chars)


def read_inputs(paths: Iterable[str], fmt: str = "auto", max_chars: int = DEFAULT_MAX_CHARS,
                *, stats: InputStats | None = None,
                exclude: Iterable[str] = ()) -> Iterator[Article | Problem]:
    """Yield every article (or problem) from the given paths, in order.

    ``exclude``: real paths never to read (a store's own files, see
    :func:`store_files`); ``stats`` counts the files a walk skipped.
    """
    for item in expand_paths(paths, stats=stats, exclude=exclude, fmt=fmt):
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
    "parquet": read_parquet,
}
