"""`unspun search` and `unspun who`: ask questions of an ingested corpus."""
from __future__ import annotations

import csv
import sys
from typing import Any

import click

from .group import cli
from .output import echo_json, format_option
from ..termsafe import markup as esc
from ..termsafe import text as safe
from .storeopts import db_option, filter_options, filter_values, marked, read_db

FORMATS = ("table", "json", "csv")


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "json":
        echo_json(rows)
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@cli.command()
@click.argument("query", required=False, default="")
@db_option
@click.option("--kind", type=click.Choice(["article", "quote"]), default="article",
              show_default=True, help="Search whole articles, or quote contents (one hit per "
              "quote, with its speaker).")
@filter_options
@click.option("--limit", type=click.IntRange(0, 10_000), default=20, show_default=True,
              help="At most this many hits.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
              help="Skip this many hits (for paging).")
@format_option(*FORMATS,
               help="table (snippets with matches highlighted), json (a list of hits) or csv.")
def search(query: str, db: str, fmt: str, **filters: Any) -> None:
    """Search the stored articles (or quotes) and list ranked hits with snippets.

    QUERY uses web-search syntax: words (all must occur, in any form: "rise"
    finds "rising"), "exact phrases", OR between words, -word to exclude,
    word* for a prefix.  Other symbols are ignored, so any text is safe to
    paste (a QUERY starting with - goes after --, as in `unspun search --
    -word`).  Without QUERY, the filters alone select hits, newest first.
    Matches in snippets are marked **like this**.  Hits are ranked by
    relevance; a query matching over 10,000 articles (or quotes) lists them
    newest first instead (score empty): add words or filters to rank them.

    \b
    Examples:
      unspun search ceasefire --since 2023-09 --source Reuters
      unspun search '"human shields"' --voice author --format csv > hits.csv
      unspun search --kind quote --speaker Blinken --limit 50
      unspun search --technique loaded_language --voice author --since 2016-01 --until 2016-01
    """
    filters.update(filter_values(filters))
    hits = read_db(db, lambda store: store.search(query or None, **filters))
    columns = ["kind", "article_id", "published", "source", "title", "score", "snippet"]
    if filters["kind"] == "quote":
        columns[5:5] = ["quote_id", "speaker", "quote_kind", "content"]
    if fmt != "table":
        _emit(hits, fmt, columns)
        return
    _table(hits, filters["kind"])


def _table(hits: list[dict[str, Any]], kind: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source")
    table.add_column("speaker" if kind == "quote" else "title", ratio=1)
    table.add_column("quote" if kind == "quote" else "snippet", ratio=3)
    for h in hits:
        who = h.get("speaker") if kind == "quote" else h.get("title")
        table.add_row(safe(h["published"]), safe(h["source"]), safe(who), marked(h["snippet"]))
    console = Console()
    console.print(table)
    console.print(f"{len(hits)} hit(s)", highlight=False)


@cli.command()
@click.argument("name")
@db_option
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="At most this many quotes and this many mentions.")
@format_option("text", "json", help="text (quotes by outlet, then mentions) or json.")
def who(name: str, db: str, limit: int, fmt: str) -> None:
    """Everything NAME said, and what the articles said about them.

    NAME matches any person or organisation (an actor: all the ways the
    corpus writes one name) whose name contains it (case-insensitive): quotes
    attributed to them, counted by outlet and listed by date, then the
    articles' mentions of them in context.

    \b
    Example:
      unspun who "Saken Mukan" --db news.db
    """
    result = read_db(db, lambda store: store.who(name, limit=limit))
    if fmt == "json":
        echo_json(result)
        return
    _who_text(result)


def _who_text(result: dict[str, Any]) -> None:
    from rich.console import Console

    out = Console(highlight=False)
    out.print(f"[bold]{esc(result['name'])}[/bold] matches: "
              f"{esc(', '.join(result['matched_names'])) or 'no stored name'}")
    for actor in result.get("actors", []):
        out.print(safe(f"  {actor['name']} ({actor['id']}): written "
                       f"{', '.join(actor['variants'][:8])}"))
    out.print("\n[bold]Quotes by outlet[/bold]")
    for row in result["quotes_by_source"]:
        dates = f" ({row['first']} to {row['last']})" if row["first"] else ""
        out.print(safe(f"  {row['source'] or '(no source)'}: {row['quotes']}{dates}"))
    for q in result["quotes"]:
        out.print(safe(f"  {q['published'] or '----------'}  {q['source'] or ''}  "
                       f"{q['speaker']} ({q['quote_kind']}): "), end="")
        out.print(safe(q["content"]))
    out.print("\n[bold]Mentioned in[/bold]")
    for row in result["mentioned_by_source"]:
        out.print(safe(f"  {row['source'] or '(no source)'}: {row['articles']} article(s)"))
    for m in result["mentions"]:
        out.print(safe(f"  {m['published'] or '----------'}  {m['source'] or ''}  "), end="")
        out.print(marked(m["context"]))
