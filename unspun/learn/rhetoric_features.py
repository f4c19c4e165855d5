"""Features of the default learned rhetoric layer, computed with the standard library and numpy.

Per paragraph (techniques) or per article (frames, genre):

* **text**: word unigrams and bigrams of the *entity-masked* text, hashed into
  ``2**bits`` buckets (``zlib.crc32``, stable across runs and machines), with
  sublinear term frequency times idf, L2-normalised.  Names of people, places,
  nationalities/parties and organisations (PERSON, GPE, NORP, ORG in the
  record's entities) become one token, ``<name>``, as does any other
  capitalised word inside a sentence; so texts that differ only in the sides'
  names give the same features.
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


def name_spans(record: Any) -> list[tuple[int, int]]:
    """Sorted (start, end) of the masked entity mentions."""
    out = [(m["start"], m["end"]) for e in record.entities if e.get("type") in MASKED_TYPES
           for m in e.get("mentions", [])]
    return sorted(out)


def masked_tokens(text: str, start: int, end: int, names: list[tuple[int, int]]) -> list[str]:
    """Lowercased tokens of ``text[start:end]`` with names replaced by :data:`NAME`."""
    out: list[str] = []
    i = 0
    last_name_end = -1
    for m in TOKEN.finditer(text, start, end):
        s = m.start()
        while i < len(names) and names[i][1] <= s:
            i += 1
        if i < len(names) and names[i][0] <= s < names[i][1]:
            if names[i][1] != last_name_end:
                out.append(NAME)
                last_name_end = names[i][1]
            continue
        word = m.group(0)
        if word[0].isupper() and word != "I":
            before = text[max(start, s - 3):s].rstrip(" \t")
            if before and before[-1] not in _OPENERS:
                if not out or out[-1] != NAME:
                    out.append(NAME)
                continue
        out.append(word.lower().replace("’", "'"))
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


def quoted_share(record: Any, start: int, end: int) -> float:
    inside = 0
    for seg in record.voice:
        if seg["voice"] != "author":
            inside += max(0, min(end, seg["end"]) - max(start, seg["start"]))
    return inside / max(1, end - start)


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


def paragraph_tokens(record: Any, start: int, end: int,
                     names: list[tuple[int, int]] | None = None) -> list[str]:
    return masked_tokens(record.text, start, end, name_spans(record) if names is None else names)


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
