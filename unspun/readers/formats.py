"""Which input formats unspun reads, by file suffix."""
from __future__ import annotations

from pathlib import Path

FORMATS = ("auto", "text", "jsonl", "json", "csv", "html", "parquet")

BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".html": "html", ".htm": "html",
    ".parquet": "parquet", ".pq": "parquet",
}


def detect_format(path: str | Path) -> str | None:
    """The format of ``path`` by its suffix, or None for a type unspun does not read."""
    return BY_SUFFIX.get(Path(path).suffix.lower())
