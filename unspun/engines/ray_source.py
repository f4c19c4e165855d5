"""Inputs for the Ray engine: which files to read, and reading one file into article rows.

Paths are expanded on the driver (local paths exactly as the local engine
expands them; URIs such as ``s3://bucket/news/`` or ``gs://...`` through
pyarrow's filesystems), then each file is read inside Ray by the same
readers the local engine uses (:mod:`unspun.readers`), so the records and
the coded problems are the same.  Parquet files (``.parquet``) are read row
by row with pyarrow.  A file that cannot be read becomes a coded problem
row, never a failed job.

Rows travel through Ray as ``{"item": JSON}`` (an article or a problem), so
every metadata value arrives exactly as the reader produced it.
"""
from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..readers import _READERS, detect_format
from ..readers.article import Article
from ..readers.parquet import read_parquet
from ..readers.paths import expand_paths
from ..readers.source import open_regular


__all__ = ["expand_inputs", "read_file", "read_parquet", "encode", "decode", "is_uri"]


def is_uri(path: str) -> bool:
    """True for ``scheme://...`` paths (read through pyarrow's filesystems)."""
    return "://" in path and not path.startswith(("postgresql://", "postgres://"))


def _expand_uri(uri: str) -> Iterator[dict[str, str] | Problem]:
    from pyarrow import fs as pafs

    try:
        filesystem, path = pafs.FileSystem.from_uri(uri)
        info = filesystem.get_file_info(path)
    except Exception as exc:  # noqa: BLE001 - bad scheme, no credentials, unreachable
        yield Problem.make("U109", uri, detail=f"{type(exc).__name__}: {exc}")
        return
    if info.type == pafs.FileType.NotFound:
        yield Problem.make("U101", uri)
        return
    if info.type != pafs.FileType.Directory:
        yield {"path": uri, "origin": uri}
        return
    scheme = uri.split("://", 1)[0]
    found = filesystem.get_file_info(pafs.FileSelector(path, recursive=True))
    names = sorted(f.path for f in found if f.type == pafs.FileType.File
                   and not any(part.startswith(".") for part in f.path[len(path):].split("/")))
    for name in names:
        full = f"{scheme}://{name}" if scheme != "file" else f"file://{name}"
        yield {"path": full, "origin": full}


def expand_inputs(paths: Iterable[str]) -> Iterator[dict[str, str] | Problem]:
    """Files to read, as ``{"path": where to open it, "origin": name in records}``.

    Local paths keep the spelling the local engine gives them (``origin``) and
    are opened by absolute path (Ray workers may run in another folder);
    missing paths give U101 problems.  Standard input (``-``) is refused with
    U803: a cluster cannot read this process's stdin.
    """
    for raw in paths:
        if raw == "-":
            yield Problem.make("U803", "-")
        elif is_uri(raw):
            yield from _expand_uri(raw)
        else:
            for item in expand_paths([raw]):
                if isinstance(item, Problem):
                    yield item
                else:
                    yield {"path": os.path.abspath(item), "origin": item}


class _Stream(io.RawIOBase):
    """A pyarrow input file as a Python raw stream (so readers can iterate lines)."""

    def __init__(self, native: Any):
        self._native = native

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._native.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._native.close()
        super().close()


def _open(path: str, seekable: bool) -> Any:
    if not is_uri(path):
        fh, problem, _ = open_regular(path, path)
        if problem is not None:
            raise _NotRegular(problem)
        return fh
    from pyarrow import fs as pafs

    filesystem, inner = pafs.FileSystem.from_uri(path)
    native = filesystem.open_input_file(inner)
    return native if seekable else io.BufferedReader(_Stream(native), buffer_size=1 << 20)


def read_file(path: str, origin: str, fmt: str = "auto",
              max_chars: int = 1_000_000) -> Iterator[Article | Problem]:
    """Every article (or problem) in one file, read by the local engine's readers."""
    if fmt == "auto":
        fmt = detect_format(Path(path)) or ""
        if not fmt:
            yield Problem.make("U111", origin, suffix=Path(path).suffix)
            return
    reader = _READERS[fmt]
    try:
        with _open(path, seekable=fmt == "parquet") as fh:
            yield from reader(fh, origin, max_chars)
    except _NotRegular as exc:
        yield Problem(exc.problem.code, exc.problem.message, origin)
    except OSError as exc:
        yield Problem.make("U109", origin, detail=exc.strerror or str(exc) or type(exc).__name__)


class _NotRegular(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def encode(item: Article | Problem) -> str:
    """One article or problem as a JSON string (a Ray row value)."""
    if isinstance(item, Problem):
        return json.dumps({"problem": [item.code, item.message, item.origin]})
    data = {"text": item.text, "origin": item.origin, "published": item.published,
            "title": item.title, "url": item.url, "source": item.source, "meta": item.meta,
            "warnings": [[w.code, w.message, w.origin] for w in item.warnings]}
    return json.dumps(data, ensure_ascii=False)


def decode(text: str) -> Article | Problem:
    """The article or problem :func:`encode` wrote."""
    data = json.loads(text)
    if "problem" in data:
        return Problem(*data["problem"])
    warnings = [Problem(*w) for w in data.pop("warnings")]
    return Article(**data, warnings=warnings)
