"""The top-level `unspun` command group; each command lives in its own module."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="unspun")
def cli() -> None:
    """unspun: shows how the news is spun.

    Give it news articles and it returns, for each, an evidence-linked record:
    dateline, agencies, people, organisations and places, each pointing to
    character offsets in the article.  Start with `unspun analyze --help`.
    """
