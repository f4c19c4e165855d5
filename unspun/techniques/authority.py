"""Appeal_to_Authority: a speaker introduced by credentials whose words carry a conclusion.

With quotes (from the quotes component): each quote whose speaker is an entity
described by an expert's credentials ("a professor at ...") and whose content
is a declarative statement of some length.  Without quotes: the sentences (or
the quoted stretch before "..., NAME said") in which such a person is cited as
the source of a claim.  Officials are not experts: office alone is not a
credential here.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from .base import Hit, Source, lexicon_regex, word_set, words_regex

# the language's speech words ("said", "according to": ``authority.speech_words``)
_SPEECH = r"\b(?:{})\b"
_MIN_WORDS = 6
# a quote credited to "he" or "she" leans on an introduction made earlier; only the
# quotes where the text names the expert are reported (``authority.pronouns``)
# holders of office or candidates (``authority.office_words``): positions, not expertise
_OFFICE = r"\b(?:{})\b"


def _credential(src: Source, entity: dict[str, Any]) -> str | None:
    """The entity's first description that names an expert credential; None for holders of
    political office or candidates, whose words are positions, not expertise."""
    descriptions = entity.get("descriptions") or []
    office = words_regex(src, "authority", "office_words", _OFFICE)
    credentials = lexicon_regex("credentials", src.lang)
    if any(office.search(d["text"]) and not credentials.search(d["text"])
           for d in descriptions):
        return None
    for d in descriptions:
        if credentials.search(d["text"]):
            return d["text"]
    return None


def _asserts(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS and not text.rstrip().rstrip("\"”’'").endswith("?")


def _short(desc: str) -> str:
    return desc if len(desc) <= 60 else desc[:57].rstrip() + "..."


def from_quotes(src: Source) -> Iterable[Hit]:
    """Quotes whose speaker, named in the text, is an entity with an expert credential."""
    by_id = {e["id"]: e for e in src.entities}
    pronouns = word_set(src, "authority", "pronouns")
    for q in src.quotes:
        speaker = q.get("speaker") or {}
        entity = by_id.get(speaker.get("entity") or "")
        desc = _credential(src, entity) if entity else None
        content = q.get("content")
        named = (speaker.get("text") or "").lower() not in pronouns
        if desc and named and content and _asserts(content["text"]):
            yield Hit("Appeal_to_Authority", content["start"], content["end"],
                      f"claim credited to an expert introduced as '{_short(desc)}'", 0.6)


class _Marks:
    """Positions of line breaks and opening marks of a text, found once."""

    def __init__(self, text: str):
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        self.opens = [m.start() for m in re.finditer(r"[\"“]", text)]


def _quoted_before(text: str, mention_start: int, marks: _Marks | None = None
                   ) -> tuple[int, int] | None:
    """The quoted stretch closing just before '..., NAME said' (same paragraph)."""
    head = text[max(0, mention_start - 4):mention_start]
    close = max(head.rfind("\""), head.rfind("”"))
    if close < 0:
        return None
    close += max(0, mention_start - 4)
    marks = marks or _Marks(text)
    k = bisect_left(marks.breaks, close)  # the last line break before the mark
    para_start = marks.breaks[k - 1] + 1 if k else 0
    k = bisect_left(marks.opens, para_start)  # the paragraph's first opening mark
    if k == len(marks.opens) or marks.opens[k] >= close:
        return None
    s = marks.opens[k] + 1
    return (s, close) if close > s else None


def from_sentences(src: Source) -> Iterable[Hit]:
    """Without quotes: claims attributed to a credentialed person in the text."""
    text = src.text
    seen: set[tuple[int, int]] = set()
    marks: _Marks | None = None
    speech: dict[tuple[int, int], bool] = {}  # sentence -> whether it has a speech verb
    said = words_regex(src, "authority", "speech_words", _SPEECH)
    for entity in src.entities:
        if entity["type"] != "PERSON":
            continue
        desc = _credential(src, entity)
        if not desc:
            continue
        for m in entity["mentions"]:
            marks = marks or _Marks(text)
            rng = _quoted_before(text, m["start"], marks)
            if rng is None:
                s, e = src.sentence_of(m["start"])
                if (s, e) not in speech:
                    speech[(s, e)] = said.search(text[s:e]) is not None
                if not speech[(s, e)]:
                    continue
                rng = (s, e)
            if rng in seen or not _asserts(text[rng[0]:rng[1]]):
                continue
            seen.add(rng)
            yield Hit("Appeal_to_Authority", rng[0], rng[1],
                      f"claim credited to an expert introduced as '{_short(desc)}'", 0.55)


def appeal_to_authority(src: Source) -> Iterable[Hit]:
    """From quotes when the quotes component ran, else from attributed sentences."""
    hits = list(from_quotes(src)) if src.quotes else []
    return hits or list(from_sentences(src))


DETECTORS = (appeal_to_authority,)
