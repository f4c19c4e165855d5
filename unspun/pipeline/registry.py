"""Component registry: name -> component, each declaring what it needs and assigns.

A component is a plain callable ``component(ctx) -> None`` that reads and
writes ``ctx.record`` (and may read ``ctx.doc``, the spaCy document).  It is
registered with :func:`component`, giving the record fields it requires and
assigns; the :class:`~unspun.pipeline.runner.Pipeline` checks the order.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..record import Record


@dataclass
class Context:
    """What a component works on: the record, its parsed doc, its language, scratch space.

    ``lang`` is the article's :class:`unspun.lang.Language` (from ``record.language``):
    components take quote marks, cue words and lexicons from it.
    """

    record: Record
    doc: Any = None
    scratch: dict[str, Any] = field(default_factory=dict)
    lang: Any = None

    def __post_init__(self) -> None:
        if self.lang is None:
            from ..lang import get

            self.lang = get(self.record.language or "en")

    @property
    def english(self) -> bool:
        return self.doc is not None and self.lang.code == "en"


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Context], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    english_only: bool = True


REGISTRY: dict[str, Component] = {}


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
              english_only: bool = True) -> Callable[[Callable[[Context], None]], Callable]:
    """Register a component under ``name``."""

    def register(func: Callable[[Context], None]) -> Callable[[Context], None]:
        REGISTRY[name] = Component(name, func, tuple(requires), tuple(assigns), english_only)
        return func

    return register
