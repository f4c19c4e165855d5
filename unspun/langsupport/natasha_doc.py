"""Russian through natasha: sentences and named entities as a spaCy ``Doc``.

natasha (razdel tokens, slovnet NER trained on news; the model and navec
embeddings ship inside the packages, nothing is downloaded) gives spans as
character offsets ``start``/``stop`` into the text.  unspun's components read
spaCy documents, so :func:`to_doc` rebuilds the same text as a spaCy ``Doc``:
one spaCy token per natasha token, whitespace other than one space kept as
whitespace tokens (``doc.text`` equals the input, character for character),
sentence starts from natasha's sentences and ``doc.ents`` from its entity
spans (labels ``PER``, ``ORG``, ``LOC``).

The tagger's convolutions are small matrix products (one article's words by a few
hundred filters): BLAS threads only add start-up and contention to them (on two
busy cores, NER ran about eight times slower with them), so the tagger runs with
one BLAS thread (:func:`one_blas_thread`).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterable, Iterator


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=1)
def _openblas() -> list[tuple[Any, Any]]:
    """(get, set) of the thread count of each OpenBLAS library loaded (numpy's), called
    directly: threadpoolctl, which finds them, lets only the first thread that limits
    OpenBLAS ever limit it, and a server analyses in worker threads.  Empty for another
    BLAS, or without threadpoolctl (scikit-learn's dependency)."""
    import ctypes

    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return []
    out = []
    for info in threadpool_info():
        if info.get("internal_api") != "openblas" or info.get("threading_layer") == "openmp":
            continue
        lib = ctypes.CDLL(info["filepath"])
        for prefix, suffix in (("scipy_", "64_"), ("scipy_", ""), ("", "64_"), ("", "")):
            get = getattr(lib, f"{prefix}openblas_get_num_threads{suffix}", None)
            put = getattr(lib, f"{prefix}openblas_set_num_threads{suffix}", None)
            if get is not None and put is not None:
                out.append((get, put))
                break
    return out


_lock = threading.Lock()
_inside = 0
_saved: list[int] = []


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """OpenBLAS limited to one thread while any caller is inside; the first to enter sets
    the limit and the last to leave restores what it was (threads share BLAS's setting)."""
    global _inside, _saved
    libs = _openblas()
    with _lock:
        if _inside == 0:
            _saved = [get() for get, _ in libs]
            for _, put in libs:
                put(1)
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                for (_, put), n in zip(libs, _saved):
                    put(n)


@lru_cache(maxsize=1)
def _vocab() -> Any:
    import spacy

    return spacy.blank("ru").vocab


def natasha_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]],
                                      list[tuple[int, int, str]]]:
    """(tokens, sentences, entities) of ``text`` as character offsets; entities with labels."""
    from natasha import Doc as NDoc

    segmenter, ner = _models()
    ndoc = NDoc(text)
    ndoc.segment(segmenter)
    with one_blas_thread():
        ndoc.tag_ner(ner)
    tokens = [(t.start, t.stop) for t in ndoc.tokens]
    sents = [(s.start, s.stop) for s in ndoc.sents]
    ents = [(s.start, s.stop, s.type) for s in ndoc.spans]
    return tokens, sents, ents


def build_doc(text: str, tokens: list[tuple[int, int]], sents: list[tuple[int, int]],
              ents: list[tuple[int, int, str]], vocab: Any = None) -> Any:
    """A spaCy ``Doc`` whose text is ``text``, from character-offset tokens, sentences, entities."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    pos = 0
    for start, stop in tokens:
        _gap(text[pos:start], pos, words, spaces, starts)
        words.append(text[start:stop])
        spaces.append(False)
        starts.append(start)
        pos = stop
    _gap(text[pos:], pos, words, spaces, starts)
    sent_starts = {s for s, _ in sents}
    flags = [True if i == 0 else (st in sent_starts) for i, st in enumerate(starts)]
    doc = Doc(vocab or _vocab(), words=words, spaces=spaces, sent_starts=flags)
    spans = []
    for start, stop, label in ents:
        sp = doc.char_span(start, stop, label=label, alignment_mode="expand")
        if sp is not None and not any(sp.start < o.end and o.start < sp.end for o in spans):
            spans.append(sp)
    doc.ents = spans
    return doc


def _gap(gap: str, pos: int, words: list[str], spaces: list[bool], starts: list[int]) -> None:
    if not gap:
        return
    if gap == " " and words and not spaces[-1] and not words[-1].isspace():
        spaces[-1] = True
        return
    words.append(gap)
    spaces.append(False)
    starts.append(pos)


def to_doc(text: str) -> Any:
    """``text`` analysed by natasha, as a spaCy ``Doc`` with sentences and ``ents``."""
    return build_doc(text, *natasha_spans(text))


class NatashaPipeline:
    """A callable with ``pipe``, as a spaCy ``Language`` is, for a language backend."""

    lang = "ru"

    def __init__(self) -> None:
        self.meta: dict[str, Any] = {}

    @property
    def vocab(self) -> Any:
        return _vocab()

    def __call__(self, text: str) -> Any:
        return to_doc(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Any]:
        for text in texts:
            yield to_doc(text)
