"""Whether a name is a person or an organisation, from the article's own evidence.

spaCy's small model often gets the type of a name it has not seen wrong
("Dr. Nadia Chartrand" ORG, "Colleges Ontario" PERSON).  Each name (all the
mentions written the same way) is re-typed by class, strongest evidence
first:

1. an organisation head noun (``organisation_heads`` of ``words.json``:
   *Festival*, *Association*, *Police*, *Inc*) as the last word of a name of
   two words or more makes it an organisation ("Victoria Police", "Wilfrid
   Laurier University");
2. a personal honorific (``person_honorifics``: *Dr.*, *Mrs*, *Sen.*) right
   before a mention or opening it makes it a person;
3. a head noun elsewhere in the name ("University of Waterloo", "Colleges
   Ontario") makes it an organisation, unless a known first name is followed
   only by words that are not head nouns ("Union President Jerry Dias": then
   the tagger's type stands);
4. a known first name opening a name of two words or more keeps a person a
   person, and makes an organisation a person when its last word is also a
   person's mention on its own ("Chartrand said"), or when the votes below do
   not say organisation and its last word is neither an acronym nor a news
   outlet's word (``media_words`` of ``patterns.json``: "Charlotte Observer");
5. otherwise the article's other words for it vote, where a mention heads its
   noun phrase: the words right after it (``entity_org_after``: ", which" /
   "its"; ``entity_person_after``: ", who" / "his", of ``patterns.json``) and
   its apposition's noun (an organisation noun: ``organisation_nouns`` or a
   head noun; a person: ``role_words``),
   for names tagged person or organisation.

Only persons and organisations are turned into each other (and a group
tagged NORP with a head noun into an organisation); a place becomes a person
only with an honorific, and a country never changes.
:func:`recover` adds the organisations spaCy missed that the text names as
the subject of a speech verb ("The Stratford Festival said").
"""
from __future__ import annotations

import re
from typing import Any

from ..lang import get as get_language
from ..lang import lemma as token_lemma
from ..places import is_country

_CONVERTIBLE = {"PERSON", "ORG"}
_NAME_POS = {"PROPN", "NOUN", "ADJ"}
_HEADING = {"nsubj", "nsubjpass", "dobj", "appos", "ROOT", "conj"}


class TypeWords:
    """A language's evidence for entity types (see the module docstring)."""

    def __init__(self, lang: Any):
        self.heads = lang.word_set("organisation_heads")
        self.honorifics = lang.word_set("person_honorifics")
        self.roles = lang.word_set("role_words")
        self.titles = frozenset(t.lower().rstrip(".") for t in lang.lexicon("person_titles"))
        self.media = lang.regex("media_words")
        self.org_nouns = (lang.word_set("organisation_nouns") | self.heads) - self.roles
        self.female = frozenset(lang.lexicon("first_names_female"))
        self.male = frozenset(lang.lexicon("first_names_male"))
        self.org_after = lang.regex("entity_org_after")
        self.person_after = lang.regex("entity_person_after")
        self.speech = frozenset(lang.quote_cues.get("clause_verbs", ()))
        forms = {f for h in self.heads for f in (h.capitalize(), h.upper())}
        heads = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
        # a capitalised run ending in a head noun ("Stratford Festival", "Alliance of
        # Student Associations"); at most five words before the head
        self.named_org = re.compile(
            rf"(?<![\w'’.-])(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|de|des|du)\s+(?:the\s+)?)?){{1,5}}"
            rf"(?:{heads})(?![\w'’-])") if heads else re.compile(r"(?!)")

    def first_name(self, word: str) -> bool:
        return word.lower() in self.female or word.lower() in self.male


def type_words(lang: Any = None) -> TypeWords:
    lang = lang if lang is not None else get_language("en")
    return lang.memo(("type words",), lambda: TypeWords(lang))


def _honorific_before(text: str, start: int, words: TypeWords) -> bool:
    before = text[max(0, start - 12):start].split()
    if not before or not text[start - 1:start].isspace():
        return False
    word = before[-1]
    return word[:1].isupper() and word.lower().rstrip(".") in words.honorifics


def decide(label: str, name_words: list[str], before_honorific: bool, votes: tuple[int, int],
           alone: bool, words: TypeWords, opens_with_name: bool = True) -> str:
    """The type of a name of ``label`` whose words (honorifics aside) are ``name_words``;
    ``votes`` counts (organisation, person) cues after its mentions; ``alone``: its last
    word is also a person's mention on its own (a surname: "Chartrand said");
    ``opens_with_name``: the name as written opens with its first word or a person's
    title ("President Barack Obama", not "St. Paul Votes") and no apposition calls it
    an organisation."""
    low = [w.lower() for w in name_words]
    heads = [i for i, w in enumerate(low) if w in words.heads]
    multi = len(low) >= 2
    if multi and heads and heads[-1] == len(low) - 1:
        return "ORG" if label in _CONVERTIBLE | {"NORP"} else label
    if before_honorific:
        return "PERSON"
    if label not in _CONVERTIBLE and not (label == "NORP" and multi and heads):
        return label
    if multi and heads:
        person = any(words.first_name(w) and i < len(low) - 1 and not any(h > i for h in heads)
                     for i, w in enumerate(name_words))
        return label if person else "ORG"  # "Union President Jerry Dias": as tagged
    if label not in _CONVERTIBLE:
        return label
    org, person = votes
    if multi and words.first_name(name_words[0]) and name_words[0][:1].isupper():
        last = name_words[-1]
        if label == "PERSON" or alone or (person >= org and opens_with_name and not last.isupper()
                                          and not words.media.search(last)):
            return "PERSON"  # the tagger and a first name agree, or nothing says otherwise
    if org > person:
        return "ORG"
    if person > org:
        return "PERSON"
    return label


def retype(mentions: list[Any], text: str, name_key: Any, name_words: Any, lang: Any = None,
           doc: Any = None) -> None:
    """Re-type ``mentions`` in place, one type for all the mentions of one name
    (``name_key(text)``); ``name_words(text)`` gives a name's words without honorifics.
    The words after a mention count only when ``doc`` shows the mention heads its
    noun phrase (not "a lawyer at Bailey & Glasser, who", "the GOP nominee ... his")."""
    words = type_words(lang)
    groups: dict[str, list[Any]] = {}
    for m in mentions:
        groups.setdefault(name_key(text[m.start:m.end]), []).append(m)
    full = [name_words(text[m.start:m.end]) for m in mentions if m.label == "PERSON"]
    known = {w.lower() for words_ in full if len(words_) >= 2 for w in words_}
    surnames = {words_[0].lower() for words_ in full if len(words_) == 1}
    for key, group in groups.items():
        label = _majority([m.label for m in group])
        if label == "GPE" and is_country(key):
            continue
        surface = text[group[0].start:group[0].end]
        raw, parts = surface.split(), name_words(surface)
        inside = len(raw) > 1 and raw[0].lower().rstrip(".") in words.honorifics
        honorific = inside or any(_honorific_before(text, m.start, words) for m in group)
        roots = [_phrase_root(doc, m) for m in group]
        ends = [m.end for m, r in zip(group, roots) if r is not None and r.dep_ in _HEADING]
        org, person, described = _apposition_votes(roots, words)
        votes = (org + sum(bool(words.org_after.match(text, e)) for e in ends),
                 person + sum(bool(words.person_after.match(text, e)) for e in ends))
        if len(parts) == 1 and parts[0].lower() in known:
            votes = (0, 0)  # a surname of a person named in full ("Cook said its ...")
        alone = len(parts) >= 2 and parts[-1].lower() in surnames
        opens = bool(raw) and bool(parts) and (raw[0].strip(".,'’") == parts[0]
                                               or raw[0].lower().rstrip(".") in words.titles)
        new = decide(label, parts, honorific, votes, alone, words, opens and not described)
        if new != label:
            for m in group:
                m.label = new


def _phrase_root(doc: Any, m: Any) -> Any | None:
    """The token heading mention ``m``, None when there is no parse.  Its dependency
    tells whether the mention heads its noun phrase (``_HEADING``: a subject, object or
    apposition, not "a lawyer at Bailey & Glasser, who")."""
    if doc is None:
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return None if span is None else span.root


def _apposition_votes(roots: list[Any], words: TypeWords) -> tuple[int, int, int]:
    """(organisation, person) appositions of the mentions (given by their roots) that
    head their phrase: "Nadia Chartrand,
    an economist at ..." (not "a statement to the Observer, her adviser, ..."); then the
    organisation appositions wherever the mention stands ("from Walter Energy, another
    mining company,"), which only keep an organisation from turning into a person."""
    org = person = anywhere = 0
    for root in roots:
        heading = root is not None and root.dep_ in _HEADING
        for child in (root.children if root is not None else ()):
            if child.dep_ != "appos" or child.pos_ != "NOUN":
                continue
            lemma = token_lemma(child).lower()
            anywhere += lemma in words.org_nouns
            org += heading and lemma in words.org_nouns
            person += heading and lemma in words.roles
    return org, person, anywhere


def _majority(labels: list[str]) -> str:
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return max(counts, key=lambda k: counts[k])


def recover(doc: Any, text: str, taken: Any, lang: Any = None) -> list[tuple[int, int]]:
    """Spans of organisations spaCy missed: a capitalised run ending in a head noun
    ("Stratford Festival", not overlapping ``taken(start, end)``) whose head is the
    subject of a speech verb."""
    words = type_words(lang)
    if not words.heads or not len(doc):
        return []
    out = []
    for hit in words.named_org.finditer(text):
        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is None:
            continue
        while len(span) > 2 and span[0].pos_ not in _NAME_POS:  # "The", "But": not the name
            span = span[1:]
        start, end = span.start_char, span.end_char
        if len(text[start:end].split()) < 2 or taken(start, end):
            continue
        root = span.root
        if root.dep_ not in ("nsubj", "nsubjpass") or root.head.pos_ not in ("VERB", "AUX"):
            continue
        if token_lemma(root.head).lower() not in words.speech:
            continue
        out.append((start, end))
    return out
