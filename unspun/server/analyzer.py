"""Analysing posted text in the server: the spaCy pipeline is loaded once per process.

Analyses run one at a time (the pipeline is CPU-bound and holds one spaCy
model); the first call loads the model, later calls reuse it.
"""
from __future__ import annotations

import threading
from typing import Any

from ..record import Record

_lock = threading.Lock()


def analyze_one(fields: dict[str, Any]) -> Record:
    """``unspun.analyze`` on one posted article (text, published, source, title, url)."""
    from ..api import analyze

    with _lock:
        return analyze(fields["text"], published=fields.get("published"),
                       source=fields.get("source"), title=fields.get("title"),
                       url=fields.get("url"))


def warm_up() -> None:
    """Load the pipeline now (in a background thread at start-up) so the first POST is quick."""
    try:
        analyze_one({"text": "Warm-up sentence for the server."})
    except Exception:  # noqa: BLE001 - a failed warm-up shows up again on the real request
        pass
