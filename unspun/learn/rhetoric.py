"""The default learned rhetoric layer: linear models over masked text and the detectors' hits.

Shipped as ``unspun/data/rhetoric.model`` (the safe format of
:mod:`unspun.learn.safe_format`: numbers and JSON in a zip, never a pickle) and
applied with numpy only.  Built by ``python bench/train_rhetoric.py`` from the
training part of ``corpus/rhetoric/``; ``unspun train`` writes the same kind of
file from the user's data.

* techniques, per paragraph: a logistic regression per learned label gives
  ``p``; a label is reported when ``p >= threshold`` (tuned by cross-validation on
  training data).  A built-in hit is kept unless the model has evidence against
  it (``p < veto``, also tuned; 0 means "never dropped").  A label the model adds
  points at the paragraph's built-in hit for it if any, else at the sentence whose
  words weigh most for it, with that sentence's voice.
* frames, per article: the same, with the built-in cue frames in place of hits.
* genre, per article: one-vs-rest logistic regressions; the model's genre replaces the
  built-in one when its probability reaches a margin tuned by cross-validation.

Labels too rare to learn are left to the built-in detectors.
"""
from __future__ import annotations

import bisect

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from . import safe_format
from .rhetoric_features import (ARTICLE_DENSE_WIDTH, PARAGRAPH_DENSE, article_dense, hashed,
                                hits_in, masked_tokens, name_spans, ngrams, bucket,
                                paragraph_dense, tfidf)

KIND = "unspun-rhetoric"
VERSION = 1
DEFAULT_FILE = "data/rhetoric.model"
MAX_BITS = 20


class RhetoricModelError(ValueError):
    """A rhetoric model file that cannot be used (the message says why)."""


@dataclass
class TaskModel:
    """One task's linear model: text coefficients over hashed buckets, dense coefficients."""

    task: str
    labels: list[str]
    learned: np.ndarray           # bool per label (genre: all True)
    coef: np.ndarray              # labels x 2**bits (float32)
    dcoef: np.ndarray             # labels x dense width
    intercept: np.ndarray         # labels
    thresholds: np.ndarray        # labels
    veto: np.ndarray              # labels
    idf: np.ndarray               # 2**bits

    def scores(self, idx: np.ndarray, val: np.ndarray, dense: np.ndarray) -> np.ndarray:
        """Decision values (one per label)."""
        return self.coef[:, idx] @ val + self.dcoef @ dense + self.intercept

    def proba(self, idx: np.ndarray, val: np.ndarray, dense: np.ndarray) -> np.ndarray:
        z = self.scores(idx, val, dense)
        if self.task == "genre":
            e = np.exp(z - z.max())
            return e / e.sum()
        return 1.0 / (1.0 + np.exp(-z))


@dataclass
class RhetoricModel:
    bits: int
    tasks: dict[str, TaskModel]
    info: dict[str, Any]

    def save(self, path: str | Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        meta: dict[str, Any] = {"version": VERSION, "bits": self.bits, "info": self.info,
                                "tasks": {}}
        for name, tm in self.tasks.items():
            meta["tasks"][name] = {"labels": tm.labels, "learned": tm.learned.tolist(),
                                   "thresholds": tm.thresholds.tolist(),
                                   "veto": tm.veto.tolist()}
            arrays[f"{name}.coef"] = tm.coef.astype(np.float16)
            arrays[f"{name}.dcoef"] = tm.dcoef.astype(np.float32)
            arrays[f"{name}.intercept"] = tm.intercept.astype(np.float32)
            arrays[f"{name}.idf"] = tm.idf.astype(np.float32)
        safe_format.save(path, kind=KIND, meta=meta, arrays=arrays)


def _dense_width(task: str) -> int:
    return len(PARAGRAPH_DENSE) if task == "techniques" else ARTICLE_DENSE_WIDTH


def _task(name: str, spec: Any, arrays: dict[str, np.ndarray], bits: int) -> TaskModel:
    from .data import LABELS

    if name not in LABELS or not isinstance(spec, dict):
        raise ValueError(f"unknown task {name!r}")
    labels = spec.get("labels")
    if labels != list(LABELS[name]):
        raise ValueError(f"its {name} labels are not this version's")
    n = len(labels)
    parts = {k: arrays.get(f"{name}.{k}") for k in ("coef", "dcoef", "intercept", "idf")}
    if any(v is None for v in parts.values()):
        raise ValueError(f"{name}: arrays missing")
    if parts["coef"].shape != (n, 1 << bits) or parts["dcoef"].shape != (n, _dense_width(name)) \
            or parts["intercept"].shape != (n,) or parts["idf"].shape != (1 << bits,):
        raise ValueError(f"{name}: arrays of the wrong shape")
    lists = {}
    for key in ("learned", "thresholds", "veto"):
        value = spec.get(key)
        if not isinstance(value, list) or len(value) != n or \
                not all(isinstance(v, (int, float, bool)) for v in value):
            raise ValueError(f"{name}: one {key} value per label is needed")
        lists[key] = np.asarray(value, dtype=bool if key == "learned" else np.float64)
    return TaskModel(name, list(labels), lists["learned"],
                     np.ascontiguousarray(parts["coef"], dtype=np.float32),
                     parts["dcoef"].astype(np.float64), parts["intercept"].astype(np.float64),
                     lists["thresholds"], lists["veto"], parts["idf"].astype(np.float64))


def load(path: str | Path) -> RhetoricModel:
    """Read a rhetoric model; :class:`RhetoricModelError` for anything unusable."""
    try:
        meta, arrays = safe_format.load(path, kind=KIND)
    except (safe_format.UnsafeModelFile, OSError) as exc:
        raise RhetoricModelError(f"{path}: {exc}") from None
    try:
        if meta.get("version") != VERSION:
            raise ValueError(f"version {meta.get('version')!r}, this unspun reads {VERSION}")
        bits = meta.get("bits")
        if not isinstance(bits, int) or not 8 <= bits <= MAX_BITS:
            raise ValueError("bad hashing width")
        specs = meta.get("tasks")
        if not isinstance(specs, dict) or not specs:
            raise ValueError("no tasks")
        tasks = {name: _task(name, spec, arrays, bits) for name, spec in specs.items()}
    except (ValueError, TypeError, AttributeError) as exc:
        raise RhetoricModelError(f"{path}: not a usable rhetoric model: {exc}") from None
    info = meta.get("info") if isinstance(meta.get("info"), dict) else {}
    return RhetoricModel(bits, tasks, info)


@lru_cache(maxsize=1)
def default_model() -> RhetoricModel | None:
    """The shipped model, or None when the package has none (a bare source checkout)."""
    ref = resources.files("unspun").joinpath(DEFAULT_FILE)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return load(path)


# ---------------------------------------------------------------- applying to a record

def paragraph_vector(record: Any, start: int, end: int, tm: TaskModel, bits: int,
                     names: Any, first: bool) -> tuple:
    tokens = masked_tokens(record.text, start, end, names)
    hits = hits_in(record, start, end)
    idx, val = tfidf(hashed(tokens, bits), tm.idf)
    return idx, val, paragraph_dense(record, start, end, hits, len(tokens), first), hits


def _sentences_in(record: Any, start: int, end: int, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the sentences starting in ``start:end``, found by bisection in
    ``starts`` (the sentences' starts, made once per record)."""
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(starts) and starts[i] < end:
        out.append((starts[i], record.sentences[i]["end"]))
        i += 1
    return out


def _inside(paras: list[dict[str, Any]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the (sorted, disjoint) paragraphs."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and paras[i]["start"] <= pos < paras[i]["end"]


def _strongest_sentence(record: Any, start: int, end: int, tm: TaskModel, j: int, bits: int,
                        names: Any, starts: list[int]) -> tuple[int, int, list[str]]:
    """The sentence in ``start:end`` whose words weigh most for label ``j``, and its top n-grams."""
    best: tuple[float, int, int, list[str]] | None = None
    sentences = _sentences_in(record, start, end, starts) or [(start, end)]
    for s, e in sentences:
        grams = ngrams(masked_tokens(record.text, s, e, names))
        if not grams:
            continue
        weights = {g: float(tm.coef[j, bucket(g, bits)]) * float(tm.idf[bucket(g, bits)])
                   for g in grams}
        total = sum(weights.values()) / max(1.0, len(grams)) ** 0.5
        if best is None or total > best[0]:
            top = [g for g, w in sorted(weights.items(), key=lambda kv: -kv[1])[:3] if w > 0]
            best = (total, s, min(e, end), top)
    if best is None:
        return start, end, []
    return best[1], best[2], best[3]


def apply_techniques(record: Any, model: RhetoricModel) -> None:
    from ..pipeline.techniques import UNANALYSED_FRONT
    from ..voices import voice_at

    tm = model.tasks.get("techniques")
    if tm is None:
        return
    paras = record.paragraphs or [{"start": 0, "end": len(record.text)}]
    front = [f["span"] for f in (record.layout or {}).get("front", [])
             if f["kind"] in UNANALYSED_FRONT]
    names = name_spans(record)
    para_starts = [p["start"] for p in paras]
    sentence_starts = [x["start"] for x in record.sentences]
    keep_outside = [t for t in record.techniques if not _inside(paras, para_starts, t["start"])]
    out: list[dict[str, Any]] = list(keep_outside)
    for n, para in enumerate(paras):
        s, e = para["start"], para["end"]
        idx, val, dense, hits = paragraph_vector(record, s, e, tm, model.bits, names, n == 0)
        if any(f["start"] <= s and e <= f["end"] for f in front):
            out.extend(hits)
            continue
        proba = tm.proba(idx, val, dense)
        for j, label in enumerate(tm.labels):
            mine = [h for h in hits if h["label"] == label]
            if not tm.learned[j]:
                out.extend(mine)
                continue
            p = float(proba[j])
            if mine:
                if p >= tm.veto[j]:
                    out.extend({**h, "score": round(max(h["score"], p), 3)}
                               if p >= tm.thresholds[j] else h for h in mine)
                continue
            if p < tm.thresholds[j]:
                continue
            ss, se, top = _strongest_sentence(record, s, e, tm, j, model.bits, names,
                                                 sentence_starts)
            words = ", ".join(f'"{g}"' for g in top)
            out.append({"label": label, "start": ss, "end": se, "text": record.text[ss:se],
                        "voice": voice_at(record, ss, se), "score": round(p, 3),
                        "evidence": f"learned model: the paragraph resembles labelled {label} "
                                    f"examples (p={p:.2f})" + (f"; words {words}" if words else "")})
    record.techniques = sorted(out, key=lambda t: (t["start"], t["end"], t["label"]))


def article_parts(record: Any, bits: int) -> tuple:
    """What the article models read (taken before the learned layer changes the techniques)."""
    tokens = masked_tokens(record.text, 0, len(record.text), name_spans(record))
    return hashed(tokens, bits), article_dense(record)


def article_vector(parts: tuple, tm: TaskModel) -> tuple:
    idx, val = tfidf(parts[0], tm.idf)
    return idx, val, parts[1]


def apply_frames(record: Any, model: RhetoricModel, parts: tuple) -> None:
    from ..pipeline.frames import _first_distinct, frame_hits

    tm = model.tasks.get("frames")
    if tm is None:
        return
    proba = tm.proba(*article_vector(parts, tm))
    builtin = {f["label"]: f for f in record.frames}
    cues = None
    out = []
    for j, label in enumerate(tm.labels):
        p = float(proba[j])
        if not tm.learned[j]:
            if label in builtin:
                out.append(builtin[label])
            continue
        if label in builtin and p >= tm.veto[j]:
            out.append({**builtin[label], "score": round(max(builtin[label]["score"], p), 3)})
        elif label not in builtin and p >= tm.thresholds[j]:
            cues = cues if cues is not None else frame_hits(record.text)
            evidence = _first_distinct(record.text, cues.get(label, []))
            if not evidence and record.sentences:
                s = record.sentences[0]
                evidence = [{"start": s["start"], "end": s["end"], "text": s["text"]}]
            out.append({"label": label, "score": round(max(p, 0.001), 3), "evidence": evidence})
    record.frames = sorted(out, key=lambda f: (-f["score"], f["label"]))


def apply_genre(record: Any, model: RhetoricModel, parts: tuple) -> None:
    tm = model.tasks.get("genre")
    if tm is None:
        return
    proba = tm.proba(*article_vector(parts, tm))
    j = int(np.argmax(proba))
    if proba[j] < tm.thresholds[j] and record.genre:
        return  # not confident enough to overrule the built-in genre
    record.genre = {"label": tm.labels[j], "score": round(float(proba[j]), 3)}


def apply(record: Any, model: RhetoricModel, tasks: tuple[str, ...] = ("techniques", "frames",
                                                                         "genre")) -> Any:
    """Apply ``model`` to an analysed English record, in place; returns the record."""
    if record.language not in (None, "en"):
        return record
    parts = article_parts(record, model.bits) if {"frames", "genre"} & set(tasks) else None
    if "techniques" in tasks:
        apply_techniques(record, model)
    if "frames" in tasks:
        apply_frames(record, model, parts)
    if "genre" in tasks:
        apply_genre(record, model, parts)
    return record
