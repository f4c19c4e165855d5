"""Shared helpers for the store tests: hand-built records and a store on each backend.

Import from here (``from test_store_support import ...``); it holds no tests itself.
The PostgreSQL store lives in a fresh schema per test, dropped afterwards, because
other test runs may use the same ``test`` database at the same time.
"""
from __future__ import annotations

import os
import uuid

import pytest

from unspun.record import Record

PG_URL = os.environ.get("UNSPUN_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgres"]


def pg_available() -> str | None:
    """None when the test PostgreSQL server answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "skip with this reason"
        return f"PostgreSQL at {PG_URL} not reachable: {exc}"


def new_schema() -> str:
    return f"unspun_t_{os.getpid()}_{uuid.uuid4().hex[:8]}"


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def db_target(backend: str, tmp_path) -> tuple[str, str | None]:
    """A fresh database target (path or URL) for ``backend`` and its PG schema, if any."""
    if backend == "sqlite":
        return str(tmp_path / "news.db"), None
    reason = pg_available()
    if reason:
        pytest.skip(reason)
    schema = new_schema()
    return f"{PG_URL}?schema={schema}", schema


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    """A database target on each backend; the PostgreSQL schema is dropped afterwards."""
    url, schema = db_target(request.param, tmp_path)
    yield url
    if schema:
        drop_schema(schema)


@pytest.fixture
def store(target):
    import unspun

    with unspun.open_store(target) as s:
        yield s


def make_record(n: int, *, source: str = "Daily Planet", published: str = "2023-09-20",
                speaker: str = "Lois Lane", said: str = "the bridge will open in May",
                topic: str = "bridge", technique: str | None = "loaded_language",
                quoted_technique: str | None = None, frame: str | None = "economic",
                title: str | None = None) -> Record:
    """A small record with one entity, one quote and optional techniques and frame.

    Every span is computed from the text, so ``check_spans`` holds.
    """
    opener = f"Article {n} about the {topic}. "
    quote = f'{speaker} said "{said}." '
    closer = "Critics called the plan a disaster for the city."
    text = opener + quote + closer
    s0 = len(opener)
    c0 = s0 + len(speaker) + len(' said "')
    c1 = c0 + len(said)
    d0 = text.index("disaster")
    rec = Record(text=text, published=published, source=source,
                 title=title or f"Story {n} on the {topic}", meta={"input": f"in/{n}.txt"})
    rec.entities = [{"id": "E1", "name": speaker, "type": "PERSON", "descriptions": [],
                     "mentions": [rec.span(s0, s0 + len(speaker))]}]
    rec.quotes = [{"id": "Q1", "kind": "direct",
                   "speaker": {"entity": "E1", "name": speaker, **rec.span(s0, s0 + len(speaker))},
                   "cue": rec.span(s0 + len(speaker) + 1, s0 + len(speaker) + 5),
                   "content": rec.span(c0, c1)}]
    rec.agencies = [{"name": "AP", "kind": "wire", "role": "source", "span": None}]
    if technique:
        rec.techniques.append({"label": technique, **rec.span(d0, d0 + len("disaster")),
                               "voice": "author", "score": 0.9, "evidence": "negative label"})
    if quoted_technique:
        rec.techniques.append({"label": quoted_technique, **rec.span(c0, c1), "voice": "Q1",
                               "score": 0.7, "evidence": "inside the quote"})
    if frame:
        rec.frames = [{"label": frame, "score": 0.8, "evidence": [rec.span(0, len(opener) - 1)]}]
    rec.voice = [{**rec.span(0, s0), "voice": "author"}, {**rec.span(c0, c1), "voice": "Q1"}]
    return rec


def corpus() -> list[Record]:
    """Four plain records on two outlets over three months (store, CLI and server tests)."""
    return [
        make_record(1, source="Daily Planet", published="2023-09-20", speaker="Lois Lane",
                    topic="bridge", technique="loaded_language", frame="economic"),
        make_record(2, source="Daily Planet", published="2023-10-02", speaker="Perry White",
                    said="taxes must fall", topic="budget", technique=None, frame="political",
                    quoted_technique="exaggeration"),
        make_record(3, source="Gotham Gazette", published="2023-10-15", speaker="Lois Lane",
                    said="the budget is a mess", topic="budget", technique="doubt",
                    frame="economic"),
        make_record(4, source="Gotham Gazette", published="2024-01-05", speaker="Bruce Wayne",
                    said="the city needs trains", topic="railway", technique=None, frame=None),
    ]
