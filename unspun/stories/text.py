"""Words for story features and comparisons: lower-cased tokens without stop words."""
from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?")
MIN_LEN = 2


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words plus news boilerplate (said, told, ...)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {"said", "says", "say", "told", "according", "also", "would", "could", "new",
             "year", "years", "mr", "mrs", "ms", "like", "just", "one", "two", "people",
             "time", "image", "photo", "getty", "images", "reuters", "ap", "afp", "copyright",
             "click", "share", "read", "advertisement", "subscribe"}
    return frozenset(STOP_WORDS) | extra


def words(text: str) -> list[str]:
    """Every word of ``text``, lower-cased, apostrophes normalised (``don't`` stays whole)."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text or "")]


def fold(word: str) -> str:
    """A light plural fold so that ``attacks`` and ``attack`` count as one term."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    if word.endswith("'s"):
        return word[:-2]
    return word


def terms(text: str) -> list[str]:
    """Content words of ``text`` (no stop words, no one-letter words), plural-folded."""
    stop = stop_words()
    return [fold(w) for w in words(text) if len(w) >= MIN_LEN and w not in stop]
