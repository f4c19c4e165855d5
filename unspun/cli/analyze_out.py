"""`unspun analyze --out DIR`: records as shard files, on the local or the Ray engine."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from typing import Any

import click

from ..errors import Problem, UnspunError
from ..record import Record
from ..termsafe import line as clean_line
from ..termsafe import markup as esc


def _items(paths: Sequence[str], engine: str, address: str | None, stack: ExitStack,
           **options: Any) -> Iterator[Record | Problem]:
    if engine == "ray":
        from ..engines.ray_engine import ray_analyze, ray_session

        stack.enter_context(ray_session(address))
        return ray_analyze(paths, **options)
    from ..api import analyze_paths

    return analyze_paths(paths, **options)


def analyze_to_shards(paths: Sequence[str], out: str, *, out_format: str, engine: str,
                      address: str | None, quiet: bool, **options: Any) -> tuple[int, int]:
    """Analyse ``paths`` and write shards under ``out``; (records written, inputs failed).

    ``options`` are those of :func:`unspun.api.analyze_paths` (workers,
    input_format, max_chars, components, models).  Problems are printed on
    stderr (unless ``quiet``) and written to ``out/errors.jsonl``.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..engines.shards import ShardWriter
    from ..ingest import estimate_total

    err = Console(stderr=True, highlight=False)
    total = None if quiet else estimate_total(paths, options.get("input_format", "auto"))
    progress = Progress(TextColumn("analyse"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=quiet)
    failed = 0
    try:
        with ExitStack() as stack, progress, ShardWriter(out, out_format) as writer:
            task = progress.add_task("analyse", total=total)
            for n, item in enumerate(_items(paths, engine, address, stack, **options), 1):
                writer.add(item)
                if isinstance(item, Problem):
                    failed += 1
                    if not quiet:
                        progress.console.print(f"[red]error[/red] {esc(item)}", markup=True,
                                               soft_wrap=True)
                progress.update(task, completed=n, total=max(total, n) if total else None)
    except UnspunError as exc:
        raise click.ClickException(clean_line(exc)) from None
    if not quiet:
        err.print(f"{writer.records} analysed, {failed} failed; {len(writer.shards)} "
                  f"{out_format} shard(s) in {out}")
    return writer.records, failed
