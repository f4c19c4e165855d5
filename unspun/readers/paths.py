"""Expand command-line paths: files, folders (recursive, sorted), globs, ``-``."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from ..errors import Problem

_SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}


def _walk(folder: str) -> Iterator[str]:
    """Every file under ``folder`` in sorted path order (hidden files skipped)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
        found.extend(os.path.join(root, n) for n in files if not n.startswith("."))
    yield from sorted(found, key=lambda p: os.path.relpath(p, folder).split(os.sep))


def expand_paths(paths: Iterable[str]) -> Iterator[str | Problem]:
    """Yield file paths (or ``-``) in a stable order; a Problem for each missing path."""
    for raw in paths:
        if raw == "-":
            yield raw
        elif os.path.isdir(raw):
            yield from _walk(raw)
        elif os.path.exists(raw):
            yield raw
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Problem.make("U101", raw)
            for match in matches:
                yield from (_walk(match) if os.path.isdir(match) else [match])
        else:
            yield Problem.make("U101", raw)
