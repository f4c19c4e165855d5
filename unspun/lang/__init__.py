"""Languages as data: ``unspun/lang/<code>/`` holds what is language-specific.

A language folder holds JSON data files (``quote_marks.json``,
``quote_cues.json``, ``lemmas.json``, ...), plain-text lexicons under
``lexicons/`` and, optionally, a ``backend.py`` module whose ``load()``
returns the NLP pipeline (a callable ``nlp(text) -> Doc`` with a ``pipe``
method).  A language without a backend gets a blank spaCy tokenizer with a
sentencizer.  Data files a language lacks fall back to nothing, never to
English: components ask :func:`get` for the article's language and use what
it holds.

Folders outside the package are added with :func:`register_folder` (or the
``UNSPUN_LANG_PATH`` environment variable, folders separated by ``os.pathsep``;
each folder is named after its language code).  See ``docs/languages.md``.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import os
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Language", "get", "register_folder", "unregister", "available", "lemma", "inflections",
           "register_lemmatizer"]

BUILTIN = Path(__file__).resolve().parent
_EXTRA: dict[str, Path] = {}
_LEMMATIZERS: dict[int, Any] = {}  # id(vocab) -> lemma(token) of a backend that computes lemmas on demand


def register_lemmatizer(vocab: Any, func: Any, inflect: Any) -> None:
    """Let a backend whose pipeline leaves ``lemma_`` unset give lemmas on demand.

    ``func(token) -> str`` is the lemma (:func:`lemma`); ``inflect(lemmas) -> frozenset``
    the lower-case forms that may have one of ``lemmas`` as lemma (:func:`inflections`)."""
    _LEMMATIZERS[id(vocab)] = (func, inflect)


@lru_cache(maxsize=64)
def _inflections(vocab_id: int, lemmas: frozenset[str]) -> frozenset[str] | None:
    entry = _LEMMATIZERS.get(vocab_id)
    return entry[1](lemmas) if entry is not None else None


def inflections(doc: Any, lemmas: frozenset[str]) -> frozenset[str] | None:
    """The forms in ``doc``'s backend that may have a lemma in ``lemmas`` (None when the
    backend sets ``lemma_`` itself)."""
    return _inflections(id(doc.vocab), lemmas)


def lemma(tok: Any) -> str:
    """A spaCy token's lemma: ``lemma_`` when the backend set it, else its backend's on-demand one."""
    if tok.lemma != 0:
        return tok.lemma_
    entry = _LEMMATIZERS.get(id(tok.doc.vocab))
    return entry[0](tok) if entry is not None else tok.lemma_


class Language:
    """One language's data folder, read lazily and cached."""

    def __init__(self, code: str, folder: Path):
        self.code, self.folder = code, folder

    def __repr__(self) -> str:
        return f"Language({self.code!r}, {str(self.folder)!r})"

    def data(self, name: str, default: Any = None) -> Any:
        """The JSON file ``NAME.json`` of the folder (``default`` when absent)."""
        return _read_json(self.folder / f"{name}.json", default)

    def lexicon(self, name: str) -> tuple[str, ...]:
        """The entries of ``lexicons/NAME.txt`` (one per line, ``#`` comments); () when absent."""
        return _read_lexicon(self.folder / "lexicons" / f"{name}.txt")

    def path(self, relative: str) -> Path:
        return self.folder / relative

    @cached_property
    def quote_marks(self) -> Any:
        """The quotation marks (:class:`unspun.pipeline.quote_marks.Marks`)."""
        from ..pipeline.quote_marks import Marks

        return Marks.from_dict(self.data("quote_marks", {}))

    @cached_property
    def quote_cues(self) -> dict[str, Any]:
        """Speech verbs and speaker words (``quote_cues.json``), lists as frozensets."""
        data = dict(self.data("quote_cues", {}))
        for key, value in data.items():
            if isinstance(value, list):
                data[key] = frozenset(value)
        return data

    @cached_property
    def words(self) -> dict[str, Any]:
        """Word lists the components use (``words.json``: role words, honorifics, ...)."""
        return dict(self.data("words", {}))

    def word_set(self, name: str) -> frozenset[str]:
        """One list of :attr:`words` as a set (empty when the language has none)."""
        return frozenset(self.words.get(name, ()))

    def pattern(self, name: str) -> str:
        """One regular expression (source text) of ``patterns.json``; "(?!)" (never matches)
        when the language has none."""
        return self._patterns.get(name, "(?!)")

    @cached_property
    def _patterns(self) -> dict[str, str]:
        return dict(self.data("patterns", {}))

    @cached_property
    def lemmas(self) -> dict[str, str]:
        """Inflected form (lower case) -> lemma, for the words the cue lists name
        (``lemmas.json``); a cheap stand-in for a lemmatizer."""
        return dict(self.data("lemmas", {}))

    def lemma(self, lower: str) -> str:
        """The lemma of a lower-case word form from :attr:`lemmas`, else the form itself."""
        return self.lemmas.get(lower, lower)

    @cached_property
    def backend(self) -> Any:
        """The folder's ``backend.py`` module, or None."""
        file = self.folder / "backend.py"
        if not file.is_file():
            return None
        if self.folder.parent == BUILTIN:
            return importlib.import_module(f"{__name__}.{self.code}.backend")
        spec = importlib.util.spec_from_file_location(f"unspun_lang_{self.code}_backend", file)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module

    @cached_property
    def nlp(self) -> Any:
        """The NLP pipeline, loaded once: the backend's ``load()``, else a blank tokenizer."""
        if self.backend is not None:
            return self.backend.load()
        return blank_nlp(self.code)


def blank_nlp(code: str) -> Any:
    """spaCy's tokenizer for ``code`` (the multi-language one when spaCy has none) + a sentencizer."""
    import spacy

    try:
        nlp = spacy.blank(code)
    except Exception:  # noqa: BLE001 - spaCy has no such language: its generic tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def _read_json(path: Path, default: Any) -> Any:
    if not path.is_file():
        return default
    return json.loads(path.read_text("utf-8"))


@lru_cache(maxsize=None)
def _read_lexicon(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        return ()
    out = []
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def _folders() -> dict[str, Path]:
    found = {p.name: p for p in BUILTIN.iterdir() if p.is_dir() and not p.name.startswith("_")}
    for entry in os.environ.get("UNSPUN_LANG_PATH", "").split(os.pathsep):
        if entry and Path(entry).is_dir():
            found[Path(entry).name] = Path(entry)
    found.update(_EXTRA)
    return found


def register_folder(path: str | os.PathLike[str], code: str | None = None) -> Language:
    """Add (or replace) a language from a folder of data; its code is the folder name."""
    folder = Path(path).resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"language folder {folder} does not exist")
    code = code or folder.name
    _EXTRA[code] = folder
    _LOADED.pop(code, None)
    return get(code)


def unregister(code: str) -> None:
    """Forget a language added with :func:`register_folder`."""
    _EXTRA.pop(code, None)
    _LOADED.pop(code, None)


def available() -> list[str]:
    """The codes of every language with a folder."""
    return sorted(_folders())


_LOADED: dict[str, Language] = {}


def get(code: str) -> Language:
    """The language ``code``, loaded once; a code without a folder gets an empty one (a blank
    tokenizer, no data)."""
    lang = _LOADED.get(code)
    if lang is None:
        folder = _folders().get(code)
        lang = _LOADED[code] = Language(code, folder if folder is not None else BUILTIN / "_none" / code)
    return lang
