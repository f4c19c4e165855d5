"""Actors: the people and organisations of a whole corpus, one id per person.

:mod:`.names` gives a name's key and display form, :mod:`.linking` links every
article's entities to corpus-wide actors, :mod:`.edits` applies a user's merges
and splits on top.
"""
from .edits import Edit, apply_edits
from .linking import Actor, Variant, actor_id, link
from .names import actor_key, display_name, person_key

__all__ = ["Actor", "Edit", "Variant", "actor_id", "actor_key", "apply_edits", "display_name",
           "link", "person_key"]
