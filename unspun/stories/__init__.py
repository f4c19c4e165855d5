"""Stories: group stored articles into stories and compare how outlets covered them.

>>> import unspun
>>> store = unspun.open_store("news.db")
>>> unspun.stories.assign(store)          # new articles join stories or start new ones
>>> unspun.stories.list_stories(store)[:1]
[{'id': 1, 'title': '...', 'first_published': '2016-09-12', 'sources': [...], ...}]
>>> unspun.stories.compare(store, 1)      # per outlet: speakers, terms, techniques, tone

Every function returns JSON-ready dicts.  Modules: :mod:`.features` (article
vectors), :mod:`.cluster` (online clustering), :mod:`.minhash` (near-duplicate
paragraphs), :mod:`.store` (tables), :mod:`.assignment`, :mod:`.comparison`.
This package imports nothing heavy until a function is called.
"""
from __future__ import annotations

from typing import Any

__all__ = ["assign", "list_stories", "compare", "story", "wire_copies"]


def assign(store: Any, **options: Any) -> dict[str, Any]:
    """Assign every stored article that has no story yet; see :func:`.assignment.assign`."""
    from .assignment import assign as _assign

    return _assign(store, **options)


def list_stories(store: Any, **options: Any) -> list[dict[str, Any]]:
    """Stories, newest first; see :func:`.store.list_stories`."""
    from .store import list_stories as _list

    return _list(store, **options)


def story(store: Any, story_id: int) -> dict[str, Any]:
    """One story and its articles; see :func:`.store.story`."""
    from .store import story as _story

    return _story(store, story_id)


def compare(store: Any, story_id: int, **options: Any) -> dict[str, Any]:
    """How each outlet covered a story; see :func:`.comparison.compare`."""
    from .comparison import compare as _compare

    return _compare(store, story_id, **options)


def wire_copies(store: Any, article_id: str) -> list[dict[str, Any]]:
    """Articles sharing near-duplicate paragraphs with one article; see :func:`.store.wire_of`."""
    from .store import wire_of

    return wire_of(store, article_id)
