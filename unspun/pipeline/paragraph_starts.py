"""Paragraph starts as sentence starts, set before spaCy's parser runs.

spaCy's parser decides sentence boundaries together with the dependency tree, and it
often runs a sentence over a paragraph break (a headline line without a full stop
into the lede, a paragraph ending in a quotation mark into the next one).  The
record's sentences are cut at paragraph ends afterwards (:func:`.segment.sentence_bounds`),
but the tree stays joined: a verb of saying in one paragraph gets its subject from
the one before, and the components that read the tree (quotes, speakers, entities'
roles) see one clause where the writer wrote two paragraphs.

:func:`mark` sets ``is_sent_start`` on the first token of every paragraph of the
file's layout (:func:`.layout.paragraph_layout`, the same paragraphs the record
gets); the parser respects a preset start and decides the other boundaries itself.
"""
from __future__ import annotations

import bisect
from typing import Any

from .layout import paragraph_layout

NAME = "unspun_paragraph_starts"


def mark(doc: Any) -> Any:
    """``doc`` with its paragraphs' first tokens marked as sentence starts."""
    starts = [s for s, _ in paragraph_layout(doc.text).paragraphs]
    if len(starts) < 2:
        return doc
    idx = [t.idx for t in doc]
    for s in starts[1:]:
        i = bisect.bisect_left(idx, s)
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


def install(nlp: Any) -> Any:
    """Add :func:`mark` to ``nlp`` before its parser (once); ``nlp`` without a parser is
    returned as it is."""
    if NAME in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return nlp
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.component(NAME, func=mark)
    nlp.add_pipe(NAME, before="parser")
    return nlp
