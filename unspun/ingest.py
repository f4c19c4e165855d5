"""Ingest: read inputs, analyse them in worker processes, store them in one writer.

Articles already in the store are skipped before analysis (their stable id is
computed from the text and metadata, exactly as :class:`~unspun.record.Record`
does), so a re-run, or a run after an interruption (Ctrl-C, kill -9, power
loss), only analyses what is missing.  Records are written in batches, one
transaction each: an interruption loses at most the batch being written,
which the next run analyses again.  Inputs that cannot be analysed go to the
store's ``errors`` table; the run goes on.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .parallel import analyze_parallel
from .readers import DEFAULT_MAX_CHARS, Article, InputStats, read_inputs, store_files
from .readers.paths import expand_paths
from .readers.source import open_regular
from .record import Record, record_id
from .store.base import Store
from .store.errors import StoreError

BATCH_SIZE = 64
FLUSH_SECONDS = 2.0
CHECK_CHUNK = 256
MAX_EXAMPLES = 5

__all__ = ["ingest", "IngestSummary", "estimate_total"]


@dataclass
class IngestSummary:
    """What an ingest did; ``done`` counts every input handled (stored, skipped or failed)."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    analysed: int = 0
    duplicates: int = 0
    codes: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)  # the first few failures, as text
    interrupted: bool = False
    stories: int = 0  # articles assigned to stories as they were stored
    inputs: InputStats = field(default_factory=InputStats)  # files the walk skipped
    seconds: float = 0.0
    store_seconds: float = 0.0
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.analysed + self.skipped + self.failed

    def line(self) -> str:
        parts = [f"{self.added:,} stored", f"{self.skipped + self.duplicates:,} already stored",
                 f"{self.failed:,} failed"]
        if self.codes:
            parts[-1] += " (" + ", ".join(f"{c}: {n}" for c, n in sorted(self.codes.items())) + ")"
        if self.inputs.summary():
            parts.append(self.inputs.summary())
        rate = self.added / self.seconds if self.seconds else 0.0
        return "; ".join(parts) + f" in {self.seconds:.1f}s ({rate:.3g} articles/s)"


class BatchWriter:
    """Buffers analysed records and failures; stores them in one transaction per :meth:`write`.

    Shared by the local and the Ray engines, which differ only in where
    records come from.
    """

    def __init__(self, store: Store, summary: IngestSummary, stories: bool = True):
        from .stories.live import live_adder

        self.store, self.summary = store, summary
        self.adder = live_adder(store, stories=stories)  # stories and alert matches, in the
        # transaction that stores the batch
        self.records: list[Record] = []
        self.problems: list[Problem] = []
        self.last = time.monotonic()

    def due(self, batch_size: int, flush_seconds: float) -> bool:
        """True when a batch is full or the last write is ``flush_seconds`` old."""
        return len(self.records) >= batch_size or time.monotonic() - self.last >= flush_seconds

    def write(self) -> None:
        t0 = time.monotonic()
        if self.records:
            result = self.adder.add(self.records)
            self.summary.stories = self.adder.assigned
            self.summary.added += len(result.added)
            self.summary.duplicates += len(result.skipped)
        if self.problems:
            self.store.add_errors(self.problems)
        self.summary.store_seconds += time.monotonic() - t0
        self.records.clear()
        self.problems.clear()
        self.last = time.monotonic()


def article_id(article: Article) -> str:
    """The id the record of ``article`` will have."""
    return record_id(article.text, article.published, article.source, article.title, article.url)


def own_files(store: Store) -> set[str]:
    """The store's own files (a SQLite database and its -wal, -shm, -journal), never input."""
    path = getattr(store, "path", None)
    return store_files(path) if path else set()


def estimate_total(paths: Iterable[str], input_format: str = "auto",
                   exclude: Iterable[str] = ()) -> int | None:
    """About how many articles the paths hold (lines of JSONL/CSV, one per other file).

    None when reading stdin (the size is unknown).  Cheap: files are counted,
    not parsed; only regular files are opened.
    """
    total = 0
    for item in expand_paths(paths, exclude=exclude, fmt=input_format):
        if isinstance(item, Problem):
            total += 1
            continue
        if item == "-":
            return None
        suffix = Path(item).suffix.lower()
        fmt = input_format if input_format != "auto" else suffix.lstrip(".")
        if fmt in ("jsonl", "ndjson", "csv"):
            try:
                fh, _, _ = open_regular(item, item)
                lines = 1
                if fh is not None:
                    with fh:
                        lines = sum(1 for line in iter(lambda: fh.readline(1 << 20), b"")
                                    if line.strip())
            except OSError:
                lines = 1
            total += max(lines - (1 if fmt == "csv" else 0), 1)
        else:
            total += 1
    return total


class _Stop:
    """Ctrl-C / SIGTERM handling for a command-line ingest (main thread only).

    Worker processes ignore SIGINT (a terminal sends it to the whole process
    group), so only this process decides how to stop: the first signal asks
    the loop to stop after the current item, the second raises KeyboardInterrupt.
    """

    def __init__(self, workers: int):
        self.requested = False
        self.old: dict[int, object] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        if workers > 1 and "forkserver" in mp.get_all_start_methods():
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:  # workers fork from the fork server and inherit its ignored SIGINT
                from .orphan import forkserver_context

                forkserver_context()  # it also dies with this process (kill -9 included)
            finally:
                signal.signal(signal.SIGINT, previous)
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.old[sig] = signal.signal(sig, self._handle)

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        sys.stderr.write("\nstopping: storing what is analysed (Ctrl-C again to stop now)\n")

    def restore(self) -> None:
        for sig, handler in self.old.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]
        self.old.clear()


def _unseen(items: Iterable[Article | Problem], store: Store,
            summary: IngestSummary, on_progress: Callable[[IngestSummary], None]
            ) -> Iterator[Article | Problem]:
    """The items whose articles are not stored yet (nor seen earlier in this run)."""
    seen: set[str] = set()
    chunk: list[Article | Problem] = []

    def flush() -> Iterator[Article | Problem]:
        keys = {id(a): article_id(a) for a in chunk if isinstance(a, Article)}
        stored = store.has(keys.values())
        for item in chunk:
            key = keys.get(id(item))
            if key is not None and (key in stored or key in seen):
                summary.skipped += 1
                on_progress(summary)
                continue
            if key is not None:
                seen.add(key)
            yield item
        chunk.clear()

    for item in items:
        chunk.append(item)
        if len(chunk) >= CHECK_CHUNK:
            yield from flush()
    yield from flush()


def ingest(paths: Iterable[str], store: Store, *, workers: int = 1,
           input_format: str = "auto", max_chars: int = DEFAULT_MAX_CHARS,
           components: Sequence[str] | None = None, batch_size: int = BATCH_SIZE,
           flush_seconds: float = FLUSH_SECONDS,
           on_progress: Callable[[IngestSummary], None] | None = None,
           handle_signals: bool = False, enable: Sequence[str] = (),
           models: Sequence[str] = (), stories: bool = True) -> IngestSummary:
    """Analyse every article under ``paths`` that ``store`` lacks, and store it.

    ``workers`` processes analyse; this process alone writes, ``batch_size``
    records (or ``flush_seconds`` worth) per transaction.  ``on_progress`` is
    called with the running summary after each input.  Ctrl-C stores the
    records already analysed and returns with ``interrupted=True``; with
    ``handle_signals`` (the CLI), Ctrl-C or SIGTERM first lets the batches in
    flight finish and be stored, and a second Ctrl-C stops at once.
    ``enable`` adds optional components (plug-ins), ``models`` trained model files.
    With ``stories`` (the default) each stored article is assigned to its story, and matched
    against the saved alerts, in the transaction that stores it.
    When articles were added, the corpus-wide actors are linked again (:mod:`unspun.actors`).
    """
    summary = IngestSummary()
    report = on_progress or (lambda s: None)
    writer = BatchWriter(store, summary, stories=stories)
    records, problems, write = writer.records, writer.problems, writer.write

    items = _unseen(read_inputs(paths, input_format, max_chars, stats=summary.inputs,
                                exclude=own_files(store)), store, summary, report)
    stop = _Stop(workers) if handle_signals else None
    try:
        for item in analyze_parallel(items, workers, components, models=models, enable=enable):
            if isinstance(item, Problem):
                problems.append(item)
                summary.failed += 1
                summary.codes[item.code] += 1
                if len(summary.examples) < MAX_EXAMPLES:
                    summary.examples.append(str(item))
            else:
                records.append(item)
                summary.analysed += 1
            if writer.due(batch_size, flush_seconds):
                write()
            report(summary)
            if stop is not None and stop.requested:
                summary.interrupted = True
                break
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if stop is not None:
            stop.restore()
    write()
    if summary.added:
        from .actors.store import relink

        try:
            relink(store)  # corpus-wide actors for the new articles (and the user's edits)
        except StoreError:
            pass  # e.g. busy: readers link them again when they find them stale
    summary.seconds = time.monotonic() - summary.started
    report(summary)
    return summary
