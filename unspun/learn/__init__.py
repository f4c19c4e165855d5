"""The learned layer: train classifiers from labelled data and use them with the built-ins.

>>> from unspun.learn import train, load_model
>>> model = train("techniques", "semeval-data/", "techniques.model")   # doctest: +SKIP

See :mod:`unspun.learn.data` for the data formats, :mod:`unspun.learn.features`
for the features and :mod:`unspun.learn.apply` for how models combine with
the built-in detectors.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .apply import apply_models
from .data import TASKS, DataError, Example, read_examples
from .model import Model, ModelError, load_model, save_model, train_model


def train(task: str, data: str | Path, out: str | Path, features: str = "tfidf",
          progress: Callable[[str], None] | None = None) -> Model:
    """Read labelled ``data`` for ``task``, fit a model and write it to ``out``."""
    examples = read_examples(data, task)
    model = train_model(examples, task, features, progress)
    save_model(model, out)
    return model


def load_models(paths: list[str] | tuple[str, ...]) -> list[Model]:
    """Load model files; two models for the same task are an error."""
    models = [load_model(p) for p in paths]
    tasks = [m.task for m in models]
    if len(set(tasks)) != len(tasks):
        raise ModelError(f"more than one model for the same task: {tasks}")
    return models


__all__ = ["TASKS", "DataError", "Example", "Model", "ModelError", "apply_models", "load_model",
           "load_models", "read_examples", "save_model", "train", "train_model"]
