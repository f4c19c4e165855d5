"""Trained models (``unspun train`` output) as a pipeline component.

``Pipeline(models=[path, ...])`` (``--model PATH`` in ``analyze``, ``ingest`` and
``serve``) loads the files once and adds one component, ``models``, that
applies them to each English record after the built-in detectors, the same
way in every engine.  A user model replaces the default learned layer
(``rhetoric``) for its task only: the pipeline then runs without ``rhetoric``,
and the ``models`` component applies the default layer first for the tasks no
user model covers (see :func:`unspun.learn.load_models`).  Built-in hits are
kept or revised as :mod:`unspun.learn.apply` describes.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial
from typing import Any

from .registry import Component, Context

NAME = "models"
TASK_FIELDS = ("techniques", "frames", "genre")
READS = ("paragraphs", "sentences", "layout", "entities", "quotes", "voice") + TASK_FIELDS


@lru_cache(maxsize=8)
def load(paths: tuple[str, ...]) -> list[Any]:
    """The loaded models (with the default layer for the other tasks); U604/U605 if bad."""
    from ..learn import load_models

    return load_models(list(paths))


def _apply(models: list[Any], ctx: Context) -> None:
    from ..learn import apply_models

    apply_models(ctx.record, models)


def model_component(models: list[Any], available: set[str]) -> Component:
    """The component applying ``models``; it reads what the other components make."""
    requires = tuple(f for f in READS if f in available)
    return Component(NAME, partial(_apply, models), requires=requires,
                     assigns=TASK_FIELDS, languages=("en",), optional=True)


def model_components(components: Sequence[str] | None, paths: Sequence[str]
                     ) -> tuple[tuple[str, ...], list[Component]]:
    """The component names to run with ``paths`` (without ``rhetoric``) and the model
    component to add."""
    from .registry import load_all
    from .runner import default_components

    models = load(tuple(str(p) for p in paths))
    names = tuple(components) if components is not None else default_components()
    names = tuple(n for n in names if n != "rhetoric")
    registry = load_all()
    available = {f for n in names if n in registry for f in registry[n].assigns}
    return names, [model_component(models, available)]
