"""`unspun stats`: corpus statistics by outlet, month, speaker or technique."""
from __future__ import annotations

import click

from ..store.base import STATS_BY
from .group import cli
from .output import format_option
from .search import _emit
from ..termsafe import text as safe
from .storeopts import db_option, read_db

HEADERS = {"techniques_author": "tech.\nauthor", "techniques_quoted": "tech.\nquoted",
           "author_per_1k_words": "author\n/1k words", "quoted_per_1k_words": "quoted\n/1k words",
           "top_frames": "top frames", "per_1k_words": "per\n1k words", "speakers": "speak-\ners"}


@cli.command()
@db_option
@click.option("--by", type=click.Choice(STATS_BY), default=None,
              help="Group by outlet, month (YYYY-MM), speaker or technique; default: one row "
                   "for the whole corpus.")
@format_option("table", "csv", "json",
               help="table, csv (one row per group, with a header) or json.")
@click.option("--unresolved", is_flag=True,
              help="With --by speaker: also list the speakers that name no person or "
                   "organisation: pronouns left unresolved, as 'unresolved (he)', and "
                   "groups, as 'group (officials)' (left out of the ranking by default).")
def stats(db: str, by: str | None, fmt: str, unresolved: bool) -> None:
    """Counts over the stored corpus.

    Without --by, or --by source|month: articles, words, quotes, distinct
    speakers, persuasion techniques in the author's voice and in quoted
    voices (counts and per 1,000 words) and the most frequent frames.
    --by speaker: quotes, articles, outlets and first/last date per speaker,
    one row per actor (the variants of a name are one person or organisation:
    see `unspun actors`); speakers left as pronouns and groups ("Democrats",
    "officials") are left out unless --unresolved.
    --by technique: uses per technique, by voice, and per 1,000 words.

    \b
    Examples:
      unspun stats --by source
      unspun stats --by month --format csv > months.csv
    """
    if unresolved and by != "speaker":
        raise click.UsageError("--unresolved goes with --by speaker")
    rows = read_db(db, lambda store: store.stats(by, unresolved=unresolved))
    columns = list(rows[0]) if rows else []
    if fmt != "table":
        _emit(rows, fmt, columns)
        return
    from rich.console import Console
    from rich.table import Table

    if len(rows) == 1:  # one group (the whole corpus): one line per figure reads best
        table = Table("figure", "value")
        for key, value in rows[0].items():
            table.add_row(key.replace("_", " "), safe(value))
        Console().print(table)
        return
    table = Table()
    for col in columns:
        text = isinstance(rows[0][col], str) or rows[0][col] is None
        table.add_column(HEADERS.get(col, col.replace("_", " ")),
                         justify="left" if text else "right",
                         no_wrap=col != "top_frames", overflow="fold",
                         min_width=max(len(str(r[col])) for r in rows) if text else None)
    for row in rows:
        table.add_row(*(safe(v) for v in row.values()))
    console = Console()
    if not console.is_terminal:  # piped: never squeeze the columns to 80 characters
        console = Console(width=200)
    console.print(table)
