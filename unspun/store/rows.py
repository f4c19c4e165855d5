"""A record flattened into table rows (the same for every backend).

The rows follow the columns of :mod:`unspun.store.tables` (the flat tables'
public layout), which this module re-exports as ``COLUMNS``.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from typing import Any

from ..record import Record
from .tables import CHILD_TABLES, COLUMNS

__all__ = ["COLUMNS", "article_row", "child_rows", "ext_json", "name_key", "names_of",
           "record_from_row", "record_json"]

def name_key(name: str | None) -> str | None:
    """The case-folded, space-normalised form names are matched on."""
    if not name:
        return None
    return " ".join(name.casefold().split()) or None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _span(value: Any) -> tuple[int | None, int | None, str | None]:
    if isinstance(value, dict):
        return value.get("start"), value.get("end"), value.get("text")
    return None, None, None


# lists of spans that together repeat the whole text; stored without their "text"
# (restored from the offsets on reading), which keeps the JSON column a third as big
DERIVED = ("paragraphs", "sentences", "voice")


def _strip(text: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        if isinstance(item, dict) and item.get("text") == text[item.get("start", 0):
                                                               item.get("end", -1)]:
            item = {k: v for k, v in item.items() if k != "text"}
        out.append(item)
    return out


def record_json(record: Record) -> str:
    """The record as JSON without ``text`` (stored once, in its own column).

    The spans in ``paragraphs``, ``sentences`` and ``voice`` are stored without
    their ``text``; :func:`record_from_row` puts it back from the offsets.
    """
    # fields hold plain JSON data already: no need for dataclasses.asdict's deep copy
    data = {f.name: getattr(record, f.name) for f in _FIELDS if f.name != "text"}
    for key in DERIVED:
        data[key] = _strip(record.text, data[key] or [])
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_FIELDS = fields(Record)


def record_from_row(text: str, data: str | dict) -> Record:
    obj = json.loads(data) if isinstance(data, str) else dict(data)
    obj["text"] = text
    for key in DERIVED:
        for item in obj.get(key) or []:
            if isinstance(item, dict) and "text" not in item and "start" in item:
                item["text"] = text[item["start"]:item["end"]]
    return Record.from_dict(obj)


def ext_json(rec: Record) -> str | None:
    """The record's extension namespace (``record.ext``) as JSON text; None when empty."""
    ext = getattr(rec, "ext", None)
    if not ext:
        return None
    return json.dumps(ext, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def article_row(rec: Record) -> tuple:
    genre = rec.genre if isinstance(rec.genre, dict) else {}
    return (rec.id, rec.published, (rec.published or "")[:7] or None, rec.source, rec.title,
            rec.url, rec.language, len(rec.text.split()), len(rec.text), len(rec.quotes),
            len(rec.techniques), genre.get("label"), genre.get("score"),
            (rec.meta or {}).get("input"), now(), ext_json(rec))


def child_rows(rec: Record) -> dict[str, list[tuple]]:
    """Rows for every child table of one record (articles excluded)."""
    rid = rec.id
    out: dict[str, list[tuple]] = {t: [] for t in CHILD_TABLES}
    for e in rec.entities:
        mentions = e.get("mentions") or []
        out["entities"].append((rid, e.get("id"), e.get("name"), name_key(e.get("name")),
                                e.get("type"), len(mentions)))
        for m in mentions:
            out["mentions"].append((rid, e.get("id"), *_span(m)))
    for q in rec.quotes:
        speaker = q.get("speaker") or {}
        name = speaker.get("name") or speaker.get("text")
        cs, ce, content = _span(q.get("content"))
        out["quotes"].append((rid, q.get("id"), q.get("kind"), speaker.get("entity"), name,
                              name_key(name), _span(q.get("cue"))[2], content, cs, ce))
    for t in rec.techniques:
        out["techniques"].append((rid, t.get("label"), t.get("start"), t.get("end"),
                                  t.get("text"), t.get("voice"), t.get("score"),
                                  t.get("evidence")))
    for f in rec.frames:
        out["frames"].append((rid, f.get("label"), f.get("score")))
    for a in rec.agencies:
        out["agencies"].append((rid, a.get("name"), a.get("kind"), a.get("role"),
                                *_span(a.get("span"))))
    return out


def names_of(rows: dict[str, list[tuple]]) -> set[str]:
    """Every name key (entities and speakers) in a record's rows, for the names table."""
    keys = {r[3] for r in rows["entities"] if r[3]}
    keys.update(r[5] for r in rows["quotes"] if r[5])
    return keys
