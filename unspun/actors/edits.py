"""A user's corrections to the actors: merges and splits, recorded and reversible.

An edit is ``merge`` (the actors ``sources`` become part of ``target``) or
``split`` (the variants of ``target`` written with the name ``name``, by its
key, become an actor of their own).  Edits are kept in order in the store and
applied, in that order, on top of the actors :func:`.linking.link` derives
from the corpus, every time that is done; so they survive re-ingest.  An
undone edit stays in the history and is skipped.  An edit whose actors no
longer exist does nothing; an edit naming an actor that became part of another
through a given-name variant (its key is among the other's ``aliases``: "Joe
Biden" now in "Joseph Biden") applies to that actor.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .linking import Actor, actor_id
from .names import actor_key, display_name

__all__ = ["Edit", "apply_edits", "split_id"]


@dataclass
class Edit:
    op: str  # "merge" or "split"
    target: str
    sources: list[str] = field(default_factory=list)
    name: str = ""
    n: int = 0
    at: str = ""
    undone: bool = False


def split_id(target: str, key: str) -> str:
    """The id of the actor a split makes: stable for the same split of the same actor."""
    return actor_id(f"split:{target}:{key}")


def _resolve(actors: dict[str, Actor], aid: str) -> str:
    """The actor ``aid`` is now: itself, else the one that took in its key as an alias."""
    if aid in actors:
        return aid
    return next((a.id for a in actors.values() if any(actor_id(k) == aid for k in a.aliases)), aid)


def apply_edits(actors: dict[str, Actor], of: dict[tuple[str, str], str],
                edits: Iterable[Edit]) -> None:
    """Apply the edits that are not undone, in order, to ``actors`` and ``of`` in place."""
    for edit in edits:
        if edit.undone:
            continue
        if edit.op == "merge":
            _merge(actors, of, edit.target, edit.sources)
        elif edit.op == "split":
            _split(actors, of, edit.target, edit.name)


def _merge(actors: dict[str, Actor], of: dict[tuple[str, str], str], target: str,
           sources: list[str]) -> None:
    target = _resolve(actors, target)
    into = actors.get(target)
    if into is None:
        return
    for sid in sources:
        sid = _resolve(actors, sid)
        src = actors.pop(sid, None) if sid != target else None
        if src is None:
            continue
        for v in src.variants:
            of[(v.article, v.entity)] = target
        into.variants.extend(src.variants)
        into.aliases.extend(src.aliases)


def _split(actors: dict[str, Actor], of: dict[tuple[str, str], str], target: str,
           name: str) -> None:
    target = _resolve(actors, target)
    actor = actors.get(target)
    if actor is None:
        return
    key = actor_key(actor.type, name)
    moving = [v for v in actor.variants if actor_key(v.type, v.name) == key]
    if not key or not moving or len(moving) == len(actor.variants):
        return
    new = Actor(split_id(target, key), key, actor.type, variants=moving)
    new.name = display_name([v.name for v in moving], actor.type)
    actor.variants = [v for v in actor.variants if actor_key(v.type, v.name) != key]
    actor.name = display_name([v.name for v in actor.variants], actor.type)
    actors[new.id] = new
    for v in moving:
        of[(v.article, v.entity)] = new.id
