"""Store connections for a threaded server: a pool of readers and one locked writer.

Each store object holds one database connection, which must not be used by
two threads at once, so a request borrows a reader from the pool for the
length of one call.  Readers open the database read-only; the writer (for
``POST /api/articles``) is opened only when a token enables writing.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..store import Store, StoreError, is_postgres, open_store

BORROW_TIMEOUT = 30.0


def prepare(db: str) -> None:
    """Create and migrate the database when it is missing or empty (a fresh server works).

    A read-only file is left as it is: it is served read-only.
    """
    try:
        open_store(db).close()
    except StoreError as exc:
        if getattr(exc, "code", "") != "U502":
            raise


class StorePool:
    """``size`` read-only stores handed out one request at a time, and a lazily opened writer."""

    def __init__(self, db: str, size: int = 4):
        self.db = db
        self.size = max(1, size)
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._writer: Store | None = None
        self._write_lock = threading.Lock()
        self._closed = False

    def _open_reader(self) -> Store:
        return open_store(self.db, readonly=True)

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """Borrow a read-only store; it goes back to the pool afterwards (closed on error)."""
        store: Store | None = None
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                grow = self._opened < self.size
                if grow:
                    self._opened += 1
            if grow:
                try:
                    store = self._open_reader()
                except BaseException:
                    with self._lock:
                        self._opened -= 1
                    raise
            else:
                try:
                    store = self._idle.get(timeout=BORROW_TIMEOUT)
                except queue.Empty:
                    raise StoreError.make("U503", self.db, seconds=int(BORROW_TIMEOUT)) from None
        ok = False
        try:
            yield store
            ok = True
        except StoreError as exc:  # bad user input leaves the connection healthy
            ok = getattr(exc, "code", "") == "U504"
            raise
        finally:
            if ok and not self._closed:
                self._idle.put(store)
            else:
                store.close()
                with self._lock:
                    self._opened -= 1

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The single writable store, one writing request at a time."""
        with self._write_lock:
            if self._writer is None:
                self._writer = open_store(self.db)
            yield self._writer

    def close(self) -> None:
        """Close every idle connection and the writer."""
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    @property
    def backend(self) -> str:
        return "postgresql" if is_postgres(self.db) else "sqlite"
