"""Fitting the rhetoric layer's linear models (scikit-learn at training time only).

Rows are ``(counts, dense)`` where ``counts`` maps hashed buckets to term counts
(:func:`unspun.learn.rhetoric_features.hashed`).  For each label a logistic
regression is fitted; its threshold and veto are chosen on out-of-fold
probabilities (cross-validation grouped by article, training data only) to
maximise the F1 of the combined decision ``(built-in hit and p >= veto) or
p >= threshold``.  A label is learned only when that beats the built-in
detectors alone under cross-validation and has :data:`MIN_POSITIVES`
positive examples; otherwise it is left to the built-ins.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import sparse

from .rhetoric import TaskModel

MIN_POSITIVES = 12
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
VETOES = (0.0, 0.03, 0.06, 0.1, 0.15, 0.2, 0.3)
C_TEXT = 16.0
CLASS_WEIGHT: str | None = None
FOLDS = 5


def idf_of(rows: Sequence[tuple[Counter, np.ndarray]], bits: int) -> np.ndarray:
    df = np.zeros(1 << bits)
    for counts, _ in rows:
        df[list(counts)] += 1
    return np.log((1 + len(rows)) / (1 + df)) + 1.0


def design(rows: Sequence[tuple[Counter, np.ndarray]], idf: np.ndarray, bits: int) -> Any:
    from .rhetoric_features import tfidf

    data, ind, ptr = [], [], [0]
    for counts, _ in rows:
        idx, val = tfidf(counts, idf)
        order = np.argsort(idx)
        ind.append(idx[order])
        data.append(val[order])
        ptr.append(ptr[-1] + len(idx))
    text = sparse.csr_matrix((np.concatenate(data) if data else [],
                              np.concatenate(ind) if ind else [], ptr),
                             shape=(len(rows), 1 << bits))
    dense = sparse.csr_matrix(np.vstack([d for _, d in rows]))
    return sparse.hstack([text, dense], format="csr")


def _logreg(c: float | None = None, **kw: Any) -> Any:
    from sklearn.linear_model import LogisticRegression

    c = C_TEXT if c is None else c
    kw.setdefault("class_weight", CLASS_WEIGHT)
    return LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=5000, **kw)


def folds(groups: Sequence[str], k: int = FOLDS) -> list[np.ndarray]:
    """Fold index per row, whole groups (articles, mirror pairs) kept together, deterministic."""
    import zlib

    return [zlib.crc32(g.encode()) % k for g in groups]


def f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & y).sum())
    denom = float(pred.sum() + y.sum())
    return 1.0 if denom == 0 else 2 * tp / denom


def oof_proba(X: Any, y: np.ndarray, fold: np.ndarray, c: float | None = None) -> np.ndarray:
    out = np.zeros(len(y))
    for k in np.unique(fold):
        test = fold == k
        train = ~test
        if y[train].min() == y[train].max():
            out[test] = float(y[train][0])
            continue
        out[test] = _logreg(c).fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    return out


def choose(proba: np.ndarray, y: np.ndarray, builtin: np.ndarray,
           vetoes: Sequence[float] = VETOES) -> tuple[float, float, float]:
    """(threshold, veto, F1) of the best combined decision on out-of-fold probabilities."""
    best = (1.0, 0.0, -1.0)
    for t in THRESHOLDS:
        for v in vetoes:
            score = f1((builtin & (proba >= v)) | (proba >= t), y)
            if score > best[2] + 1e-9:
                best = (t, v, score)
    return best


def fit_multilabel(task: str, labels: Sequence[str], rows: list[tuple[Counter, np.ndarray]],
                   Y: np.ndarray, builtin: np.ndarray, groups: Sequence[str], bits: int,
                   progress: Callable[[str, dict[str, float]], None] | None = None
                   ) -> tuple[TaskModel, dict[str, dict[str, float]]]:
    """A per-label model for techniques or frames, and the cross-validated report per label.

    Built-in technique hits are never vetoed (they are spans with their own evidence, and
    the model only adds paragraphs); built-in frames may be."""
    vetoes = (0.0,) if task == "techniques" else VETOES
    idf = idf_of(rows, bits)
    X = design(rows, idf, bits)
    fold = np.asarray(folds(groups))
    width = X.shape[1] - (1 << bits)
    n = len(labels)
    coef = np.zeros((n, 1 << bits))
    dcoef, intercept = np.zeros((n, width)), np.zeros(n)
    thresholds, veto, learned = np.ones(n), np.zeros(n), np.zeros(n, dtype=bool)
    report: dict[str, dict[str, float]] = {}
    for j, label in enumerate(labels):
        y, b = Y[:, j].astype(bool), builtin[:, j].astype(bool)
        base = f1(b, y)
        entry = {"positives": int(y.sum()), "builtin_f1": round(base, 3)}
        if y.sum() >= MIN_POSITIVES and (~y).sum() >= MIN_POSITIVES:
            proba = oof_proba(X, y.astype(int), fold)
            t, v, score = choose(proba, y, b, vetoes)
            entry.update(cv_f1=round(score, 3), threshold=t, veto=v)
            if score > base:
                clf = _logreg().fit(X, y.astype(int))
                coef[j], dcoef[j] = clf.coef_[0, :1 << bits], clf.coef_[0, 1 << bits:]
                intercept[j], thresholds[j], veto[j], learned[j] = clf.intercept_[0], t, v, True
        entry["learned"] = bool(learned[j])
        report[label] = entry
        if progress is not None:
            progress(label, entry)
    return TaskModel(task, list(labels), learned, coef, dcoef, intercept, thresholds, veto,
                     idf), report


GENRE_MARGINS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def genre_decision(proba: np.ndarray, builtin: int, margin: float) -> int:
    """The model's genre when its probability reaches ``margin``, else the built-in one."""
    j = int(proba.argmax())
    return j if proba[j] >= margin else builtin


def fit_genre(labels: Sequence[str], rows: list[tuple[Counter, np.ndarray]], y: Sequence[str],
              groups: Sequence[str], bits: int, builtin: Sequence[str] | None = None
              ) -> tuple[TaskModel, dict[str, float]]:
    """A one-vs-rest linear model for genre and its cross-validated macro-F1; the margin over
    which it overrides the built-in genre is chosen by cross-validation too (stored as every
    label's threshold)."""
    from sklearn.metrics import f1_score

    idf = idf_of(rows, bits)
    X = design(rows, idf, bits)
    target = np.array([labels.index(g) for g in y])
    fold = np.asarray(folds(groups))

    def ovr(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One-vs-rest binary models (liblinear's dual is fast here): coef and intercept per
        genre; a genre absent from ``rows`` gets a very low intercept."""
        coef, intercept = np.zeros((len(labels), X.shape[1])), np.full(len(labels), -1e3)
        present = set(target[rows])
        for cls in present:
            if len(present) == 1:
                intercept[cls] = 0.0
                continue
            clf = _logreg(class_weight="balanced").fit(X[rows], (target[rows] == cls).astype(int))
            coef[cls], intercept[cls] = clf.coef_[0], clf.intercept_[0]
        return coef, intercept

    proba = np.zeros((len(target), len(labels)))
    for k in np.unique(fold):
        test = fold == k
        c, b = ovr(~test)
        z = X[test] @ c.T + b
        e = np.exp(z - z.max(1, keepdims=True))
        proba[test] = e / e.sum(1, keepdims=True)
    base = np.array([labels.index(g) for g in builtin]) if builtin is not None else \
        proba.argmax(1)
    present = sorted(set(target))
    best = (0.0, -1.0)
    for margin in GENRE_MARGINS if builtin is not None else (0.0,):
        pred = [genre_decision(p, b, margin) for p, b in zip(proba, base)]
        cv = float(f1_score(target, pred, labels=present, average="macro", zero_division=1))
        if cv > best[1] + 1e-9:
            best = (margin, cv)
    coef, intercept = ovr(np.ones(len(target), dtype=bool))
    n = len(labels)
    tm = TaskModel("genre", list(labels), np.ones(n, dtype=bool), coef[:, :1 << bits],
                   coef[:, 1 << bits:], intercept, np.full(n, best[0]), np.zeros(n), idf)
    return tm, {"cv_macro_f1": round(best[1], 3), "margin": best[0], "articles": len(target)}


def paragraph_rows(record: Any, bounds: Sequence[tuple[int, int]], bits: int
                   ) -> tuple[list[tuple[Counter, np.ndarray]], list[list[bool]]]:
    """(rows, built-in label matrix) for paragraphs of an analysed record, exactly as the
    layer computes them at run time."""
    from ..techniques.base import TECHNIQUES
    from .rhetoric_features import hashed, hits_in, masked_tokens, name_spans, paragraph_dense

    names = name_spans(record)
    rows, builtin = [], []
    for n, (s, e) in enumerate(bounds):
        tokens = masked_tokens(record.text, s, e, names)
        hits = hits_in(record, s, e)
        rows.append((hashed(tokens, bits), paragraph_dense(record, s, e, hits, len(tokens),
                                                           n == 0)))
        found = {h["label"] for h in hits}
        builtin.append([t in found for t in TECHNIQUES])
    return rows, builtin


BITS = 15


def train_articles(task: str, articles: Sequence[Any], bits: int = BITS,
                   progress: Callable[[str, dict[str, float]], None] | None = None
                   ) -> tuple[Any, dict[str, Any]]:
    """A rhetoric model for ``task`` from :class:`unspun.learn.data.Article` items: each is
    analysed by the pipeline's built-in detectors (as ``analyze`` does), then the layer's
    features are fitted.  Returns the model and the cross-validated report."""
    from ..pipeline.frames import FRAMES
    from ..pipeline.runner import Pipeline, default_components
    from ..readers.article import Article as Input
    from ..record import Record
    from ..techniques.base import TECHNIQUES
    from .data import GENRES
    from .model import TrainingError
    from .rhetoric import RhetoricModel, article_parts

    pipe = Pipeline([n for n in default_components() if n != "rhetoric"])
    records = list(pipe.analyze_stream(Input(text=a.text, origin=a.id) for a in articles))
    pairs = [(a, r) for a, r in zip(articles, records) if isinstance(r, Record)]
    if task == "techniques":
        rows, builtin, Y, groups = [], [], [], []
        for a, r in pairs:
            pr, pb = paragraph_rows(r, [(s, e) for s, e, _ in a.paragraphs], bits)
            rows += pr
            builtin += pb
            Y += [[t in labels for t in TECHNIQUES] for _, _, labels in a.paragraphs]
            groups += [a.id] * len(pr)
        Ya = np.array(Y, dtype=bool).reshape(len(rows), len(TECHNIQUES))
        if not Ya.any(axis=0).any() or len(rows) < 2:
            raise TrainingError("no techniques label has both positive and negative examples")
        tm, report = fit_multilabel("techniques", TECHNIQUES, rows, Ya,
                                    np.array(builtin).reshape(Ya.shape), groups, bits, progress)
    else:
        arts = [article_parts(r, bits) for _, r in pairs]
        groups = [a.id for a, _ in pairs]
        if task == "frames":
            fy = np.array([[f in a.labels for f in FRAMES] for a, _ in pairs])
            fb = np.array([[f in {x["label"] for x in r.frames} for f in FRAMES] for _, r in pairs])
            tm, report = fit_multilabel("frames", FRAMES, arts, fy, fb, groups, bits, progress)
        else:
            genres = [a.labels[0] if a.labels else "reporting" for a, _ in pairs]
            if len(set(genres)) < 2:
                raise TrainingError("genre training needs examples of at least two genres")
            tm, report = fit_genre(list(GENRES), arts, genres, groups, bits,
                                   [(r.genre or {}).get("label", "reporting") for _, r in pairs])
    if task != "genre" and not tm.learned.any():
        report["_note"] = {"learned": False}
    info = {"trained_on": "unspun train", "task": task, "articles": len(pairs)}
    return RhetoricModel(bits, {task: tm}, info), report
