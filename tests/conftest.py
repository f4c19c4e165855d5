"""Shared fixtures: the shipped seed article, ../shared data (skipped when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "trend-2023-09-20-karabakh.txt"
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_record():
    import unspun
    from unspun.readers import read_inputs

    article = next(read_inputs([str(SEED)]))
    return unspun.analyze(article.text, published=article.published)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


def find(rec, text, kind="entities"):
    """The entity whose name or a mention equals ``text``."""
    for e in getattr(rec, kind):
        if e["name"] == text or any(m["text"] == text for m in e["mentions"]):
            return e
    return None


@pytest.fixture(scope="session")
def quote_pipe():
    """The components up to quotes, loaded once for the quote and speaker tests."""
    import unspun.pipeline.quotes  # noqa: F401  (registers the component)
    from unspun.pipeline.runner import Pipeline

    return Pipeline(["segment", "dateline", "agencies", "entities", "quotes"])


def quotes_of(pipe, text):
    """The record of ``text`` and its quotes."""
    from unspun.readers.article import Article

    rec = pipe.analyze_batch([Article(text=text)])[0]
    return rec, rec.quotes


def valid_quotes_of(pipe, text):
    """:func:`quotes_of`, the record checked against the record schema first."""
    from unspun.schema import validate_record

    rec, quotes = quotes_of(pipe, text)
    validate_record(rec.to_dict())
    return rec, quotes


def tagged_mentions(text, name, label):
    """The entity mentions of ``text`` where the tagger's only entity is ``name`` (its first
    occurrence) with ``label``: a tagger's reading set by hand."""
    from unspun.pipeline.entities import spacy_mentions
    from unspun.pipeline.nlp import get_nlp

    doc = get_nlp()(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label, alignment_mode="expand")]
    return spacy_mentions(doc, text)


def speaker_name(rec, q):
    """The name of the entity a quote's speaker resolved to, else None."""
    sp = q["speaker"]
    return rec.entity(sp["entity"])["name"] if sp and sp["entity"] else None
