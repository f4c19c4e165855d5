"""What the store commands share: --db, the search filters' options, opening a store."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..store import DEFAULT_DB, Store, StoreError, open_store
from ..store.filters import FilterSpec, filter_specs
from ..termsafe import clean, line

DB_HELP = ("Database: a SQLite file (created by ingest if missing) or a postgresql://user@host/db"
           " URL (add ?schema=NAME for a schema of its own). Default: $UNSPUN_DB or "
           f"{DEFAULT_DB} in the current folder.")


class StoreFailure(click.ClickException):
    """A coded store error, printed as one line without a traceback (exit status 1)."""

    def show(self, file: Any = None) -> None:
        click.echo(f"error {line(self.message)}", err=True)


def db_option(func: Callable) -> Callable:
    return click.option("--db", default=DEFAULT_DB, envvar="UNSPUN_DB", show_default=True,
                        metavar="FILE|URL", help=DB_HELP)(func)


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..dates import check_date_filter
    from ..errors import UnspunError

    try:
        return check_date_filter(value, f"--{param.name}")
    except UnspunError as exc:  # a usage error (exit status 2) that carries the code
        raise click.BadParameter(str(exc)) from None


def date_option(name: str, help: str) -> Callable[[Callable], Callable]:
    """``--since``/``--until``: a YYYY[-MM[-DD]] date, checked (U119) before anything runs."""
    return click.option(name, metavar="DATE", callback=_check_date, help=help)


def _filter_option(spec: FilterSpec) -> Callable[[Callable], Callable]:
    flag = "--" + spec.name.replace("_", "-")
    if spec.type == "date":
        return click.option(flag, spec.name, metavar=spec.metavar or "DATE",
                            callback=_check_date, help=spec.help)
    kind = click.Choice(list(spec.choices)) if spec.type == "choice" else None
    return click.option(flag, spec.name, type=kind, metavar=spec.metavar, help=spec.help,
                        multiple=spec.repeatable)


def filter_options(func: Callable) -> Callable:
    """One option per search filter (see :mod:`unspun.store.filters`), in their order."""
    for spec in reversed(filter_specs()):
        func = _filter_option(spec)(func)
    return func


def filter_values(options: dict[str, Any]) -> dict[str, Any]:
    """The filters among a command's options (repeatable ones as lists)."""
    out = {}
    for spec in filter_specs():
        value = options.get(spec.name)
        out[spec.name] = list(value or ()) if spec.repeatable else value
    return out


def open_db(db: str, readonly: bool) -> Store:
    """Open the store or exit with its coded error message."""
    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        raise StoreFailure(str(exc)) from None


def fail(exc: StoreError) -> StoreFailure:
    return StoreFailure(str(exc))


T = TypeVar("T")


def use_db(db: str, action: Callable[[Store], T], readonly: bool,
           errors: type[Exception] = StoreError) -> T:
    """Run ``action`` on the store, then close it; an ``errors`` exception (a coded error)
    exits with its line."""
    store = open_db(db, readonly=readonly)
    try:
        return action(store)
    except errors as exc:
        raise StoreFailure(str(exc)) from None
    finally:
        store.close()


def read_db(db: str, action: Callable[[Store], T]) -> T:
    """Run ``action`` on the store opened read-only; a store error exits with its coded line."""
    return use_db(db, action, readonly=True)


def marked(text: str) -> Any:
    """A rich Text with ``**highlights**`` in bold."""
    from rich.text import Text

    out = Text()
    for i, part in enumerate(re.split(r"\*\*", text or "")):
        out.append(clean(part), style="bold reverse" if i % 2 else None)
    return out
