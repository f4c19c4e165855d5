"""The Ray engine: the same pipeline, in Ray actors, on one machine or a cluster.

A run is one Ray Data pipeline::

    file list  --read (tasks)-->  article rows  --analyse (N actors)-->  result rows
                                                                          |
                                  this process (the driver) writes them to a store or shards

* Reading: :func:`unspun.engines.ray_source.read_file` in Ray tasks, one file
  per task, with the local engine's readers (text, HTML, JSON, JSON Lines,
  CSV) plus Parquet; local paths or any pyarrow filesystem URI.
* Analysis: :class:`Analyzer`, a Ray actor that builds one
  :class:`~unspun.pipeline.runner.Pipeline` (spaCy loaded once) and calls
  :meth:`Pipeline.analyze_batch` on each batch -- the local engine's code.
  With a store, it first drops articles whose stable id is already stored,
  so a re-run only analyses what is missing.
* Failure: Ray restarts a dead actor and retries its batch; a batch's rows
  reach the driver once, and the store skips ids it already holds, so every
  article is stored exactly once.
* Writing: the driver stores records in batches (one writer, as in the local
  engine) and records problems in the ``errors`` table.

Use :func:`ray_ingest` (store) and :func:`ray_analyze` (an iterator of
records and problems) or :func:`write_shards` (JSONL/Parquet files).
"""
from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import Problem, UnspunError
from ..ingest import BatchWriter, IngestSummary
from ..record import Record
from ..store.base import Store
from .ray_source import decode, encode, expand_inputs, read_file

BATCH_SIZE = 16          # articles per actor call (and per retry after a failure)
WRITE_BATCH = 64         # records per store transaction
BLOCK_BYTES = 1 << 18    # Ray Data block size (256 KiB)
FLUSH_SECONDS = 2.0

__all__ = ["ray_ingest", "ray_analyze", "ray_session", "Analyzer", "RayUnavailable"]


class RayUnavailable(UnspunError):
    """Ray is missing (U801) or the cluster cannot be reached (U802)."""


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise RayUnavailable(Problem.make("U801")) from None
    return ray


@contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[Any]:
    """Connect to the cluster at ``address``, or start a local Ray on this machine's cores.

    A Ray already initialised in this process (a notebook, a test) is reused
    and left running; one started here is shut down on exit.
    """
    ray = _import_ray()
    if ray.is_initialized():
        yield ray
        return
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                              "logging_level": "ERROR"}
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    try:
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=num_cpus, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any start/connect failure is reported coded
        raise RayUnavailable(Problem.make("U802", address or "local",
                                          address=address or "local (ray.init)",
                                          detail=f"{type(exc).__name__}: {exc}")) from None
    try:
        yield ray
    finally:
        ray.shutdown()


class Analyzer:
    """A Ray actor: one Pipeline per actor, reused for every batch it is given.

    ``db`` is the store's target (a PostgreSQL URL, or a SQLite path on a
    file system the workers share); articles already stored there are
    skipped.  With ``write=True`` (PostgreSQL) the actor stores its own
    records and errors, one transaction per batch, so N actors are N writers;
    it then returns ``added``/``duplicate`` rows without the record JSON.
    ``fault`` is a test hook, ``(marker_path, n)``: the first actor
    to reach its n-th batch while ``marker_path`` does not exist creates it and
    kills its own process with SIGKILL, mid-batch.
    """

    def __init__(self, components: Sequence[str] | None = None, models: Sequence[str] = (),
                 db: str | None = None, write: bool = False,
                 fault: tuple[str, int] | None = None, pipe_batch: int = 16,
                 enable: Sequence[str] = ()):
        from ..pipeline.nlp import get_nlp
        from ..pipeline.runner import Pipeline

        self.pipeline = Pipeline(components, batch_size=pipe_batch, enable=enable, models=models)
        self.store = _open_for_skipping(db, write)
        self.write = write and self.store is not None
        self.fault = fault
        self.calls = 0
        get_nlp()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        from ..ingest import article_id

        self.calls += 1
        items = [decode(str(x)) for x in batch["item"]]
        kinds: list[str] = []
        ids: list[str] = []
        data: list[str] = []
        stored: set[str] = set()
        if self.store is not None:
            keys = [article_id(a) for a in items if not isinstance(a, Problem)]
            stored = self.store.has(keys)
        todo = []
        for item in items:
            key = None if isinstance(item, Problem) else article_id(item)
            if key is not None and key in stored:
                kinds.append("skipped"), ids.append(key), data.append("")
            else:
                todo.append(item)
        results = self.pipeline.analyze_batch(todo)
        self._maybe_die()
        records = [r for r in results if isinstance(r, Record)]
        problems = [p for p in results if isinstance(p, Problem)]
        if self.write:
            assert self.store is not None
            added = set(self.store.add(records).added)
            self.store.add_errors(problems)
            for r in records:  # an id twice in one batch: added once, then a duplicate
                kinds.append("added" if r.id in added else "duplicate"), ids.append(r.id)
                data.append("")
                added.discard(r.id)
        else:
            for r in records:
                kinds.append("record"), ids.append(r.id), data.append(r.to_json())
        for p in problems:
            kinds.append("problem"), ids.append(""), data.append(encode(p))
        return {"kind": kinds, "id": ids, "data": data}

    def _maybe_die(self) -> None:
        if not self.fault or self.calls < self.fault[1]:
            return
        marker = self.fault[0]
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        os.kill(os.getpid(), signal.SIGKILL)


def _open_for_skipping(db: str | None, write: bool) -> Store | None:
    """The store (read-only unless ``write``); None where a worker cannot reach it to skip."""
    if not db:
        return None
    from ..store import open_store

    if write:  # a writer that cannot reach its store must fail loudly: Ray reports it
        return open_store(db)
    try:
        return open_store(db, readonly=True)
    except Exception:  # noqa: BLE001 - skipping is an optimisation; the writer dedupes anyway
        return None


def _read_rows(row: dict[str, Any], input_format: str, max_chars: int) -> Iterator[dict]:
    for item in read_file(row["path"], row["origin"], input_format, max_chars):
        yield {"item": encode(item)}


def build_dataset(paths: Iterable[str], *, workers: int = 1, input_format: str = "auto",
                  max_chars: int = 1_000_000, components: Sequence[str] | None = None,
                  models: Sequence[str] = (), db: str | None = None, write: bool = False,
                  batch_size: int = BATCH_SIZE, fault: tuple[str, int] | None = None,
                  enable: Sequence[str] = ()) -> tuple[Any, list[Problem]]:
    """The Ray dataset of result rows, and the problems found while listing the inputs.

    Needs a running Ray (see :func:`ray_session`).  Rows are
    ``{"kind": "record"|"problem"|"skipped", "id": ..., "data": JSON}`` (with
    ``write``, ``"added"``/``"duplicate"`` instead of ``"record"``).
    """
    ray = _import_ray()
    from ..pipeline.runner import Pipeline

    Pipeline(components, enable=enable, models=models)  # a bad name or model fails here, coded
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    # small blocks (tens of articles): a big file is spread over the actors, results reach
    # the writer (and the progress bar) steadily, and a retry after a failure redoes little
    ctx.target_max_block_size = BLOCK_BYTES
    files, problems = [], []
    for entry in expand_inputs(paths):
        (problems if isinstance(entry, Problem) else files).append(entry)
    if not files:
        return None, problems
    ds = ray.data.from_items(files, override_num_blocks=min(len(files), 4 * max(workers, 1) * 8))
    ds = ds.flat_map(_read_rows, fn_kwargs={"input_format": input_format,
                                            "max_chars": max_chars}, num_cpus=0)
    ds = ds.map_batches(Analyzer, batch_size=batch_size, num_cpus=1, batch_format="numpy",
                        compute=ray.data.ActorPoolStrategy(size=workers),
                        fn_constructor_kwargs={"components": components, "models": tuple(models),
                                               "enable": tuple(enable), "db": db,
                                               "write": write, "fault": fault})
    return ds, problems


def _results(ds: Any, problems: list[Problem]) -> Iterator[tuple[str, str, str]]:
    for p in problems:
        yield "problem", "", encode(p)
    if ds is None:
        return
    for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
        yield from zip(batch["kind"], batch["id"], batch["data"])


def ray_analyze(paths: Iterable[str], *, workers: int = 1, **options: Any
                ) -> Iterator[Record | Problem]:
    """Analyse ``paths`` on Ray, yielding records and problems as they arrive.

    Needs a running Ray (see :func:`ray_session`); ``options`` as for
    :func:`build_dataset`.
    """
    ds, problems = build_dataset(paths, workers=workers, **options)
    for kind, _, data in _results(ds, problems):
        if kind == "record":
            yield Record.from_json(str(data))
        elif kind == "problem":
            yield decode(str(data))


def ray_ingest(paths: Iterable[str], store: Store, *, workers: int = 1,
               input_format: str = "auto", max_chars: int = 1_000_000,
               components: Sequence[str] | None = None, batch_size: int = WRITE_BATCH,
               flush_seconds: float = FLUSH_SECONDS, skip_stored: bool = True,
               ray_batch: int = BATCH_SIZE, target: str | None = None,
               fault: tuple[str, int] | None = None,
               on_progress: Callable[[IngestSummary], None] | None = None,
               enable: Sequence[str] = (), models: Sequence[str] = ()) -> IngestSummary:
    """Like :func:`unspun.ingest.ingest`, with the analysis in ``workers`` Ray actors.

    Needs a running Ray (see :func:`ray_session`); each actor call analyses
    ``ray_batch`` articles.  ``target`` is where workers open the store
    (default ``store.url``; pass the URL with its password for PostgreSQL).
    SQLite: this process alone writes, ``batch_size`` records (or
    ``flush_seconds`` worth) per transaction.  PostgreSQL: every actor writes
    its own batches (N writers).  With ``skip_stored`` the actors skip
    articles the store already holds.  Ctrl-C stores what
    was analysed and returns with ``interrupted=True``.
    """
    summary = IngestSummary()
    report = on_progress or (lambda s: None)
    writer = BatchWriter(store, summary)
    records, failures, write = writer.records, writer.problems, writer.write

    from ..store import is_postgres

    db = target or _worker_target(store)
    in_workers = bool(db) and is_postgres(db)
    ds, problems = build_dataset(paths, workers=workers, input_format=input_format,
                                 max_chars=max_chars, components=components,
                                 enable=enable, models=models,
                                 db=db if (skip_stored or in_workers) else None,
                                 write=in_workers,
                                 batch_size=ray_batch, fault=fault)
    try:
        for kind, _, data in _results(ds, problems):
            if kind == "skipped":
                summary.skipped += 1
            elif kind in ("added", "duplicate"):
                summary.analysed += 1
                summary.added += kind == "added"
                summary.duplicates += kind == "duplicate"
            elif kind == "record":
                records.append(Record.from_json(str(data)))
                summary.analysed += 1
            else:
                problem = decode(str(data))
                if not in_workers:  # else the actor stored it
                    failures.append(problem)  # type: ignore[arg-type]
                summary.failed += 1
                summary.codes[problem.code] += 1
                examples = getattr(summary, "examples", None)
                if examples is not None and len(examples) < 5:
                    examples.append(str(problem))
            if writer.due(batch_size, flush_seconds):
                write()
            report(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    write()
    summary.seconds = time.monotonic() - summary.started
    report(summary)
    return summary


def _worker_target(store: Store) -> str | None:
    """Where workers can open ``store``: its URL, or the SQLite file's absolute path."""
    url = getattr(store, "url", "") or ""
    if not url:
        return None
    if "://" in url:
        return url
    return os.path.abspath(url)


def ingest_with_ray(paths: Iterable[str], store: Store, *, address: str | None = None,
                    workers: int = 1, **options: Any) -> IngestSummary:
    """:func:`ray_ingest` inside :func:`ray_session` (what ``unspun ingest --engine ray`` runs)."""
    with ray_session(address):
        return ray_ingest(paths, store, workers=workers, **options)
