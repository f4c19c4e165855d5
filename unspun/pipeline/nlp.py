"""The spaCy model, loaded once per process, with a tokenizer whose time stays linear.

spaCy's tokenizer strips prefixes and suffixes from each space-free chunk one
at a time, searching the whole remaining chunk for every suffix: a chunk of
``n`` punctuation marks (``""“”«»''...``) costs about ``n²``.  Real words, URLs
and numbers are far shorter than :data:`MAX_CHUNK` (the longest in 924 PolNeAR
articles is 87 characters), so :class:`LinearTokenizer` hands every text
without a longer chunk to spaCy unchanged (the same tokens), and cuts only
longer chunks into pieces of at most :data:`MAX_CHUNK` characters, tokenised
one by one and joined back: character offsets stay exact (``doc.text`` is the
text) and the time per character is bounded.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..lang.en.backend import MODEL  # noqa: F401  (re-exported)
MAX_CHUNK = 150


class LinearTokenizer:
    """spaCy's tokenizer with space-free chunks longer than ``max_chunk`` cut into pieces."""

    def __init__(self, inner: Any, max_chunk: int = MAX_CHUNK):
        self.inner = inner
        self.max_chunk = max_chunk
        # a long chunk and the whitespace after it (which becomes its token's trailing space)
        self._long = re.compile(rf"(\S{{{max_chunk + 1},}})\s*")

    def __call__(self, text: str) -> Any:
        if not self._long.search(text):
            return self.inner(text)
        from spacy.tokens import Doc

        docs = [self.inner(piece) for piece in self.pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pieces(self, text: str) -> Iterator[str]:
        """``text`` cut before and inside every long chunk; the pieces join back to ``text``.

        A cut falls only where the text before it ends in whitespace (before a long
        chunk) or inside a long chunk, so the tokens outside long chunks are the
        ones spaCy gives for the whole text.
        """
        pos = 0
        for m in self._long.finditer(text):
            start, end = m.start(), m.end(1)
            if start > pos:
                yield text[pos:start]
            while end - start > self.max_chunk:
                cut = self._cut(text, start, start + self.max_chunk)
                yield text[start:cut]
                start = cut
            yield text[start:m.end()]
            pos = m.end()
        if pos < len(text):
            yield text[pos:]

    def _cut(self, text: str, start: int, limit: int) -> int:
        """Where to cut a chunk piece starting at ``start``: the last change between a
        letter/digit and another character in the piece's second half, else ``limit``."""
        k = limit
        floor = start + self.max_chunk // 2
        while k > floor and text[k - 1].isalnum() == text[k].isalnum():
            k -= 1
        return k if k > floor else limit

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def get_nlp() -> Any:
    """English's pipeline (``unspun/lang/en/backend.py``), loaded once per process."""
    from ..lang import get

    return get("en").nlp
