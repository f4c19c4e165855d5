"""Export a store: full records plus every flat table, for pandas, R or DuckDB.

``records.jsonl`` always holds the full records (one JSON object per line,
exactly as :meth:`Record.to_dict` gives them).  The flat tables (articles,
entities, mentions, quotes, techniques, frames, agencies, errors) are written
as ``TABLE.jsonl``, ``TABLE.csv`` or ``TABLE.parquet``; parquet needs pyarrow
(``pip install 'unspun[parquet]'``).  Everything streams, in batches.

The articles table's ``ext`` column holds each record's extension namespace
(``record.ext``: what plug-in components wrote) as JSON text, in every format;
``records.jsonl`` keeps it inside the whole record.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from .errors import StoreError
from .tables import COLUMNS, TABLES

FORMATS = ("jsonl", "csv", "parquet")
BATCH = 5000


class Exportable(Protocol):
    """What an export reads: a :class:`~unspun.store.base.Store` has both."""

    def records(self) -> Iterator[Any]: ...

    def rows(self, table: str) -> Iterator[dict[str, Any]]: ...


def _jsonl(path: Path, columns: tuple[str, ...], rows: Iterator[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _csv(path: Path, columns: tuple[str, ...], rows: Iterator[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _parquet(path: Path, columns: tuple[str, ...], rows: Iterator[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"words", "chars", "quotes", "techniques", "mentions", "start_char", "end_char"}
    floats = {"score", "genre_score"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.float64() if c in floats
                         else pa.string()) for c in columns])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


_WRITERS: dict[str, Callable[[Path, tuple[str, ...], Iterator[dict[str, Any]]], None]] = {
    "jsonl": _jsonl, "csv": _csv, "parquet": _parquet}


def export_store(store: Exportable, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
    """Write ``records.jsonl`` and one file per flat table; returns ``{name: path}``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise StoreError.make("U508") from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {"records": out / "records.jsonl"}
    with open(written["records"], "w", encoding="utf-8") as fh:
        for rec in store.records():
            fh.write(rec.to_json() + "\n")
    for table in TABLES:
        written[table] = out / f"{table}.{fmt}"
        _WRITERS[fmt](written[table], COLUMNS[table], store.rows(table))
    return written
