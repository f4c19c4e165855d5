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
from typing import Any

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


def _load_any(path: str | Path) -> Any:
    """A rhetoric model (``unspun train`` with TF-IDF features) or an older-kind model."""
    from .rhetoric import RhetoricModelError, load

    try:
        return load(path)
    except RhetoricModelError:
        return load_model(path)  # refuses anything unsafe with U605, a bad model with U604


def model_tasks(model: Any) -> list[str]:
    return list(model.tasks) if hasattr(model, "tasks") else [model.task]


def load_models(paths: list[str] | tuple[str, ...]) -> list[Any]:
    """Load model files; two models for the same task are an error.

    When any are given, the default learned layer is listed first for the tasks they do not
    cover (the pipeline then runs without its ``rhetoric`` component; see
    :mod:`unspun.pipeline.models`), so a user model replaces the default one for its task and
    combines with the built-in detectors' own hits.
    """
    from .rhetoric import default_model

    models = [_load_any(p) for p in paths]
    tasks = [t for m in models for t in model_tasks(m)]
    if len(set(tasks)) != len(tasks):
        raise ModelError(f"more than one model for the same task: {tasks}")
    default = default_model() if models else None
    rest = tuple(t for t in TASKS if t not in tasks)
    if default is not None and rest:
        models.insert(0, (default, rest))
    return models


__all__ = ["TASKS", "DataError", "Example", "Model", "ModelError", "apply_models", "load_model",
           "load_models", "model_tasks", "read_examples", "save_model", "train", "train_model"]
