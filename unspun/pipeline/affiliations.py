"""The organisation a speaker's own words name, where the entity tagger tagged it only in part
or not at all (helpers of :func:`.speaker_links.affiliation` and
:meth:`.quote_speakers.SpeakerResolver.affiliation_of`).

* :func:`object_body`: the object of the description's preposition ("A spokesperson for
  Alberta's Ministry of Energy and Minerals": the ministry, not the province; "A
  spokesperson for the Prairie Relief Society", untagged: that name; "A spokesperson for
  Germany's economy ministry": that phrase).
* :func:`written_body`: capitalised words right before a lower-case role noun ("A Fraser
  Health spokesperson", "LWC chairperson Maria Lund").

A name no entity holds is given with ``entity`` None and the name as written; a name that
spells an acronym, or is an organisation's name or the opening of one, is that
organisation (:meth:`.quote_speakers.SpeakerResolver.body_named`).  Known places, people's
names and role words are never such a body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lang import get as get_language
from ..lang import lemma as token_lemma
from ..places import is_place

# the prepositions that tie a person to the body they speak for ("a spokesperson for",
# "an official at", "lawyers for"; not "in": "an engineer in the Manchester office")
BODY_PREPS = frozenset({"for", "at", "of", "from", "with"})
_JOINERS = frozenset({"of", "and", "&", "for"})
_POSSESSIVE = re.compile(r"['’]s?\s+")
_OBJECT = re.compile(r"\b(?:for|at|of|from|with)\s+\S")


@dataclass(frozen=True)
class Body:
    """An affiliation: where it is written, the entity (None: a name no entity holds) and
    its name."""

    start: int
    end: int
    entity: str | None
    name: str
    type: str = "ORG"


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    return frozenset(get_language("en").quote_cues.get("group_nouns", []))


@lru_cache(maxsize=1)
def _body_roles() -> frozenset[str]:
    return frozenset(get_language("en").lexicon("body_roles"))


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    lang = get_language("en")
    titles = frozenset(w.lower().rstrip(".") for w in lang.lexicon("person_titles"))
    return titles | lang.word_set("role_words")


@lru_cache(maxsize=1)
def _officer_roles() -> re.Pattern[str]:
    """Any officer's role (``lexicons/officer_roles.txt``) as a whole word, longest first."""
    roles = sorted(get_language("en").lexicon("officer_roles"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(r) for r in roles) + r")(?![\w-])")


def object_body(resolver: Any, noun: Any, start: int, end: int) -> Body | None:
    """The body the object of a description noun's preposition names (``BODY_PREPS``),
    inside ``start:end``: the mention holding the object's head noun, else the object's
    proper name no mention holds (:func:`_name_span`: "chief executive of Danish
    manufacturer Nordvarme", "a geneticist at the Netherlands-based Institute for Saline
    Agriculture"), else a body noun with a name before it ("Germany's economy ministry")
    as written; None when the object names no body."""
    if noun is None or noun.pos_ != "NOUN":
        return None
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ not in BODY_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or not start <= obj.idx < end:
            continue
        holding = [m for m in resolver.mentions_in(max(start, obj.left_edge.idx), end)
                   if m.start <= obj.idx < m.end]
        if holding:
            m = holding[0]
            owned = [o for o in resolver.mentions_in(m.end, end)
                     if _POSSESSIVE.fullmatch(resolver.text[m.end:o.start])
                     and resolver.pronouns.types.get(o.entity, o.type) == "ORG"]
            m = owned[0] if owned else m  # "the City of Tulsa's Streets and Stormwater Department"
            kind = resolver.pronouns.types.get(m.entity, m.type)
            name = resolver.record.entity(m.entity)["name"]
            if kind == "ORG" or (kind == "GPE" and (not is_place(name) or prep.lower_ == "for")):
                return Body(m.start, m.end, m.entity, name, kind)
            return None
        if obj.pos_ == "PROPN" and obj.text[:1].isupper():
            return resolver.body_named(*_name_span(obj))
        words = [t for t in noun.doc[obj.left_edge.i:obj.i + 1] if t.dep_ not in ("det", "punct")]
        if not words:
            continue
        s, e = words[0].idx, obj.idx + len(obj)
        if obj.text.islower() and token_lemma(obj).lower() in _group_nouns() and any(
                c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in obj.children):
            return Body(s, e, None, resolver.text[s:e])  # "Germany's economy ministry"
    return None


def _name_span(obj: Any) -> tuple[int, int]:
    """The proper name a preposition's object heads: its capitalised proper nouns before it
    ("Danish manufacturer Nordvarme": "Nordvarme"; "the Netherlands-based Institute":
    "Institute") and the capitalised words and joiners after it, up to its phrase's end
    ("Institute for Saline Agriculture")."""
    doc, i = obj.doc, obj.i
    while i > obj.left_edge.i and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
        i -= 1
    right, tail = obj, doc[obj.i + 1:obj.right_edge.i + 1]
    if len(tail) and all(t.text[:1].isupper() or t.lower_ in _JOINERS for t in tail):
        right = obj.right_edge
    return doc[i].idx, right.idx + len(right)


def written_body(resolver: Any, start: int, end: int) -> Body | None:
    """A body's name written right before a lower-case noun of one who acts for a body
    (``lexicons/body_roles.txt``) in ``start:end`` ("A Fraser
    Health spokesperson", "LWC chairperson Maria Lund", "A Liberal party spokesperson":
    the party's words with it): capitalised words no mention holds but as one name, none a
    role or title; one word only when it spells an acronym or names an organisation
    (:meth:`.quote_speakers.SpeakerResolver.body_named`), and never a sentence's first word
    ("Project manager Leah Dorsey")."""
    doc, groups, roles, acting = resolver.doc, _group_nouns(), _role_words(), _body_roles()
    toks = [t for t in doc.char_span(start, end, alignment_mode="expand") or ()]
    for i, role in enumerate(toks):
        if role.pos_ != "NOUN" or not role.text.islower() or role.lower_ not in acting:
            continue
        j = i
        while j > 0 and (toks[j - 1].text[:1].isupper() and toks[j - 1].pos_ in ("PROPN", "NOUN", "ADJ")
                         or toks[j - 1].lower_ in groups and j > 1 and toks[j - 2].text[:1].isupper()):
            j -= 1
        run = toks[j:i]
        if not run or any(t.lower_.rstrip(".") in roles for t in run):
            continue
        s, e = run[0].idx, run[-1].idx + len(run[-1])
        capitals = [t for t in run if t.text[:1].isupper()]
        if len(capitals) == 1 and run[0].is_sent_start:
            return None
        return resolver.body_named(s, e, unknown_ok=len(capitals) > 1)
    return None


def employer(resolver: Any, entity: str, phrases: list[str]) -> Body | None:
    """The body a person holding an officer's role with no body named anywhere in their
    ``phrases`` and no preposition's object there either (their own phrase and
    descriptions: "chief executive Margaret Kessler",
    ``lexicons/officer_roles.txt``) speaks for: the organisation that spoke last, or was
    last a subject, before the person is first named, in that paragraph or the two before
    ("The company said it expects ... // "...," chief executive Margaret Kessler said"); no
    known place, nothing inside quotes.  None for any other person."""
    said = " ".join(phrases).lower()
    if not _officer_roles().search(said) or _OBJECT.search(said):
        return None  # (not "A spokeswoman for the airport, Claire Dubois": a body of its own)
    ent = resolver.record.entity(entity)
    rest = _officer_roles().sub(" ", said)
    names = {w.lower() for m in ent["mentions"] for w in m["text"].split()} | _role_words() \
        | get_language("en").word_set("articles")
    original = " ".join(phrases)
    if any(w[:1].isupper() and w.lower().rstrip(".,") not in names and w.lower() in rest
           for w in original.split()):
        return None  # "Oversight Chairman Jason Chaffetz": a body's word, unresolved
    first = min((m["start"] for m in ent["mentions"]), default=None)
    if first is None:
        return None
    floor = first
    for _ in range(3):  # the person's paragraph and the two before it
        floor = resolver.text.rfind("\n\n", 0, max(0, floor - 1))
        if floor < 0:
            floor = 0
            break
    floor = max(floor, resolver.dateline_end)
    found: list[tuple[int, int, str]] = []
    for pos, end, who in resolver.speakers:
        if floor <= pos < first:
            found.append((pos, end, who))
    for m in resolver.mentions_in(floor, first):
        if not resolver.inside_quote(m.start) and resolver.pronouns._subject(m):
            found.append((m.start, m.end, m.entity))
    for pos, end, who in sorted(found, reverse=True):
        name = resolver.record.entity(who)["name"]
        if resolver.pronouns.types.get(who) == "ORG" and not is_place(name) and who != entity:
            body = resolver.full_body(who, body=True)
            return Body(pos, end, body, resolver.record.entity(body)["name"])
    return None
