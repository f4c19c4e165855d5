"""`unspun stories` (group stored articles into stories, list them) and `unspun compare`."""
from __future__ import annotations

from typing import Any

import click

from ..store import StoreError
from ..stories.cluster import THRESHOLD_DATED, THRESHOLD_UNDATED, WINDOW_DAYS
from .group import cli
from .output import echo_json, format_option, print_table
from .storeopts import date_option, db_option, fail, open_db, read_db


def _run_assign(store: Any, quiet: bool, **options: Any) -> dict[str, Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..stories import assign

    if quiet:
        return assign(store, **options)
    with Progress(TextColumn("stories"), BarColumn(), MofNCompleteColumn(),
                  transient=True) as progress:
        task = progress.add_task("stories", total=None)
        return assign(store, on_progress=lambda done, total: progress.update(
            task, completed=done, total=total), **options)


@cli.command()
@db_option
@date_option("--since", help="Only stories active on or after YYYY-MM-DD (and only assign new "
             "articles published then or later).")
@date_option("--until", help="Only stories that began on or before YYYY-MM-DD.")
@click.option("--min-articles", type=int, default=1, show_default=True,
              help="Hide stories with fewer articles (2 shows only stories told more than once).")
@click.option("--limit", type=int, default=30, show_default=True, help="Stories to list.")
@click.option("--threshold", type=float, default=None,
              help="Cosine similarity an article needs to join a story; higher makes smaller, "
                   f"tighter stories. Default: {THRESHOLD_DATED} for dated articles (chosen on "
                   f"PolNeAR), {THRESHOLD_UNDATED} for undated ones (chosen on WikiRef220, whose "
                   "groups are broad topics).")
@click.option("--window", type=int, default=WINDOW_DAYS, show_default=True,
              help="Days around an article's date in which it looks for its story.")
@click.option("--no-assign", is_flag=True,
              help="Only list; do not group newly stored articles first (opens the database "
                   "read-only).")
@format_option()
@click.option("--multilingual", is_flag=True,
              help="Group by multilingual sentence embeddings, so articles on one event in "
                   "different languages join one story (needs the multilingual extra). "
                   "Without it, stories stay per language.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def stories(db: str, since: str | None, until: str | None, min_articles: int, limit: int,
            threshold: float | None, window: int, no_assign: bool, fmt: str, quiet: bool,
            multilingual: bool) -> None:
    """Group stored articles into stories and list them.

    Articles stored since the last run join the most similar story near their
    date (TF-IDF of the text, names and dateline; within --window days) or
    start new ones; earlier assignments are never recomputed, so running this
    after every ingest is cheap. Articles that share near-duplicate paragraphs
    (the same wire copy) are linked on the way. Lists each story's id, title,
    date span, outlets and article count; see one with `unspun compare ID`.

    \b
    Examples:
      unspun stories --db news.db --min-articles 2
      unspun stories --since 2016-09-01 --format json
    """
    from ..stories import list_stories
    from ..stories.multilingual import available

    if multilingual and not no_assign and not available():
        raise click.ClickException("--multilingual needs the multilingual extra: "
                                   "pip install 'unspun[multilingual]'")
    store = open_db(db, readonly=no_assign)
    try:
        summary = None
        if not no_assign:
            summary = _run_assign(store, quiet or fmt == "json", threshold=threshold,
                                  window=window, since=since, multilingual=multilingual)
        rows = list_stories(store, since=since, until=until, min_articles=min_articles,
                            limit=limit)
    except StoreError as exc:
        raise fail(exc) from None
    finally:
        store.close()
    if fmt == "json":
        echo_json({"assigned": summary, "stories": rows})
        return
    _table(rows, summary)


def _table(rows: list[dict[str, Any]], summary: dict[str, Any] | None) -> None:
    if summary and summary["assigned"]:
        from rich.console import Console

        Console().print(f"grouped {summary['assigned']:,} new articles: {summary['joined']:,} "
                        f"joined stories, {summary['new_stories']:,} started new ones, "
                        f"{summary['wire_links']:,} wire-copy links ({summary['seconds']}s)")

    def dates(s: dict[str, Any]) -> str:
        span = s["first_published"] or "undated"
        if s["last_published"] and s["last_published"] != s["first_published"]:
            span += f" – {s['last_published']}"
        return span

    def outlets(s: dict[str, Any]) -> str:
        names = ", ".join(f"{o['source'] or '(unknown)'} ({o['articles']})"
                          for o in s["outlets"][:6])
        return names + (f", +{len(s['outlets']) - 6} more" if len(s["outlets"]) > 6 else "")

    print_table(("id", "story", "dates", "articles", "outlets"),
                ((s["id"], s["title"], dates(s), s["articles"], outlets(s)) for s in rows),
                "no stories yet: ingest articles, then run `unspun stories`")


@cli.command()
@click.argument("story_id")
@db_option
@click.option("--max-articles", type=int, default=500, show_default=True,
              help="Read at most this many articles of the story (the earliest).")
@format_option("text", "json", help="Output format (json: the same dict as the Python "
                                   "API unspun.stories.compare).")
def compare(story_id: str, db: str, max_articles: int, fmt: str) -> None:
    """How each outlet covered one story (STORY_ID from `unspun stories`).

    Per outlet: its language (each language, with its articles, when it wrote
    the story in several), its articles and when it first published; whom it quoted, with
    their share of its quoted words, and whom other outlets quoted but it did
    not; the words and phrases it used more than the others (log-odds with an
    informative Dirichlet prior, Monroe et al. 2008), each with a sentence as
    evidence; persuasion techniques per 1,000 words in the author's voice and
    in quotes; frames; tone (VADER). Also which articles reproduce the same
    wire copy, and the agencies they credit.

    \b
    Examples:
      unspun compare 12 --db news.db
      unspun compare 12 --format json > story12.json
    """
    from ..stories import compare as compare_story

    result = read_db(db, lambda store: compare_story(store, story_id, max_articles=max_articles))
    if fmt == "json":
        echo_json(result)
        return
    from .stories_view import show

    show(result)
