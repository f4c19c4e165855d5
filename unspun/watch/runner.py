"""``watch``: rounds until stopped (or one with ``once``), sleeping until the next due source.

The first Ctrl-C or SIGTERM lets the article being stored finish and ends the round (what
is stored stays stored, the rest is fetched next time); a second one stops at once. Even
kill -9 loses nothing: see :mod:`unspun.watch.round`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import threading
from collections.abc import Callable
from typing import Any

from ..errors import Problem
from ..record import Record
from .db import now, query
from .round import Round, RoundStats, StoredHook, WatchOptions

MAX_SLEEP = 60.0


def default_analyzer() -> Callable[[Any], Record | Problem]:
    """The default pipeline, loaded once."""
    from ..pipeline.runner import Pipeline

    pipe = Pipeline()
    return lambda article: pipe.analyze_batch([article])[0]


class StopSignals:
    """SIGINT/SIGTERM set ``event`` (the round ends after the current article); a second
    signal raises KeyboardInterrupt."""

    def __init__(self, event: threading.Event):
        self.event = event
        self.old: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.old[sig] = signal.signal(sig, self._handle)

    def _handle(self, signum: int, frame: object) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()

    def restore(self) -> None:
        for sig, handler in self.old.items():
            signal.signal(sig, handler)


def seconds_to_next(store: Any) -> float:
    rows = query(store, "SELECT min(due_at) FROM watch_sources WHERE paused = 0")
    if not rows or rows[0][0] is None:
        return MAX_SLEEP
    due = dt.datetime.fromisoformat(rows[0][0])
    return max(0.0, min(MAX_SLEEP, (due - now()).total_seconds()))


def watch(store: Any, *, once: bool = False, options: WatchOptions | None = None,
          analyze: Callable[[Any], Record | Problem] | None = None,
          on_stored: list[StoredHook] | None = None,
          on_status: Callable[[RoundStats], None] | None = None,
          on_round: Callable[[RoundStats], None] | None = None,
          stop: threading.Event | None = None, alerts: bool = True) -> list[RoundStats]:
    """Run rounds over ``store``'s due sources; returns each round's counts.

    With ``alerts``, each stored article is matched against the saved alerts in the
    transaction that stores it, and the matches are delivered after each round.
    """
    analyze = analyze or default_analyzer()
    stop = stop or threading.Event()
    rounds: list[RoundStats] = []
    options = options or WatchOptions()
    while not stop.is_set():
        hooks = list(on_stored or [])
        if alerts:
            from ..alerts import deliver_pending, matcher

            hooks.append(matcher(store))
        stats = Round(store, analyze, options, hooks, on_status, stop).run()
        if alerts:
            stats.alerts = deliver_pending(store)
        options = dataclasses.replace(options, all_sources=False)  # --all: the first round
        rounds.append(stats)
        if on_round:
            on_round(stats)
        if once:
            break
        stop.wait(seconds_to_next(store))
    return rounds
