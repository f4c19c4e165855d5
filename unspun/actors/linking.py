"""Corpus-wide actors: each article's people and organisations linked to one actor each.

An article's entity has a key (:func:`.names.actor_key`).  Entities with the
same key are one actor.  A one-word person key ("trump", from an article that
never gives the full name) joins the one full-name actor of the corpus with
that last name, or else with that first name; when the corpus holds two or
more ("bill clinton", "hillary clinton") the one-word actor stays apart: an
ambiguous surname is never merged across different first names.

An actor's id is derived from its key (``A`` + 12 hex digits of its sha1), so
the same corpus ingested again gets the same ids; a user's merges and splits
(:mod:`.edits`) are applied on top, by id and key, and so survive re-ingest.

Pure functions: :func:`link` takes every entity row of the corpus and returns
the actors and which entity belongs to which.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .names import ORG, PERSON, actor_key, display_name

__all__ = ["Variant", "Actor", "actor_id", "link"]


@dataclass(frozen=True)
class Variant:
    """One article's entity: where it is, what type, the name the article gave it."""

    article: str
    entity: str
    type: str
    name: str


@dataclass
class Actor:
    id: str
    key: str
    type: str
    name: str = ""
    variants: list[Variant] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        """The distinct names it is written with, commonest first."""
        counts: dict[str, int] = defaultdict(int)
        for v in self.variants:
            counts[v.name] += 1
        return sorted(counts, key=lambda f: (-counts[f], f))


def actor_id(key: str) -> str:
    return "A" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _one_word_targets(keys: Iterable[str]) -> dict[str, str]:
    """One-word person key -> the only full-name key it can stand for."""
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split(":", 1)[1].split()
        if key.startswith("person:") and len(words) == 2:
            by_first[words[0]].add(key)
            by_last[words[1]].add(key)
    out = {}
    for key in keys:
        words = key.split(":", 1)[1].split()
        if not key.startswith("person:") or len(words) != 1:
            continue
        lasts, firsts = by_last.get(words[0], set()), by_first.get(words[0], set())
        if len(lasts) == 1:
            out[key] = next(iter(lasts))
        elif not lasts and len(firsts) == 1:
            out[key] = next(iter(firsts))
    return out


def link(variants: Iterable[Variant]) -> tuple[dict[str, Actor], dict[tuple[str, str], str]]:
    """The actors of a corpus and the actor id of each ``(article, entity)``.

    Only people and organisations become actors; other entities are left out.
    """
    keyed: list[tuple[Variant, str]] = []
    for v in variants:
        key = actor_key(v.type, v.name) if v.type in (PERSON, ORG) else None
        if key:
            keyed.append((v, key))
    targets = _one_word_targets({k for _, k in keyed})
    actors: dict[str, Actor] = {}
    of: dict[tuple[str, str], str] = {}
    for v, key in keyed:
        key = targets.get(key, key)
        aid = actor_id(key)
        actor = actors.get(aid)
        if actor is None:
            actor = actors[aid] = Actor(aid, key, v.type)
        actor.variants.append(v)
        of[(v.article, v.entity)] = aid
    for actor in actors.values():
        actor.name = display_name([v.name for v in actor.variants], actor.type)
    return actors, of
