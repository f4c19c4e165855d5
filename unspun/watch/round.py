"""One watch round: fetch every due source, store each new article exactly once.

Workers (threads) fetch feeds and pages; this module's main thread does all the database
work. An article, its dedup keys (GUID and canonical URL) and its story assignment are
written in one transaction, so a round stopped anywhere (Ctrl-C, SIGTERM, kill -9)
leaves each item stored with its keys or not at all, and the next round fetches only
what is missing. A source's validators (ETag, Last-Modified) and next due time are
saved only once all its new items are stored: a source cut off mid-round is fetched in
full again (its stored items are then skipped by their keys).
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..fetch import item_keys
from ..fetch.items import FeedItem
from ..record import Record
from ..stories.live import LiveAdder
from .db import now, query, stamp, transaction
from .fetching import FeedResult, PageResult, Politeness, fetch_feed, fetch_page
from .sources import due_sources

MAX_ITEMS = 100  # new pages per source per round; the rest come next round
MAX_ATTEMPTS = 3  # tries of a page that fails with a transient error, over rounds
MAX_BACKOFF = 6 * 3600
PERMANENT = {"U103", "U108", "U902", "U904", "U905", "U907", "U909"}

StoredHook = Callable[[Any, Record, dict], None]


@dataclass
class RoundStats:
    due: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    new: int = 0
    stored: int = 0
    duplicates: int = 0
    page_errors: int = 0
    stories: int = 0
    interrupted: bool = False
    alerts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (f"sources due {self.due} · fetched {self.fetched} (304: {self.not_modified}) · "
                f"failed {self.failed} · new items {self.new} · stored {self.stored} · "
                f"page errors {self.page_errors}"
                + (f" · alerts sent {self.alerts.get('delivered', 0)}" if self.alerts else "")
                + (f" (failed {self.alerts['failed']})" if self.alerts.get("failed") else "")
                + (" · stopped" if self.interrupted else ""))


@dataclass
class WatchOptions:
    workers: int = 2
    allow_private: Collection[str] = ()
    delay: float = 1.0
    timeout: float = 20.0
    attempts: int = 3
    backoff: float = 1.0
    max_items: int = MAX_ITEMS
    stories: bool = True
    all_sources: bool = False  # every unpaused source, due or not


@dataclass
class _SourceRun:
    result: FeedResult
    pending: int = 0
    capped: bool = False
    retry: bool = False  # a page failed transiently: keep the validators, fetch it again
    items: int = 0
    stored: int = 0


@dataclass
class Round:
    """One round over ``store``; ``analyze(article)`` makes a Record (or a Problem)."""

    store: Any
    analyze: Callable[[Any], Record | Problem]
    options: WatchOptions = field(default_factory=WatchOptions)
    on_stored: list[StoredHook] = field(default_factory=list)
    on_status: Callable[[RoundStats], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    stats: RoundStats = field(default_factory=RoundStats)

    def run(self) -> RoundStats:
        polite = Politeness(self.options.allow_private, self.options.delay, self.options.timeout,
                            self.options.attempts, self.options.backoff)
        sources = due_sources(self.store, now() + dt.timedelta(days=36500)
                              if self.options.all_sources else None)
        self.stats.due = len(sources)
        self._adder = LiveAdder(self.store, stories=self.options.stories, hooks=self.on_stored)
        runs: dict[int, _SourceRun] = {}
        futures: dict[Future, tuple[str, int]] = {}
        # feeds are read in the order the sources were added, whatever order they arrive in:
        # an item two sources carry is claimed by the older source, every time
        order = sorted(s["id"] for s in sources)
        arrived: dict[int, FeedResult] = {}
        with ThreadPoolExecutor(max(1, self.options.workers)) as pool:
            for source in sources:
                futures[pool.submit(fetch_feed, polite.for_source(source), source)] = \
                    ("feed", source["id"])
            while futures:
                done, _ = wait(futures, timeout=0.2, return_when=FIRST_COMPLETED)
                if self.stop.is_set():
                    self.stats.interrupted = True
                    for f in futures:
                        f.cancel()
                    break
                for future in done:
                    if self.stop.is_set():
                        break
                    kind, source_id = futures.pop(future)
                    if kind == "feed":
                        arrived[source_id] = future.result()
                        while order and order[0] in arrived:
                            self._feed(arrived.pop(order.pop(0)), runs, futures, pool, polite)
                    else:
                        self._page(future.result(), runs[source_id])
                    run = runs.get(source_id)
                    if run is not None and run.pending == 0 and kind == "page":
                        self._finish(run)
                    self._status()
        self.stats.stories = self._adder.assigned
        return self.stats

    # -- feeds ------------------------------------------------------------------------------
    def _feed(self, result: FeedResult, runs: dict[int, _SourceRun], futures: dict,
              pool: ThreadPoolExecutor, polite: Politeness) -> None:
        source = result.source
        run = runs[source["id"]] = _SourceRun(result)
        if result.error is not None:
            self.stats.failed += 1
            self._failed(source, result.error.problem, result.status)
            return
        self.stats.fetched += 1
        if result.not_modified:
            self.stats.not_modified += 1
            self._finish(run)
            return
        fresh = self._new_items(source, result.feed.items if result.feed else [])
        run.items = len(fresh)
        if len(fresh) > self.options.max_items:
            fresh, run.capped = fresh[:self.options.max_items], True
        self.stats.new += len(fresh)
        for item, keys in fresh:
            run.pending += 1
            futures[pool.submit(fetch_page, polite.for_source(source), source, item, keys)] = \
                ("page", source["id"])
        if run.pending == 0:
            self._finish(run)

    def _new_items(self, source: dict, items: list[FeedItem]) -> list[tuple[FeedItem, list[str]]]:
        """Items none of whose keys is stored or given up on, oldest first; a known item
        seen under a new key (a GUID at a new URL) gets that key too."""
        fresh: list[tuple[FeedItem, list[str]]] = []
        batch: set[str] = set()
        ordered = sorted((i for i in items if i.url), key=lambda i: (i.published is None,
                                                                       i.published or ""))
        for item in ordered:
            keys = item_keys(source["id"], item.guid, item.url)
            if batch & set(keys):
                continue  # the feed repeats this item
            batch.update(keys)
            known, complete = self._known(keys)
            if known is None:
                fresh.append((item, keys))
            elif known and not complete:  # stored, seen under a new key: add it
                self._alias(source["id"], keys, known, item.url)
        return fresh

    def _known(self, keys: list[str]) -> tuple[str | None, bool]:
        """None (new, or failed before and worth another try), the stored article's id,
        or "" (failed for good); and whether every key is recorded."""
        marks = ", ".join("?" * len(keys))
        rows = query(self.store, f"SELECT article_id, error_code, attempts FROM watch_items "
                     f"WHERE key IN ({marks})", keys)
        complete = len(rows) == len(keys)
        for article_id, _, _ in rows:
            if article_id:
                return article_id, complete
        if any(code in PERMANENT or attempts >= MAX_ATTEMPTS for _, code, attempts in rows):
            return "", complete
        return None, complete

    def _alias(self, source_id: int, keys: list[str], article_id: str, url: str | None) -> None:
        with transaction(self.store) as tx:
            self._keys(tx, source_id, keys, article_id or None, url)

    @staticmethod
    def _keys(tx: Any, source_id: int, keys: list[str], article_id: str | None,
              url: str | None, code: str | None = None) -> None:
        for key in keys:
            tx.execute("INSERT INTO watch_items (key, source_id, article_id, url, error_code, "
                       "attempts, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO "
                       "UPDATE SET article_id = coalesce(watch_items.article_id, "
                       "excluded.article_id), error_code = CASE WHEN excluded.article_id IS "
                       "NULL THEN coalesce(excluded.error_code, watch_items.error_code) END, "
                       "attempts = watch_items.attempts + excluded.attempts",
                       (key, source_id, article_id, url, code, 1 if code else 0, stamp()))

    # -- pages ------------------------------------------------------------------------------
    def _page(self, page: PageResult, run: _SourceRun) -> None:
        run.pending -= 1
        if page.article is None:
            self._page_failed(page, run)
            return
        result = self.analyze(page.article)
        if isinstance(result, Problem):
            page.problem = result
            self._page_failed(page, run)
            return
        if self._commit(page, result, run.result.source):
            run.stored += 1
            self.stats.stored += 1
        else:
            self.stats.duplicates += 1

    def _commit(self, page: PageResult, record: Record, source: dict) -> bool:
        """Store the record, its keys and its story in one transaction; False if known."""
        with transaction(self.store) as tx:
            marks = ", ".join("?" * len(page.keys))
            taken = tx.query(f"SELECT article_id FROM watch_items WHERE key IN ({marks}) "
                             "AND article_id IS NOT NULL", page.keys)
            if taken:  # another worker or process stored it meanwhile
                self._keys(tx, page.source_id, page.keys, taken[0][0], page.item.url)
                return False
            added = self._adder.add([record], origin=source).added
            self._keys(tx, page.source_id, page.keys, record.id, page.item.url)
            return bool(added)

    def _page_failed(self, page: PageResult, run: _SourceRun) -> None:
        self.stats.page_errors += 1
        problem = page.problem or Problem.make("U108", page.item.url or "")
        if problem.code not in PERMANENT:
            run.retry = True
        with transaction(self.store) as tx:
            self._keys(tx, page.source_id, page.keys, None, page.item.url, problem.code)
        self.store.add_errors([problem])

    # -- source state -----------------------------------------------------------------------
    def _finish(self, run: _SourceRun) -> None:
        source, result = run.result.source, run.result
        keep = not (run.capped or run.retry) and not result.not_modified
        due = now() + dt.timedelta(seconds=0 if run.capped else source["every_seconds"])
        with transaction(self.store) as tx:
            tx.execute("UPDATE watch_sources SET last_fetch_at = ?, last_ok_at = ?, "
                       "last_status = ?, error_code = NULL, error = NULL, failures = 0, "
                       "due_at = ?, items = items + ?, articles = articles + ? WHERE id = ?",
                       (stamp(), stamp(), result.status, stamp(due), run.items, run.stored,
                        source["id"]))
            if keep:
                tx.execute("UPDATE watch_sources SET etag = ?, last_modified = ? WHERE id = ?",
                           (result.etag, result.last_modified, source["id"]))

    def _failed(self, source: dict, problem: Problem, status: int | None) -> None:
        failures = int(source.get("failures") or 0) + 1
        wait_s = min(MAX_BACKOFF, source["every_seconds"] * 2 ** min(failures - 1, 10))
        with transaction(self.store) as tx:
            tx.execute("UPDATE watch_sources SET last_fetch_at = ?, last_status = ?, "
                       "error_code = ?, error = ?, failures = ?, due_at = ? WHERE id = ?",
                       (stamp(), status, problem.code, problem.message, failures,
                        stamp(now() + dt.timedelta(seconds=wait_s)), source["id"]))

    def _status(self) -> None:
        if self.on_status is not None:
            self.on_status(self.stats)
