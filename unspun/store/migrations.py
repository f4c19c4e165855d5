"""Named migration sets: each feature owns the tables it needs.

A *migration set* is a feature's list of named migrations, each a list of SQL
statements.  :func:`register_migrations` adds a set; every store applies the
migrations of every registered set that it lacks, once, in order, inside its
migration transaction (under PostgreSQL's advisory lock), and records each
name in its ``migrations`` table.  Core is registered first
(:mod:`unspun.store.schema`), then the other sets in the order of their
feature names.

A feature registers its set when its module is imported::

    from unspun.store.migrations import register_migrations

    def my_migrations(dialect: str, types: dict[str, str]) -> list[tuple[str, list[str]]]:
        return [("alerts_0001_tables", [
            "CREATE TABLE alerts (id {pk}, query TEXT NOT NULL)".format(**types)])]

    register_migrations("alerts", my_migrations)

``dialect`` is ``"sqlite"`` or ``"postgres"``; ``types`` maps ``pk``, ``id``,
``real``, ``json`` and ``norowid`` to each dialect's SQL (see
:data:`unspun.store.schema.TYPES`).  Rules: a migration's name starts with
``FEATURE_`` (core's names, which predate sets, are plain ``0001_tables`` ...);
append new migrations, never edit or reorder one that has shipped.

Modules that register sets are found without editing core files: every
``unspun.<package>.schema`` module (built-in features, e.g.
:mod:`unspun.stories.schema`) and every module named by an entry point in
the group ``unspun.migrations`` (features in other packages) is imported
before a store is opened, so a database always knows every set it was built
with.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

Migration = tuple[str, list[str]]
MigrationFn = Callable[[str, dict[str, str]], list[Migration]]
CORE = "core"
ENTRY_POINTS = "unspun.migrations"

_SETS: dict[str, MigrationFn] = {}
_loaded = False


def statements(script: str, types: dict[str, str] | None = None) -> list[str]:
    """The statements of an SQL ``script`` (split at ``;``), with ``types`` filled in
    (``{pk}`` ...) when given."""
    sql = script.format(**types) if types is not None else script
    return [s.strip() for s in sql.split(";") if s.strip()]


def register_migrations(feature: str, fn: MigrationFn) -> None:
    """Add (or replace) ``feature``'s migration set; see the module docstring."""
    if not feature.isidentifier():
        raise ValueError(f"feature name {feature!r} must be a plain identifier")
    _SETS[feature] = fn


def unregister_migrations(feature: str) -> None:
    """Remove a set (for tests); core cannot be removed."""
    if feature != CORE:
        _SETS.pop(feature, None)


def load_features() -> None:
    """Import every module that registers a set (once per process)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import unspun

    for info in pkgutil.iter_modules(unspun.__path__):  # looked up as files: importing a
        folder = Path(getattr(info.module_finder, "path", ""), info.name)  # package is costly
        if info.ispkg and info.name != "store" and (folder / "schema.py").is_file():
            importlib.import_module(f"unspun.{info.name}.schema")
    for ep in entry_points(group=ENTRY_POINTS):
        importlib.import_module(ep.value.split(":")[0])


def migration_sets(dialect: str, types: dict[str, str]) -> list[tuple[str, list[Migration]]]:
    """``(feature, migrations)`` for every registered set, core first."""
    load_features()
    order = sorted(_SETS, key=lambda f: (f != CORE, f))
    out = []
    for feature in order:
        found = _SETS[feature](dialect, types)
        bad = [n for n, _ in found if feature != CORE and not n.startswith(feature + "_")]
        if bad:
            raise ValueError(f"migration names of feature {feature!r} must start with "
                             f"'{feature}_': {bad}")
        out.append((feature, found))
    return out


def all_migrations(dialect: str, types: dict[str, str]) -> list[Migration]:
    """Every registered migration, in the order they apply."""
    return [m for _, found in migration_sets(dialect, types) for m in found]
