"""Quotation marks: pairing, nesting, paragraphs and odd marks, without the parser."""
from __future__ import annotations

from unspun.pipeline.quote_marks import find_quoted
from unspun.pipeline.segment import paragraph_bounds


def quoted(text):
    return [text[q.start:q.end] for q in find_quoted(text, paragraph_bounds(text))]


def test_straight_curly_and_single_pairs():
    assert quoted('He said "yes," and “no.”') == ['"yes,"', "“no.”"]
    assert quoted("Trump: 'We will win' in Iowa") == ["'We will win'"]


def test_apostrophes_are_not_quotes():
    assert quoted("The voters’ choice isn’t Trump’s, it’s the ’90s again.") == []


def test_nested_quote_is_inner():
    text = '"The so-called "elections" were a farce," he said.'
    qs = find_quoted(text, paragraph_bounds(text))
    assert len(qs) == 1
    assert [text[s:e] for s, e in qs[0].inner] == ['"elections"']


def test_multi_paragraph_continuation_and_stop():
    text = "“One.\n\n“Two.\n\n“Three,” she said.\n\nAfter."
    assert quoted(text) == ["“One.\n\n“Two.\n\n“Three,”"]
    text = "“Unclosed and alone.\n\nAuthor text here."
    assert quoted(text) == ["“Unclosed and alone."]


def test_odd_mark_mid_paragraph_is_dropped_not_raised():
    assert quoted('He was 6" tall and said "fine" then "left.') == ['"fine"']
    for odd in ('"""', '" "', "“”“", "’‘’"):
        for q in quoted(odd):
            assert q[0] in "\"“‘'" and q[-1] in "\"”’'"


def test_two_single_marks_typed_for_a_double_one():
    text = "''Fares will rise,'' the mayor said. ''We have no choice.''"
    assert quoted(text) == ["''Fares will rise,''", "''We have no choice.''"]


def test_doubled_marks_nest_single_quotes_and_keep_apostrophes():
    text = "''We are told, 'The rink is a special case,''' the councillor said. ''It isn't.''"
    qs = find_quoted(text, paragraph_bounds(text))
    assert [text[q.start:q.end] for q in qs] == ["''We are told, 'The rink is a special case,'''",
                                                "''It isn't.''"]
    assert [text[s:e] for s, e in qs[0].inner] == ["'The rink is a special case,'"]
    opening = "He said, '''Stop,' she told me, and I did.''"
    qs = find_quoted(opening, paragraph_bounds(opening))
    assert [opening[q.start:q.end] for q in qs] == ["'''Stop,' she told me, and I did.''"]
    assert [opening[s:e] for s, e in qs[0].inner] == ["'Stop,'"]


def test_doubled_marks_carry_a_quote_over_paragraphs():
    text = "''The first part.\n\n''The second part,'' he said."
    assert quoted(text) == ["''The first part.\n\n''The second part,''"]
