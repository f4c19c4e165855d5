"""Retries with exponential backoff, for the failures a later try may fix."""
from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from .failure import FetchError

T = TypeVar("T")


def backoff(attempt: int, base: float, cap: float) -> float:
    """Seconds before try ``attempt + 1``: base * 2**attempt, with jitter, at most cap."""
    return min(cap, base * 2 ** attempt) * random.uniform(0.5, 1.0)


def with_retries(call: Callable[[], T], *, attempts: int = 3, base: float = 1.0,
                 cap: float = 30.0, sleep: Callable[[float], None] = time.sleep) -> T:
    """``call()``, tried up to ``attempts`` times while it raises a transient FetchError.

    A server's Retry-After is honoured up to ``cap``; permanent errors (404, refused
    address, size cap, robots.txt) are raised at once.
    """
    for attempt in range(attempts):
        try:
            return call()
        except FetchError as exc:
            if not exc.transient or attempt == attempts - 1:
                raise
            wait = backoff(attempt, base, cap)
            if exc.retry_after is not None:
                wait = min(cap, max(wait, exc.retry_after))
            sleep(wait)
    raise AssertionError("unreachable")
