"""Options that choose what the pipeline runs, shared by `analyze`, `ingest` and `serve`."""
from __future__ import annotations

from collections.abc import Callable

import click

enable_option = click.option(
    "--enable", "enable", multiple=True, metavar="NAME",
    help="Also run the optional component NAME (one a plug-in package registers, or a "
         "built-in marked optional); repeat for several. An unknown name is a usage error "
         "(E001) that lists the known components. See docs/extending.md.")

model_option = click.option(
    "--model", "models", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="A model trained with `unspun train` (techniques, frames or genre), run as a "
         "pipeline component together with the built-in detectors: it replaces the shipped "
         "learned layer for its task only; repeat for one model per task. Only unspun's safe "
         "model format is loaded (never a pickle: U605).")


def pipeline_options(func: Callable) -> Callable:
    """Add --enable and --model to a command."""
    return enable_option(model_option(func))


def check_pipeline(components: list[str] | None, enable: tuple[str, ...],
                   models: tuple[str, ...]) -> None:
    """Build the pipeline once so that a bad name or model is a usage error before any work."""
    from ..pipeline.runner import Pipeline

    try:
        Pipeline(components, enable=enable, models=models)
    except ValueError as exc:  # ComponentError (E00x) or a model error (U604/U605)
        from ..termsafe import line

        raise click.UsageError(line(exc)) from None
