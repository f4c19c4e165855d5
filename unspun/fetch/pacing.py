"""A per-host delay between requests, shared by all workers of one watch."""
from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit


class HostPacer:
    """``wait(url)`` returns once at least ``delay`` seconds passed since the host's last turn.

    Turns are booked under a lock and slept outside it, so workers fetching other hosts
    never wait for this one.
    """

    def __init__(self, delay: float = 1.0):
        self.delay = delay
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str, delay: float | None = None) -> float:
        """Sleep until this host's turn; returns the seconds slept."""
        host = (urlsplit(url).hostname or "").lower()
        gap = max(self.delay, delay or 0.0)
        with self._lock:
            now = time.monotonic()
            turn = max(now, self._next.get(host, now))
            self._next[host] = turn + gap
        pause = turn - now
        if pause > 0:
            time.sleep(pause)
        return pause
