"""What every technique detector shares: the source it reads, the hits it returns, lexicons.

A detector is a plain function ``detect(src: Source) -> Iterable[Hit]``.  It
reads the article text (and, when present, the spaCy doc, the entities and the
quotes) and returns hits with character offsets and a short reason an analyst
can check against the text.  Detectors never look at *which* people, places
or groups are named: only at wording, punctuation and syntax, so that every
side's wording is treated the same way.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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

    def __post_init__(self) -> None:
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


@lru_cache(maxsize=None)
def lexicon_regex(name: str) -> re.Pattern[str]:
    """One compiled, case-insensitive regex matching any entry of a lexicon as whole words."""
    entries = sorted(lexicon(name), key=len, reverse=True)
    body = "|".join(_entry_pattern(e) for e in entries)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def find_lexicon(name: str, text: str) -> list[re.Match[str]]:
    """Every match of a lexicon in ``text``."""
    return list(lexicon_regex(name).finditer(text))


def pattern(regex: str) -> re.Pattern[str]:
    """Compile a detector's pattern (case-insensitive, verbose off)."""
    return re.compile(regex, re.IGNORECASE)


def in_quote_marks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is directly wrapped in quotation marks."""
    return start > 0 and end < len(text) and text[start - 1] in QUOTE_CHARS + "'‘" \
        and text[end] in QUOTE_CHARS + "'’"
