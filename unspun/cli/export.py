"""`unspun export`: records and flat tables as files for pandas, R or DuckDB."""
from __future__ import annotations

import click

from ..store.export import FORMATS
from .group import cli
from .output import format_option
from .storeopts import db_option, read_db


@cli.command()
@db_option
@format_option(*FORMATS,
               help="Format of the flat tables (parquet needs: pip install 'unspun[parquet]').")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write into (created if missing; files in it are overwritten).")
def export(db: str, fmt: str, out_dir: str) -> None:
    """Write every stored record and the flat tables to files.

    records.jsonl holds the full records (one JSON object per line).  The flat
    tables articles, entities, mentions, quotes, techniques, frames,
    agencies and errors are written as TABLE.jsonl, TABLE.csv or
    TABLE.parquet; each row carries article_id to join on articles.id.

    \b
    Example:
      unspun export --db news.db --format parquet --out tables/
      duckdb -c "select source, count(*) from 'tables/quotes.parquet' q
                 join 'tables/articles.parquet' a on a.id = q.article_id group by 1"
    """
    files = read_db(db, lambda store: store.export(out_dir, fmt))
    for name, path in files.items():
        click.echo(f"{name}: {path}")
