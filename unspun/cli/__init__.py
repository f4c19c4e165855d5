"""The command line: thin click commands over the Python API, one module per command."""
from __future__ import annotations

import importlib

from .group import cli

# each module registers its commands on `cli`; modules added by later features are optional
for _name in ("analyze", "train", "ingest", "search", "stats", "export", "serve", "stories",
              "watch", "alerts", "actors"):
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    cli(prog_name="unspun")


__all__ = ["cli", "main"]
