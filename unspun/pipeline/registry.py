"""Component registry: name -> component, each declaring what it needs and assigns.

A component is a plain callable ``component(ctx) -> None`` that reads and
writes ``ctx.record`` (and may read ``ctx.doc``, the spaCy document).  It is
registered with :func:`component`, giving the record fields it requires and
assigns; the :class:`~unspun.pipeline.runner.Pipeline` orders the components
by those declarations (see :mod:`unspun.pipeline.order`).

Field names are checked when a component is registered (error E003): a
component names the record's fields (``quotes``, ``voice``...) or, for data
of its own, ``ext.NAME``, kept in ``record.ext["NAME"]``.

Components are found, never listed by hand: every module of this package is
imported by :func:`load_builtins` (a ``@component`` in it registers itself), and
third-party packages register theirs through the entry-point group
``unspun.components`` (:func:`load_plugins`; the entry point names a module,
importing it registers).
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import ComponentError, message
from ..record import Record

ENTRY_POINT_GROUP = "unspun.components"
EXT_FIELD = re.compile(r"ext\.[a-z][a-z0-9_]*\Z")
RECORD_FIELDS = frozenset(f.name for f in fields(Record)) - {"ext"}


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
    """A registered component.

    ``languages``: the record languages it runs on (ISO 639-1 codes); ``None`` means
    every language.  ``optional``: left out of the default pipeline, run only when
    enabled (``--enable NAME``, ``Pipeline(enable=[...])``).  Components of plug-in
    packages are always optional.
    """

    name: str
    func: Callable[[Context], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    languages: tuple[str, ...] | None = ("en",)
    optional: bool = False

    def runs_on(self, language: str | None) -> bool:
        return self.languages is None or language in self.languages

    @property
    def builtin(self) -> bool:
        return getattr(self.func, "__module__", "").startswith("unspun.")

    @property
    def in_default(self) -> bool:
        return self.builtin and not self.optional


REGISTRY: dict[str, Component] = {}
PLUGIN_ERRORS: dict[str, str] = {}  # entry-point name -> E004 message
_LOADED = {"builtins": False, "plugins": False}


def known_field(name: str) -> bool:
    """A record field a component may declare: one of Record's, or ``ext.NAME``."""
    return name in RECORD_FIELDS or bool(EXT_FIELD.match(name))


def check_fields(name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
    for which, names in (("requires", requires), ("assigns", assigns)):
        bad = [f for f in names if not isinstance(f, str) or not known_field(f)]
        if bad:
            raise ComponentError("E003", name=name, fields=bad, which=which,
                                 known=", ".join(sorted(RECORD_FIELDS)))


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
              languages: tuple[str, ...] | None = ("en",), optional: bool = False,
              ) -> Callable[[Callable[[Context], None]], Callable]:
    """Register a component under ``name``; unknown field names fail at once (E003)."""
    requires, assigns = tuple(requires), tuple(assigns)
    check_fields(name, requires, assigns)
    langs = None if languages is None else tuple(languages)

    def register(func: Callable[[Context], None]) -> Callable[[Context], None]:
        REGISTRY[name] = Component(name, func, requires, assigns, langs, optional)
        return func

    return register


def load_builtins() -> None:
    """Import every module of this package, so that its components register themselves."""
    if _LOADED["builtins"]:
        return
    for info in pkgutil.iter_modules(_package_path()):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__package__}.{info.name}")
    _LOADED["builtins"] = True


def _package_path() -> list[str]:
    return list(importlib.import_module(__package__).__path__)


def load_plugins() -> None:
    """Import the modules named in the ``unspun.components`` entry points, once.

    A plug-in that fails to import is reported (warning E004, kept in
    :data:`PLUGIN_ERRORS`) and left out; it never stops a run that does not use it.
    """
    if _LOADED["plugins"]:
        return
    _LOADED["plugins"] = True
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()
        except Exception as exc:  # noqa: BLE001 - reported with a code, the run goes on
            text = message("E004", name=ep.name, value=ep.value,
                           detail=f"{type(exc).__name__}: {exc}")
            PLUGIN_ERRORS[ep.name] = text
            warnings.warn(f"[E004] {text}", RuntimeWarning, stacklevel=2)


def load_all() -> dict[str, Component]:
    """The registry with the built-in and plug-in components loaded."""
    load_builtins()
    load_plugins()
    return REGISTRY
