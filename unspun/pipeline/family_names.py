"""A relative the article names by a given name alone takes the family's surname.

"Farida Rahimi ... spoke through her teenage daughter, Mariam": the story calls the
daughter Mariam throughout, and a reader takes her for Mariam Rahimi.  The same holds
for "Wu's older sister, Jolene" and "Halvorsen said ... His daughter Maya, 9".  Only the
relations that usually share a surname count (``words.json`` ``surname_relations``:
children, siblings, spouses, parents); "her friend, Jolene" or "his lawyer, Maya" take
nothing.  The mention keeps its own words; only the entity's name (``Mention.full``)
gains the surname, as "Jason" of "Jason and Alicia Ferrante" does.
"""
from __future__ import annotations

import re
from typing import Any

LOOKBACK = 1200  # how far back "his"/"her"/"their" looks for the relative it is about


def _relation_before(relations: frozenset[str]) -> re.Pattern:
    nouns = "|".join(sorted(map(re.escape, relations), key=len, reverse=True))
    # "Wu's older sister, " / "her teenage daughter, " / "His daughter " right before the name
    return re.compile(r"(?:(?P<owner>[A-Z][\w'’-]*)['’]s?|\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir))"
                      r"\s+(?:[a-z][\w-]*\s+){0,2}"
                      rf"(?:{nouns}),?\s+$")


def add_surnames(mentions: list[Any], text: str, lang: Any, outside: tuple[int, int] = (0, 0)) -> None:
    """Give each one-word person that is a known given name, written right after a family
    relation of a named person, that person's surname (in ``full``), unless the article
    writes a full name opening with that given name ("Mira Haddad" after "her sister, Mira",
    whose surname may not be her sister's "Haddad-Brennan").  The relative is no
    one named in ``outside`` (the byline), and one named by one word is a surname some
    person's full name ends with ("Halvorsen"; not "Mãe" in a quote)."""
    from .antecedents import given_name_gender, is_given_name

    relations = frozenset(lang.words.get("surname_relations", ()))
    if not relations:
        return
    before = lang.memo(("surname relations",), lambda: _relation_before(relations))
    _relatives_are_people(mentions, text, lang, before)
    people = sorted((m for m in mentions if m.label == "PERSON"
                     and not outside[0] <= m.start < outside[1]), key=lambda m: m.start)
    surnames = {m.tokens[-1] for m in people if len(m.tokens) > 1}
    written = {m.tokens[0] for m in people if len(m.tokens) > 1}  # "Mira Haddad" written in full
    ends = {p.end: p for p in people}
    for k, m in enumerate(people):
        if len(m.tokens) != 1 or m.full or m.tokens[0] in written or not is_given_name(m.tokens[0], lang.code):
            continue
        found = before.search(text, max(0, m.start - 80), m.start)
        if found is None:
            continue
        owner = None
        if found.group("owner"):
            owner = ends.get(found.end("owner"))
        elif found.group("pronoun").lower() in ("his", "her", "their"):
            want = {"his": "m", "her": "f"}.get(found.group("pronoun").lower())
            for p in reversed(people[:k]):  # (within the look-back only: linear in the text)
                if p.start < found.start() - LOOKBACK:
                    break
                if p.end <= found.start() and _surname(p, text, lang, surnames) \
                        and given_name_gender([_written(p, text)], lang.code, census=True) in (None, want):
                    owner = p
                    break
        surname = _surname(owner, text, lang, surnames) if owner is not None else None
        if surname:
            m.full = f"{' '.join(text[m.start:m.end].split())} {surname}"


def _relatives_are_people(mentions: list[Any], text: str, lang: Any, before: re.Pattern) -> None:
    """A one-word name the tagger made a body or a place, that is a known given name written
    right after a family relation ("His sister, Beatriz, said"), is a person, there and
    wherever the article writes it alone."""
    from .antecedents import is_given_name

    names = {m.tokens for m in mentions if m.label != "PERSON" and len(m.tokens) == 1
             and is_given_name(m.tokens[0], lang.code) and before.search(text, max(0, m.start - 80), m.start)}
    for m in mentions:
        if m.tokens in names:
            m.label = "PERSON"


def _written(m: Any, text: str) -> str:
    return m.full or " ".join(text[m.start:m.end].split())


def _surname(m: Any, text: str, lang: Any, surnames: set[str]) -> str | None:
    """The surname a person's mention writes: the last word of a full name, or a one-word
    name that ends a full one ("Halvorsen said" after "Bryce Halvorsen")."""
    words = re.sub(r"['’]s?$", "", _written(m, text)).split()
    if not words or len(words) == 1 and m.tokens and m.tokens[-1] not in surnames:
        return None
    return words[-1] if words[-1][:1].isupper() else None
