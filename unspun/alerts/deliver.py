"""Delivering recorded matches: a JSON Lines file, a command's stdin, or a webhook.

Matches are recorded in the transaction that stores the article (exactly once); delivery
runs after it commits. A match is marked delivered once its target took it, so a
delivery cut off (a crash, a failing target) is retried on the next round: a target may
see a match twice after a crash, never zero times. Each payload carries ``match_id``
for a receiver that must drop repeats.
"""
from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..fetch import FetchError, HttpClient
from ..watch.db import query, stamp, transaction

COMMAND_TIMEOUT = 30.0
MAX_ATTEMPTS = 10
BATCH = 200


def _to_file(target: str, line: str) -> None:
    path = Path(target).expanduser()
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _to_command(target: str, line: str) -> None:
    argv = shlex.split(target)  # never through a shell: the payload is untrusted text
    try:
        done = subprocess.run(argv, input=line + "\n", text=True, capture_output=True,
                              timeout=COMMAND_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeError(f"command {argv[0] if argv else target!r}: {exc}") from None
    if done.returncode != 0:
        tail = (done.stderr or "").strip().splitlines()[-1:] or [""]
        raise RuntimeError(f"command exited {done.returncode}: {tail[0][:200]}")


def _to_webhook(target: str, line: str, allow_private: str) -> None:
    client = HttpClient(allow_private=allow_private.split(), timeout=15.0)
    try:
        client.post(target, line.encode("utf-8"))
    except FetchError as exc:
        raise RuntimeError(str(exc)) from None


def deliver_one(alert: dict[str, Any], payload: dict[str, Any]) -> None:
    """Send one payload to the alert's target; raises RuntimeError when it fails."""
    line = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    kind, target = alert["target_kind"], alert["target"]
    try:
        if kind == "file":
            _to_file(target, line)
        elif kind == "command":
            _to_command(target, line)
        elif kind == "webhook":
            _to_webhook(target, line, alert.get("allow_private") or "")
        else:
            raise RuntimeError(f"unknown target kind {kind!r}")
    except OSError as exc:
        raise RuntimeError(f"{type(exc).__name__}: {exc}") from None


def deliver_pending(store: Any) -> dict[str, int]:
    """Deliver every recorded, undelivered match; returns delivered and failed counts."""
    from .saved import COLUMNS

    rows = query(store, "SELECT m.id, m.payload, " + ", ".join(f"al.{c}" for c in COLUMNS) +
                 " FROM alert_matches m JOIN alerts al ON al.id = m.alert_id WHERE "
                 "m.delivered_at IS NULL AND m.attempts < ? ORDER BY m.id LIMIT ?",
                 (MAX_ATTEMPTS, BATCH))
    counts = {"delivered": 0, "failed": 0}
    for row in rows:
        match_id, payload = row[0], json.loads(row[1])
        alert = dict(zip(COLUMNS, row[2:]))
        payload["match_id"] = match_id
        try:
            deliver_one(alert, payload)
        except RuntimeError as exc:
            counts["failed"] += 1
            problem = Problem.make("U922", alert["name"], detail=str(exc)[:400])
            with transaction(store) as tx:
                tx.execute("UPDATE alert_matches SET attempts = attempts + 1, error = ? "
                           "WHERE id = ?", (str(problem), match_id))
            continue
        counts["delivered"] += 1
        with transaction(store) as tx:
            tx.execute("UPDATE alert_matches SET delivered_at = ?, attempts = attempts + 1, "
                       "error = NULL WHERE id = ?", (stamp(), match_id))
    return counts
