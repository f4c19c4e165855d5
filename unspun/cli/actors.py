"""`unspun actors`: the corpus-wide people and organisations, and a user's merges and splits."""
from __future__ import annotations

from typing import Any

import click

from ..termsafe import text as safe
from .group import cli
from .output import echo_json, format_option
from .storeopts import db_option, read_db, use_db


def _write(db: str, action: Any) -> Any:
    return use_db(db, action, readonly=False)


def _edit_line(e: Any) -> str:
    what = (f"merge {', '.join(e.sources)} into {e.target}" if e.op == "merge"
            else f"split {e.name!r} out of {e.target}")
    return f"#{e.n} {e.at} {what}{' (undone)' if e.undone else ''}"


@cli.group()
def actors() -> None:
    """People and organisations across the corpus: one actor per person.

    Every article's people and organisations are linked to actors: the ways
    the corpus writes one name ("DONALD TRUMP", "Donald J. Trump", "Mr.
    Trump", "Trump's") are one actor, with a stable id (the same corpus
    ingested again gets the same ids) and a display name.  A surname alone
    joins the full name only when that is not ambiguous.  Merges and splits
    are recorded, kept across re-ingest and can be undone.

    \b
    Examples:
      unspun actors list Clinton --db news.db
      unspun actors merge "Hillary Clinton" "Clinton" --db news.db
      unspun actors split "Hillary Clinton" "Clinton" --db news.db
      unspun actors history --db news.db
      unspun actors undo --db news.db
    """


@actors.command("list")
@click.argument("name", required=False)
@db_option
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="At most this many actors.")
@format_option("text", "json", help="text or json.")
def list_actors(name: str | None, db: str, limit: int, fmt: str) -> None:
    """Actors named in most articles (those whose name or a variant contains NAME)."""
    from ..actors.store import listing

    rows = read_db(db, lambda store: listing(store, name, limit))
    if fmt == "json":
        echo_json(rows)
        return
    for r in rows:
        click.echo(safe(f"{r['id']}  {r['name']}  ({r['type'].lower()}, {r['articles']} "
                        f"article(s))  written: {'; '.join(r['variants'])}"))


@actors.command()
@click.argument("actor")
@db_option
def show(actor: str, db: str) -> None:
    """One actor (an id, name or variant) and every way the corpus writes it."""
    from ..actors.store import one_actor, variants

    def run(store: Any) -> tuple[dict, list]:
        found = one_actor(store, actor)
        return found, variants(store, found["id"])

    found, forms = read_db(db, run)
    click.echo(safe(f"{found['id']}  {found['name']}  ({found['type'].lower()}, "
                    f"{found['articles']} article(s))"))
    for form, n in forms:
        click.echo(safe(f"  {n:6}  {form}"))


@actors.command()
@click.argument("target")
@click.argument("sources", nargs=-1, required=True)
@db_option
def merge(target: str, sources: tuple[str, ...], db: str) -> None:
    """Merge the actors SOURCES into TARGET (ids, names or variants)."""
    from ..actors.store import merge as do_merge

    edit = _write(db, lambda store: do_merge(store, target, list(sources)))
    click.echo(safe(_edit_line(edit)))


@actors.command()
@click.argument("actor")
@click.argument("name")
@db_option
def split(actor: str, name: str, db: str) -> None:
    """Split the variants of ACTOR written as NAME into an actor of their own."""
    from ..actors.store import split as do_split

    edit = _write(db, lambda store: do_split(store, actor, name))
    click.echo(safe(_edit_line(edit)))


@actors.command()
@db_option
def history(db: str) -> None:
    """Every merge and split, in order (undone ones marked)."""
    from ..actors.store import history as edits

    for e in read_db(db, edits):
        click.echo(safe(_edit_line(e)))


@actors.command()
@db_option
def undo(db: str) -> None:
    """Undo the latest merge or split still in force (it stays in the history)."""
    from ..actors.store import undo_last

    edit = _write(db, undo_last)
    click.echo(safe("undone: " + _edit_line(edit)))
