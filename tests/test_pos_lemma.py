"""English's backend runs no attribute_ruler or lemmatizer, yet gives the full model's
pos_, tag_, dep_ and lemmas (unspun/lang/en/attributes.py); checked on real articles."""
from __future__ import annotations

import pytest
import spacy

from unspun.lang import get, inflections, lemma
from unspun.lang.en.backend import MODEL
from unspun.pipeline import paragraph_starts
from unspun.pipeline.nlp import LinearTokenizer, get_nlp

from conftest import SEED, SHARED


@pytest.fixture(scope="module")
def full():
    nlp = spacy.load(MODEL)
    nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
    return paragraph_starts.install(nlp)  # the backend's parse input, so only attributes differ


def texts() -> list[str]:
    out = [SEED.read_text("utf-8"),
           "I'd say he's gonna win. Y'all know it ain't over: \"We won't stop,\" she said.\n\n"
           "  The senators' spokeswomen were told; nothing was being done.  Let's go."]
    polnear = sorted((SHARED / "polnear" / "dev" / "text").glob("*.txt"))[:6]
    return out + [p.read_text("utf-8") for p in polnear]


def test_the_unused_pipes_do_not_run():
    nlp = get_nlp()
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_same_attributes_as_the_full_model(full):
    cues = get("en").quote_cues
    words = cues["clause_verbs"] | cues["object_verbs"]
    for a, b in zip(full.pipe(texts()), get_nlp().pipe(texts())):
        forms = inflections(b, words)
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert (x.pos_, x.tag_, x.dep_, x.head.i) == (y.pos_, y.tag_, y.dep_, y.head.i), x.text
            assert lemma(y) == x.lemma_, (x.text, x.tag_)
            if x.lemma_ in words:  # the pre-filter never drops a cue word
                assert y.lower_ in forms


def test_lemma_of_inflected_cue_verbs():
    doc = get_nlp()("He said no. She says yes. They were saying it and told us.")
    assert [lemma(t) for t in doc if t.lower_ in ("said", "says", "saying", "told", "were")] == \
        ["say", "say", "be", "say", "tell"]
