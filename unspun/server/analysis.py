"""Analysis in the server: a bounded pool of worker processes with a time limit per request.

One client must not stall the server, so posted text is never analysed in the
server process itself:

* ``workers`` processes (started through the forkserver, each loading the
  pipeline once) do the analysis; a request waits for a free one;
* at most ``queue`` requests wait; more are refused at once (:class:`Busy`,
  503 with ``Retry-After``);
* every request has ``timeout`` seconds from its arrival, waiting included;
  a worker still busy at the deadline is killed and replaced
  (:class:`TimedOut`, 504), so a pathological text costs one worker restart
  and never more than the limit;
* the routes await the pool without holding a thread of the server's own
  pool, so read endpoints never wait behind analysis.

Workers exit when the server process dies (:mod:`unspun.orphan`).
"""
from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..errors import Problem, UnspunError

log = logging.getLogger("unspun.server")

DEFAULT_WORKERS = 1
DEFAULT_QUEUE = 8
DEFAULT_TIMEOUT = 30.0
RETRY_AFTER = 5
NICE = 10  # analysis workers run at a lower CPU priority than the server
ANSWER_MARGIN = 0.25  # seconds kept, within the limit, to answer 504


class Busy(Exception):
    """Every worker is busy and the queue is full."""


class TimedOut(Exception):
    """The request ran past its time limit (the worker, if one was running it, was killed)."""


class WorkerFailed(Exception):
    """The worker process died while analysing (it is replaced)."""


def _worker_main(conn: Any, enable: tuple[str, ...] = (), models: tuple[str, ...] = ()) -> None:
    """A worker process: load the pipeline (with the ``enable``d components and trained
    ``models``), then analyse jobs from ``conn`` until EOF."""
    from ..orphan import die_with_parent

    die_with_parent()
    try:
        os.nice(NICE)  # on a busy machine the server's readers get the CPU first
    except OSError:
        pass
    from functools import partial

    from ..api import analyze as analyze_one

    analyze = partial(analyze_one, enable=enable, models=models)
    try:
        analyze("Warm-up sentence for the server.")
    except Exception:  # noqa: BLE001 - a broken pipeline shows on the first real job
        pass
    try:
        conn.send("ready")
    except OSError:
        return
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        out: list[Any] = []
        for fields in articles:
            try:
                out.append(("ok", analyze(fields["text"], published=fields.get("published"),
                                          source=fields.get("source"),
                                          title=fields.get("title"), url=fields.get("url"))))
            except UnspunError as exc:
                out.append(("problem", exc.problem.code, exc.problem.message))
                break
            except Exception as exc:  # noqa: BLE001 - reported to the client as a 500
                out.append(("failed", f"{type(exc).__name__}: {str(exc)[:300]}"))
                break
        try:
            conn.send(out)
        except (OSError, BrokenPipeError):
            return


class _Worker:
    def __init__(self, ctx: Any, enable: tuple[str, ...] = (), models: tuple[str, ...] = ()):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, enable, models), daemon=True,
                                name="unspun-analysis")
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, seconds: float) -> bool:
        """Whether the worker has loaded the pipeline (waiting up to ``seconds`` for it)."""
        if not self.ready and self.conn.poll(seconds):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


class _Dead:
    """Stands in the idle queue for a worker that could not be started: the request that
    takes it gets WorkerFailed and a new start is tried."""

    ready = False

    def wait_ready(self, seconds: float) -> bool:
        raise OSError("no analysis worker could be started")

    def stop(self) -> None:
        pass


class AnalysisPool:
    """``workers`` analysis processes, ``queue`` waiting requests, ``timeout`` seconds each."""

    def __init__(self, workers: int = DEFAULT_WORKERS, queue_size: int = DEFAULT_QUEUE,
                 timeout: float = DEFAULT_TIMEOUT, enable: Any = (), models: Any = ()):
        self.enable, self.models = tuple(enable), tuple(models)
        self.workers, self.queue_size, self.timeout = max(1, workers), max(0, queue_size), timeout
        self._ctx: Any = None
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._lock = threading.Lock()
        self._admitted = 0
        self._started = False
        self._closed = False
        self._live: set[_Worker] = set()
        self._threads = ThreadPoolExecutor(self.workers + self.queue_size,
                                           thread_name_prefix="unspun-analysis")
        self.restarts = 0

    def start(self) -> None:
        """Start the worker processes (they load the pipeline in the background)."""
        with self._lock:
            if self._started or self._closed:
                return
            self._started = True
        from ..orphan import forkserver_context

        self._ctx = forkserver_context()
        for _ in range(self.workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self.enable, self.models)
        with self._lock:
            self._live.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._live.discard(worker)
        worker.stop()

    async def analyze(self, articles: list[dict[str, Any]],
                      arrived: float | None = None) -> list[Any]:
        """Records for ``articles``; raises Busy, TimedOut, WorkerFailed or UnspunError.

        The time limit counts from ``arrived`` (``time.monotonic()`` when the request came)."""
        deadline = (arrived or time.monotonic()) + self.timeout - ANSWER_MARGIN
        with self._lock:
            if self._closed or self._admitted >= self.workers + self.queue_size:
                raise Busy()
            self._admitted += 1
        try:
            self.start()
            future = self._threads.submit(self._run, articles, deadline)
            results = await asyncio.wrap_future(future)
        finally:
            with self._lock:
                self._admitted -= 1
        records = []
        for item in results:
            if item[0] == "problem":
                raise UnspunError(Problem(item[1], item[2]))
            if item[0] == "failed":
                raise WorkerFailed(item[1])
            records.append(item[1])
        return records

    def _run(self, articles: list[dict[str, Any]], deadline: float) -> list[Any]:
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimedOut() from None
        if worker is None:  # closing
            self._idle.put(None)
            raise Busy()
        replace = False
        try:
            if not worker.wait_ready(max(0.0, deadline - time.monotonic())):
                raise TimedOut()  # still loading: it is kept, not killed
            worker.conn.send(articles)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                replace = True
                raise TimedOut()
            return worker.conn.recv()
        except (EOFError, OSError) as exc:
            replace = True
            raise WorkerFailed(f"the analysis worker stopped ({type(exc).__name__})") from None
        finally:
            if replace:  # answer now; kill and replace the worker in the background
                threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
            else:
                self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        self._retire(worker)
        self.restarts += 1
        if not self._closed:
            try:
                fresh = self._spawn()
            except Exception:  # noqa: BLE001 - logged; the next replacement tries again
                log.exception("cannot start an analysis worker")
                self._idle.put(_Dead())
                return
            if self._closed:  # the server stopped meanwhile
                self._retire(fresh)
            else:
                self._idle.put(fresh)

    def close(self) -> None:
        """Kill every worker (the server is stopping)."""
        with self._lock:
            self._closed = True
            live = list(self._live)
        self._idle.put(None)
        for worker in live:
            self._retire(worker)
        self._threads.shutdown(wait=False, cancel_futures=True)
