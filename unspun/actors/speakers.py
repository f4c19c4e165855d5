"""Who a stored quote is by, for rankings: an actor, a named speaker, "unresolved (he)"
or "group (officials)".

A quote whose speaker is linked to an actor counts for the actor.  A speaker
that stayed a pronoun ("he", "they") or a relative pronoun ("who", "which")
names nobody: it is shown as ``unresolved (he)``.  A speaker that stands for
many people and names no person or organisation ("Democrats", "officials":
:mod:`.groups` decides) is shown as ``group (officials)``.  Both are left out
of speaker rankings of people and organisations unless asked for.  Any other
speaker phrase ("a spokesman for the ministry") is its own entry, by its
case-folded text.
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
    key: str          # what rankings group on: an actor id, "text:<folded>", "unresolved:<word>"
    name: str         # or "group:<folded>"; what they show
    actor: str | None = None
    unresolved: bool = False
    group: bool = False
    phrase: str = ""  # a group's phrase as written ("officials")

    @property
    def hidden(self) -> bool:
        """Left out of rankings of people and organisations unless asked for."""
        return self.unresolved or self.group


def speaker_of(text: str | None, actor: str | None = None, actor_name: str | None = None,
               entity_name: str | None = None, group: bool = False) -> Speaker | None:
    """The ranking entry of one quote's speaker; None when the quote has no speaker.

    ``actor``/``actor_name``: the actor its entity is linked to; ``entity_name``: the
    entity's name when the entity is no actor (a place, a nationality); ``text``: the
    speaker phrase as written; ``group``: the phrase (the entity's name, else the text)
    was judged a group (:mod:`.groups`).
    """
    if actor:
        return Speaker(actor, actor_name or entity_name or text or actor, actor)
    phrase = " ".join((entity_name or text or "").split())
    if not phrase:
        return None
    folded = phrase.casefold()
    if group:
        return Speaker("group:" + folded, f"group ({phrase})", group=True, phrase=phrase)
    if entity_name:
        return Speaker("text:" + folded, entity_name)
    if is_unresolved_word(text):
        word = text.strip(" .,;:'\"’").lower()
        return Speaker("unresolved:" + word, f"unresolved ({word})", unresolved=True)
    return Speaker("text:" + folded, phrase)
