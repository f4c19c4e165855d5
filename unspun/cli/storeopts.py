"""What the store commands share: the --db option and opening a store with clear errors."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..store import DEFAULT_DB, Store, StoreError, open_store
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


def open_db(db: str, readonly: bool) -> Store:
    """Open the store or exit with its coded error message."""
    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        raise StoreFailure(str(exc)) from None


def fail(exc: StoreError) -> StoreFailure:
    return StoreFailure(str(exc))


T = TypeVar("T")


def read_db(db: str, action: Callable[[Store], T]) -> T:
    """Run ``action`` on the store opened read-only; a store error exits with its coded line."""
    store = open_db(db, readonly=True)
    try:
        return action(store)
    except StoreError as exc:
        raise fail(exc) from None
    finally:
        store.close()


def marked(text: str) -> Any:
    """A rich Text with ``**highlights**`` in bold."""
    from rich.text import Text

    out = Text()
    for i, part in enumerate(re.split(r"\*\*", text or "")):
        out.append(clean(part), style="bold reverse" if i % 2 else None)
    return out
