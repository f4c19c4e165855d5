"""Using trained models on analysed records, together with the built-in detectors.

- techniques: the model decides which techniques each paragraph has (it sees
  the built-in detectors' output among its features).  Built-in spans of those
  techniques stay as the evidence; a technique the model adds where no
  built-in detector fired is reported on the whole paragraph, with the
  model's probability as its score and evidence saying so.
- frames: the model decides the article's frames; evidence spans are the
  frame's cue words found in the text.
- genre: the model's label and probability replace the built-in guess.
"""
from __future__ import annotations

from typing import Any

from ..pipeline.frames import MAX_EVIDENCE, frame_hits
from ..record import Record, span
from ..voices import voice_at
from .model import Model


def apply_techniques(record: Record, model: Model) -> None:
    paras = record.paragraphs or [span(record.text, 0, len(record.text))]
    predicted = model.predict([p["text"] for p in paras])
    out: list[dict[str, Any]] = []
    for para, labels in zip(paras, predicted):
        inside = [t for t in record.techniques
                  if para["start"] <= t["start"] < para["end"]]
        for label, prob in labels:
            kept = [t for t in inside if t["label"] == label]
            for t in kept:
                out.append({**t, "score": round(max(t["score"], prob), 3)})
            if not kept:
                out.append({"label": label, "start": para["start"], "end": para["end"],
                            "text": para["text"], "voice": voice_at(record, para["start"], para["end"]),
                            "score": round(prob, 3),
                            "evidence": f"trained model: the paragraph resembles labelled "
                                        f"{label} examples (p={prob:.2f})"})
    record.techniques = sorted(out, key=lambda t: (t["start"], t["end"], t["label"]))


def apply_frames(record: Record, model: Model) -> None:
    hits = frame_hits(record.text)
    frames = []
    for label, prob in model.predict([record.text])[0]:
        seen: dict[str, Any] = {}
        for m in hits.get(label, []):
            seen.setdefault(m.group(0).lower(), m)
        evidence = [span(record.text, m.start(), m.end()) for m in list(seen.values())[:MAX_EVIDENCE]]
        frames.append({"label": label, "score": round(prob, 3), "evidence": evidence})
    record.frames = sorted(frames, key=lambda f: -f["score"])


def apply_genre(record: Record, model: Model) -> None:
    label, prob = model.predict([record.text])[0][0]
    record.genre = {"label": label, "score": round(prob, 3)}


APPLY = {"techniques": apply_techniques, "frames": apply_frames, "genre": apply_genre}


def apply_models(record: Record, models: list[Any]) -> Record:
    """Apply each model to an analysed English record (others are left as they are).

    An entry is a :class:`Model`, a rhetoric model (all its tasks) or ``(rhetoric model,
    tasks)`` (the default layer for the tasks no user model covers)."""
    from .rhetoric import RhetoricModel, apply

    if record.language not in (None, "en"):
        return record
    for model in models:
        if isinstance(model, tuple):
            apply(record, model[0], tuple(model[1]))
        elif isinstance(model, RhetoricModel):
            apply(record, model, tuple(model.tasks))
        else:
            APPLY[model.task](record, model)
    return record
