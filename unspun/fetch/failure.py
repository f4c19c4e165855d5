"""The one exception a fetch raises: a coded problem, and whether trying again may help."""
from __future__ import annotations

from ..errors import Problem, UnspunError


class FetchError(UnspunError):
    """A URL could not be fetched or read; ``transient`` when a later try may succeed."""

    def __init__(self, code: str, url: str, *, transient: bool = False,
                 retry_after: float | None = None, **kwargs: object):
        super().__init__(Problem.make(code, url, url=url, **kwargs))
        self.url = url
        self.transient = transient
        self.retry_after = retry_after
        status = kwargs.get("status")
        self.status = status if isinstance(status, int) else None  # U903: the HTTP status
