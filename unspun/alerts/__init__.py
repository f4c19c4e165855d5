"""Alerts: saved searches whose new matches are recorded once each and delivered to a
JSON Lines file, a command's stdin or a webhook (`unspun alerts`).

Matching runs where articles are stored (``unspun watch``, ``unspun ingest``, ``POST
/api/articles``), inside the transaction that stores each article: see :mod:`.match`.
"""
from __future__ import annotations

from typing import Any

from ..record import Record
from .match import article_matches, record_matches
from .saved import add_alert, get_alert, list_alerts, remove_alert


def deliver_pending(store: Any) -> dict[str, int]:
    """Send recorded, undelivered matches; see :mod:`.deliver` (loaded on first use: the
    store imports this package's schema whenever it opens)."""
    from .deliver import deliver_pending as deliver

    return deliver(store)

__all__ = ["add_alert", "list_alerts", "get_alert", "remove_alert", "preview_alert",
           "deliver_pending", "record_matches", "article_matches",
           "matcher"]


def matcher(store: Any):  # noqa: ANN201 - a StoredHook
    """A hook ``(tx, record, source)`` recording the matches of the store's active alerts
    (read once, when the first article is stored)."""
    alerts: list[dict[str, Any]] | None = None

    def hook(tx: Any, record: Record, source: dict | None = None) -> None:
        nonlocal alerts
        if alerts is None:
            alerts = list_alerts(store, active_only=True)
        if alerts:
            record_matches(tx, store.dialect, alerts, record, source)

    return hook


def preview_alert(store: Any, ref: str | int, limit: int = 20) -> dict[str, Any]:
    """What the alert's saved search finds among stored articles now (nothing is recorded)."""
    alert = get_alert(store, ref)
    hits = store.search(alert["query"], **alert["filters"], limit=limit)
    return {"alert": alert, "hits": hits}
