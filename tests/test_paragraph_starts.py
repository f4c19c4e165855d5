"""No sentence of spaCy's parse runs over a paragraph break (pipeline/paragraph_starts.py):
a headline line without a full stop and the lede under it, a quote paragraph and the
attribution paragraph after it, are parsed as separate sentences, with no dependency
from one paragraph into another."""
from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from unspun.pipeline.layout import paragraph_layout  # noqa: E402
from unspun.pipeline.nlp import get_nlp  # noqa: E402

TEXTS = [
    # a headline line, no full stop, then the lede
    "Council backs new transit levy for riders in the north end\n\n"
    "City council voted 9-4 on Tuesday to add a levy to monthly transit passes, "
    "Mayor Dana Whitfield said after the meeting.",
    # a quote paragraph left open, then the paragraph that attributes it
    "\u201cWe will not close the clinic and we will not cut its hours\n\n"
    "Health Minister Aaron Pike made the promise in Halifax on Monday.",
    # one paragraph a line, a caption-like line before the body
    "Firefighters at the scene of the blaze on Elm Street on Sunday\n"
    "Three people were taken to hospital after the fire, police said on Monday.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_no_sentence_or_dependency_crosses_a_paragraph(text):
    doc = get_nlp()(text)
    paragraphs = paragraph_layout(text).paragraphs
    assert len(paragraphs) == 2

    def para(tok) -> int:
        return next(i for i, (s, e) in enumerate(paragraphs) if s <= tok.idx < e)

    words = [t for t in doc if not t.is_space]
    for sent in doc.sents:
        assert len({para(t) for t in sent if not t.is_space}) == 1, sent.text
    assert all(para(t) == para(t.head) for t in words if not t.head.is_space)
    # the second paragraph opens a sentence of its own
    second = next(t for t in words if para(t) == 1)
    assert second.is_sent_start
