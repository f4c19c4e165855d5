"""A trained :class:`~unspun.learn.model.Model` to and from the safe file format.

JSON holds the task, labels, thresholds, feature settings, the TF-IDF
vocabulary and each classifier's classes; arrays hold the idf weights and the
logistic regressions' coefficients and intercepts.  Loading rebuilds the
scikit-learn objects from those numbers only, and checks that everything fits
together (known task, its label set, one classifier per label, array shapes
matching the vocabulary), so a wrong or mistagged model is refused with U604
in the process that loads it, before any worker starts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from . import safe_format
from .data import LABELS
from .features import FEATURE_KINDS, Featurizer, make_vectorizer
from .model import Model, ModelError

KIND = "unspun-model"
VERSION = 1
# TF-IDF settings kept in the file, with the JSON types they may have
VECTORIZER_PARAMS = {"ngram_range": list, "sublinear_tf": bool, "strip_accents": (str, type(None)),
                     "lowercase": bool, "norm": (str, type(None)), "use_idf": bool,
                     "smooth_idf": bool, "binary": bool, "token_pattern": (str, type(None)),
                     "analyzer": str}


def _classifier_out(clf: Any, arrays: dict[str, np.ndarray], key: str) -> dict[str, Any]:
    if isinstance(clf, float):
        return {"type": "constant", "value": clf}
    arrays[f"{key}.coef"] = np.asarray(clf.coef_, dtype=np.float64)
    arrays[f"{key}.intercept"] = np.asarray(clf.intercept_, dtype=np.float64)
    return {"type": "logistic", "classes": [c.item() if hasattr(c, "item") else c
                                            for c in clf.classes_], "params": {
        "C": clf.C, "solver": clf.solver, "max_iter": clf.max_iter}}


def save(model: Model, path: str | Path) -> None:
    """Write ``model`` (as :func:`unspun.learn.model.train_model` made it) to ``path``."""
    arrays: dict[str, np.ndarray] = {}
    vec = model.featurizer.vectorizer
    vectorizer = None
    if vec is not None:
        params = vec.get_params()
        vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
        vectorizer = {"params": {k: list(params[k]) if k == "ngram_range" else params[k]
                                 for k in VECTORIZER_PARAMS}, "vocabulary": vocab}
        arrays["idf"] = np.asarray(vec.idf_, dtype=np.float64)
    if model.task == "genre":
        classifiers: Any = _classifier_out(model.classifier, arrays, "genre")
    else:
        classifiers = [_classifier_out(c, arrays, f"label{i}")
                       for i, c in enumerate(model.classifier)]
    meta = {"version": VERSION, "task": model.task, "labels": list(model.labels),
            "thresholds": [float(t) for t in model.thresholds], "n_train": model.n_train,
            "features": model.features, "vectorizer": vectorizer, "classifiers": classifiers}
    safe_format.save(path, kind=KIND, meta=meta, arrays=arrays)


def _vectorizer(spec: Any, idf: np.ndarray | None) -> Any:
    if not isinstance(spec, dict) or not isinstance(spec.get("params"), dict) \
            or not isinstance(spec.get("vocabulary"), list):
        raise ValueError("the TF-IDF settings are malformed")
    params = spec["params"]
    for key, value in params.items():
        if key not in VECTORIZER_PARAMS or not isinstance(value, VECTORIZER_PARAMS[key]):
            raise ValueError(f"unknown or mistyped TF-IDF setting {key!r}")
    if "ngram_range" in params:
        ngram = params["ngram_range"]
        if len(ngram) != 2 or not all(isinstance(n, int) and 0 < n < 10 for n in ngram):
            raise ValueError("bad ngram_range")
        params = {**params, "ngram_range": tuple(ngram)}
    vocab = spec["vocabulary"]
    if not all(isinstance(t, str) for t in vocab) or len(set(vocab)) != len(vocab):
        raise ValueError("the vocabulary must be distinct strings")
    if idf is None or idf.shape != (len(vocab),):
        raise ValueError("the idf weights do not match the vocabulary")
    vec = make_vectorizer()
    vec.set_params(**params)
    vec.vocabulary_ = {t: i for i, t in enumerate(vocab)}
    vec.idf_ = idf.astype(np.float64)
    return vec


def _logistic(spec: Any, arrays: dict[str, np.ndarray], key: str, width: int | None,
              labels: list[str] | None) -> Any:
    from sklearn.linear_model import LogisticRegression

    if not isinstance(spec, dict):
        raise ValueError("a classifier entry is malformed")
    if spec.get("type") == "constant" and labels is None:
        value = spec.get("value")
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError("a constant classifier needs a probability")
        return float(value)
    if spec.get("type") != "logistic":
        raise ValueError(f"unknown classifier type {spec.get('type')!r}")
    classes = spec.get("classes")
    coef, intercept = arrays.get(f"{key}.coef"), arrays.get(f"{key}.intercept")
    if coef is None or intercept is None or coef.ndim != 2 or intercept.ndim != 1:
        raise ValueError(f"classifier {key} has no coefficients")
    if not isinstance(classes, list) or len(classes) < 2:
        raise ValueError(f"classifier {key} needs two or more classes")
    if labels is None and classes != [0, 1]:
        raise ValueError(f"classifier {key} is not a yes/no classifier")
    if labels is not None and not all(c in labels for c in classes):
        raise ValueError(f"classifier {key} has classes outside the task's labels")
    rows = 1 if len(classes) == 2 else len(classes)
    if coef.shape[0] != rows or intercept.shape != (rows,) or \
            (width is not None and coef.shape[1] != width):
        raise ValueError(f"classifier {key}'s coefficients have the wrong shape {coef.shape}")
    params = spec.get("params") or {}
    clf = LogisticRegression(C=float(params.get("C", 4.0)), max_iter=2000, solver="liblinear")
    clf.classes_ = np.asarray(classes)
    clf.coef_, clf.intercept_ = coef.astype(np.float64), intercept.astype(np.float64)
    clf.n_features_in_ = coef.shape[1]
    return clf


def _detector_width(task: str) -> int:
    from .features import detector_features

    return detector_features(["x"], task).shape[1]


def _build(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> Model:
    task, labels = meta.get("task"), meta.get("labels")
    if task not in LABELS:
        raise ValueError(f"unknown task {task!r}")
    if labels != list(LABELS[task]):
        raise ValueError(f"its labels are not this version's {task} labels (a model for "
                         "another task, or from another version)")
    thresholds, features = meta.get("thresholds"), meta.get("features")
    if not isinstance(thresholds, list) or len(thresholds) != len(labels) or \
            not all(isinstance(t, (int, float)) for t in thresholds):
        raise ValueError("one threshold per label is needed")
    if features not in FEATURE_KINDS:
        raise ValueError(f"unknown features {features!r}")
    featurizer = Featurizer(features, task)
    featurizer.vectorizer = None
    width: int | None = _detector_width(task)
    if features in ("tfidf", "both"):
        featurizer.vectorizer = _vectorizer(meta.get("vectorizer"), arrays.get("idf"))
        width += len(featurizer.vectorizer.vocabulary_)
    if features != "tfidf":
        width = None  # the embedding width depends on the installed encoder
    specs = meta.get("classifiers")
    if task == "genre":
        classifier: Any = _logistic(specs, arrays, "genre", width, labels)
    else:
        if not isinstance(specs, list) or len(specs) != len(labels):
            raise ValueError("one classifier per label is needed")
        classifier = [_logistic(s, arrays, f"label{i}", width, None) for i, s in enumerate(specs)]
    n_train = meta.get("n_train")
    return Model(task, list(labels), featurizer, classifier, [float(t) for t in thresholds],
                 n_train if isinstance(n_train, int) else 0, features)


def load(path: str | Path) -> Model:
    """The model in ``path``; :class:`ModelError` U605 for a file not in the safe format
    (nothing of it is run), U604 for a safe file that is not a usable model."""
    p = Path(path)
    if not p.is_file():
        raise ModelError(f"{p}: model file not found")
    try:
        meta, arrays = safe_format.load(p, kind=KIND)
    except safe_format.UnsafeModelFile as exc:
        raise ModelError(f"{p}: {exc}", code="U605") from None
    except OSError as exc:
        raise ModelError(f"{p}: cannot read it ({exc.strerror or exc})") from None
    if meta.get("version") != VERSION:
        raise ModelError(f"{p}: model version {meta.get('version')!r}; this unspun reads "
                         f"version {VERSION}")
    try:
        return _build(meta, arrays)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ModelError(f"{p}: not a usable model: {exc}") from None
