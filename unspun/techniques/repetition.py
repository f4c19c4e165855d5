"""Repetition: the same phrase driven home across an article, or a word said over and over.

Across the article, a phrase counts when it carries a value-laden word (the
``repetition_themes`` lexicon: "order", "terror*", "sovereign*"...) and is
either a modifier plus noun repeated at least three times ("constitutional
order") or four or more content words repeated at least twice; topic phrases
("special prosecutor") recur in any report and do not count.  Within one
paragraph, any phrase of three or more words with two content words repeated
within :data:`LOCAL_GAP` characters counts ("the most important job ..., the most important job").  Phrases that
overlap a named entity are skipped (names recur in any report, and the detector
must not depend on which sides are named), as are phrases with reporting words
or punctuation.  Each repeated occurrence is reported, not the first.  Stopwords,
reporting words and modifier prefixes are the language's (``repetition`` in its
techniques.json); a language without stopwords gets no repeated phrases.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable


from .base import Hit, Source, lexicon_regex, word_set

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SAME_WORD = re.compile(r"(?<![\w-])([A-Za-z]{3,})(?:[,!.]?\s+\1(?![\w-])){2,}", re.IGNORECASE)


def _tokens(src: Source) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(src.text)]


def _blocked(src: Source) -> list[bool]:
    """Per character: inside a named entity mention."""
    mask = [False] * (len(src.text) + 1)
    for s, e, _ in src.entity_spans():
        for i in range(s, e):
            mask[i] = True
    return mask


def _adj_noun(src: Source, start: int, end: int) -> bool:
    """The phrase is a modifier and a common noun ("constitutional order"), not a name."""
    if not src.text[start].islower():
        return False
    if src.doc is None:
        return True
    span = src.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    mods = [t for t in span[:-1] if not t.is_punct and t.text != "-"]
    prefixes = word_set(src, "repetition", "prefixes")  # "anti-", "non-": modifiers too
    return span[-1].pos_ == "NOUN" and bool(mods) and all(
        t.pos_ in ("ADJ", "VERB") or t.text.lower() in prefixes for t in mods)


def _ngrams(tokens: list[tuple[int, int, str]], n: int, stop: frozenset[str],
            report: frozenset[str]) -> dict[tuple[str, ...], list[int]]:
    """Start indices of each n-gram that neither starts nor ends with a stopword and holds
    no reporting word."""
    words = [t[2] for t in tokens]
    reporting = [0]
    for w in words:  # prefix counts of reporting words
        reporting.append(reporting[-1] + (w in report))
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(words) - n + 1):
        if words[i] in stop or words[i + n - 1] in stop or reporting[i + n] - reporting[i]:
            continue
        found[tuple(words[i:i + n])].append(i)
    return found


def _clean(src: Source, start: int, end: int) -> bool:
    """No punctuation inside the phrase but hyphens and apostrophes (no markup, no lists)."""
    return re.fullmatch(r"[\w'’ -]+", src.text[start:end]) is not None


def _themed(src: Source, spans: list[tuple[int, int]]) -> bool:
    return lexicon_regex("repetition_themes", src.lang).search(src.text, *spans[0]) is not None


LOCAL_GAP = 150  # characters between two occurrences for a repetition within a paragraph


def repeated_phrases(src: Source) -> Iterable[Hit]:
    """Talking points repeated across the article, and phrases repeated within a paragraph
    (see the module docstring for the thresholds)."""
    stop = word_set(src, "repetition", "stopwords")
    report = word_set(src, "repetition", "reporting")
    if not stop:  # without the language's stopwords every phrase would count
        return
    tokens = _tokens(src)
    blocked = _blocked(src)
    taken: dict[int, int] = {}  # first token of a reported phrase -> its furthest last token
    for n in (6, 5, 4, 3, 2):
        for words, starts in _ngrams(tokens, n, stop, report).items():
            if len(starts) < 2:
                continue
            spans = [(tokens[i][0], tokens[i + n - 1][1]) for i in starts]
            if not _clean(src, *spans[0]) or any(any(blocked[s:e]) for s, e in spans):
                continue
            content = sum(w not in stop for w in words)
            paras = [src.paragraph_index(s) for s, _ in spans]
            close = [k for k in range(1, len(spans)) if paras[k] == paras[k - 1]
                     and spans[k][0] - spans[k - 1][1] <= LOCAL_GAP]
            local = n >= 3 and content >= 2 and bool(close)
            across = _themed(src, spans) and (
                len(starts) >= 3 if n == 2 or content < 4 else len(starts) >= 2)
            if not (local or across) or (n == 2 and not _adj_noun(src, *spans[0])):
                continue
            phrase = src.text[spans[0][0]:spans[0][1]]
            where = "in one paragraph" if local and not across else "across the article"
            for k, (s, e) in enumerate(spans[1:], 2):
                first = starts[k - 1]
                last = first + n - 1
                # inside a reported phrase (of at most 6 tokens, so starting at most 5 before)
                if any(taken.get(t, -1) >= last for t in range(max(0, last - 5), first + 1)):
                    continue
                if local and not across and k - 1 not in close:
                    continue
                taken[first] = max(taken.get(first, -1), last)
                yield Hit("Repetition", s, e,
                          f"'{phrase}' repeated {where} (occurrence {k} of {len(spans)})", 0.6)


def repeated_word(src: Source) -> Iterable[Hit]:
    """One word said three or more times in a row ('never, never, never')."""
    for m in _SAME_WORD.finditer(src.text):
        yield Hit("Repetition", m.start(), m.end(), f"'{m.group(1)}' said over and over", 0.7)


DETECTORS = (repeated_phrases, repeated_word)


