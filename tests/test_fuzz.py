"""Property tests: generated and mutated text through the real Pipeline, every component.

Whatever the text (odd Unicode, titles without names, lone punctuation, quote marks
everywhere, real articles with characters inserted, deleted or duplicated), the
article is analysed: no U110, every span's text is ``text[start:end]``, and the
record validates against the JSON Schema.

The default profile is derandomised (the same examples every run, so CI is stable);
``HYPOTHESIS_PROFILE=explore`` draws new, and more, examples to hunt for bugs.
"""
from __future__ import annotations

import json
import os
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED
from unspun.errors import Problem
from unspun.pipeline.runner import Pipeline
from unspun.readers import read_inputs
from unspun.readers.article import Article
from unspun.record import Record, check_spans
from unspun.schema import validate_record

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)
SCALE = 1 if PROFILE == "ci" else 10

_PIPELINE: list[Pipeline] = []


def pipeline() -> Pipeline:
    """One Pipeline (all default components) for the whole module."""
    if not _PIPELINE:
        _PIPELINE.append(Pipeline())
    return _PIPELINE[0]


def analyse(text: str) -> Record:
    """Analyse ``text`` through the Pipeline (blank text too) and check the record."""
    result = pipeline().analyze_batch([Article(text=text, origin="<generated>")])[0]
    assert not isinstance(result, Problem), f"{result} for {text!r}"
    assert check_spans(result) == [], text
    data = result.to_dict()
    validate_record(data)
    assert Record.from_json(json.dumps(data, ensure_ascii=False)) == result
    return result


# --- the pieces articles are made of, odd and ordinary -----------------------------------
SENTENCES = [
    "The minister said on Monday that talks would resume.",
    "“We will not retreat,” said John Smith, a spokesman for the army.",
    '"It is over," Smith told reporters in London.',
    "WASHINGTON (AP) — Senators voted 52-48 on Tuesday.",
    "BAKU, Azerbaijan, September 20. Saken Mukan told Trend.",
    "According to Reuters, the deal collapsed.",
    "Dr. Jane Doe, a professor at Yale University, disagreed.",
    "President Obama's plan failed, Obama's aides said.",
    "Critics called the bill a disaster, a catastrophe and a shame!",
]
TITLES = ["Mr.", "Mr. said", "Dr.", "Mrs. Mr.", "Sen. Mr. Gov. said so.", "President's", "Gov.",
          "Minister", "Prof. Dr.", "Mr. — said.", "“Mr.”", "Ms. . Smith said", "St.", "Lord"]
PUNCT = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") + ["—", "–", "…", "«", "»", "“", "”", "‘",
                                                     "’", "„", "‹", "›", "「", "」", "¿", "¡"]
ODD = [
    "e\u0301", "\u0301", "\u0301\u0302\u0303", "a\u20dd",        # combining marks
    "\u200f", "\u202e", "\u2066", "\u200e", "שלום", "مرحبا",      # RTL marks and text
    "\u200b", "\u200d", "\u2060", "\ufeff",                       # zero-width
    "😀", "👩\u200d👩\u200d👧", "🇦🇿", "𝐁𝐨𝐥𝐝", "𓀀", "𠀀", "\U0010fffd",  # astral
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\t", "\x0c",
    "ﬁ", "İ", "ß", "ǅ", "Å", "ＡＢＣ", "①", "½",                    # case and width oddities
]
SEPARATORS = [" ", "", "\n", "\n\n", "\n\n\n\n", " \n \n ", "\r\n"]

TITLE_WORDS = ["", "Mr.", "Mrs.", "Dr.", "Sen.", "Gov.", "President", "Minister", "Prof.",
               "Sen. Mr. Gov.", "the President's", "Mr. Mr.", "MR."]
NAMES = ["", "John Smith", "Smith", "Smith's", "Sergei Lavrov", "Lavrov", "Lavrov’s", "O'Brien",
         "“Smith”", "SMITH", "—", "'s", "J. Smith", "Jean-Luc Picard", "Picard"]
VERBS = ["said", "told reporters", "said so", "agreed", "left", "said:", "added"]
ENDINGS = [".", " on Monday.", ", officials said.", "!", " \"No.\"", " “We won.”", ""]


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    """'<title> <name> <verb><ending>': people named, half-named and unnamed."""
    words = [draw(st.sampled_from(TITLE_WORDS)), draw(st.sampled_from(NAMES)),
             draw(st.sampled_from(VERBS))]
    return " ".join(w for w in words if w) + draw(st.sampled_from(ENDINGS))


@settings(max_examples=60 * SCALE)
@given(st.lists(news_sentences(), min_size=1, max_size=8).map(" ".join))
def test_people_with_and_without_names_are_analysed(text):
    analyse(text)


piece = st.one_of(
    st.sampled_from(SENTENCES), news_sentences(), st.sampled_from(TITLES), st.sampled_from(PUNCT),
    st.sampled_from(ODD), st.sampled_from(SENTENCES).map(str.upper),
    st.text(alphabet=string.ascii_letters, min_size=200, max_size=3000),   # very long tokens
    st.sampled_from(["John Smith", "Smith", "Smith's", "SMITH", "J. Smith", "the President"]),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)


@st.composite
def articles(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), min_size=1, max_size=25))
    return "".join(p + sep for p, sep in parts)


@settings(max_examples=60 * SCALE)
@given(articles())
def test_generated_articles_are_analysed(text):
    analyse(text)


@settings(max_examples=40 * SCALE)
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=400))
def test_arbitrary_unicode_is_analysed(text):
    analyse(text)


@settings(max_examples=25 * SCALE)
@given(st.lists(st.sampled_from(PUNCT + TITLES + ["\n\n", " ", "'s", "’s"]), min_size=1,
                max_size=40).map("".join))
def test_punctuation_and_titles_alone_are_analysed(text):
    analyse(text)


DATELINES = ["", "WASHINGTON (AP) —", "BAKU, Azerbaijan, September 20.", "LONDON, March 3 (AFP) -",
             "MOSCOW (Reuters) -", "By JANE DOE\n\n", "(CNN)", "—", "PARIS —", "(AP) —",
             "UNITED NATIONS (AP) — ", "date 2023-09-20", "Mr. (AP) —", "SMITH, (Reuters) —"]
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "''", "``"]
WORDS = ["said", "Smith", "told", "Reuters", "AP", "the", "war", "\n\n", ",", ".", "—", ":",
         "according to", "claimed", "John Smith said", "he said", "she added", "Mr.", "TASS"]


@settings(max_examples=40 * SCALE)
@given(st.sampled_from(DATELINES),
       st.lists(st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(WORDS), news_sentences()),
                min_size=1, max_size=40),
       st.sampled_from([" ", "", "\n"]))
def test_quotes_and_datelines_everywhere_are_analysed(dateline, words, sep):
    analyse(dateline + " " + sep.join(words))


# --- real articles, mutated -----------------------------------------------------------------
SHORT_ARTICLES = [
    "MOSCOW (Reuters) — Russian Foreign Minister Sergei Lavrov said on Friday that talks with "
    "Ukraine had stalled. \"There is no progress,\" Lavrov told reporters.\n\n"
    "Mr. Lavrov's remarks came after a meeting in Geneva. The Kremlin declined to comment.",
    "LONDON, March 3 (AFP) - Prime Minister Boris Johnson's spokesman said the government "
    "would \u201cnot be rushed\u201d into a decision.\n\nLabour leader Keir Starmer called it "
    "\u2018a shameful betrayal\u2019. Johnson said: \u201cWe will do what is right.\u201d",
    "By JANE DOE\n\nWASHINGTON \u2014 Sen. Elizabeth Warren on Tuesday criticized the bank. "
    "Warren said the bank had failed its customers, according to a statement.\n\n\n\n"
    "The bank's CEO, James Dimon, said: \"We disagree.\"",
]
SEED_TEXT = next(a for a in read_inputs([str(SEED)]) if isinstance(a, Article)).text
BASES = [SEED_TEXT, *SHORT_ARTICLES]
INSERTS = st.one_of(st.sampled_from(ODD + PUNCT + TITLES + ["\n\n", "\n\n\n", "'s", "’s"]),
                    st.characters(exclude_categories=("Cs",)).map(str))
mutation = st.tuples(st.sampled_from(["insert", "delete", "duplicate", "upper", "quote"]),
                     st.integers(0, 10**6), st.integers(1, 40), INSERTS)


def mutate(text: str, ops: list[tuple[str, int, int, str]]) -> str:
    for kind, pos, size, insert in ops:
        i = pos % (len(text) + 1)
        j = min(len(text), i + size)
        if kind == "insert":
            text = text[:i] + insert + text[i:]
        elif kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif kind == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        else:  # quote marks everywhere
            text = "".join(ch + ("\u201c" if k % 3 == 0 else '"') if ch == " " else ch
                           for k, ch in enumerate(text[i:j])).join((text[:i], text[j:]))
    return text


@settings(max_examples=30 * SCALE)
@given(st.sampled_from(BASES), st.lists(mutation, min_size=1, max_size=15))
def test_mutated_real_articles_are_analysed(base, ops):
    analyse(mutate(base, ops))


@pytest.mark.parametrize("base", BASES, ids=["seed", "lavrov", "johnson", "warren"])
def test_whole_articles_in_capitals_and_without_spaces_are_analysed(base):
    for text in (base.upper(), base.lower(), base.replace(" ", ""), base.replace("\n", "\n\n\n"),
                 base.replace(" ", "\u00a0"), base.replace("\n\n", "\n \n")):
        analyse(text)
