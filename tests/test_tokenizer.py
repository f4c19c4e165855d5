"""The linear-time tokenizer wrapper: real articles are tokenised exactly as spaCy does;
only space-free chunks longer than MAX_CHUNK are cut, with every character offset kept."""
from __future__ import annotations

import pytest

from conftest import SEED, SHARED
from unspun.pipeline.nlp import MAX_CHUNK, LinearTokenizer, get_nlp

PUNCT_RUN = "\"“”'«»" * 50  # 300 quote marks: a chunk that is quadratic in spaCy


def _tokens(doc, skip=(0, 0)):
    """What the parser sees of each token, outside ``skip`` (a character range)."""
    return [(t.idx, t.text, t.whitespace_, t.norm_, t.is_space) for t in doc
            if t.idx + len(t) <= skip[0] or t.idx >= skip[1]]


def _real_articles() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8")
              for p in sorted(SHARED.glob("polnear/*/text/*.txt"))] if SHARED.is_dir() else []
    return texts


@pytest.fixture(scope="module")
def tokenizers():
    import spacy

    from unspun.pipeline.nlp import MODEL

    wrapped = get_nlp().tokenizer
    assert isinstance(wrapped, LinearTokenizer)
    return wrapped, spacy.load(MODEL).tokenizer  # a fresh, unwrapped spaCy tokenizer


def test_real_articles_tokenise_as_spacy_does(tokenizers):
    wrapped, plain = tokenizers
    texts = _real_articles()
    for text in texts:
        assert _tokens(wrapped(text)) == _tokens(plain(text))
    if not SHARED.is_dir():
        pytest.skip("only the seed article checked: PolNeAR not found in ../shared/data")
    assert len(texts) > 100


def test_a_long_chunk_changes_nothing_around_it(tokenizers):
    """Real text on both sides of a pathological chunk keeps spaCy's tokens, offsets included."""
    wrapped, plain = tokenizers
    for text in _real_articles()[:8]:
        for joined in (text + " " + PUNCT_RUN + " " + text,
                       text + "\n\n" + PUNCT_RUN + "  " + text,
                       PUNCT_RUN + "\n" + text):
            doc = wrapped(joined)
            assert doc.text == joined
            start = joined.index(PUNCT_RUN)
            skip = (start, start + len(PUNCT_RUN))
            assert _tokens(doc, skip) == _tokens(plain(joined), skip)
            inside = [t for t in doc if skip[0] <= t.idx < skip[1]]
            assert all(len(t) <= MAX_CHUNK for t in inside)
            assert "".join(t.text_with_ws for t in inside).rstrip() == PUNCT_RUN


def test_pieces_join_back_and_are_bounded():
    tok = LinearTokenizer(get_nlp().tokenizer.inner, max_chunk=10)
    text = "ab " + "x" * 25 + ",,,," + "y" * 7 + "  cd\n" + "!" * 31 + "\t"
    pieces = list(tok.pieces(text))
    assert "".join(pieces) == text
    assert all(len(p.strip()) <= 10 or " " in p.strip() for p in pieces)
    assert pieces[0] == "ab "
    # a cut prefers the change between letters and punctuation
    assert "x" * 25 + ",,,," not in pieces and "xxxxx,,,," in pieces
    assert tok(text).text == text


def test_pipeline_parses_with_the_wrapper():
    nlp = get_nlp()
    docs = list(nlp.pipe(["He said “no.”", "«" * 500 + " Smith said it was over."]))
    assert [t.text for t in docs[0]] == ["He", "said", "“", "no", ".", "”"]
    assert docs[1].text.endswith("Smith said it was over.")
    from unspun.lang import lemma  # lemmas on demand: the pipeline runs no lemmatizer (issue 13)

    assert any(lemma(t) == "say" for t in docs[1])
