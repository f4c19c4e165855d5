"""Parquet inputs: rows with the same columns as CSV (text|body|content, date, ...).

Needs pyarrow (``pip install 'unspun[parquet]'``); without it each Parquet
input is a U112 error and every other input is still read.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import Problem
from .article import Article
from .optional import need
from .values import from_value

BATCH_ROWS = 1024


def json_safe(value: Any) -> Any:
    """A Parquet cell as a JSON value (dates as ISO text, bytes and the like as text)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return str(value)


def read_parquet(fh: BinaryIO, origin: str, max_chars: int) -> Iterator[Article | Problem]:
    """Rows of a Parquet file (``fh`` must be seekable: a file, not a pipe)."""
    pq = need("pyarrow.parquet", "Parquet", origin)
    if isinstance(pq, Problem):
        yield pq
        return
    try:
        if not fh.seekable():
            raise ValueError("Parquet cannot be read from a stream; give a file")
        table = pq.ParquetFile(fh)
    except Exception as exc:  # noqa: BLE001 - not a Parquet file, truncated footer
        yield Problem.make("U109", origin, detail=f"Parquet: {exc}")
        return
    index = 0
    for batch in table.iter_batches(batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            yield from_value(json_safe(row), f"{origin}[{index}]", max_chars)
            index += 1
    if index == 0:
        yield Problem.make("U102", origin)
