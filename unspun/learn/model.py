"""Training and using a classifier for techniques (per paragraph), frames or genre (per article).

A model file is in the safe format of :mod:`unspun.learn.safe_format` (numeric
arrays plus JSON; never a pickle, so loading one cannot run code): task,
labels, thresholds and feature settings as JSON, the TF-IDF idf weights and
each logistic regression's coefficients as arrays (see :mod:`.model_io`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .data import LABELS, Example
from .features import Featurizer

MODEL_FORMAT = "unspun-model/1"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
DEFAULT_THRESHOLD = 0.35
MIN_FOR_TUNING = 30


class ModelError(ValueError):
    """A model that cannot be used: code U604 (a bad model), or U605 (not a safe model file)."""

    def __init__(self, detail: str, code: str = "U604"):
        from ..errors import message

        super().__init__(f"[{code}] {message(code, detail=detail)}")
        self.detail, self.code = detail, code


class TrainingError(ValueError):
    """The data cannot train a model (e.g. only one class)."""


@dataclass
class Model:
    task: str
    labels: list[str]
    featurizer: Featurizer
    classifier: Any
    thresholds: list[float]
    n_train: int
    features: str

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Per text, the probability of each label in :attr:`labels` order."""
        X = self.featurizer.transform(texts)
        if self.task == "genre":
            proba = self.classifier.predict_proba(X)
            out = np.zeros((len(texts), len(self.labels)))
            for j, cls in enumerate(self.classifier.classes_):
                out[:, self.labels.index(cls)] = proba[:, j]
            return out
        return np.column_stack([np.full(len(texts), c) if isinstance(c, float)
                                else c.predict_proba(X)[:, 1] for c in self.classifier])

    def predict(self, texts: list[str]) -> list[list[tuple[str, float]]]:
        """Per text, the predicted ``(label, probability)`` pairs."""
        proba = self.predict_proba(texts)
        if self.task == "genre":
            return [[(self.labels[int(row.argmax())], float(row.max()))] for row in proba]
        return [[(lab, float(p)) for lab, p, t in zip(self.labels, row, self.thresholds) if p >= t]
                for row in proba]


def _logreg() -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(max_iter=2000, C=4.0, solver="liblinear")


def _tune(X: Any, y: np.ndarray) -> float:
    """The threshold that maximises F1 for one label under 3-fold cross-validation."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    if len(y) < MIN_FOR_TUNING or y.sum() < 3 or (len(y) - y.sum()) < 3:
        return DEFAULT_THRESHOLD
    cv = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    proba = cross_val_predict(_logreg(), X, y, cv=cv, method="predict_proba")[:, 1]
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for t in THRESHOLDS:
        pred = proba >= t
        tp = float((pred & (y == 1)).sum())
        f1 = 2 * tp / max(1.0, pred.sum() + y.sum())
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def train_model(examples: list[Example], task: str, features: str = "tfidf",
                progress: Any = None) -> Model:
    """Fit a model for ``task`` on ``examples`` (see :mod:`unspun.learn.data`)."""
    labels = list(LABELS[task])
    genres = [e.labels[0] if e.labels else "reporting" for e in examples]
    if task == "genre" and len(set(genres)) < 2:
        raise TrainingError("genre training needs examples of at least two genres")
    featurizer = Featurizer(features, task)
    try:
        X = featurizer.fit_transform([e.text for e in examples])
    except ValueError as exc:  # e.g. an empty vocabulary
        raise TrainingError(f"no usable text features ({exc})") from None
    if task == "genre":
        clf = _logreg().fit(X, genres)
        return Model(task, labels, featurizer, clf, [0.0] * len(labels), len(examples), features)
    classifiers, thresholds = [], []
    for label in labels:
        y = np.array([label in e.labels for e in examples], dtype=int)
        if y.sum() == 0 or y.sum() == len(y):  # a constant: never or always this label
            classifiers.append(float(y.sum() > 0))
            thresholds.append(0.5)
        else:
            classifiers.append(_logreg().fit(X, y))
            thresholds.append(_tune(X, y))
        if progress is not None:
            progress(label)
    if all(isinstance(c, float) for c in classifiers):
        raise TrainingError(f"no {task} label has both positive and negative examples")
    return Model(task, labels, featurizer, classifiers, thresholds, len(examples), features)


def save_model(model: Model, path: str | Path) -> None:
    """Write ``model`` to ``path`` in the safe model format (no pickle)."""
    from .model_io import save

    save(model, path)


def load_model(path: str | Path) -> Model:
    """Read a model written by :func:`save_model`; anything else is refused (U605) unrun."""
    from .model_io import load

    return load(path)
