"""A non-English record's dateline, agencies, entities, quotes, voice and techniques.

:func:`fill` runs :func:`.analysis.analyse` on the record's text and writes its
results in the record's own format (``docs/record.md``): entities with ids and
mention spans (PER -> PERSON; a place the gazetteer knows as a city or country
-> GPE), quotes with their speaker linked to an entity, voice segments that
cover every sentence, techniques with the voice they are in.  A speaker found
without a named-entity model (a run of capitalised words beside the verb)
becomes a PERSON entity of its own, its mentions found by string search.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from ..record import span
from .analysis import Analysis, analyse
from .attribution import Ent
from .dateline import find_agencies
from .gazetteer import gazetteer
from .techniques import detect

TYPES = {"PER": "PERSON", "ORG": "ORG"}


def _entities(text: str, res: Analysis, lang: str) -> tuple[list[dict], dict[int, str]]:
    """Record entities, and the entity id of each cluster (Ent.cluster)."""
    gaz = gazetteer(lang)
    clusters: dict[Any, list[Ent]] = {}
    place_of: dict[Any, str] = {}
    loose = 0
    for e in res.ents:
        found = gaz._lookup(text[e.start:e.end]) if e.label == "LOC" else None
        if found:               # places cluster by the gazetteer's name (Ժնևում, ԺՆԵՎ: Ժնև)
            key: Any = ("place", found[0].lower())
            place_of[key] = found[0]
        else:
            key = e.cluster if e.cluster >= 0 else -1 - loose
            loose += e.cluster < 0
        clusters.setdefault(key, []).append(e)
    out, ids = [], {}
    for key, ents in sorted(clusters.items(), key=lambda kv: min(e.start for e in kv[1])):
        ents.sort(key=lambda e: e.start)
        name = place_of.get(key) or max((text[e.start:e.end] for e in ents), key=len)
        label = ents[0].label
        etype = TYPES.get(label) or ("GPE" if (gaz._lookup(name) or ("", ""))[1] in
                                     ("city", "country") else "LOC")
        eid = f"E{len(out) + 1}"
        for e in ents:
            if e.cluster >= 0:
                ids[e.cluster] = eid
        out.append({"id": eid, "name": name, "type": etype,
                    "mentions": [span(text, e.start, e.end) for e in ents],
                    "descriptions": [], "quotes": 0, "quoted_words": 0})
    return out, ids


def _speaker_entity(text: str, start: int, end: int, entities: list[dict]) -> dict:
    """A PERSON entity for a speaker name no model found, with every occurrence."""
    name = text[start:end]
    mentions, at = [], text.find(name)
    while at >= 0:
        mentions.append(span(text, at, at + len(name)))
        at = text.find(name, at + len(name))
    ent = {"id": f"E{len(entities) + 1}", "name": name, "type": "PERSON", "mentions": mentions,
           "descriptions": [], "quotes": 0, "quoted_words": 0}
    entities.append(ent)
    return ent


def _quotes(text: str, res: Analysis, entities: list[dict], ids: dict[int, str],
            has_model: bool) -> list[dict]:
    by_id = {e["id"]: e for e in entities}
    out = []
    for i, q in enumerate(res.quotes, start=1):
        speaker = None
        if q.speaker:
            s, e = q.speaker
            eid = ids.get(q.entity) if q.entity is not None and q.entity >= 0 else None
            if eid is None and not has_model:
                found = next((x for x in entities if x["type"] == "PERSON" and x["name"] == text[s:e]), None)
                if found is None and " " in text[s:e].strip():
                    found = _speaker_entity(text, s, e, entities)
                    by_id[found["id"]] = found
                eid = found["id"] if found else None
            ent = by_id.get(eid) if eid else None
            if ent is not None:
                ent["quotes"] += 1
                ent["quoted_words"] += len(text[q.content[0]:q.content[1]].split())
            speaker = {"entity": eid, "name": ent["name"] if ent else text[s:e], **span(text, s, e)}
        out.append({"id": f"Q{i}", "kind": q.kind, "speaker": speaker,
                    "cue": span(text, *q.cue) if q.cue and q.cue[1] > q.cue[0] else None,
                    "content": span(text, *q.content)})
    return out


def voice_segments(text: str, sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Segments covering every sentence: a quote's content is its voice, the rest the author's."""
    out = []
    qs = sorted(quotes, key=lambda q: q["content"]["start"])
    starts = [q["content"]["start"] for q in qs]
    longest = max((q["content"]["end"] - q["content"]["start"] for q in qs), default=0)
    for sent in sentences:
        s, e = sent["start"], sent["end"]
        cuts = []
        for q in qs[bisect_left(starts, s - longest):bisect_left(starts, e)]:
            a, b = max(q["content"]["start"], s), min(q["content"]["end"], e)
            if a < b:
                cuts.append((a, b, q["id"]))
        pos = s
        for a, b, qid in sorted(cuts):
            if a < pos:
                continue
            _segment(text, pos, a, "author", out)
            _segment(text, a, b, qid, out)
            pos = b
        _segment(text, pos, e, "author", out)
    return out


def _segment(text: str, a: int, b: int, voice: str, out: list[dict]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append({**span(text, a, b), "voice": voice})


def fill(rec: Any, lang: str, has_model: bool, doc: Any = None) -> Analysis:
    """Write the analysis of ``rec.text`` (a text in ``lang``; ``doc`` its parse, if any)
    into ``rec``: dateline (kept when the general component found one), agencies (added
    to the general component's), entities and quotes.  Voice segments come from the
    ``voice`` component (:func:`voice_segments` is the same rule, for use without it)."""
    text = rec.text
    res = analyse(text, lang, doc)
    entities, ids = _entities(text, res, lang)
    quotes = _quotes(text, res, entities, ids, has_model)
    rec.entities, rec.quotes = entities, quotes
    if res.dateline is not None and not rec.dateline:
        d = res.dateline
        rec.dateline = {"place": span(text, *d.place), "date": span(text, *d.date) if d.date else None,
                        "agency": span(text, *d.agency) if d.agency else None,
                        "resolved_date": None, "span": span(text, *d.span)}
    wire = res.dateline.agency if res.dateline and res.dateline.agency else None
    known = list(rec.agencies or [])     # what the general component found stays
    taken = [(a["span"]["start"], a["span"]["end"]) for a in known]
    rec.agencies = known + [
        {"name": a.name, "kind": "wire",
         "role": "wire" if wire and wire[0] <= a.start < wire[1] else "credit",
         "span": span(text, a.start, a.end)}
        for a in find_agencies(text) if not any(a.start < e and s < a.end for s, e in taken)]
    rec.agencies.sort(key=lambda a: a["span"]["start"])
    return res


def fill_techniques(rec: Any, lang: str) -> None:
    """The language's lexicon techniques, each in the voice of the quote that holds it
    (from the record's sentences and quotes)."""
    from .attribution import Quote

    text, quotes = rec.text, rec.quotes
    sents = [(s["start"], s["end"]) for s in rec.sentences]
    found = [Quote(q["kind"], (q["content"]["start"], q["content"]["end"]), None,
                   (q["speaker"]["start"], q["speaker"]["end"]) if q["speaker"] else None)
             for q in quotes]
    contents = sorted((q["content"]["start"], q["content"]["end"], q["id"]) for q in quotes)
    cstarts = [c[0] for c in contents]

    def voice_of(a: int, b: int) -> str:
        k = bisect_right(cstarts, a) - 1
        return contents[k][2] if k >= 0 and b <= contents[k][1] else "author"

    rec.techniques = [{"label": h.label, **span(text, h.start, h.end), "voice": voice_of(h.start, h.end),
                       "score": 0.6, "evidence": h.evidence}
                      for h in detect(text, sents, found, lang)]
