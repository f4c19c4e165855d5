"""Organisations' names as the article writes them, where the tagger cut or mistyped them.

Helpers of :mod:`.entities` over its mentions (each with ``start``, ``end``, ``label`` and
``tokens``):

* :func:`extend_bodies`: a body's name the tagger cut short goes on over the capitalised
  words joined to it ("Department of Fisheries and" + "Oceans", "Public Health Agency" +
  "of Canada", "Ministry of Labour, Immigration" + ", Training and Skills Development");
* :func:`bodies_by_apposition`: a name tagged as a person after a noun for a kind of
  organisation ("the app Zoomr") is that organisation;
* :func:`place_owned_bodies`: a public body's name written after a place's possessive
  ("Ontario's Ministry of Health") is named with the place ("Ontario Ministry of Health").

The words are the language's (``words.json``: ``organisation_kinds``,
``organisation_last_words``, ``organisation_first_words``).
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from ..places import is_place


def organisation_nouns(lang: Any) -> frozenset[str]:
    """The nouns for kinds of organisation (``organisation_kinds``: "company", "union", "app")."""
    return lang.memo(("organisation nouns",), lambda: frozenset(
        n for kind in lang.words.get("organisation_kinds", {}).values() for n in kind.get("nouns", ())))


def body_words(lang: Any) -> frozenset[str]:
    """Words that mark a body's name (``organisation_last_words``, ``organisation_first_words``
    and the names' words of ``organisation_kinds``)."""
    return lang.memo(("body words",), lambda: lang.word_set("organisation_last_words")
                     | lang.word_set("organisation_first_words") | frozenset(
        n for kind in lang.words.get("organisation_kinds", {}).values() for n in kind.get("names", ())))


# "the social-media platform ", "a ride-hailing app ": up to three words, then a noun
_NOUN_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}?([a-z][\w-]*),?\s+$")




def bodies_by_apposition(text: str, out: list[Any], lang: Any) -> None:
    """A name tagged as a person, opening with no known given name, written right after a
    noun for a kind of organisation in apposition ("the social-media platform Plazr", "the
    app Zoomr", ``organisation_kinds`` nouns) is an organisation, there and wherever the
    article writes the same name."""
    from .antecedents import is_given_name

    nouns = organisation_nouns(lang)
    bodies = set()
    for m in out:
        if m.label != "PERSON" or not m.tokens or m.tokens in bodies or is_given_name(m.tokens[0], lang.code):
            continue
        before = _NOUN_BEFORE.search(text, max(0, m.start - 60), m.start)
        if before is not None and before.group(1) in nouns:
            bodies.add(m.tokens)
    for m in out:
        if m.label == "PERSON" and m.tokens in bodies:
            m.label = "ORG"


# the words after a name: capitalised words, "of" / "for" (with "the"), "and", "&" and commas
_NAME_PIECE = re.compile(r"\s*(,|&|[^\W\d_][\w'’.-]*)")
_CONNECTIVES = frozenset({"of", "for", "and", "&"})


def extend_bodies(mentions: list[Any], text: str, lang: Any) -> None:
    """An organisation's name the tagger cut short: "Department of Fisheries and" (then
    "Oceans" tagged a group), "the Public Health Agency" (then "of Canada"), "Ministry of
    Labour, Immigration" (then ", Training and Skills Development"), "Office of the Chief
    Coroner" (then "for Ontario").  The name goes on over the capitalised words joined to it
    by "of" or "for" (with "the"), by "and" or "&" (not "and the": two bodies), or by commas
    in a list that ends with "and", where it ends on a connective or holds a word that
    marks a body (``organisation_last_words``, ``organisation_first_words``, the names'
    words of ``organisation_kinds``); never over a person's name, nor over a known place
    after "and" ("the Department of Justice and Ottawa ..."); mentions it covers are
    dropped.  Up to three capitalised words right after the name (after a plural's
    apostrophe or not) are its last words when the last marks a body ("Northern Sable
    Energy", "Pacific Co-operative Housing Association", "Prairie Grain Producers' Alliance"
    tagged without them); and a capitalised plural of an agent noun after its first word
    marks a body too ("Ski Area Operators" + "of the Interior")."""
    from .entities import name_tokens  # (entities calls this module: imported here, not at the top)

    marks = body_words(lang)
    starts = sorted((o.start, k) for k, o in enumerate(mentions))
    dropped: set[int] = set()
    for k, m in enumerate(mentions):
        written = text[m.start:m.end].split()
        if m.label != "ORG" or k in dropped or not written:
            continue
        after = _BODY_WORDS_AFTER.match(text, m.end)
        if after is not None and after.group(2).lower() in marks \
                and (not after.group(1) or written[-1].endswith("s")) \
                and (after.end() - m.end < 12 or not _title_case_line(text, m.start, after.end())):
            # "Northern Sable Energy", "Pacific Co-operative Housing Association", "Prairie Grain
            # Producers' Alliance", tagged without their last words
            inner = [j for s0, j in starts[bisect.bisect_left(starts, (m.end,)):
                                           bisect.bisect_left(starts, (after.end(),))] if j != k]
            if not any(o is not m and o.start < after.end() and m.end < o.end
                       and (o.end > after.end() or o.label == "PERSON") for o in mentions):
                dropped.update(inner)  # (a word of it tagged on its own: "Housing Association")
                m.end = after.end()
                m.tokens = name_tokens(text[m.start:m.end], lang)
                written = text[m.start:m.end].split()
        cut = written[-1].lower() in _CONNECTIVES
        if not cut and not any(w.lower().strip(".,'’") in marks for w in written) \
                and not (len(written) > 1 and any(_AGENTS.fullmatch(w) for w in written[1:])):
            continue
        name = text[m.start:m.end]
        end = _name_goes_on(text, m.end, written[-1].lower() if cut else None,
                            cut or " of " in name or " for " in name)
        if end <= m.end:
            continue
        covered = [j for s0, j in starts[bisect.bisect_left(starts, (m.end,)):bisect.bisect_left(starts, (end,))]
                   if j != k]
        if any(mentions[j].label == "PERSON" or any(
                w.lower().strip(".,'’") in marks for w in text[mentions[j].start:mentions[j].end].split())
               for j in covered):
            continue  # (a person's name, or a body's of its own: "Jewish General Hospital and St. Mary's Hospital")
        dropped.update(covered)
        m.end, m.tokens = end, name_tokens(text[m.start:end], lang)
    if dropped:
        mentions[:] = [o for k, o in enumerate(mentions) if k not in dropped]


# two to six capitalised words on one line, a plural's apostrophe allowed ("Acadian Lobster
# Harvesters' Co-operative", "Summit Ridge Coal")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w&.-]*(?:['’]s?)? ){1,5}[A-Z][\w-]*\b(?!['’-])")
_WORD = re.compile(r"[A-Za-z]+")


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` is a headline in title case: four or more words
    of four letters or more, each capitalised ("Obama Says New Museum Will Tell of ...")."""
    line_start = max(text.rfind("\n", max(0, start - 300), start) + 1, start - 300)
    line_end = text.find("\n", end, end + 300)  # (a headline is short: bounded, linear)
    line = text[line_start:min(len(text), end + 300) if line_end < 0 else line_end]
    long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(long_words) >= 4 and all(w[0].isupper() for w in long_words)


def untagged_bodies(mentions: list[Any], text: str, lang: Any) -> list[Any]:
    """A body's name the tagger missed, or tagged only a word of: two or more capitalised
    words in a sentence's run of text, the last a word that marks a body ("Summit Ridge
    Coal", "Acadian Lobster Harvesters' Co-operative" with only "Acadian" tagged), are an
    organisation.  A leading common word capitalised by the sentence ("The", "Many") is no
    word of it; nothing is taken where a person's name or a longer mention overlaps it, nor
    on a line written in title case (a headline: "Nurses Walk Off Job At Hospital").
    Returns the new mentions; the mentions inside them are dropped."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .entities import Mention, name_tokens  # (entities calls this module)

    marks = body_words(lang)
    ordered = sorted(mentions, key=lambda o: o.start)
    starts = [o.start for o in ordered]
    added, dropped = [], set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        start = run.start()
        cut = next((i for i, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 4), None)
        if cut is not None:  # ("in September. Police said": a sentence ends there)
            start = text.index(words[cut + 1], start + len(" ".join(words[:cut + 1])))
            words = words[cut + 1:]
        while words and (words[0].lower() in STOP_WORDS or _POSSESSIVE_END.search(words[0])
                         and is_place(_POSSESSIVE_END.sub("", words[0]))):
            # ("The", "Many"; a place's possessive owns the body: "Chile's Supreme Court")
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else run.end()
            words = words[1:]
        if len(words) < 2 or words[-1].lower() not in marks:
            continue
        end = run.end()
        if _title_case_line(text, start, end):
            continue
        k = bisect.bisect_left(starts, start - 200)
        near = [o for o in ordered[k:bisect.bisect_left(starts, end)] if o.end > start]
        if any(o.label == "PERSON" or o.start < start or o.end > end for o in near):
            continue
        if any(o.label == "ORG" and (o.start, o.end) == (start, end) for o in near):
            continue
        dropped.update(id(o) for o in near)
        added.append(Mention(start, end, "ORG", name_tokens(text[start:end], lang)))
    if added:
        mentions[:] = [o for o in mentions if id(o) not in dropped] + added
    return added


def placed_bodies(mentions: list[Any], text: str, lang: Any) -> None:
    """A body whose name opens with its place, that the tagger cut ("Pangnirtung" tagged a
    place or left untagged, "Tenants' Committee" a body): a place written right before an
    organisation, a single space between and no possessive, is the first word of its name
    (a mention of it is dropped); an untagged word there is such a place when it is one
    the gazetteer knows or the article tags as a place elsewhere."""
    from .entities import name_tokens  # (entities calls this module: imported here, not at the top)

    places = {text[o.start:o.end] for o in mentions if o.label == "GPE"}
    ordered = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    dropped: set[int] = set()
    for i, b in enumerate(ordered):
        body = mentions[b]
        if body.label != "ORG":
            continue
        a = ordered[i - 1] if i else None
        before = mentions[a] if a is not None else None
        if before is not None and before.label == "GPE" and body.start == before.end + 1 \
                and text[before.end] == " " and not _POSSESSIVE_END.search(text, before.start, before.end):
            body.start = before.start
            dropped.add(a)
        else:
            word = _WORD_BEFORE.search(text, max(0, body.start - 40), body.start)
            if word is None or (before is not None and before.end > word.start(1)) \
                    or not (word.group(1) in places or is_place(word.group(1))):
                continue
            body.start = word.start(1)
        body.tokens = name_tokens(text[body.start:body.end], lang)
    if dropped:
        mentions[:] = [o for k, o in enumerate(mentions) if k not in dropped]


_POSSESSIVE_END = re.compile(r"['’]s?$")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w.-]*) $")


# after a body's name: its plural's apostrophe, then up to three capitalised words on the line
_BODY_WORDS_AFTER = re.compile(r"(['’])? (?:[A-Z][\w-]* ){0,2}([A-Z][A-Za-z]+)\b(?!['’-])")
# a capitalised plural of an agent noun: a body of them ("Ski Area Operators", "Grain Farmers")
_AGENTS = re.compile(r"[A-Z][a-z]+(?:ers|ors)")


def _name_goes_on(text: str, pos: int, joint: str | None, joined: bool) -> int:
    """Where a body's name that the tagger ended at ``pos`` ends (``pos`` when it does not
    go on).  ``joint``: the connective it ended on ("Department of Fisheries and");
    ``joined``: whether "and" may join more words to it (a name that is cut, or that holds
    "of" or "for": "Ministry of Colleges and Universities", not "Canadian Medical
    Association and Doctors Nova Scotia")."""
    end, pending = pos, [joint] if joint else []
    i = pos
    for _ in range(16):
        found = _NAME_PIECE.match(text, i, min(len(text), i + 60))
        if found is None or "\n" in text[i:found.start(1)]:
            break
        piece = found.group(1)
        low = piece.lower()
        if low in _CONNECTIVES or piece == ",":
            if pending or (low in ("and", "&") and not joined):
                break
            pending = [low]
            joined = joined or low in ("of", "for")
        elif low == "the" and pending in (["of"], ["for"]):
            pending.append(low)
        elif piece[:1].isupper():
            if not pending and end == pos:
                break  # (it goes on by a connective, not by a word right after it)
            if pending[:1] in (["and"], ["&"]) and is_place(piece.rstrip(".,")):
                break  # ("Justice and Ottawa police": a place, no part of the name)
            if pending == [","] and not _LIST_END.match(text, found.start(1), found.start(1) + 80):
                break  # (a list of capitalised words must end with "and": "Labour, Immigration,
            pending = []  # Training and Skills Development")
            end = found.end(1)
        else:
            break
        i = found.end(1)
    return end


_LIST_END = re.compile(r"(?:\s*,?\s*[A-Z][\w'’-]*)*\s+and\s+[A-Z]")


_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+$")
_PLACE_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*)['’]s?\s+$")  # "Manitoba's ", "Nova Scotia's "


def place_owned_bodies(mentions: list[Any], text: str, lang: Any) -> None:
    """A public body whose name opens or ends with a word for one ("Ministry of Health",
    "Labour and Immigration Department": the names' words of ``organisation_kinds``'
    ``public body``), written right after a place's possessive ("Ontario's Ministry of
    Health", "B.C.'s Ministry of Water, ..."), belongs to that place: its ``owner`` is the
    place as written, which the entity's name then opens with, as a reader would write
    it ("Ontario Ministry of Health"; every province has a ministry of health)."""
    public = frozenset(lang.words.get("organisation_kinds", {}).get("public body", {}).get("names", ()))
    places = {m.end: m for m in mentions if m.label in ("GPE", "LOC")}
    ends = sorted(m.end for m in mentions)  # (is a word before a body inside another mention?)
    for m in mentions:
        words = text[m.start:m.end].lower().split()
        if m.label != "ORG" or not words or not (words[0] in public or words[-1].strip(".,") in public):
            continue
        mark = _POSSESSIVE_BEFORE.search(text, max(0, m.start - 4), m.start)
        place = places.get(mark.start()) if mark else None
        if place is not None:
            m.owner = " ".join(text[place.start:place.end].split())
            continue
        named = _PLACE_BEFORE.search(text, max(0, m.start - 40), m.start)  # (a place the tagger
        if named and is_place(named.group(1)) \
                and bisect.bisect_right(ends, named.start(1)) == bisect.bisect_right(ends, m.start):
            m.owner = " ".join(named.group(1).split())  # ran into the body's name and _trim cut;
            # no mention ends inside the place's words)

