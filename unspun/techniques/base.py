"""What every technique detector shares: the source it reads, the hits it returns, lexicons.

A detector is a plain function ``detect(src: Source) -> Iterable[Hit]``.  It
reads the article text (and, when present, the spaCy doc, the entities and the
quotes) and the words of the article's language (``src.lang``: lexicons and
``techniques.json`` of ``unspun/lang/<code>/``; a language without a detector's
data gets nothing from that detector) and returns hits with character offsets
and a short reason an analyst can check against the text.  Detectors never look
at *which* people, places or groups are named: only at wording, punctuation and
syntax, so that every side's wording is treated the same way.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority", "Appeal_to_Popularity", "Appeal_to_Values", "Appeal_to_Fear-Prejudice",
    "Flag_Waving", "Causal_Oversimplification", "False_Dilemma-No_Choice",
    "Consequential_Oversimplification", "Straw_Man", "Red_Herring", "Whataboutism", "Slogans",
    "Appeal_to_Time", "Conversation_Killer", "Loaded_Language", "Repetition",
    "Exaggeration-Minimisation", "Obfuscation-Vagueness-Confusion", "Name_Calling-Labeling",
    "Doubt", "Guilt_by_Association", "Appeal_to_Hypocrisy", "Questioning_the_Reputation",
)

QUOTE_CHARS = "\"“”«»„"


@dataclass(frozen=True)
class Hit:
    """One technique found at ``text[start:end]``, with the reason it was reported."""

    label: str
    start: int
    end: int
    evidence: str
    score: float = 0.6


@dataclass
class Source:
    """What detectors read: the text and whatever earlier components found in it."""

    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    doc: Any = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    lang: Any = None  # the article's unspun.lang.Language (English when not given)

    def __post_init__(self) -> None:
        if self.lang is None:
            from ..lang import get

            self.lang = get("en")
        if not self.paragraphs:
            from ..pipeline.segment import paragraph_bounds

            self.paragraphs = paragraph_bounds(self.text) or [(0, len(self.text))]
        if not self.sentences:
            self.sentences = [(m.start(), m.end()) for m in
                              re.finditer(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)", self.text)
                              if self.text[m.start():m.end()].strip()]

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (-1 between paragraphs)."""
        i = bisect_right(self._starts("paragraphs"), offset) - 1
        return i if i >= 0 and offset < self.paragraphs[i][1] else -1

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset`` (the whole text if none)."""
        i = bisect_right(self._starts("sentences"), offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            s, e = self.sentences[i]
            return s, e
        return 0, len(self.text)

    def _starts(self, name: str) -> list[int]:
        """Starts of the (sorted, non-overlapping) sentences or paragraphs, for bisection;
        recomputed when the list is replaced."""
        spans = getattr(self, name)
        cached = self.__dict__.get("_index_" + name)
        if cached is None or cached[0] is not spans or len(cached[1]) != len(spans):
            cached = (spans, [s for s, _ in spans])
            self.__dict__["_index_" + name] = cached
        return cached[1]

    def in_name(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps the name of a person, organisation or place (a word
        inside a name, like a book or station title, is not the writer's rhetoric)."""
        cached = self.__dict__.get("_names")
        if cached is None or cached[0] is not self.entities:
            spans = sorted((s, e) for s, e, _ in
                           self.entity_spans({"PERSON", "ORG", "GPE", "LOC", "FAC"}))
            reach, top = [], -1  # the furthest end among the spans so far
            for _, e in spans:
                top = max(top, e)
                reach.append(top)
            cached = (self.entities, [s for s, _ in spans], reach)
            self.__dict__["_names"] = cached
        k = bisect_left(cached[1], end)  # spans starting before ``end``
        return k > 0 and cached[2][k - 1] > start

    def entity_spans(self, types: set[str] | None = None) -> list[tuple[int, int, dict]]:
        """(start, end, entity) for every mention, optionally only of some entity types."""
        return [(m["start"], m["end"], e) for e in self.entities
                if types is None or e["type"] in types for m in e["mentions"]]


# ---------------------------------------------------------------------------- lexicons

def lexicon(name: str, lang: str = "en") -> tuple[str, ...]:
    """The entries of ``unspun/lang/<lang>/lexicons/NAME.txt`` (one per line, ``#`` comments)."""
    from ..lang import get

    return get(lang).lexicon(name)


def _entry_pattern(entry: str) -> str:
    """A lexicon entry as a regex: words separated by any space; ``*`` ends in any suffix."""
    parts = []
    for word in entry.split():
        star = word.endswith("*")
        word = re.escape(word.rstrip("*")).replace("'", "['’]")
        parts.append(word + (r"[\w'’-]*" if star else ""))
    return r"\s+".join(parts)


def _language(lang: Any) -> Any:
    """A :class:`unspun.lang.Language` from one, a code or None (English)."""
    from ..lang import get

    return get(lang or "en") if lang is None or isinstance(lang, str) else lang


def lexicon_regex(name: str, lang: Any = None) -> re.Pattern[str]:
    """One compiled, case-insensitive regex matching any entry of a language's lexicon as
    whole words (compiled once per language); an absent lexicon matches nothing."""
    return lexicon_matcher(name, lang).regex


def lexicon_matcher(name: str, lang: Any = None) -> "LexiconMatcher":
    """:func:`lexicon_regex` with a fast :meth:`~LexiconMatcher.finditer` (once per language)."""
    language = _language(lang)
    return language.memo(("lexicon", name), lambda: LexiconMatcher(language.lexicon(name)))


def find_lexicon(name: str, text: str, lang: Any = None) -> list[re.Match[str]]:
    """Every match of a language's lexicon in ``text``."""
    return list(lexicon_matcher(name, lang).finditer(text))


def words(src: Source, detector: str, name: str) -> Any:
    """One entry of the ``techniques.json`` of the source's language (``()`` if absent)."""
    return src.lang.technique_words(detector, name)


def words_regex(src: Source, detector: str, name: str, template: str = "(?:{})",
                flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A list of regular-expression alternatives of ``techniques.json`` compiled into
    ``template`` (``{}`` marks the alternation), once per language; an absent list matches
    nothing."""
    lang = src.lang

    def make() -> re.Pattern[str]:
        entries = lang.technique_words(detector, name)
        return re.compile(template.replace("{}", "|".join(entries) if entries else "(?!)"), flags)

    return lang.memo(("techniques", detector, name, template, flags), make)


def word_set(src: Source, detector: str, name: str) -> frozenset[str]:
    """A word list of ``techniques.json`` as a set (once per language)."""
    lang = src.lang
    return lang.memo(("technique set", detector, name),
                     lambda: frozenset(lang.technique_words(detector, name)))


class LexiconMatcher:
    """A lexicon's regex (entries longest first, as whole words, case-insensitive) whose
    :meth:`finditer` gives exactly the regex's own matches, faster.

    ``regex.finditer`` tries the whole alternation of entries at every character.  A
    match can only start where a word starts (no word character or hyphen before it) with
    the leading letters of some entry, so :meth:`finditer` tries the regex only there: at
    word starts whose first (up to three) letters, lower-cased, open an entry, and at word
    starts with non-ASCII letters (which case-insensitive matching may equate with ASCII
    ones).  Entries not opening with a letter or digit turn the filter off.
    """

    def __init__(self, entries: Iterable[str]):
        patterns = [_entry_pattern(e) for e in sorted(entries, key=len, reverse=True)]
        body = "|".join(patterns) or "(?!)"  # an empty lexicon matches nothing
        self.regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        heads = [_LEAD.match(p).group(0)[:3].lower() for p in patterns]  # type: ignore[union-attr]
        self.heads: dict[int, frozenset[str]] | None = None if not all(heads) else {
            k: frozenset(h for h in heads if len(h) == k) for k in {len(h) for h in heads}}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of :attr:`regex` in ``text``, as ``regex.finditer(text)`` gives them."""
        if self.heads is None:
            yield from self.regex.finditer(text)
            return
        index, odd = _word_starts(text)
        starts = set(odd)
        for k, heads in self.heads.items():
            table = index[k - 1]
            for head in heads & table.keys():
                starts.update(table[head])
        end = 0
        for pos in sorted(starts):
            if pos >= end:
                m = self.regex.match(text, pos)
                if m is not None:
                    yield m
                    end = m.end()


_LEAD = re.compile(r"[A-Za-z0-9]*")
_HEAD = re.compile(r"(?<![\w-])\w{1,3}")


@lru_cache(maxsize=4)
def _word_starts(text: str) -> tuple[tuple[dict[str, list[int]], ...], list[int]]:
    """Where words start in ``text`` (a word character with no word character or hyphen
    before it), indexed by their first 1, 2 and 3 characters lower-cased; and the starts
    whose first three characters are not all ASCII."""
    by3: dict[str, list[int]] = {}
    odd: list[int] = []
    for m in _HEAD.finditer(text):
        head = m.group(0)
        if not head.isascii():
            odd.append(m.start())
        elif (head := head.lower()) in by3:
            by3[head].append(m.start())
        else:
            by3[head] = [m.start()]
    by1: dict[str, list[int]] = {}
    by2: dict[str, list[int]] = {}
    for head, starts in by3.items():
        by1.setdefault(head[0], []).extend(starts)
        if len(head) > 1:
            by2.setdefault(head[:2], []).extend(starts)
    return (by1, by2, by3), odd


def pattern(regex: str) -> re.Pattern[str]:
    """Compile a detector's pattern (case-insensitive, verbose off)."""
    return re.compile(regex, re.IGNORECASE)


def in_quote_marks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is directly wrapped in quotation marks."""
    return start > 0 and end < len(text) and text[start - 1] in QUOTE_CHARS + "'‘" \
        and text[end] in QUOTE_CHARS + "'’"
