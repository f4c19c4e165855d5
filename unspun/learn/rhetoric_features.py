"""Features of the default learned rhetoric layer, computed with the standard library and numpy.

Per paragraph (techniques) or per article (frames, genre):

* **text**: word unigrams and bigrams of the *entity-masked* text, hashed into
  ``2**bits`` buckets (``zlib.crc32``, stable across runs and machines), with
  sublinear term frequency times idf, L2-normalised.  Names become one token,
  ``<name>``: any capitalised word inside a sentence, and at a sentence start
  the words of the record's PERSON, GPE, NORP and ORG mentions; so texts that
  differ only in the sides' names give the same features.
* **dense**: what the built-in detectors found there (per technique: log count
  and best score), the share of the text in quoted voices, question and
  exclamation marks, length; for articles, the frame cue densities and the genre
  signals.

:func:`paragraph_features` and :func:`article_features` return ``(buckets,
values, dense)``; :func:`matrix` stacks them for training.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from typing import Any

import numpy as np

from ..techniques.base import TECHNIQUES

MASKED_TYPES = frozenset({"PERSON", "GPE", "NORP", "ORG"})
NAME = "<name>"
TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?|\d+(?:[.,]\d+)*%?|[?!\"“”]")
_OPENERS = ".!?:;\"“”‘'(—–-\n"
PARAGRAPH_DENSE = tuple([f"n:{t}" for t in TECHNIQUES] + [f"s:{t}" for t in TECHNIQUES]
                        + ["any_hit", "quoted", "question", "exclaim", "words", "first"])


class Names:
    """What is masked as a name in a record.  ``words``: every capitalised word that stands
    inside a sentence in one of the record's PERSON, GPE, NORP or ORG mentions (masked
    everywhere, sentence starts included); ``single``: the starts of one-word mentions.
    (Longer mentions are not masked by their edges: where spaCy draws those, e.g. whether
    a sentence's first word belongs to the name, can change when the names are swapped.)"""

    def __init__(self, words: set[str], single: set[int] | None = None):
        self.words, self.single = words, single or set()


def _base(word: str) -> str:
    """The word without a possessive ending."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _initial(text: str, start: int, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence, line, quote or parenthesis."""
    before = text[max(start, pos - 3):pos].rstrip(" \t")
    return not before or before[-1] in _OPENERS


def name_spans(record: Any) -> Names:
    """The record's masked names (from its PERSON, GPE, NORP and ORG mentions)."""
    text = record.text
    words, single = set(), set()
    for e in record.entities:
        if e.get("type") not in MASKED_TYPES:
            continue
        for m in e.get("mentions", []):
            found = list(TOKEN.finditer(text, m["start"], m["end"]))
            if len(found) == 1:
                single.add(found[0].start())
            words.update(_base(w.group(0)) for w in found
                         if w.group(0)[0].isupper() and not _initial(text, 0, w.start()))
    return Names(words, single)


def masked_tokens(text: str, start: int, end: int, names: Names) -> list[str]:
    """Lowercased tokens of ``text[start:end]``; a capitalised word inside a sentence, a word
    in capitals, one of ``names`` anywhere, or a capitalised sentence opener straight before
    a name ("New Delhi", "Injecting Clinton's"), becomes :data:`NAME` (a run of them, one
    :data:`NAME`)."""
    found = list(TOKEN.finditer(text, start, end))
    masked = []
    for m in found:
        word = m.group(0)
        masked.append(word[0].isupper() and word != "I" and (
            _base(word) in names.words or m.start() in names.single
            or (len(word) > 1 and word.isupper())           # acronyms, datelines
            or not _initial(text, start, m.start())))
    for i in range(len(found) - 2, -1, -1):
        word, nxt = found[i].group(0), found[i + 1]
        if not masked[i] and masked[i + 1] and word[0].isupper() and word != "I" \
                and text[found[i].end():nxt.start()] == " ":
            masked[i] = True
    out: list[str] = []
    for m, is_name in zip(found, masked):
        if is_name:
            if not out or out[-1] != NAME:
                out.append(NAME)
            continue
        out.append(m.group(0).lower().replace("’", "'"))
    return out


def ngrams(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def bucket(gram: str, bits: int) -> int:
    return zlib.crc32(gram.encode("utf-8")) & ((1 << bits) - 1)


def hashed(tokens: list[str], bits: int) -> Counter:
    """Bucket -> term count of the unigrams and bigrams."""
    return Counter(bucket(g, bits) for g in ngrams(tokens))


def tfidf(counts: Counter, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(buckets, L2-normalised sublinear tf * idf values)."""
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))
    val = tf * idf[idx]
    norm = float(np.sqrt((val * val).sum())) or 1.0
    return idx, val / norm


def hits_in(record: Any, start: int, end: int) -> list[dict[str, Any]]:
    """Technique entries that start inside ``start:end``."""
    return [t for t in record.techniques if start <= t["start"] < end]


_QUOTED = re.compile(r"[\"“][^\"“”]{1,2000}[\"”]")


def quoted_share(record: Any, start: int, end: int) -> float:
    """The share of the words of ``start:end`` inside quotation marks (from the marks alone,
    which the sides' names cannot move; counted in words, not characters)."""
    total = len(TOKEN.findall(record.text, start, end))
    inside = sum(len(TOKEN.findall(m.group(0))) for m in _QUOTED.finditer(record.text, start, end))
    return min(1.0, inside / max(1, total))


def paragraph_dense(record: Any, start: int, end: int, hits: list[dict[str, Any]],
                    n_tokens: int, first: bool) -> np.ndarray:
    counts = dict.fromkeys(TECHNIQUES, 0)
    best = dict.fromkeys(TECHNIQUES, 0.0)
    for h in hits:
        if h["label"] in counts:
            counts[h["label"]] += 1
            best[h["label"]] = max(best[h["label"]], float(h.get("score", 0.6)))
    text = record.text[start:end]
    return np.array([math.log1p(counts[t]) for t in TECHNIQUES] + [best[t] for t in TECHNIQUES]
                    + [float(bool(hits)), quoted_share(record, start, end),
                       min(3, text.count("?")) / 3, min(3, text.count("!")) / 3,
                       math.log1p(n_tokens) / 6, float(first)])


def article_dense(record: Any) -> np.ndarray:
    """Frame cue densities and genre signals of a whole article (symmetric by construction)."""
    from ..pipeline.frames import FRAMES, frame_hits
    from ..pipeline.genre import WEIGHTS, genre_signals

    words = max(1, len(record.text.split()))
    hits = frame_hits(record.text)
    frames = [math.log1p(100 * len(hits[f]) / words) for f in FRAMES]
    signals = genre_signals(record)
    author = sum(1 for t in record.techniques if t.get("voice") == "author")
    return np.array(frames + [math.log1p(max(0.0, signals[k])) for k in WEIGHTS]
                    + [math.log1p(author), math.log1p(len(record.quotes)),
                       math.log1p(words) / 8])


ARTICLE_DENSE_WIDTH = 14 + 8 + 3
