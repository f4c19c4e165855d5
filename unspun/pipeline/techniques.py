"""The techniques component: built-in detectors over the article, each hit tied to a voice.

Fills ``record.techniques`` with ``{label, start, end, text, voice, score,
evidence}``; ``voice`` is ``"author"`` or the id of the quote whose words
hold the span (see :func:`unspun.voices.voice_at`).  A scare quote is
credited to the voice around it (whoever put the marks there), not to the
quoted term.
"""
from __future__ import annotations

from typing import Any

from ..record import Record
from ..techniques import Hit, Source, detect
from ..voices import voice_at
from .registry import Context, component


def source_of(record: Record, doc: Any = None) -> Source:
    """The detectors' view of a record."""
    return Source(text=record.text,
                  sentences=[(s["start"], s["end"]) for s in record.sentences],
                  doc=doc, entities=record.entities, quotes=record.quotes,
                  paragraphs=[(p["start"], p["end"]) for p in record.paragraphs])


def _voice(record: Record, hit: Hit, quotes: dict[str, dict[str, Any]] | None = None) -> str:
    voice = voice_at(record, hit.start, hit.end)
    if hit.label == "Doubt" and voice != "author" and hit.evidence.startswith(("scare", "'so-")):
        if quotes is None:
            quotes = _first_by_id(record)
        quote = quotes.get(voice)
        content = quote and quote.get("content")
        if content and hit.start <= content["start"] and content["end"] <= hit.end:
            voice = voice_at(record, max(0, hit.start - 1))
    return voice


def _first_by_id(record: Record) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for q in record.quotes:
        out.setdefault(q["id"], q)
    return out


def technique_entries(record: Record, hits: list[Hit]) -> list[dict[str, Any]]:
    """Record entries for detector hits."""
    quotes = _first_by_id(record)
    return [{"label": h.label, "start": h.start, "end": h.end,
             "text": record.text[h.start:h.end], "voice": _voice(record, h, quotes),
             "score": round(h.score, 3), "evidence": h.evidence} for h in hits]


# front lines that are not the writer's prose: no techniques there (a headline is prose)
UNANALYSED_FRONT = ("byline", "date", "label")


def _in_front_lines(record: Record, hit: Hit) -> bool:
    front = (record.layout or {}).get("front", [])
    return any(f["kind"] in UNANALYSED_FRONT and f["span"]["start"] <= hit.start
               and hit.end <= f["span"]["end"] for f in front)


@component("techniques", requires=("paragraphs", "sentences", "layout", "entities", "quotes", "voice"),
           assigns=("techniques",))
def techniques(ctx: Context) -> None:
    rec = ctx.record
    hits = [h for h in detect(source_of(rec, ctx.doc)) if not _in_front_lines(rec, h)]
    rec.techniques = technique_entries(rec, hits)
