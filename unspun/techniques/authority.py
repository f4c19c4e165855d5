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

from .base import Hit, Source, lexicon_regex

_SPEECH = re.compile(r"\b(?:said|says|told|tells|stated|states|noted|notes|stressed|stresses|"
                     r"believes|believed|added|explained|explains|emphasi[sz]ed|pointed\s+out|"
                     r"argued|argues|warned|warns|according\s+to|concluded|wrote|writes)\b",
                     re.IGNORECASE)
_MIN_WORDS = 6
# a quote credited to "he" or "she" leans on an introduction made earlier; only the
# quotes where the text names the expert are reported
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we", "you"}


_OFFICE = re.compile(r"\b(?:candidate|nominee|senator|sen\.|congressman|congresswoman|"
                     r"representative|rep\.|governor|gov\.|mayor|president|minister|secretary|"
                     r"spokesman|spokeswoman|spokesperson|chairman|chairwoman|lawmaker|"
                     r"campaign|party|ambassador)\b", re.IGNORECASE)


def _credential(entity: dict[str, Any]) -> str | None:
    """The entity's first description that names an expert credential; None for holders of
    political office or candidates, whose words are positions, not expertise."""
    descriptions = entity.get("descriptions") or []
    if any(_OFFICE.search(d["text"]) and not lexicon_regex("credentials").search(d["text"])
           for d in descriptions):
        return None
    for d in descriptions:
        if lexicon_regex("credentials").search(d["text"]):
            return d["text"]
    return None


def _asserts(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS and not text.rstrip().rstrip("\"”’'").endswith("?")


def _short(desc: str) -> str:
    return desc if len(desc) <= 60 else desc[:57].rstrip() + "..."


def from_quotes(src: Source) -> Iterable[Hit]:
    """Quotes whose speaker, named in the text, is an entity with an expert credential."""
    by_id = {e["id"]: e for e in src.entities}
    for q in src.quotes:
        speaker = q.get("speaker") or {}
        entity = by_id.get(speaker.get("entity") or "")
        desc = _credential(entity) if entity else None
        content = q.get("content")
        named = (speaker.get("text") or "").lower() not in _PRONOUNS
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
    for entity in src.entities:
        if entity["type"] != "PERSON":
            continue
        desc = _credential(entity)
        if not desc:
            continue
        for m in entity["mentions"]:
            marks = marks or _Marks(text)
            rng = _quoted_before(text, m["start"], marks)
            if rng is None:
                s, e = src.sentence_of(m["start"])
                if (s, e) not in speech:
                    speech[(s, e)] = _SPEECH.search(text[s:e]) is not None
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
