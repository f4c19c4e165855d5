"""How the listing commands print: ``--format``, JSON as it is, a table of cleaned cells.

JSON keeps the exact text (it is data); every table cell goes through
:func:`unspun.termsafe.text`, so untrusted names and titles never steer the terminal
nor break rich's markup.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click


def format_option(*choices: str,
                  help: str = "Output format.") -> Callable[[Callable], Callable]:
    """``--format`` (as ``fmt``): one of ``choices`` (``table`` and ``json`` when none are
    given), the first by default."""
    choices = choices or ("table", "json")
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=choices[0],
                        show_default=True, help=help)


def echo_json(data: Any) -> None:
    """``data`` as indented JSON, non-ASCII text kept as it is."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], empty: str) -> None:
    """A rich table of ``rows`` (each cell cleaned for the terminal), or ``empty`` when there
    are none."""
    from rich.console import Console
    from rich.table import Table

    from ..termsafe import text as safe

    table = Table(*columns)
    for row in rows:
        table.add_row(*(safe(cell) for cell in row))
    Console().print(table if table.row_count else empty)
