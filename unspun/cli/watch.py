"""`unspun sources add|list|remove|pause|resume|import` and `unspun watch`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import UnspunError
from ..termsafe import line
from .group import cli
from .output import echo_json, format_option, print_table
from .storeopts import StoreFailure, db_option, use_db

MAX_OPML_BYTES = 20_000_000
ALLOW_HELP = ("Allow this host to resolve to a private, loopback or link-local address "
              "(an intranet server, a local test server); repeat for more hosts. Refused by "
              "default.")


def _every(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from ..watch import parse_every

    try:
        return parse_every(value)
    except UnspunError as exc:
        raise click.BadParameter(str(exc)) from None


def allow_option(func: Any) -> Any:
    return click.option("--allow-private", "allow_private", multiple=True, metavar="HOST",
                        help=ALLOW_HELP)(func)


def _run(db: str, action: Any, readonly: bool = False) -> Any:
    return use_db(db, action, readonly=readonly, errors=UnspunError)


@cli.group()
def sources() -> None:
    """Follow outlets: the feeds, sitemaps and home pages `unspun watch` fetches.

    \b
    Examples:
      unspun sources add https://example.org/rss.xml --every 15m --db news.db
      unspun sources add https://example.org/ --name "Example"   # finds the page's feed
      unspun sources import feeds.opml --db news.db
      unspun sources list --db news.db
    """


@sources.command("add")
@click.argument("url")
@db_option
@click.option("--name", help="The outlet's name, stored as each article's source (default: the "
                             "feed's title, else the page's site name).")
@click.option("--every", default="15m", show_default=True, callback=_every,
              help="How often to fetch it: 90s, 15m, 2h, 1d.")
@allow_option
def sources_add(url: str, db: str, name: str | None, every: int,
                allow_private: tuple[str, ...]) -> None:
    """Follow URL: an RSS, Atom or JSON feed, a sitemap, or a home page that links a feed.

    The URL is fetched once now to find out which (and to find a home page's feed).
    """
    from ..watch import add_source

    source = _run(db, lambda store: add_source(store, url, name=name, every=every,
                                               allow_private=allow_private))
    click.echo(f"following #{source['id']} {line(source['feed_url'])} ({source['kind']}, "
               f"{line(source['name'] or 'unnamed')}, every {source['every_seconds']}s)")


@sources.command("import")
@click.argument("opml", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--every", default="15m", show_default=True, callback=_every,
              help="How often to fetch each feed.")
@allow_option
def sources_import(opml: Path, db: str, every: int, allow_private: tuple[str, ...]) -> None:
    """Follow every feed of an OPML file (as feed readers export them)."""
    from ..fetch import FetchError, read_opml
    from ..watch import add_source

    try:
        with open(opml, "rb") as fh:
            feeds = read_opml(fh.read(MAX_OPML_BYTES), str(opml))
    except (OSError, FetchError) as exc:
        raise StoreFailure(str(exc)) from None

    def add_all(store: Any) -> int:
        added = 0
        for feed in feeds:
            try:
                source = add_source(store, feed.url, name=feed.title, every=every,
                                    allow_private=allow_private)
                click.echo(f"following #{source['id']} {line(source['feed_url'])}")
                added += 1
            except UnspunError as exc:  # one bad feed does not stop the import
                click.echo(f"skipped {line(feed.url)}: {line(exc)}", err=True)
        return added

    added = _run(db, add_all)
    click.echo(f"imported {added} of {len(feeds)} feeds")
    if added < len(feeds):
        sys.exit(1)


@sources.command("list")
@db_option
@format_option()
def sources_list(db: str, fmt: str) -> None:
    """Followed sources with their status: last fetch, next due time, errors, counts."""
    from ..watch import list_sources

    rows = _run(db, list_sources)
    if fmt == "json":
        echo_json(rows)
        return

    def status(s: dict[str, Any]) -> str:
        return "paused" if s["paused"] else (
            f"{s['error_code']} ({s['failures']}x): {s['error']}" if s["error_code"]
            else ("ok" if s["last_ok_at"] else "new"))

    print_table(("id", "source", "kind", "every", "last fetch", "next due", "status",
                 "articles"),
                ((s["id"], f"{s['name'] or ''}\n{s['feed_url']}", s["kind"],
                  f"{s['every_seconds']}s", s["last_fetch_at"] or "never", s["due_at"],
                  status(s), s["articles"]) for s in rows),
                "no sources yet: unspun sources add URL")


@sources.command("remove")
@click.argument("source")
@db_option
def sources_remove(source: str, db: str) -> None:
    """Stop following SOURCE (its id or URL); stored articles stay."""
    from ..watch import remove_source

    gone = _run(db, lambda store: remove_source(store, source))
    click.echo(f"removed #{gone['id']} {line(gone['feed_url'])}")


@sources.command("pause")
@click.argument("source")
@db_option
@click.option("--resume", is_flag=True, help="Resume a paused source instead (due at once).")
def sources_pause(source: str, db: str, resume: bool) -> None:
    """Pause SOURCE (its id or URL): `watch` skips it until resumed."""
    from ..watch import pause_source

    row = _run(db, lambda store: pause_source(store, source, paused=not resume))
    click.echo(f"{'paused' if row['paused'] else 'resumed'} #{row['id']} {line(row['feed_url'])}")


@cli.command()
@db_option
@click.option("--once", is_flag=True, help="One round over the due sources, then exit (for cron "
                                           "or a systemd timer).")
@click.option("--workers", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Feeds and pages fetched at once (threads); analysis and storing run in "
                   "this process.")
@allow_option
@click.option("--delay", type=float, default=1.0, show_default=True,
              help="Seconds between two requests to one host (robots.txt Crawl-delay wins "
                   "when longer).")
@click.option("--timeout", type=float, default=20.0, show_default=True,
              help="Seconds one fetch may take in all, redirects included.")
@click.option("--max-items", type=click.IntRange(1), default=100, show_default=True,
              help="New articles fetched per source per round; the rest come next round.")
@click.option("--all", "all_sources", is_flag=True,
              help="Fetch every unpaused source in the first round, due or not.")
@click.option("--no-stories", is_flag=True, help="Do not assign stories as articles are stored "
                                                 "(run `unspun stories` later).")
@click.option("--quiet", "-q", is_flag=True, help="No status line; only the round summaries.")
def watch(db: str, once: bool, workers: int, allow_private: tuple[str, ...], delay: float,
          timeout: float, max_items: int, all_sources: bool, no_stories: bool,
          quiet: bool) -> None:
    """Fetch due sources, store new articles, assign stories; loop until stopped.

    Each source is fetched when due (its --every), with conditional GET
    (ETag / Last-Modified: an unchanged feed answers 304), robots.txt, a pause
    between requests to one host, and retries with backoff; a failing source
    records its error and is retried later, less often. New items (by GUID and
    canonical URL) have their pages fetched, extracted, analysed and stored
    with their story, each exactly once: stopping it (Ctrl-C, SIGTERM, even
    kill -9) loses nothing, and the next round resumes.

    \b
    Examples:
      unspun watch --db news.db
      unspun watch --once --db news.db      # from cron
    """
    import threading

    from ..watch import WatchOptions
    from ..watch import watch as run_watch
    from ..watch.runner import StopSignals

    options = WatchOptions(workers=workers, allow_private=allow_private, delay=delay,
                           timeout=timeout, max_items=max_items, stories=not no_stories,
                           all_sources=all_sources)
    tty = sys.stderr.isatty() and not quiet
    stop = threading.Event()
    signals = StopSignals(stop)

    def status(stats: Any) -> None:
        if tty:
            sys.stderr.write("\r\x1b[K" + stats.line())
            sys.stderr.flush()

    def summary(stats: Any) -> None:
        sys.stderr.write(("\r\x1b[K" if tty else "") + stats.line() + "\n")
        sys.stderr.flush()

    if tty:
        sys.stderr.write("loading the analysis pipeline…")
        sys.stderr.flush()
    try:
        _run(db, lambda store: run_watch(store, once=once, options=options, on_status=status,
                                         on_round=summary, stop=stop))
    except KeyboardInterrupt:
        sys.stderr.write("\nstopped\n")
        sys.exit(130)
    finally:
        signals.restore()
