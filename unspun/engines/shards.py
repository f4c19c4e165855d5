"""Records as shard files: ``records-00000.jsonl`` (or ``.parquet``) and ``errors.jsonl``.

A JSONL shard holds one record per line, exactly as ``unspun analyze
--format jsonl`` prints it.  A Parquet shard has the columns ``id``,
``published``, ``source``, ``title``, ``url``, ``language`` and ``record``
(the record's JSON), so a query engine can filter on the metadata and parse
only the records it needs.  ``errors.jsonl`` lists the inputs that failed
(code, message, input).  The folder may be local or a pyarrow filesystem URI
(``s3://bucket/out``).  Each shard is written under a temporary name and
renamed when complete, so a reader never sees half a shard.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from ..errors import Problem
from ..record import Record

SHARD_FORMATS = ("jsonl", "parquet")
SHARD_RECORDS = 10_000

__all__ = ["ShardWriter", "SHARD_FORMATS"]


class ShardWriter:
    """Writes records in shards of ``per_shard`` and problems to ``errors.jsonl``."""

    def __init__(self, out: str, fmt: str = "jsonl", per_shard: int = SHARD_RECORDS):
        if fmt not in SHARD_FORMATS:
            raise ValueError(f"shard format must be one of {SHARD_FORMATS}, not {fmt!r}")
        from pyarrow import fs as pafs

        if "://" in out:
            self.fs, self.root = pafs.FileSystem.from_uri(out)
        else:
            self.fs, self.root = pafs.LocalFileSystem(), os.path.abspath(out)
        self.fs.create_dir(self.root, recursive=True)
        self.fmt = fmt
        self.per_shard = per_shard
        self.pending: list[Record] = []
        self.problems: list[Problem] = []
        self.shards: list[str] = []
        self.records = 0

    def add(self, item: Record | Problem) -> None:
        """Queue one record (written when a shard is full) or problem."""
        if isinstance(item, Problem):
            self.problems.append(item)
            return
        self.pending.append(item)
        if len(self.pending) >= self.per_shard:
            self.flush()

    def flush(self) -> None:
        """Write the queued records as one shard."""
        if not self.pending:
            return
        name = f"records-{len(self.shards):05d}.{self.fmt}"
        data = _jsonl(self.pending) if self.fmt == "jsonl" else _parquet(self.pending)
        self._write(name, data)
        self.shards.append(name)
        self.records += len(self.pending)
        self.pending = []

    def close(self) -> None:
        """Write the last shard and ``errors.jsonl`` (only when something failed)."""
        self.flush()
        if self.problems:
            lines = "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n"
                            for p in self.problems)
            self._write("errors.jsonl", lines.encode("utf-8"))

    def _write(self, name: str, data: bytes) -> None:
        final = f"{self.root}/{name}"
        temp = f"{self.root}/.{name}.tmp"
        with self.fs.open_output_stream(temp) as fh:
            fh.write(data)
        self.fs.move(temp, final)

    def __enter__(self) -> "ShardWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _jsonl(records: Iterable[Record]) -> bytes:
    return "".join(r.to_json() + "\n" for r in records).encode("utf-8")


def _parquet(records: list[Record]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {
        "id": [r.id for r in records],
        "published": [r.published for r in records],
        "source": [r.source for r in records],
        "title": [r.title for r in records],
        "url": [r.url for r in records],
        "language": [r.language for r in records],
        "record": [r.to_json() for r in records],
    }
    table = pa.table({k: pa.array(v, type=pa.string()) for k, v in columns.items()})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()
