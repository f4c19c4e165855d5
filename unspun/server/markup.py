"""An article's text as escaped HTML pieces, each marked with the layers covering it.

Quotes (coloured by speaker), techniques (underlined, with label and evidence)
and entity mentions overlap freely, so the text is cut at every span boundary
into pieces; each piece lists the layers it lies in.  Nothing here builds HTML
strings: the template renders the pieces, and Jinja escapes every text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..record import Record

PALETTE = 8  # speaker colour classes c0..c7 in the stylesheet


@dataclass
class Piece:
    """A run of text lying in the same quote, techniques and entity."""

    start: int
    end: int
    text: str
    quote: str | None = None               # quote id
    colour: int | None = None              # speaker colour class
    techniques: list[int] = field(default_factory=list)  # indexes into the technique list
    entity: str | None = None              # entity id
    anchors: list[str] = field(default_factory=list)     # element ids starting here


def speaker_key(quote: dict[str, Any]) -> str:
    sp = quote.get("speaker") or {}
    return sp.get("entity") or (sp.get("name") or "").casefold() or "?"


def speakers(rec: Record) -> list[dict[str, Any]]:
    """One row per distinct speaker: name, colour class, entity id and their quote ids."""
    out: dict[str, dict[str, Any]] = {}
    for q in rec.quotes:
        key = speaker_key(q)
        sp = q.get("speaker") or {}
        row = out.setdefault(key, {"name": sp.get("name") or "unattributed", "colour": len(out)
                                   % PALETTE, "entity": sp.get("entity"), "quotes": []})
        row["quotes"].append(q["id"])
    return list(out.values())


def _valid(s: Any, n: int) -> bool:
    return (isinstance(s, dict) and isinstance(s.get("start"), int)
            and isinstance(s.get("end"), int) and 0 <= s["start"] < s["end"] <= n)


def pieces(rec: Record) -> list[Piece]:
    """The text cut at every quote, technique and mention boundary, in order."""
    n = len(rec.text)
    colour = {}
    for row in speakers(rec):
        for qid in row["quotes"]:
            colour[qid] = row["colour"]
    quotes = [(q["content"]["start"], q["content"]["end"], q["id"]) for q in rec.quotes
              if _valid(q.get("content"), n)]
    techs = [(t["start"], t["end"], i) for i, t in enumerate(rec.techniques) if _valid(t, n)]
    ments = [(m["start"], m["end"], e["id"]) for e in rec.entities
             for m in e.get("mentions", []) if _valid(m, n)]
    cuts = {0, n}
    for a, b, _ in quotes + techs + ments:
        cuts.update((a, b))
    anchors: dict[int, list[str]] = {}
    for a, _, qid in quotes:
        anchors.setdefault(a, []).append(f"q-{qid}")
    for a, _, i in techs:
        anchors.setdefault(a, []).append(f"t-{i + 1}")
    bounds = sorted(cuts)
    out: list[Piece] = []
    for a, b in zip(bounds, bounds[1:]):
        p = Piece(a, b, rec.text[a:b], anchors=anchors.pop(a, []))
        for s, e, qid in quotes:
            if s <= a and b <= e:
                p.quote, p.colour = qid, colour.get(qid)
        p.techniques = [i for s, e, i in techs if s <= a and b <= e]
        p.entity = next((eid for s, e, eid in ments if s <= a and b <= e), None)
        out.append(p)
    return out


def technique_rows(rec: Record) -> list[dict[str, Any]]:
    """Techniques for the side panel, numbered as their anchors ``t-N``, with whose voice."""
    names = {q["id"]: ((q.get("speaker") or {}).get("name") or "unattributed")
             for q in rec.quotes}
    rows = []
    for i, t in enumerate(rec.techniques):
        voice = t.get("voice") or "author"
        rows.append({"n": i + 1, "label": t.get("label", "?"), "text": t.get("text", ""),
                     "voice": voice, "who": "author" if voice == "author"
                     else f"quote {voice} ({names.get(voice, '?')})",
                     "evidence": t.get("evidence") or "", "score": t.get("score"),
                     "start": t.get("start"), "end": t.get("end")})
    return rows


def tip(rec: Record, piece: Piece, rows: list[dict[str, Any]]) -> str:
    """The hover/tap text of a piece: each technique's label, voice and evidence."""
    return "\n".join(f"{rows[i]['label']} ({rows[i]['who']}): {rows[i]['evidence']}"
                     for i in piece.techniques)


def marked(snippet: str | None) -> list[tuple[str, bool]]:
    """A store snippet with ``**match**`` markers as (text, is_match) parts."""
    parts = (snippet or "").split("**")
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]
