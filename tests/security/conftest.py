"""Shared helpers for the attack tests: run the real `unspun` command in a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m unspun ARGS`` as a real process; output as text (UTF-8)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100", **(env or {})}
    return subprocess.run([sys.executable, "-m", "unspun", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout)
