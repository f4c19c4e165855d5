"""Near-duplicate paragraphs: word shingles, MinHash signatures and LSH bands.

Wire copy is the same agency text printed by many outlets, often trimmed or
lightly edited.  Each paragraph of at least ``MIN_WORDS`` words becomes a set
of word ``SHINGLE``-grams; its MinHash signature (``NUM_PERM`` universal hash
functions ``(a*x + b) mod p`` over the CRC-32 of each shingle, fixed seeds so
signatures are stable across runs) estimates the Jaccard similarity of two
paragraphs as the share of equal positions.  Signatures are cut into
``BANDS`` bands of ``ROWS`` values: paragraphs sharing any band are
candidates (with 16 x 4 a pair at Jaccard 0.5 is found with probability
0.64, at 0.8 with probability 0.999), then kept when the estimate reaches
``NEAR``.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

SHINGLE = 5
NUM_PERM = 64
BANDS, ROWS = 16, 4
NEAR = 0.6
MIN_WORDS = 20
_PRIME = (1 << 31) - 1
_RNG = np.random.default_rng(20160912)
_A = _RNG.integers(1, _PRIME, NUM_PERM, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_PARA = re.compile(r"\n\s*\n")


@dataclass
class Paragraph:
    """One long paragraph of an article and its MinHash signature."""

    article_id: str
    para: int
    start: int
    end: int
    signature: np.ndarray

    def bands(self) -> list[str]:
        return band_keys(self.signature)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The word ``k``-grams of ``text`` (lower-cased); one shingle for shorter text."""
    toks = [t.lower() for t in _WORD.findall(text)]
    if len(toks) <= k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def signature(items: Iterable[str]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a set of strings."""
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in items), dtype=np.uint64)
    if hashes.size == 0:
        return np.full(NUM_PERM, _PRIME, dtype=np.uint32)
    values = (hashes[None, :] * _A[:, None] + _B[:, None]) % _PRIME
    return values.min(axis=1).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the sets behind two signatures."""
    return float(np.mean(a == b))


def band_keys(sig: np.ndarray) -> list[str]:
    """One lookup key per band: the band number and its values."""
    return [f"{i}:{sig[i * ROWS:(i + 1) * ROWS].tobytes().hex()}" for i in range(BANDS)]


def to_text(sig: np.ndarray) -> str:
    return sig.astype("<u4").tobytes().hex()


def from_text(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


def paragraph_spans(record: Any) -> list[tuple[int, int]]:
    """Paragraph offsets: the record's own, else blocks separated by blank lines."""
    if record.paragraphs:
        return [(p["start"], p["end"]) for p in record.paragraphs]
    spans, pos = [], 0
    for m in _PARA.finditer(record.text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(record.text)))
    return [(s, e) for s, e in spans if record.text[s:e].strip()]


def paragraphs(record: Any, min_words: int = MIN_WORDS) -> list[Paragraph]:
    """The signed paragraphs of a record (those of at least ``min_words`` words)."""
    out = []
    for i, (start, end) in enumerate(paragraph_spans(record)):
        text = record.text[start:end]
        if len(_WORD.findall(text)) >= min_words:
            out.append(Paragraph(record.id, i, start, end, signature(shingles(text))))
    return out
