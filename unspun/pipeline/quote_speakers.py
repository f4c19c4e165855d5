"""Who a quote's speaker is: the speaker span and the entity it refers to.

The speaker span is what the article writes beside the cue: a name ("Saken
Mukan"), a pronoun ("he"), a title or description ("the minister", "the
influential US daily").  :class:`SpeakerResolver` links it to an entity of
``record.entities``:

* a span that holds an entity mention is that entity (a person first);
* "he"/"she" is the person named most recently before it, outside quoted
  text, preferring the subject of that sentence and then an earlier speaker;
  "it"/"they" is an organisation that is the subject of a recent sentence;
* a description is the entity the article described with the same noun
  ("the professor" after "Saken Mukan, a professor at ..."), or, for
  organisation nouns ("the newspaper", "the ministry"), the organisation
  named most recently.

When nothing in the article supports a link the entity stays null: the span
is still reported, but no entity is guessed.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from ..lang import lemma as token_lemma
from ..lang import get as get_language

LOOKBACK_CHARS = 1500


def lexicon(lang: str = "en") -> dict[str, Any]:
    """The cue and speaker word lists of a language (``unspun/lang/<code>/quote_cues.json``)."""
    return get_language(lang).quote_cues


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str


class SpeakerResolver:
    """Resolves speaker spans of one record to entity ids."""

    def __init__(self, record: Any, doc: Any, quoted: list[tuple[int, int]], sents: Any = None):
        from .quote_cues import SentenceIndex

        self.record, self.doc, self.text = record, doc, record.text
        self.sents = sents if sents is not None else SentenceIndex(doc)
        self.quoted = sorted(quoted)
        mentions = [Mention(m["start"], m["end"], e["id"], e["type"])
                    for e in record.entities for m in e["mentions"]]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.speakers: list[tuple[int, str]] = []  # (position, entity id) of resolved speakers
        self.described = {e["id"]: " ".join(d["text"].lower() for d in e.get("descriptions", []))
                          for e in record.entities}
        self.gender = {e["id"]: g for e in record.entities if e["type"] == "PERSON"
                       for g in [person_gender(self.text, e, self.described[e["id"]])] if g}
        self._by_word: dict[str, list[int]] = {}  # description word -> entity indices
        for n, e in enumerate(record.entities):
            for word in set(self.described[e["id"]].split()):
                self._by_word.setdefault(word, []).append(n)
        self._mention_starts = [sorted(m["start"] for m in e["mentions"]) for e in record.entities]

    def inside_quote(self, pos: int) -> bool:
        i = bisect_left(self.quoted, (pos + 1,)) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def note_speaker(self, pos: int, entity: str | None) -> None:
        if entity:
            self.speakers.append((pos, entity))

    def resolve(self, start: int, end: int, head: Any = None) -> str | None:
        """The entity id the speaker span ``start:end`` refers to, or None."""
        inside = self.mentions_in(start, end)
        if inside:
            people = [m for m in inside if m.type == "PERSON"]
            return (people or inside)[0].entity
        word = self.text[start:end].lower()
        if head is not None and head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            return self._antecedent(head.head.head)
        lex = lexicon()
        if word in lex["person_pronouns"]:
            return self._recent_person(start)
        if word in lex["group_pronouns"] and word not in lex["first_person"]:
            return self._recent_group(start)
        if head is not None:
            return self._description(start, head)
        return None

    def _antecedent(self, noun: Any) -> str | None:
        """"Smith, who said ...": the entity named by the noun the relative clause modifies."""
        left = min([noun] + [c.left_edge for c in noun.lefts], key=lambda t: t.i)
        inside = self.mentions_in(left.idx, noun.idx + len(noun))
        people = [m for m in inside if m.type == "PERSON"]
        return (people or inside)[0].entity if inside else None

    def _sentences_before(self, pos: int):
        """spaCy sentences from the one holding ``pos`` backwards, within the look-back."""
        span = self.doc.char_span(pos, min(pos + 1, len(self.text)), alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        sent = self.sents.of(span[0].i)
        while pos - sent.start_char <= LOOKBACK_CHARS:
            yield sent
            if sent.start == 0:
                return
            sent = self.sents.of(sent.start - 1)

    def _candidates(self, sent: Any, before: int, types: set[str]) -> list[Mention]:
        # within the look-back even inside one very long sentence (so each pronoun costs
        # a bounded stretch of text, not the whole sentence before it)
        start = max(sent.start_char, before - LOOKBACK_CHARS)
        return [m for m in self.mentions_in(start, min(sent.end_char, before))
                if m.type in types and not self.inside_quote(m.start)]

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def _recent_person(self, pos: int) -> str | None:
        want = lexicon()["person_pronouns"].get(self.text[pos:pos + 4].split()[0].lower().strip(".,"))
        for sent in self._sentences_before(pos):
            found = [m for m in self._candidates(sent, pos, {"PERSON"})
                     if not want or self.gender.get(m.entity, want) == want]
            known = [m for m in found if want and self.gender.get(m.entity) == want]
            found = known or found
            if not found:
                continue
            subjects = [m for m in found if self._is_subject(m)]
            if subjects:
                return subjects[-1].entity
            spoke = {e for p, e in self.speakers if p < pos}
            earlier = [m for m in found if m.entity in spoke]
            return (earlier or found)[-1].entity if earlier else found[0].entity
        return None

    def _recent_group(self, pos: int) -> str | None:
        for n, sent in enumerate(self._sentences_before(pos)):
            if n > 2:
                return None
            found = [m for m in self._candidates(sent, pos, {"ORG"}) if self._is_subject(m)]
            if found:
                return found[-1].entity
        return None

    def _description(self, pos: int, head: Any) -> str | None:
        noun = token_lemma(head).lower()
        if head.pos_ not in ("NOUN", "PROPN") or len(noun) < 3:
            return None
        best: tuple[int, str] | None = None
        described = sorted(set(self._by_word.get(noun, [])) | set(self._by_word.get(head.lower_, [])))
        for n in described:  # the entities described with this noun, in order
            starts = self._mention_starts[n]
            k = bisect_left(starts, pos)
            last = starts[k - 1] if k else -1
            if last >= 0 and (best is None or last > best[0]):
                best = (last, self.record.entities[n]["id"])
        if best:
            return best[1]
        if noun in lexicon()["group_nouns"]:
            # the organisation named last before pos, outside quotes, within the look-back
            i = bisect_left(self._starts, pos) - 1
            while i >= 0 and pos - self.mentions[i].start < LOOKBACK_CHARS:
                m = self.mentions[i]
                if m.type == "ORG" and not self.inside_quote(m.start):
                    return m.entity
                i -= 1
        return None


_TITLES: dict[str, str] = get_language("en").words["title_gender"]
_GENDER_WORDS = {g: frozenset(w) for g, w in get_language("en").words["gender_words"].items()}


def person_gender(text: str, entity: dict[str, Any], described: str) -> str | None:
    """'m' or 'f' when the article marks it (Mr./Mrs./Ms. before a mention, or a gendered
    description such as 'spokeswoman'); None otherwise."""
    for m in entity["mentions"]:
        before = text[max(0, m["start"] - 6):m["start"]].lower().split()
        word = before[-1].rstrip(".") if before else ""
        if word in _TITLES:
            return _TITLES[word]
        first = m["text"].split()[0].lower().rstrip(".")
        if first in _TITLES:
            return _TITLES[first]
    words = set(described.split())
    hits = [g for g, vocab in _GENDER_WORDS.items() if words & vocab]
    return hits[0] if len(hits) == 1 else None


def speaker_span(doc: Any, subject: Any, resolver: SpeakerResolver) -> tuple[int, int, Any]:
    """Character span of the speaker phrase headed by ``subject`` and its head token.

    An entity mention inside the subject phrase is the span (a person first);
    otherwise the compact noun phrase: determiners, modifiers and compounds
    before the head noun ("the influential US daily").
    """
    sub = list(subject.subtree)
    s, e = sub[0].idx, sub[-1].idx + len(sub[-1])
    inside = resolver.mentions_in(s, e)
    if inside and subject.pos_ != "PRON":
        people = [m for m in inside if m.type == "PERSON"]
        m = (people or inside)[0]
        return m.start, m.end, subject
    if subject.pos_ == "PRON":
        return subject.idx, subject.idx + len(subject), subject
    left = subject
    for child in subject.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "npadvmod"):
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    return left.idx, subject.idx + len(subject), subject
