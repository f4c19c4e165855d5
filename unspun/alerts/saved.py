"""Saved alerts: a search (query and filters, as `unspun search` takes them) and a target."""
from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from ..errors import Problem, UnspunError
from ..store.query import Filters, check_query
from ..watch.db import query, stamp, transaction

TARGETS = ("file", "command", "webhook")
COLUMNS = ("id", "name", "query", "filters", "min_outlets", "target_kind", "target",
           "allow_private", "paused", "created_at")


def _bad(detail: str) -> UnspunError:
    return UnspunError(Problem.make("U921", "alert", detail=detail))


def check_search(search: str | None, filters: dict[str, Any]) -> tuple[str | None, dict]:
    """The query and the non-empty filters, validated as `unspun search` validates them."""
    kept = {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in filters.items()
            if v not in (None, "", (), [])}
    try:
        q = check_query(search)
        Filters.parse(kind="article", **kept)
    except UnspunError as exc:
        raise _bad(exc.problem.message) from None
    except TypeError as exc:
        raise _bad(str(exc)) from None
    return q, kept


def add_alert(store: Any, name: str, search: str | None = None, *,
              filters: dict[str, Any] | None = None, min_outlets: int | None = None,
              target_kind: str, target: str, allow_private: Collection[str] = ()
              ) -> dict[str, Any]:
    """Save an alert; its matches are recorded from the next stored article on."""
    q, kept = check_search(search, filters or {})
    if not name.strip():
        raise _bad("an alert needs a name")
    if target_kind not in TARGETS or not target.strip():
        raise _bad("give one target: --to-file PATH, --to-command CMD or --to-webhook URL")
    if min_outlets is not None and min_outlets < 2:
        raise _bad("--min-outlets must be 2 or more")
    if q is None and not kept and min_outlets is None:
        raise _bad("an alert needs words to search for, a filter or --min-outlets")
    with transaction(store) as tx:
        if tx.one("SELECT 1 FROM alerts WHERE name = ?", (name,)):
            raise _bad(f"an alert named {name!r} exists; remove it first")
        tx.execute("INSERT INTO alerts (name, query, filters, min_outlets, target_kind, target, "
                   "allow_private, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (name, q, json.dumps(kept, ensure_ascii=False, sort_keys=True), min_outlets,
                    target_kind, target, " ".join(sorted(set(allow_private))), stamp()))
    return get_alert(store, name)


def _row(row: tuple) -> dict[str, Any]:
    alert = dict(zip(COLUMNS, row))
    alert["filters"] = json.loads(alert["filters"])
    return alert


def list_alerts(store: Any, active_only: bool = False) -> list[dict[str, Any]]:
    where = " WHERE paused = 0" if active_only else ""
    alerts = [_row(r) for r in query(store, f"SELECT {', '.join(COLUMNS)} FROM alerts{where} "
                                            "ORDER BY id")]
    counts = dict((r[0], r[1:]) for r in query(
        store, "SELECT alert_id, count(*), count(delivered_at), max(matched_at) "
               "FROM alert_matches GROUP BY alert_id"))
    for alert in alerts:
        matched, delivered, last = counts.get(alert["id"], (0, 0, None))
        alert.update(matches=matched, pending=matched - delivered, last_match=last)
    return alerts


def get_alert(store: Any, ref: str | int) -> dict[str, Any]:
    """An alert by id or name (U920 when none)."""
    text = str(ref).strip()
    rows = query(store, f"SELECT {', '.join(COLUMNS)} FROM alerts WHERE name = ? "
                        f"{'OR id = ?' if text.isdigit() else ''}",
                 (text, int(text)) if text.isdigit() else (text,))
    if not rows:
        raise UnspunError(Problem.make("U920", text, alert=text))
    return _row(rows[0])


def remove_alert(store: Any, ref: str | int) -> dict[str, Any]:
    alert = get_alert(store, ref)
    with transaction(store) as tx:
        tx.execute("DELETE FROM alert_matches WHERE alert_id = ?", (alert["id"],))
        tx.execute("DELETE FROM alerts WHERE id = ?", (alert["id"],))
    return alert
