"""A JSON value or CSV row as an article, and the limits every structured input shares."""
from __future__ import annotations

from typing import Any

from ..errors import Problem
from .article import Article, article_from_mapping

MAX_DEPTH = 100  # how deep a JSON value may nest (articles need two or three levels)


def item_limit(max_chars: int) -> int:
    """Bytes one article may take in JSON or CSV: its text escaped (``\\uXXXX`` is 6 bytes a
    character) plus 1 MiB of metadata."""
    return 6 * max_chars + (1 << 20)


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True when lists or objects nest more than ``limit`` levels (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, dict):
            current = list(current.values())
        elif not isinstance(current, list):
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in current if isinstance(child, (dict, list)))
    return False


def from_value(value: Any, origin: str, max_chars: int) -> Article | Problem:
    """The article in a JSON object or CSV row, or why there is none."""
    if not isinstance(value, dict):
        return Problem.make("U104", origin,
                            detail=f"expected an object, got {type(value).__name__}")
    item = article_from_mapping(value, origin)
    if isinstance(item, Article) and len(item.text) > max_chars:
        return Problem.make("U107", origin, size=len(item.text), limit=max_chars)
    return item
