"""The article record: one per article, every field pointing back into ``text``.

A span is a plain dict ``{"start", "end", "text"}`` with Python ``str``
offsets into :attr:`Record.text` (end exclusive), so that
``record.text[s["start"]:s["end"]] == s["text"]`` always holds.  Records are
plain data: :meth:`Record.to_dict` gives JSON-ready dicts and
:meth:`Record.from_dict` reads them back.  The JSON Schema lives in
``unspun/schema/record.schema.json`` and is documented in ``docs/record.md``.

:attr:`Record.ext` is the extension namespace: ``ext[NAME]`` holds the JSON
value a plug-in component declaring ``ext.NAME`` writes (``docs/extending.md``);
it travels with the record like every other field.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

RECORD_VERSION = "1.0"

Span = dict[str, Any]


def span(text: str, start: int, end: int) -> Span:
    """Make a span over ``text[start:end]``."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
    return {"start": start, "end": end, "text": text[start:end]}


def record_id(text: str, published: str | None, source: str | None,
              title: str | None, url: str | None) -> str:
    """A stable id: the same text and metadata always give the same id."""
    key = json.dumps([text, published, source, title, url], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass
class Record:
    text: str
    id: str = ""
    version: str = RECORD_VERSION
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    layout: dict[str, Any] | None = None
    dateline: dict[str, Any] | None = None
    agencies: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    voice: list[dict[str, Any]] = field(default_factory=list)
    techniques: list[dict[str, Any]] = field(default_factory=list)
    frames: list[dict[str, Any]] = field(default_factory=list)
    genre: dict[str, Any] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    ext: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = record_id(self.text, self.published, self.source, self.title, self.url)

    def span(self, start: int, end: int) -> Span:
        return span(self.text, start, end)

    def warn(self, code: str, message: str) -> None:
        self.warnings.append({"code": code, "message": message})

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        return next((e for e in self.entities if e["id"] == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def _repr_html_(self) -> str:
        """The record as Jupyter shows it: see :mod:`unspun.render_html`."""
        from .render_html import record_html

        return record_html(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_json(cls, text: str) -> "Record":
        return cls.from_dict(json.loads(text))


def check_spans(record: Record) -> list[str]:
    """Every span in the record whose text does not match its offsets (for tests)."""
    bad: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
                if record.text[value["start"]:value["end"]] != value["text"]:
                    bad.append(path)
            for k, v in value.items():
                walk(v, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]")

    data = record.to_dict()
    data.pop("text")
    walk(data, "record")
    return bad
