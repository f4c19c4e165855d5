"""The search filters, declared once: the store's SQL, CLI options, API parameters and form.

Each :class:`FilterSpec` names one filter and says everything the four places
that take filters need: its type and choices, the help text (``unspun search
--help``, the OpenAPI description), the web form's label and widget, the
length limit, and how a value becomes SQL (``build``).  The store
(:class:`unspun.store.query.Filters`), ``unspun search``
(:func:`unspun.cli.storeopts.filter_options`), the API
(:func:`unspun.server.api.filters_dependency`) and the search page
(``templates/search.html``) are all built from :func:`filter_specs`.

Add a filter by registering one more spec::

    from unspun.store.filters import FilterSpec, register_filter

    register_filter(FilterSpec(
        "language", help="Articles in this language (ISO code).", label="Language",
        build=lambda f, value: f.add("a.language = ?", value)))

before the CLI, the server or a search is built: in a module imported by an
entry point of the group ``unspun.filters`` (loaded on first use), or in code
that runs first.  ``build(f, value)`` is called for a non-empty value with the
:class:`~unspun.store.query.Filters` being built: ``f.add(sql, *params)`` adds
a condition on the article (alias ``a``; with ``f.kind == "quote"`` the quote
is ``q``), ``f.require(table, cond, *params)`` requires a row of a child table
(alias ``c``) for the article.  Values always travel as bound parameters.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from .rows import name_key

Filters = Any  # unspun.store.query.Filters (which imports this module)

TYPES = ("text", "date", "choice")
WIDGETS = ("input", "suggest", "select", "date")
MAX_TEXT = 500  # characters in a name-like filter value (the server's MAX_QUERY too)
ENTRY_POINTS = "unspun.filters"
NAMES_LIKE = "SELECT key FROM names WHERE key LIKE ? ESCAPE '\\'"


@dataclass(frozen=True)
class FilterSpec:
    """One search filter; see the module docstring.

    ``type``: ``text``, ``date`` (``YYYY[-MM[-DD]]``; ``end=True`` makes it an
    upper bound) or ``choice`` (one of ``choices``).  ``repeatable``: the value
    is a list (``--source A --source B``, ``?source=A&source=B``).
    ``widget``: ``input``, ``suggest`` (an input with the ``facet`` values as
    suggestions), ``select`` (a list of the ``facet`` values, or of
    ``choices``) or ``date``; by default ``date`` for dates, ``select`` for
    choices, else ``input``.  ``facet``: the key of the server's facet values
    (``/api/facets``) offered in the form.  ``check(f, value)`` runs after
    every value is parsed (cross-filter rules; raise ``ValueError`` with the
    message).
    """

    name: str
    help: str
    build: Callable[["Filters", Any], None]
    label: str = ""
    type: str = "text"
    repeatable: bool = False
    choices: tuple[str, ...] = ()
    choice_labels: dict[str, str] = field(default_factory=dict)
    metavar: str | None = None
    api_help: str | None = None
    max_length: int = MAX_TEXT
    widget: str = ""
    facet: str | None = None
    end: bool = False
    check: Callable[["Filters", Any], None] | None = None

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or self.name in ("kind", "limit", "offset", "q"):
            raise ValueError(f"filter name {self.name!r} must be an identifier other than "
                             "kind, limit, offset and q")
        if self.type not in TYPES:
            raise ValueError(f"filter type must be one of {', '.join(TYPES)}")
        if self.type == "choice" and not self.choices:
            raise ValueError(f"filter {self.name!r} is a choice without choices")
        if self.widget and self.widget not in WIDGETS:
            raise ValueError(f"filter widget must be one of {', '.join(WIDGETS)}")

    @property
    def form_widget(self) -> str:
        if self.widget:
            return self.widget
        return {"date": "date", "choice": "select"}.get(self.type, "input")

    @property
    def form_label(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    @property
    def page_max_length(self) -> int:
        """Characters the search page accepts (a date or a choice is short)."""
        return 100 if self.type in ("date", "choice") else MAX_TEXT

    def choice_error(self, value: Any) -> str | None:
        """Why ``value`` is not one of the choices (None when it is, or not a choice)."""
        if self.type != "choice" or value is None or value in self.choices:
            return None
        return f"{self.name} must be {' or '.join(map(repr, self.choices))}, not {value!r}"


_SPECS: dict[str, FilterSpec] = {}
_loaded = False


def register_filter(spec: FilterSpec) -> FilterSpec:
    """Add ``spec`` (after the others; a spec of the same name is replaced in place)."""
    _SPECS[spec.name] = spec
    return spec


def unregister_filter(name: str) -> None:
    """Remove a filter (for tests and plug-ins that withdraw one)."""
    _SPECS.pop(name, None)


def filter_specs() -> list[FilterSpec]:
    """Every filter, in the order the CLI, the API and the form show them."""
    global _loaded
    if not _loaded:
        _loaded = True
        for ep in entry_points(group=ENTRY_POINTS):
            importlib.import_module(ep.value.split(":")[0])
    return list(_SPECS.values())


def filter_names() -> list[str]:
    return [s.name for s in filter_specs()]


# -- the built-in filters ------------------------------------------------------------------
def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE wildcards escaped."""
    key = name_key(text) or ""
    return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like(value: str) -> str:
    return like_pattern(value)


def _source(f: "Filters", value: tuple[str, ...]) -> None:
    f.add(f"a.source IN ({', '.join('?' * len(value))})", *value)


def _speaker(f: "Filters", value: str) -> None:
    if f.kind == "quote":
        f.add(f"q.speaker_key IN ({NAMES_LIKE})", _like(value))
    else:
        f.require("quotes", f"c.speaker_key IN ({NAMES_LIKE})", _like(value))


_VOICE_SQL = {"author": " AND c.voice = 'author'", "quoted": " AND c.voice <> 'author'",
              None: ""}


def _technique(f: "Filters", value: str) -> None:
    if f.kind == "quote":
        f.add("EXISTS (SELECT 1 FROM techniques t WHERE t.article_id = q.article_id"
              " AND t.voice = q.qid AND t.label = ?)", value)
    else:
        f.require("techniques", f"c.label = ?{_VOICE_SQL[f.values.get('voice')]}", value)


def _voice(f: "Filters", value: str) -> None:
    if f.kind != "quote" and not f.values.get("technique"):  # with a technique: see above
        f.require("techniques", f"1 = 1{_VOICE_SQL[value]}")


def _voice_check(f: "Filters", value: str | None) -> None:
    if f.kind == "quote" and value == "author":
        raise ValueError("--voice author cannot match quotes (a quote is never the author's "
                         "voice)")


BUILT_IN = (
    FilterSpec("source", "Only this outlet (exact name; repeatable).", _source, label="Outlet",
               repeatable=True, api_help="Outlet (repeatable)", widget="select",
               facet="source"),
    FilterSpec("since", "Published on or after YYYY[-MM[-DD]].",
               lambda f, v: f.add("a.published >= ?", v), label="From", type="date",
               metavar="DATE", max_length=100),
    FilterSpec("until", "Published on or before YYYY[-MM[-DD]].",
               lambda f, v: f.add("a.published <= ?", v), label="Until", type="date",
               metavar="DATE", max_length=100, end=True),
    FilterSpec("speaker", "Articles quoting (or quotes by) a speaker whose name contains NAME "
               "(case-insensitive).", _speaker, label="Speaker", metavar="NAME",
               api_help="Speaker name contains", widget="suggest", facet="speaker"),
    FilterSpec("entity", "Articles naming a person, organisation or place whose name "
               "contains NAME.", lambda f, v: f.require(
                   "entities", f"c.name_key IN ({NAMES_LIKE})", _like(v)),
               label="Entity", metavar="NAME", api_help="Names an entity containing"),
    FilterSpec("technique", "Articles using this persuasion technique (exact label, as "
               "`unspun stats --by technique` lists them).", _technique, label="Technique",
               metavar="LABEL", max_length=100, widget="select", facet="technique"),
    FilterSpec("voice", "With --technique (or alone): only techniques in the author's own "
               "voice, or inside quotes.", _voice, label="Voice", type="choice",
               choices=("author", "quoted"),
               choice_labels={"author": "author's own", "quoted": "quoted"},
               max_length=100, check=_voice_check),
    FilterSpec("frame", "Articles with this frame (exact label).",
               lambda f, v: f.require("frames", "c.label = ?", v), label="Frame",
               metavar="LABEL", max_length=100, widget="select", facet="frame"),
)
for _spec in BUILT_IN:
    register_filter(_spec)
