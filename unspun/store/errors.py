"""The store's error type: a coded problem (U50x, listed in :mod:`unspun.errors`)."""
from __future__ import annotations

from ..errors import Problem, UnspunError


class StoreError(UnspunError):
    """A store failure a user can act on (bad database file, read-only, busy, bad query)."""

    @classmethod
    def make(cls, code: str, origin: str = "", **kwargs: object) -> "StoreError":
        return cls(Problem.make(code, origin, **kwargs))
