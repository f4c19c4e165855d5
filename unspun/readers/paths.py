"""Expand command-line paths: files, folders (recursive, sorted), globs, ``-``.

What a folder walk (or a glob) finds is filtered; what is named is not:

* files of types unspun does not read (images, PDFs, ``.db``, hidden files
  such as ``.DS_Store``) found in a folder or by a glob are skipped and
  counted (:class:`InputStats`); named on the command line they still get U111;
* the store's own files (the database being written and its ``-wal``,
  ``-shm`` and ``-journal`` files, passed as ``exclude``) are never input,
  named or found;
* each real file is read once per run, however many paths, symlinks or glob
  matches lead to it, and ``**`` never follows a symlinked folder, so a
  symlink loop cannot multiply (or endlessly repeat) the input.
"""
from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import Problem
from .formats import detect_format

_SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}
STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


@dataclass
class InputStats:
    """What path expansion left out, for the end-of-run summary."""

    other_types: int = 0  # files of types unspun does not read, found in folders or by globs
    store_files: int = 0  # the database's own files
    repeats: int = 0  # files already read in this run (another path, a symlink)

    def summary(self) -> str:
        """``"skipped 3 files of other types"`` and the like; empty when nothing was skipped."""
        parts = []
        if self.other_types:
            parts.append(f"{self.other_types:,} file{_s(self.other_types)} of other types")
        if self.store_files:
            parts.append(f"{self.store_files:,} file{_s(self.store_files)} of the database itself")
        if self.repeats:
            parts.append(f"{self.repeats:,} file{_s(self.repeats)} already read")
        return "skipped " + ", ".join(parts) if parts else ""


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def store_files(db_path: str | os.PathLike) -> set[str]:
    """The real paths of a SQLite database's own files (it and its -wal, -shm, -journal)."""
    real = os.path.realpath(db_path)
    return {real + suffix for suffix in STORE_SUFFIXES}


class _Expander:
    def __init__(self, stats: InputStats, exclude: set[str], fmt: str):
        self.stats, self.exclude, self.fmt = stats, exclude, fmt
        self.seen: set[tuple[int, int]] = set()

    def accept(self, path: str, named: bool) -> bool:
        if self.exclude and os.path.realpath(path) in self.exclude:
            self.stats.store_files += 1
            return False
        if not named and self.fmt == "auto" and detect_format(path) is None:
            self.stats.other_types += 1
            return False
        try:
            info = os.stat(path)
        except OSError:
            return True  # the reader reports why it cannot be read
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            self.stats.repeats += 1
            return False
        self.seen.add(key)
        return True

    def walk(self, folder: str) -> Iterator[str]:
        """Every file under ``folder`` in sorted path order (symlinked folders not followed)."""
        found = []
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
            for name in files:
                if name.startswith("."):
                    self.stats.other_types += 1
                else:
                    found.append(os.path.join(root, name))
        found.sort(key=lambda p: os.path.relpath(p, folder).split(os.sep))
        yield from (p for p in found if self.accept(p, named=False))

    def expand(self, raw: str) -> Iterator[str | Problem]:
        if raw == "-":
            yield raw
        elif os.path.isdir(raw):
            yield from self.walk(raw)
        elif os.path.exists(raw):
            if self.accept(raw, named=True):
                yield raw
        elif glob.has_magic(raw):
            matches = _outermost(sorted(set(_glob(raw))))
            if not matches:
                yield Problem.make("U101", raw)
            for match in matches:
                if os.path.isdir(match):
                    yield from self.walk(match)
                elif self.accept(match, named=False):
                    yield match
        else:
            yield Problem.make("U101", raw)


def expand_paths(paths: Iterable[str], *, stats: InputStats | None = None,
                 exclude: Iterable[str] = (), fmt: str = "auto") -> Iterator[str | Problem]:
    """Yield file paths (or ``-``) in a stable order; a Problem for each missing path.

    ``exclude`` holds real paths never to read (the store's own files, see
    :func:`store_files`); ``stats`` counts what was skipped.
    """
    expander = _Expander(stats if stats is not None else InputStats(), set(exclude), fmt)
    for raw in paths:
        yield from expander.expand(raw)


def _outermost(matches: list[str]) -> list[str]:
    """The matches not inside a matched folder (the folder's walk reads those)."""
    folders = {m for m in matches if os.path.isdir(m)}
    return [m for m in matches if not any(p in folders for p in _parents(m))]


def _parents(path: str) -> Iterator[str]:
    parent = os.path.dirname(path)
    while parent and parent != path:
        yield parent
        path, parent = parent, os.path.dirname(parent)


def _glob(pattern: str) -> list[str]:
    """Like ``glob.glob(pattern, recursive=True)``, but ``**`` never enters symlinked folders."""
    if "**" not in pattern:
        return glob.glob(pattern)
    parts = pattern.split("/")
    first = next(i for i, p in enumerate(parts) if glob.has_magic(p))
    base = "/".join(parts[:first]) or ("/" if pattern.startswith("/") else "")
    if base and not os.path.isdir(base):
        return []
    return list(_match(base, parts[first:]))


def _entries(folder: str) -> list[os.DirEntry]:
    try:
        with os.scandir(folder or ".") as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        return []


def _match(folder: str, parts: list[str]) -> Iterator[str]:
    if not parts:
        yield folder
        return
    part, rest = parts[0], parts[1:]
    if part == "**":
        yield from _match(folder, rest)
        for entry in _entries(folder):
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            if entry.is_dir(follow_symlinks=False):
                yield from _match(path, parts)
            elif not rest:
                yield path
    elif glob.has_magic(part):
        for entry in _entries(folder):
            if entry.name.startswith(".") and not part.startswith("."):
                continue
            if fnmatch.fnmatchcase(entry.name, part):
                path = os.path.join(folder, entry.name)
                if not rest:
                    yield path
                elif entry.is_dir():
                    yield from _match(path, rest)
    else:
        path = os.path.join(folder, part)
        if not rest:
            if os.path.lexists(path):
                yield path
        elif os.path.isdir(path):
            yield from _match(path, rest)
