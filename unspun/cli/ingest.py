"""`unspun ingest`: analyse articles and store them in a database."""
from __future__ import annotations

import sys
from typing import Any

import click

from ..readers import DEFAULT_MAX_CHARS, FORMATS
from ..errors import UnspunError
from ..store import StoreError
from ..termsafe import line
from .group import cli
from .pipeopts import check_pipeline, pipeline_options
from .storeopts import db_option, fail, open_db

EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130


def _progress(total: int | None, quiet: bool) -> Any:
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True)
    return Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]:>6.1f}/s"), TextColumn("ETA"),
                    TimeRemainingColumn(), TimeElapsedColumn(),
                    TextColumn("failed {task.fields[failed]}"), console=console,
                    disable=quiet, transient=False), total


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-w", type=click.IntRange(1, 1024), default=1, show_default=True,
              help="Worker processes for analysis (with --engine ray: Ray actors, one CPU "
                   "each, anywhere in the cluster); storing is done by this process alone.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=64, show_default=True,
              help="Records per database transaction (also written at least every 2 s).")
@click.option("--input-format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="How to read inputs; auto goes by file extension.")
@click.option("--max-chars", type=click.IntRange(1), default=DEFAULT_MAX_CHARS,
              show_default=True, help="Longer articles are recorded as errors (U107).")
@click.option("--components", default=None,
              help="Comma-separated pipeline components to run (default: all).")
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the final summary.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: worker processes on this machine; ray: Ray actors (pip install "
                   "'unspun[ray]'), on a local Ray or the cluster at --ray-address, with "
                   "--workers actors. Inputs may then also be Parquet files or URIs "
                   "(s3://, gs://, hdfs://...). See docs/ray.md.")
@click.option("--ray-address", default=None, metavar="HOST:PORT",
              help="Ray cluster to run on with --engine ray (e.g. 10.0.0.5:6379 or auto); "
                   "default: start a local Ray on this machine's cores.")
def ingest(paths: tuple[str, ...], db: str, workers: int, batch_size: int, input_format: str,
           max_chars: int, components: str | None, enable: tuple[str, ...],
           models: tuple[str, ...], quiet: bool, engine: str,
           ray_address: str | None) -> None:
    """Analyse articles and store their records in a database.

    PATHS are files, folders, globs or - (the same inputs as `unspun analyze`).
    The database's own files (and, in folders, files of other types) are
    never read as input: `cd corpus && unspun ingest .` works.
    Articles already in the database are skipped without being analysed
    again (ids are stable: the same text and metadata give the same id), so
    an interrupted ingest (Ctrl-C, kill -9, power loss) is resumed by running
    the same command again: nothing is lost, nothing is stored twice.
    Records are written in transactions of --batch-size; inputs that cannot
    be analysed are stored in the `errors` table and summarised at the end.
    Two ingests into one SQLite file take turns (each waits up to 60 s for
    the other's batch); into PostgreSQL they run side by side.

    Exit status: 0 when every input was stored, 1 when some failed, 130
    when interrupted (run it again to resume).

    \b
    Examples:
      unspun ingest corpus/ --db news.db --workers 2
      unspun ingest feeds/*.jsonl --db postgresql://me@localhost/news
      unspun ingest s3://news/2015/ --engine ray --ray-address auto --workers 64 \
        --db postgresql://me@dbhost/news
    """
    from ..ingest import estimate_total, own_files
    from ..ingest import ingest as run_ingest

    names = [c.strip() for c in components.split(",")] if components else None
    check_pipeline(names, enable, models)
    store = open_db(db, readonly=False)
    progress, total = _progress(None if quiet else estimate_total(paths, input_format,
                                                                     own_files(store)), quiet)
    try:
        with progress:
            task = progress.add_task("ingest", total=total, rate=0.0, failed=0)

            def update(summary: Any) -> None:
                if summary.done % 4 and summary.done != (total or -1):
                    return
                elapsed = max(progress.tasks[0].elapsed or 0.0, 1e-6)
                progress.update(task, completed=summary.done, failed=summary.failed,
                                rate=summary.done / elapsed,
                                total=max(total or 0, summary.done) if total else None)

            if engine == "ray":
                from ..engines.ray_engine import ingest_with_ray as run_ingest  # noqa: F811
            summary = run_ingest(paths, store, workers=workers, input_format=input_format,
                                 max_chars=max_chars, components=names, enable=enable,
                                 models=models, batch_size=batch_size, on_progress=update,
                                 **({"address": ray_address, "target": db} if engine == "ray"
                                    else {"handle_signals": True}))
            update(summary)
    except (StoreError, UnspunError) as exc:
        raise fail(exc) from None
    except ValueError as exc:
        raise click.UsageError(line(exc)) from None
    finally:
        store.close()
    _report(summary, db)


def _report(summary: Any, db: str) -> None:
    click.echo(line(summary.line()), err=True)
    for example in getattr(summary, "examples", []):
        click.echo(f"  error {line(example)}", err=True)
    if summary.failed > len(getattr(summary, "examples", [])):
        click.echo(f"  ... and {summary.failed - len(summary.examples):,} more", err=True)
    if summary.failed:
        how = "unspun export" if "://" in db else f"sqlite3 {line(db)} 'select * from errors'"
        click.echo(f"all failures are in the errors table of the database ({how})", err=True)
    if summary.interrupted:
        click.echo("interrupted: run the same command again to resume", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)
