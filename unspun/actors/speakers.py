"""Who a stored quote is by, for rankings: an actor, a named speaker, or "unresolved (he)".

A quote whose speaker is linked to an actor counts for the actor.  A speaker
that stayed a pronoun ("he", "they") or a relative pronoun ("who", "which")
names nobody: it is shown as ``unresolved (he)`` and left out of speaker
rankings unless asked for.  Any other speaker phrase ("a spokesman for the
ministry") is its own entry, by its case-folded text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import get as get_language

__all__ = ["Speaker", "speaker_of", "is_unresolved_word"]


@lru_cache(maxsize=1)
def _pronoun_words() -> frozenset[str]:
    """The words that name nobody when a speaker stays one of them (``words.json``)."""
    words = get_language("en").words
    return frozenset(words.get("speaker_pronouns", {})) | frozenset(words.get("unresolved_speakers", ()))


def is_unresolved_word(text: str | None) -> bool:
    """Whether a speaker phrase is only a pronoun or relative pronoun ("He", "who")."""
    words = (text or "").lower().strip(" .,;:'\"’").split()
    return len(words) == 1 and words[0] in _pronoun_words()


@dataclass(frozen=True)
class Speaker:
    key: str          # what rankings group on: an actor id, "text:<folded>" or "unresolved:<word>"
    name: str         # what they show
    actor: str | None = None
    unresolved: bool = False


def speaker_of(text: str | None, actor: str | None = None, actor_name: str | None = None,
               entity_name: str | None = None) -> Speaker | None:
    """The ranking entry of one quote's speaker; None when the quote has no speaker.

    ``actor``/``actor_name``: the actor its entity is linked to; ``entity_name``: the
    entity's name when the entity is no actor (a place, a group); ``text``: the
    speaker phrase as written.
    """
    if actor:
        return Speaker(actor, actor_name or entity_name or text or actor, actor)
    if entity_name:
        return Speaker("text:" + " ".join(entity_name.casefold().split()), entity_name)
    if not text or not text.strip():
        return None
    if is_unresolved_word(text):
        word = text.strip(" .,;:'\"’").lower()
        return Speaker("unresolved:" + word, f"unresolved ({word})", unresolved=True)
    return Speaker("text:" + " ".join(text.casefold().split()), " ".join(text.split()))
