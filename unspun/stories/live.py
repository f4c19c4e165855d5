"""Stories assigned as articles are stored: one transaction for the article and its story.

:class:`LiveAdder` wraps :meth:`Store.add`: the records, their story assignment
(:class:`~unspun.stories.assignment.Assigner`, the same incremental grouping as
`unspun stories`) and whatever the ``hooks`` write (alert matches) commit together, so a
stored article always has its story, even after kill -9. ``unspun ingest``, ``POST
/api/articles`` and ``unspun watch`` store through it; `unspun stories` still assigns
what was stored without it (``stories=False``) and stays the way to re-run grouping.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..record import Record
from ..store.base import AddResult

Hook = Callable[[Any, Record, Any], None]  # (transaction, record, origin) -> None


class LiveAdder:
    """``add(records)`` like ``store.add``, assigning stories (and running ``hooks`` for each
    newly stored record) in the same transaction."""

    def __init__(self, store: Any, *, stories: bool = True, hooks: Sequence[Hook] = ()):
        self.store = store
        self.stories = stories
        self.hooks = list(hooks)
        self._assigner: Any = None
        self.assigned = 0

    def add(self, records: Iterable[Record], replace: bool = False,
            origin: Any = None) -> AddResult:
        from ..watch.db import transaction  # the watch package imports this module

        batch = list(records)
        try:
            with transaction(self.store) as tx:
                result = self.store.add(batch, replace=replace)
                added = set(result.added)
                fresh = [r for r in batch if r.id in added]
                if fresh and self.stories:
                    self._assign(fresh)
                for record in fresh:
                    for hook in self.hooks:
                        hook(tx, record, origin)
        except BaseException:
            self._assigner = None  # its cached stories may hold what was rolled back
            raise
        return result

    def _assign(self, records: list[Record]) -> None:
        from .assignment import Assigner

        if self._assigner is None:
            self._assigner = Assigner(self.store)
        ordered = sorted(records, key=lambda r: (r.published is None, r.published or ""))
        for record, feat in zip(ordered, self._assigner.prepare(ordered)):
            if self._assigner.place(record, feat) is not None:
                self.assigned += 1


def live_adder(store: Any, *, stories: bool = True, alerts: bool = True) -> LiveAdder:
    """The adder ingest and the API use: stories, and the store's alerts matched."""
    hooks: list[Hook] = []
    if alerts:
        from ..alerts import matcher

        hooks.append(matcher(store))
    return LiveAdder(store, stories=stories, hooks=hooks)
