"""`unspun alerts add|list|test|remove|deliver`: saved searches delivered as they match."""
from __future__ import annotations

from typing import Any

import click

from ..termsafe import line
from .group import cli
from .output import echo_json, format_option, print_table
from .storeopts import db_option, filter_options, filter_values
from .watch import _run, allow_option

@cli.group()
def alerts() -> None:
    """Saved searches: each new article that matches is recorded once and delivered.

    Matches are found as articles are stored (`unspun watch`, `unspun ingest`,
    POST /api/articles) and sent to a JSON Lines file, to a command (the match
    as JSON on its standard input) or to a webhook (POSTed as JSON).

    \b
    Examples:
      unspun alerts add ceasefire '"ceasefire"' --source Reuters --to-file alerts.jsonl
      unspun alerts add big-story --min-outlets 3 --to-command 'notify-send unspun'
      unspun alerts test ceasefire
    """


@alerts.command("add")
@click.argument("name")
@click.argument("query", required=False)
@db_option
@filter_options
@click.option("--min-outlets", type=int, help="Match a story once it has articles from at least "
                                              "N outlets (recorded once per story).")
@click.option("--to-file", "to_file", metavar="PATH", help="Append each match as a JSON line.")
@click.option("--to-command", "to_command", metavar="CMD",
              help="Run CMD (split like a shell would, but never run by one) with each match "
                   "as JSON on its standard input.")
@click.option("--to-webhook", "to_webhook", metavar="URL", help="POST each match as JSON.")
@allow_option
def alerts_add(name: str, query: str | None, db: str, min_outlets: int | None,
               to_file: str | None, to_command: str | None, to_webhook: str | None,
               allow_private: tuple[str, ...], **filters: Any) -> None:
    """Save alert NAME: QUERY (the `unspun search` syntax) and/or filters, and a target."""
    from ..alerts import add_alert

    targets = [(k, v) for k, v in (("file", to_file), ("command", to_command),
                                   ("webhook", to_webhook)) if v]
    kind, target = targets[0] if len(targets) == 1 else ("", "")
    values = filter_values(filters)  # every search filter, from the one specification
    alert = _run(db, lambda store: add_alert(store, name, query, filters=values,
                                             min_outlets=min_outlets, target_kind=kind,
                                             target=target, allow_private=allow_private))
    click.echo(f"alert #{alert['id']} {line(alert['name'])} → {alert['target_kind']} "
               f"{line(alert['target'])}")


@alerts.command("list")
@db_option
@format_option()
def alerts_list(db: str, fmt: str) -> None:
    """Saved alerts with their matches (recorded, still to deliver, last)."""
    from ..alerts import list_alerts

    found = _run(db, list_alerts)
    if fmt == "json":
        echo_json(found)
        return

    def search(a: dict[str, Any]) -> str:
        return " ".join([a["query"] or ""] + [f"--{k} {v}" for k, v in a["filters"].items()]
                        + ([f"--min-outlets {a['min_outlets']}"] if a["min_outlets"] else []))

    print_table(("id", "alert", "search", "target", "matches", "pending", "last match"),
                ((a["id"], a["name"], search(a).strip(), f"{a['target_kind']}: {a['target']}",
                  a["matches"], a["pending"], a["last_match"] or "never") for a in found),
                "no alerts yet: unspun alerts add NAME QUERY --to-file F")


@alerts.command("test")
@click.argument("alert")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="Hits to show.")
def alerts_test(alert: str, db: str, limit: int) -> None:
    """What ALERT's search finds among the stored articles now (nothing is recorded or sent)."""
    from ..alerts import preview_alert

    found = _run(db, lambda store: preview_alert(store, alert, limit=limit), readonly=True)
    for hit in found["hits"]:
        click.echo(f"{line(hit.get('published') or '')}  {line(hit.get('source') or '')}  "
                   f"{line(hit.get('title') or hit['article_id'])}")
    click.echo(f"{len(found['hits'])} stored articles match {line(found['alert']['name'])}")


@alerts.command("remove")
@click.argument("alert")
@db_option
def alerts_remove(alert: str, db: str) -> None:
    """Delete ALERT (its id or name) and its recorded matches."""
    from ..alerts import remove_alert

    gone = _run(db, lambda store: remove_alert(store, alert))
    click.echo(f"removed alert #{gone['id']} {line(gone['name'])}")


@alerts.command("deliver")
@db_option
def alerts_deliver(db: str) -> None:
    """Send the recorded matches not delivered yet (watch does this after every round)."""
    from ..alerts import deliver_pending

    counts = _run(db, deliver_pending)
    click.echo(f"delivered {counts['delivered']}, failed {counts['failed']}")
