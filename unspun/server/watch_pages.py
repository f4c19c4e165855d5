"""The monitoring pages: followed sources (status, last fetch, errors) and alerts (their
searches, targets and recent matches). Read-only: sources and alerts are managed with
`unspun sources` and `unspun alerts`.

An alert's target can hold a secret (a webhook's token, a command's arguments, a private
path), so pages show only its kind and where it goes in general: a webhook's host, a
command's program name, a file's name.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..watch.db import query
from ..watch.sources import COLUMNS as SOURCE_COLUMNS
from .pages import render

router = APIRouter(include_in_schema=False)
RECENT = 10


def source_rows(store: Any) -> list[dict[str, Any]]:
    rows = [dict(zip(SOURCE_COLUMNS, r)) for r in query(
        store, f"SELECT {', '.join(SOURCE_COLUMNS)} FROM watch_sources ORDER BY id")]
    for r in rows:
        r["status"] = ("paused" if r["paused"] else "error" if r["error_code"]
                       else "ok" if r["last_ok_at"] else "new")
    return rows


def public_target(kind: str, target: str) -> str:
    """Where an alert goes, without the parts that may be secret."""
    if kind == "webhook":
        return urlsplit(target).hostname or "webhook"
    if kind == "command":
        first = target.strip().split()[0] if target.strip() else ""
        return PurePath(first).name or "command"
    return PurePath(target).name or "file"


def alert_rows(store: Any) -> list[dict[str, Any]]:
    cols = ("id", "name", "query", "filters", "min_outlets", "target_kind", "target", "paused")
    alerts = [dict(zip(cols, r)) for r in query(
        store, f"SELECT {', '.join(cols)} FROM alerts ORDER BY id")]
    for a in alerts:
        a["filters"] = json.loads(a["filters"] or "{}")
        a["where"] = public_target(a["target_kind"], a.pop("target"))
        counts = query(store, "SELECT count(*), count(delivered_at), max(matched_at), "
                              "max(error) FROM alert_matches WHERE alert_id = ?", (a["id"],))[0]
        a["matches"], a["delivered"], a["last_match"], a["error"] = counts
        a["recent"] = [json.loads(r[0]) for r in query(
            store, "SELECT payload FROM alert_matches WHERE alert_id = ? ORDER BY id DESC "
                   "LIMIT ?", (a["id"], RECENT))]
    return alerts


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    """Followed sources: kind, interval, last fetch, next due time, error state, counts."""
    with request.app.state.pool.reader() as store:
        rows = source_rows(store)
    return render(request, "sources.html", rows=rows)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request) -> HTMLResponse:
    """Saved alerts, their matches and the latest ones."""
    with request.app.state.pool.reader() as store:
        alerts = alert_rows(store)
    return render(request, "alerts.html", alerts=alerts)
