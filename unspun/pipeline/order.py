"""The order components run in, derived from what they require and assign.

A component that requires a field runs after the components that *make* it
(assign it without requiring it).  A component that requires and assigns the
same field (``rhetoric`` revising ``techniques``) revises it: it runs after
the field's makers, and the components that only read the field see the
makers' value unless they require the reviser's other fields.  Among the
components free to run next the first by name goes first, so the order never
depends on the order modules were imported in.

The fields every record has before any component runs (:data:`BASE_FIELDS`)
need no maker.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable

from ..errors import ComponentError
from .registry import Component

BASE_FIELDS = frozenset({"text", "id", "version", "published", "source", "title", "url",
                         "language", "meta", "errors", "warnings"})


def makers(components: Iterable[Component]) -> dict[str, list[str]]:
    """Field -> names of the components that make it."""
    out: dict[str, list[str]] = {}
    for comp in components:
        for f in comp.assigns:
            if f not in comp.requires:
                out.setdefault(f, []).append(comp.name)
    return out


def revisers(components: Iterable[Component]) -> dict[str, list[str]]:
    """Field -> names of the components that revise it (require and assign it)."""
    out: dict[str, list[str]] = {}
    for comp in components:
        for f in comp.assigns:
            if f in comp.requires:
                out.setdefault(f, []).append(comp.name)
    return out


def run_order(components: Iterable[Component]) -> list[Component]:
    """``components`` sorted so that each runs after what it requires (E002, E005)."""
    comps = {c.name: c for c in components}
    made = makers(comps.values())
    revised = revisers(comps.values())
    after: dict[str, set[str]] = {n: set() for n in comps}
    for comp in comps.values():
        for f in comp.requires:
            if f in BASE_FIELDS:
                continue
            if f not in made:
                raise ComponentError("E002", name=comp.name, missing=[f])
            after[comp.name].update(m for m in made[f] if m != comp.name)
            if f in comp.assigns:  # a reviser also runs after earlier-named revisers
                after[comp.name].update(r for r in revised[f] if r < comp.name)
    waiting = {n: set(deps) for n, deps in after.items()}
    ready = [n for n, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    out: list[Component] = []
    while ready:
        name = heapq.heappop(ready)
        out.append(comps[name])
        for other, deps in waiting.items():
            if name in deps:
                deps.discard(name)
                if not deps:
                    heapq.heappush(ready, other)
    if len(out) < len(comps):
        raise ComponentError("E005", names=sorted(n for n, d in waiting.items() if d))
    return out
