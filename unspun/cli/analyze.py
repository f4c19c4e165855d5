"""`unspun analyze`: analyse articles and print their records."""
from __future__ import annotations

import sys

import click

from ..errors import Problem
from ..termsafe import line as clean_line
from ..termsafe import markup as esc
from ..readers import DEFAULT_MAX_CHARS, FORMATS
from .group import cli
from .pipeopts import check_pipeline, pipeline_options

EXIT_SOME_FAILED = 1


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["pretty", "json", "jsonl"]), default=None,
              help="Output: pretty (highlighted text and summary; the default on a terminal), "
                   "json (a JSON array) or jsonl (one record per line; the default when piped).")
@click.option("--input-format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="How to read inputs; auto goes by file extension (.txt .jsonl .json .csv "
                   ".html .parquet) and, for stdin, by the first character.")
@click.option("--workers", "-w", type=click.IntRange(1, 1024), default=1, show_default=True,
              help="Worker processes for analysis (with --engine ray: Ray actors, one CPU "
                   "each); each loads the model once.")
@click.option("--max-chars", type=click.IntRange(1), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Articles longer than this are reported as errors (U107), not analysed.")
@click.option("--components", default=None,
              help="Comma-separated pipeline components to run (default: all).")
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="Do not print errors and warnings on stderr.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: worker processes on this machine; ray: Ray actors (pip install "
                   "'unspun[ray]') on a local Ray or the cluster at --ray-address; needs --out. "
                   "See docs/ray.md.")
@click.option("--ray-address", default=None, metavar="HOST:PORT",
              help="Ray cluster for --engine ray (e.g. 10.0.0.5:6379 or auto); default: a "
                   "local Ray on this machine's cores.")
@click.option("--out", default=None, metavar="DIR|URI",
              help="Write records as shards (records-00000.jsonl ..., 10,000 records each) "
                   "and failures as errors.jsonl in this folder (or s3://... URI) instead of "
                   "printing them.")
@click.option("--out-format", type=click.Choice(["jsonl", "parquet"]), default="jsonl",
              show_default=True, help="Shard format for --out; Parquet shards have id, "
                                      "published, source, title, url, language and record (JSON).")
def analyze(paths: tuple[str, ...], fmt: str | None, input_format: str, workers: int,
            max_chars: int, components: str | None, enable: tuple[str, ...],
            models: tuple[str, ...], quiet: bool,
            engine: str, ray_address: str | None, out: str | None, out_format: str) -> None:
    """Analyse news articles and print one record per article.

    PATHS are files, folders (read recursively, in sorted order), glob
    patterns, or - for standard input.  Inputs: plain text (optionally opening
    with `date YYYY-MM-DD`, `title:`, `source:` and `url:` header lines), JSON
    Lines / JSON / CSV with a text|body|content column (and date|published,
    title, url, source|outlet columns), HTML pages and Parquet files.  In
    folders and glob matches, files of other types (images, PDFs, .db, hidden
    files) are skipped and counted; only regular files and - are read.

    Input that cannot be analysed is reported on stderr with a code
    (U1xx; warnings W2xx) naming the file and line; every other article is
    still analysed.  Exit status: 0 when all inputs were analysed, 1 when
    some failed, 2 for a usage error.

    \b
    Examples:
      unspun analyze examples/trend-2023-09-20-karabakh.txt
      unspun analyze corpus/ --format jsonl --workers 2 > records.jsonl
      cat article.txt | unspun analyze - --format json
      unspun analyze corpus/ --engine ray --workers 8 --out records/
    """
    from rich.console import Console
    from rich.markup import escape

    from ..api import analyze_paths
    from ..readers import InputStats
    from ..render import print_record

    fmt = fmt or ("pretty" if sys.stdout.isatty() else "jsonl")
    names = [c.strip() for c in components.split(",")] if components else None
    check_pipeline(names, enable, models)
    if out or engine == "ray":
        if not out:
            raise click.UsageError("--engine ray writes shards: add --out DIR")
        from .analyze_out import analyze_to_shards

        _, failed = analyze_to_shards(paths, out, out_format=out_format, engine=engine,
                                      address=ray_address, quiet=quiet, workers=workers,
                                      input_format=input_format, max_chars=max_chars,
                                      components=names, models=models, enable=enable)
        sys.exit(EXIT_SOME_FAILED if failed else 0)
    err = Console(stderr=True, highlight=False)
    out = Console(highlight=False)
    failed = analysed = 0
    stats = InputStats()
    first = True
    progress = _progress(paths, input_format, err) if fmt != "pretty" and not quiet \
        and err.is_terminal else None
    if fmt == "json":
        sys.stdout.write("[")
    try:
        for item in analyze_paths(paths, workers=workers, input_format=input_format,
                                  max_chars=max_chars, components=names, models=models,
                                  enable=enable, stats=stats):
            if progress is not None:
                progress.advance(0)
            if isinstance(item, Problem):
                failed += 1
                if not quiet:
                    err.print(f"[red]error[/red] {esc(item)}", markup=True, soft_wrap=True)
                continue
            analysed += 1
            if not quiet:
                for w in item.warnings:
                    err.print(f"[yellow]warning[/yellow] [{w['code']}] "
                              f"{esc(item.meta.get('input', item.id))}: {esc(w['message'])}",
                              markup=True, soft_wrap=True)
            if fmt == "pretty":
                print_record(item, out)
            elif fmt == "jsonl":
                sys.stdout.write(item.to_json() + "\n")
            else:
                sys.stdout.write(("" if first else ",") + "\n" + item.to_json())
            first = False
            sys.stdout.flush()
    except ValueError as exc:
        raise click.UsageError(clean_line(exc)) from None
    except KeyboardInterrupt:
        # what was printed stays valid output; say how far the run got
        err.print(f"interrupted: {analysed} analysed, {failed} failed", highlight=False)
        if fmt == "json":
            sys.stdout.write("\n]\n")
            fmt = "done"
        sys.exit(130)
    finally:
        if progress is not None:
            progress.stop()
        if fmt == "json":
            sys.stdout.write("\n]\n")
    skipped = stats.summary()
    if not quiet and (failed or analysed > 1 or skipped):
        err.print(f"{analysed} analysed, {failed} failed" + (f"; {skipped}" if skipped else ""),
                  highlight=False, markup=False)
    if failed:
        sys.exit(EXIT_SOME_FAILED)



def _progress(paths: tuple[str, ...], input_format: str, console: object) -> object:
    """A progress bar on stderr (count, rate, time left) while records go to stdout."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    from ..ingest import estimate_total

    progress = Progress(TextColumn("analyse"), BarColumn(), MofNCompleteColumn(),
                        TaskProgressColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                        console=console, transient=True, redirect_stdout=False,
                        redirect_stderr=False)
    progress.add_task("analyse", total=estimate_total(paths, input_format))
    progress.start()
    return progress
