"""Corpus-wide actors: each article's people and organisations linked to one actor each.

An article's entity has a key (:func:`.names.actor_key`).  Entities with the
same key are one actor.  A full name written with a short form of the given
name ("Joe Biden") is one actor with the same name written in full ("Joseph
Biden") when the corpus gives no reason to keep them apart
(:func:`given_name_merges`); the actor takes the full form's key.  A one-word
person key ("trump", "hillary") is read first in its own article: when the
article names exactly one person in full whose first or last name that word is,
or whose first name it is a short or full form of ("Joe" beside Joseph Biden;
of a compatible gender), it is that person; when it names several ("Bill"
beside Bill Clinton and Bill Gates), it stays as written.  Otherwise (the article never gives the full name) a bare
surname joins the full-name actor of the corpus with that last name when there
is only one such actor of a compatible gender ("Mr. Obama" is not "Michelle
Obama"), or when one of them is named in at least ``DOMINANT`` times as many
articles as all the others together (those named in one article only, often a
misparse such as "Denounces Clinton", not counted).  Otherwise ("Clinton" in a
corpus that names both Bill and Hillary Clinton often) the one-word actor
stays apart: an ambiguous surname is never merged across different first
names, and a first name alone is never linked across articles ("Francis" in
an article about the Pope is not the "Francis Powers" of another).

A generational suffix is set aside in keys ("James B. Comey Jr." is James Comey),
except where one article names two people of one key, one with a suffix and one
without ("Donald Trump" and "Donald Trump Jr."): then the suffix makes an actor of its
own across the corpus (:func:`generation_keys`).

An actor's id is derived from its key (``A`` + 12 hex digits of its sha1), so
the same corpus ingested again gets the same ids; a user's merges and splits
(:mod:`.edits`) are applied on top, by id and key, and so survive re-ingest.  An
actor lists the short-form keys it took in (``aliases``): an edit made while
"Joe Biden" was an actor of its own still applies once it is part of "Joseph
Biden".

Pure functions: :func:`link` takes every entity row of the corpus and returns
the actors and which entity belongs to which.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .names import (ORG, PERSON, actor_key, display_name, given_name_forms, org_key, person_key,
                    person_marks, same_given_name)

__all__ = ["Variant", "Actor", "actor_id", "link", "in_article", "given_name_merges", "other_reading",
           "generation_keys"]


DOMINANT = 10


@dataclass(frozen=True)
class Variant:
    """One article's entity: where it is, what type, the name the article gave it, and the
    person's gender when the article shows it ('m', 'f' or None)."""

    article: str
    entity: str
    type: str
    name: str
    gender: str | None = None


@dataclass
class Actor:
    id: str
    key: str
    type: str
    name: str = ""
    variants: list[Variant] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # keys of given-name variants it took in

    @property
    def forms(self) -> list[str]:
        """The distinct names it is written with, commonest first."""
        counts: dict[str, int] = defaultdict(int)
        for v in self.variants:
            counts[v.name] += 1
        return sorted(counts, key=lambda f: (-counts[f], f))


def actor_id(key: str) -> str:
    return "A" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _full_words(key: str) -> list[str] | None:
    """The first and last name of a full-name person key, else None."""
    words = key.split(":", 1)[1].split()
    return words if key.startswith("person:") and len(words) == 2 else None


def in_article(word: str, full_keys: Iterable[str], gender_of: dict[str, str] | None = None,
               gender: str | None = None) -> tuple[str | None, bool]:
    """What a one-word person name ``word`` (lower case) stands for among the full-name
    person keys its own article names: ``(key, False)`` for the one person whose first or
    last name it is, or whose first name it is a short or full form of ("Joe" beside
    Joseph Biden; of a compatible gender), ``(None, True)`` when several are
    (ambiguous: it stays as written), ``(None, False)`` when none is."""
    found = {k for k in full_keys if (w := _full_words(k)) and (
        word == w[1] or same_given_name(word, w[0]))}
    if gender and gender_of is not None:
        found = {k for k in found if gender_of.get(k, gender) == gender}
    if len(found) == 1:
        return next(iter(found)), False
    return None, len(found) > 1


def given_name_merges(keyed: Iterable[tuple[Variant, str]]) -> dict[str, str]:
    """Full-name person keys written with a short form of a given name that are one actor
    with the key of its full form: ``{"person:joe biden": "person:joseph biden"}``.

    A short form ("joe", ``lexicons/given_name_forms.txt``) joins the full form with the
    same surname when the corpus names exactly one full-name person with that surname
    whose first name it may stand for ("Pat Smith" beside both Patrick and Patricia Smith
    stays apart), and nothing the corpus writes sets them apart: a known gender that
    differs, middle initials that share none ("Will J. Smith", "William H. Smith") or
    generational suffixes that differ ("Jr.", "Sr.").  Two short forms with no full form
    in the corpus ("Jim", "Jimmy") are not joined.
    """
    fulls_of = given_name_forms()
    by_last: dict[str, set[str]] = defaultdict(set)
    genders: dict[str, set[str]] = defaultdict(set)
    middles: dict[str, set[str]] = defaultdict(set)
    suffixes: dict[str, set[str]] = defaultdict(set)
    for v, key in keyed:
        words = _full_words(key)
        if not words:
            continue
        by_last[words[1]].add(key)
        if v.gender:
            genders[key].add(v.gender)
        middle, suffix = person_marks(v.name)
        middles[key] |= middle
        suffixes[key] |= suffix

    def apart(a: str, b: str) -> bool:
        return any(m[a] and m[b] and not m[a] & m[b] for m in (genders, middles, suffixes))

    out: dict[str, str] = {}
    for keys in by_last.values():
        for key in keys:
            fulls = fulls_of.get(key.split(":", 1)[1].split()[0])
            found = [k for k in keys if fulls and k.split(":", 1)[1].split()[0] in fulls]
            if len(found) == 1 and not apart(key, found[0]):
                out[key] = found[0]
    return {k: t for k, t in out.items() if t not in out}  # one step, never a chain


class _FullNames:
    """The corpus's full-name people: by last name, with their gender and reach."""

    def __init__(self, keyed: list[tuple[Variant, str]]):
        self.by_last: dict[str, set[str]] = defaultdict(set)
        self.articles: dict[str, set[str]] = defaultdict(set)
        self.in_article: dict[str, set[str]] = defaultdict(set)
        genders: dict[str, set[str]] = defaultdict(set)
        for v, key in keyed:
            words = _full_words(key)
            if words:
                self.by_last[words[1]].add(key)
                self.articles[key].add(v.article)
                self.in_article[v.article].add(key)
                if v.gender:
                    genders[key].add(v.gender)
        self.gender = {k: g.pop() for k, g in genders.items() if len(g) == 1}

    def target(self, article: str, word: str, gender: str | None) -> str | None:
        """The one full-name key a one-word name in ``article`` stands for, or None."""
        key, ambiguous = in_article(word, self.in_article.get(article, ()), self.gender, gender)
        if key or ambiguous:
            return key
        found = self.by_last.get(word) or set()  # a first name alone never crosses articles
        if gender:
            found = {k for k in found if self.gender.get(k, gender) == gender}
        if len(found) == 1:
            return next(iter(found))
        if not found:
            return None
        reach = sorted(((len(self.articles[k]), k) for k in found), reverse=True)
        others = sum(n for n, _ in reach[1:] if n > 1)  # a name in one article may be a misparse
        return reach[0][1] if reach[0][0] >= DOMINANT * max(others, 1) else None


OTHER_READING = 2


def other_reading(keyed: Iterable[tuple[Variant, str]]) -> dict[str, str]:
    """Keys the tagger's other reading of the same name takes over: a name of two words or
    more tagged a person in some articles and an organisation in others ("Bernie Sanders"
    as an organisation, "Washington Post" as a person) is one actor, of the type it is
    given in at least ``OTHER_READING`` times as many articles.  One-word names stay apart
    ("Chelsea" the club and Chelsea Clinton in an article that never names her in full)."""
    articles: dict[str, set[str]] = defaultdict(set)
    for v, key in keyed:
        articles[key].add(v.article)
    out: dict[str, str] = {}
    for key in list(articles):
        kind, name = key.split(":", 1)
        if kind == "org":
            words = person_key(name).split()
            own = [w for w in name.split() if len(w.rstrip(".")) > 1]  # a middle initial aside
            other = f"person:{' '.join(words)}" if len(words) >= 2 and len(own) == len(words) else None
        else:
            other = f"org:{org_key(name)}" if len(name.split()) >= 2 else None
        if other in articles and len(articles[other]) >= OTHER_READING * len(articles[key]):
            out[key] = other
    return {k: t for k, t in out.items() if t not in out}


def link(variants: Iterable[Variant]) -> tuple[dict[str, Actor], dict[tuple[str, str], str]]:
    """The actors of a corpus and the actor id of each ``(article, entity)``.

    Only people and organisations become actors; other entities are left out.
    """
    keyed: list[tuple[Variant, str]] = []
    for v in variants:
        key = actor_key(v.type, v.name) if v.type in (PERSON, ORG) else None
        if key:
            keyed.append((v, key))
    generations = generation_keys(keyed)
    keyed = [(v, generations.get((key, person_marks(v.name)[1]), key)) for v, key in keyed]
    merged = given_name_merges(keyed)
    keyed = [(v, merged.get(key, key)) for v, key in keyed]
    full = _FullNames(keyed)
    actors: dict[str, Actor] = {}
    of: dict[tuple[str, str], str] = {}
    targets: dict[tuple[str, str, str | None], str | None] = {}
    final: list[tuple[Variant, str]] = []
    for v, key in keyed:
        words = key.split(":", 1)[1].split()
        if key.startswith("person:") and len(words) == 1:
            if (v.article, key, v.gender) not in targets:
                targets[(v.article, key, v.gender)] = full.target(v.article, words[0], v.gender)
            key = targets[(v.article, key, v.gender)] or key
        final.append((v, key))
    retyped = other_reading(final)
    for v, key in final:
        key = retyped.get(key, key)
        aid = actor_id(key)
        actor = actors.get(aid)
        if actor is None:
            actor = actors[aid] = Actor(aid, key, PERSON if key.startswith("person:") else ORG)
        actor.variants.append(v)
        of[(v.article, v.entity)] = aid
    for short, key in sorted(merged.items()):
        if actor_id(key) in actors:
            actors[actor_id(key)].aliases.append(short)
    suffixed = set(generations.values())
    for actor in actors.values():
        actor.name = display_name([v.name for v in actor.variants], actor.type)
        if actor.key in suffixed:  # "Donald Trump Jr.": the suffix as the article writes it
            written = Counter(v.name.split()[-1] for v in actor.variants if person_marks(v.name)[1])
            actor.name = f"{actor.name} {written.most_common(1)[0][0]}" if written else actor.name
    return actors, of


def generation_keys(keyed: Iterable[tuple[Variant, str]]) -> dict[tuple[str, frozenset[str]], str]:
    """``(key, suffixes) -> key of its own`` for the people a generational suffix tells apart:
    where one article names two people of one key, one written with a suffix and one
    without or with another ("Donald Trump" and "Donald Trump Jr."), every variant of the
    corpus written with that suffix is the son (or father), an actor of its own; where no
    article does, the suffix is only a fuller way to write the name ("James B. Comey Jr.")."""
    marks: dict[tuple[str, str], dict[str, frozenset[str]]] = defaultdict(dict)
    for v, key in keyed:
        if key.startswith("person:"):
            marks[(v.article, key)][v.entity] = person_marks(v.name)[1]
    out: dict[tuple[str, frozenset[str]], str] = {}
    for (_, key), by_entity in marks.items():
        if len(set(by_entity.values())) > 1:
            for suffix in by_entity.values():
                if suffix:
                    out[(key, suffix)] = f"{key} {' '.join(sorted(suffix))}"
    return out
