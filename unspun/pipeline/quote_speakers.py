"""Who a quote's speaker is: the speaker span and the entity it refers to.

The speaker span is what the article writes beside the cue: a name ("Saken
Mukan"), a pronoun ("he"), a title or description ("the minister", "the
influential US daily").  :class:`SpeakerResolver` links it to an entity of
``record.entities``:

* a span headed by an entity mention is that entity (a person first);
* a pronoun ("he", "she", "it", "they") is its nearest compatible antecedent
  (:mod:`.antecedents`: gender, person or organisation, subjects and earlier
  speakers first), a relative pronoun ("X, who said") the noun it hangs on,
  a document ("the statement added", "A statement from the office of Minister
  Raymond Tait", "It says" after "The lawsuit ...") whoever issued it
  (:mod:`.issuers`), else nobody;
* a description is the entity the article described with the same noun
  ("the professor" after "Saken Mukan, a professor at ..."), or, for
  organisation nouns ("the newspaper", "the ministry"), the organisation
  named most recently; an organisation inside a description ("A spokesman
  for the European Commission") is its affiliation, not the speaker.

:meth:`SpeakerResolver.resolve_full` says how an entity was found and from
which mention, for the record's ``speaker.resolved``.

When nothing in the article supports a link the entity stays null: the span
is still reported, but no entity is guessed.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from .affiliations import BODY_PREPS, Body, employer, object_body, written_body
from .antecedents import gender_of, given_name_gender, pronoun
from .body_names import body_words, organisation_nouns
from .issuers import document_kind, earlier_mentions, issuer_parts, issuing_subject, root_subject
from .speaker_links import (PronounLinker, affiliation, person_titles, is_document, name_kind, nominal, noun_phrase, org_compatible, org_kind,
                            place_level_of, place_levels, post_modifiers, relative_antecedent)
from ..places import is_country, is_place, is_state

from ..lang import lemma as token_lemma
from ..lang import get as get_language

LOOKBACK_CHARS = 1500
DOCUMENT_LOOKBACK = 5000  # "the letter says" takes up a letter the article brought up this far back


def lexicon(lang: str = "en") -> dict[str, Any]:
    """The cue and speaker word lists of a language (``unspun/lang/<code>/quote_cues.json``)."""
    return get_language(lang).quote_cues


@dataclass(frozen=True)
class Resolution:
    """A speaker's entity (or None), how it was found when the span does not name it
    (``pronoun``, ``relative``, ``description``, ``document``), the span it was found
    from, and for an unnamed relative antecedent its phrase."""

    entity: str | None
    how: str | None = None
    source: tuple[int, int] | None = None
    name: str | None = None


_NAME_PREPS = frozenset({"of", "for", "on"})


def _name_head(name: str) -> str:
    """The noun heading a body's name, lower case: its last word, or the word before its
    first preposition ("Foothills Museum of History": museum; "Centre for Education": centre)."""
    words = name.lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in _NAME_PREPS), len(words))
    return words[cut - 1] if words else ""


@dataclass(frozen=True)
class _Body:
    """An organisation a description may stand for: a mention of a tagged entity, or a
    proper name the tagger missed (``entity`` None)."""

    start: int
    end: int
    entity: str | None
    name: str
    subject: bool
    sentence: int




@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str


class SpeakerResolver:
    """Resolves speaker spans of one record to entity ids."""

    def __init__(self, record: Any, doc: Any, quoted: list[tuple[int, int]], sents: Any = None):
        from .quote_cues import SentenceIndex

        self.record, self.doc, self.text = record, doc, record.text
        self.sents = sents if sents is not None else SentenceIndex(doc)
        self.quoted = sorted(quoted)
        mentions = [Mention(m["start"], m["end"], e["id"], e["type"])
                    for e in record.entities for m in e["mentions"]]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.speakers: list[tuple[int, int, str]] = []  # (start, end, entity id) of resolved speakers
        self.unnamed: list[tuple[int, int]] = []  # speaker spans that name no entity ("The researchers")
        self.names: dict[tuple[int, int], str] = {}  # such a span -> the name it stands for, where written
        self._by_word: dict[str, list[int]] = {}  # a description's head noun -> entity indices
        titles = get_language("en").words.get("title_words", {})
        for n, e in enumerate(record.entities):
            heads = [_description_head(d["text"]) for d in e.get("descriptions", [])]
            for m in e["mentions"] if e["type"] == "PERSON" else ():  # "Const. Lindsay Hargreaves",
                before = record.text[max(0, m["start"] - 8):m["start"]].split()  # "Justice Ann Ng"
                if before and before[-1][:1].isupper():
                    heads.append(titles.get(before[-1].lower().rstrip(".")))
            for word in heads:
                if word and n not in self._by_word.get(word, []):
                    self._by_word.setdefault(word, []).append(n)
        self._mention_starts = [sorted(m["start"] for m in e["mentions"]) for e in record.entities]
        self.dateline_end = ((getattr(record, "dateline", None) or {}).get("span") or {}).get("end", 0)
        self.body_start = (getattr(record, "layout", None) or {}).get("body_start") or 0
        byline = (getattr(record, "layout", None) or {}).get("byline") or {}
        self.outlets = {m.entity for m in self.mentions  # the outlet the byline names
                        if byline.get("end") and byline["start"] <= m.start < byline["end"]}
        self.pronouns = PronounLinker(record, doc, self.sents, self.mentions, self.inside_quote)
        types = self.pronouns.types  # the tagger's types as the text corrects them
        self.mentions = [m if types.get(m.entity, m.type) == m.type
                         else Mention(m.start, m.end, m.entity, types[m.entity]) for m in self.mentions]
        self._later: str | None = None  # the last description resolved to a person named after it
        self._named_by: dict[str, str] = {}  # a lede's role noun -> the person named next (_named_next)
        self._described: list[tuple[int, str, dict]] = []  # (start, noun, affiliation): note_affiliation
        self._qualified: dict[tuple[str, frozenset[str]], list[int]] = {}  # (_named_later)

    def inside_quote(self, pos: int) -> bool:
        i = bisect_left(self.quoted, (pos + 1,)) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def without_titles(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions but a title alone after "the" ("the Taoiseach" tagged an entity: a
        description of a person).  (Their types are already the ones the text corrects:
        "the secretary of the board, Helen Marchand" with "Helen Marchand" tagged a
        facility is a person, see ``__init__``.)"""
        titles = person_titles("en")
        return [m for m in mentions if not (self.text[m.start:m.end].lower() in titles
                                            and self.text[max(0, m.start - 4):m.start].lower() == "the ")]

    def note_speaker(self, pos: int, entity: str | None, end: int | None = None) -> None:
        end = pos if end is None else end
        if entity:
            self.speakers.append((pos, end, entity))
        else:
            self.unnamed.append((pos, end))

    def resolve(self, start: int, end: int, head: Any = None) -> str | None:
        """The entity id the speaker span ``start:end`` refers to, or None."""
        return self.resolve_full(start, end, head).entity

    def affiliation_of(self, start: int, end: int, head: Any, entity: str | None) -> "Mention | Body | None":
        """The organisation a speaker works for, where the speaker span itself names none
        after its noun: one named before the noun ("A Downing Street spokesman", "Maple
        Air president Grant Leclerc"), one the phrase points back to ("a spokeswoman for
        the authority", "the union's general secretary": the body that noun stands for,
        :meth:`_organisation`), and for a person the same in the descriptions the article
        gave them ("Marie Tremblay, a spokesperson for Nova Scotia Health"); in each, a
        body's name the tagger missed before a role noun ("A Fraser Health spokesperson",
        :func:`.affiliations.written_body`); ``entity`` is the one the speaker span was
        resolved to."""
        found = self._body_in(start, end, head, entity) or written_body(self, start, end)
        if found is not None or not entity or self.pronouns.types.get(entity) != "PERSON":
            return found
        for d in self.record.entity(entity).get("descriptions", []):
            root = self.doc.char_span(d["start"], d["end"], alignment_mode="expand")
            found = object_body(self, root.root if root is not None else None, d["start"], d["end"]) \
                or self._body_in(d["start"], d["end"], None, entity) or written_body(self, d["start"], d["end"])
            if found is not None:
                return found
        # the name's own phrase and the description it is in apposition with: "Chief Andrea Kelly of
        # Qwo First Nation", "Maple Air president Grant Leclerc", "A detective from West
        # Yorkshire Police, Det Sgt Paul Lyle": organisations named there only
        own = start <= head.idx < end or head.pos_ == "NOUN"  # not "Outside Leinster House, Fr X"
        nouns = [head] * own + [c for c in head.children if c.dep_ == "appos" and own] \
            + ([head.head] if head.dep_ == "appos" and head.head.pos_ == "NOUN" else []) \
            + ([head.head] if own and head.dep_ == "conj" and head.head.pos_ == "NOUN" and head.head.i < head.i
               else [])  # "Maple Air president and CEO Grant Leclerc": the name coordinated with a title
        for noun in nouns:
            found = object_body(self, noun, *noun_phrase(noun)) \
                or self._body_in(*noun_phrase(noun), None, entity, point_back=False) \
                or written_body(self, *noun_phrase(noun))
            if found is not None:
                return found
        phrases = [self.text[slice(*noun_phrase(n))] for n in nouns] \
            + [d["text"] for d in self.record.entity(entity).get("descriptions", [])]
        return employer(self, entity, phrases)  # "chief executive Margaret Kessler": the body that spoke

    def _body_in(self, start: int, end: int, head: Any, entity: str | None,
                 point_back: bool = True) -> Mention | None:
        """An organisation named in ``start:end`` (not the speaker ``entity``, not holding
        the head noun; tagged a place that no gazetteer knows as one counts), else what a possessive
        "its" there stands for ("Its chief executive", :class:`.speaker_links.PronounLinker`),
        else (``point_back``) the body a group noun there stands for ("the regulator")."""
        for m in self.mentions_in(start, end):
            tagged, name = self.pronouns.types.get(m.entity, m.type), self.record.entity(m.entity)["name"]
            if m.entity != entity and tagged in ("ORG", "GPE") and not is_place(name) \
                    and not (head is not None and m.start <= head.idx < m.end) and not self._people_of(m) \
                    and not self._capitalised_word(m):
                return m
        i = bisect_left(self.pronouns.tok_starts, start)
        for tok in self.doc[i:bisect_left(self.pronouns.tok_starts, end)]:
            owner = pronoun(tok.lower_) if tok.dep_ == "poss" else None
            if owner is not None and owner.kind == "thing":  # "Its chief executive": what "its" is
                m = self.pronouns.resolve(tok.idx, tok.lower_, [(p, e) for p, _, e in self.speakers])
                if m is not None and m.entity and m.entity != entity \
                        and self.pronouns.types.get(m.entity, m.type) in ("ORG", "GPE") \
                        and not is_place(self.record.entity(m.entity)["name"]):
                    return Mention(tok.idx, tok.idx + len(tok), m.entity, "ORG")
                continue
            if not point_back or tok is head or not _common(tok) or tok.dep_ not in ("pobj", "poss", "compound") \
                    or tok.dep_ == "pobj" and tok.head.lower_ not in BODY_PREPS \
                    or tok.dep_ == "compound" and not (_definite(tok) or _definite(tok.head)) and (
                        org_kind(token_lemma(tok).lower()) is None or any(c.dep_ == "compound" for c in tok.children)):
                continue  # not "an engineer in the Manchester office", "School board trustees", "A
                #           senior administration official"; "union president Teresa Kowal": the union
            body = self._organisation(tok.idx, tok)
            if body is not None and body.entity and body.entity != entity:
                left = max(tok.left_edge.idx, start)
                return Mention(left, tok.idx + len(tok), body.entity, "ORG")
        return None

    def note_affiliation(self, pos: int, head: Any, affiliation: dict) -> None:
        """Remember the affiliation of a description speaker that named no entity ("A senior
        official at the Treasury"), for the same noun with "the" after it."""
        self._described.append((pos, token_lemma(head).lower(), affiliation))

    def earlier_affiliation(self, pos: int, head: Any) -> dict:
        """``{"affiliation": ...}`` for a definite description speaker that named no entity
        ("the official said") where the nearest earlier such speaker with the same noun, in
        the look-back, had one ("A senior official at the Ministry of Environment"); else {}."""
        if head.pos_ != "NOUN" or not _definite(head):
            return {}
        noun = token_lemma(head).lower()
        for p, word, affiliation in reversed(self._described):
            if pos - LOOKBACK_CHARS < p < pos and word == noun:
                return {"affiliation": dict(affiliation)}
        return {}

    def _capitalised_word(self, m: Mention) -> bool:
        """A one-word "name" that opens a sentence before a lower-case word and is written
        nowhere else ("Press secretary Owen Prakash said"): a common word capitalised, no body."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].is_sent_start and not span.text.isupper() \
            and bool(_WORD_AFTER.match(self.text, m.end)) and len(self.record.entity(m.entity)["mentions"]) == 1

    def _people_of(self, m: Mention) -> bool:
        """A name written before a noun for a place's people ("Orchard Point resident Helen
        Marsh": ``lexicons/place_people.txt``): where the person lives, no body."""
        after = _WORD_AFTER.match(self.text, m.end)
        return bool(after) and after.group(1) in get_language("en").lexicon("place_people")

    def resolve_full(self, start: int, end: int, head: Any = None) -> "Resolution":
        """The entity the speaker span refers to, how it was found and from which mention.

        A span naming an entity is that entity.  A description ("the nominee", "A
        spokesman for the Commission") is the entity described with its noun, if any.
        A pronoun is its antecedent (:class:`.speaker_links.PronounLinker`); a relative
        pronoun the noun its clause hangs on; a document ("the statement") whoever issued
        it.  ``how`` and ``source`` say which of these gave the entity."""
        inside = self.without_titles(self.mentions_in(start, end))
        if head is not None and head.pos_ == "PROPN" and head.dep_ == "appos" and start <= head.idx < end \
                and not any(m.start <= head.idx < m.end for m in inside) \
                and _appositive_name(head.head, self) is not None:  # a body's name, untagged
            s0, e0, _ = _appositive_name(head.head, self)
            return Resolution(None, name=self.text[s0:e0])
        if inside and not _is_description(head, inside) and not self._member(head, inside):
            people = [m for m in inside if m.type == "PERSON"]
            holding = [m for m in inside if head is not None and m.start <= head.idx < m.end]
            people = [m for m in people if m in holding] or people
            found = (people or holding or inside)[0].entity
            return Resolution(self.full_body(found))
        short = re.sub(r"^[Tt]he\s+", "", self.text[start:end].strip())
        opened = self._opened(short) if head is not None and head.pos_ == "PROPN" else None
        if opened is not None:  # "Prairie Western said", untagged, after "Prairie Western Railway"
            return Resolution(opened)
        word = self.text[start:end].lower()
        if head is not None:
            noun = relative_antecedent(head)
            if noun is not None:
                return self._relative(noun, person=word == "who")
        if pronoun(word) is not None:
            before = self._subject_before(start, word)
            if before is not None:
                return before
            named = [(s, e, n) for s, e in self.unnamed if (n := self._speaker_name(s, e))]
            m = self.pronouns.resolve(start, word, [(p, e) for p, _, e in self.speakers], named) \
                or self.pronouns.named_after(start, word)
            if m is None:
                return Resolution(None)
            if m.entity is None:  # a body named by a speaker's proper name, untagged
                return Resolution(None, "pronoun", (m.start, m.end), name=m.name)
            return Resolution(m.entity, "pronoun", self._speaker_span_at(m))
        if word in lexicon()["person_pronouns"] or word in lexicon()["group_pronouns"]:
            return Resolution(None)  # "I", "we": first person, no antecedent here
        aged = self._aged(start, end)
        if aged is not None:
            return aged
        if head is not None and is_document(head, token_lemma(head).lower()):
            return self._document(start, head)
        if head is not None:
            owner = self._person_owner(head) or self._owner(head)
            if owner is not None:
                return Resolution(owner.entity, "description", (owner.start, owner.end))
            found = self._description_mention(start, head)
            if found is not None:
                return Resolution(found[1], "description", found[0])
            body = self._organisation(start, head)
            if body is not None:
                if body.name:
                    self.names[(start, end)] = body.name
                return body
            later = self._named_next(start, end, head)
            if later is not None:
                self._named_by[token_lemma(head).lower()] = later.entity
                return Resolution(later.entity, "description", (later.start, later.end))
            known = self._named_by.get(token_lemma(head).lower())
            if known is not None and _definite(head):  # "the Taoiseach" again: the one named so
                ent = self.record.entity(known)
                before = [m for m in ent["mentions"] if m["start"] < start] or ent["mentions"][:1]
                return Resolution(known, "description", (before[-1]["start"], before[-1]["end"]))
            titled = self._titled_speaker(start, head)
            if titled is not None:
                return titled
            epithet = self._epithet(start, end, head)
            if epithet is not None:
                return Resolution(epithet.entity, "description", (epithet.start, epithet.end))
        return Resolution(None)

    def _epithet(self, start: int, end: int, head: Any) -> Mention | None:
        """"Priya Venkataraman began her speech ... // \"...,\" the Toronto author told": a
        definite description of one person that no entity is described with is the person the
        previous sentence (outside quotes) is about, as the subject of its main verb (or the
        name in apposition to it: "Her mother-in-law, Oopah Akpalialuk, ..."), or the
        subject of an earlier clause of its own sentence ("When Shauna Greenidge signed ...,
        the Halifax nurse says"), of no other gender than the description's."""
        noun = token_lemma(head).lower()
        if head.tag_ != "NN" or not _definite(head) or not _person_noun(noun) \
                or is_document(head, noun) or head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        k = bisect_left(self.sents.starts, head.i + 1) - 1
        if k < 0:
            return None
        own = self.sents.sents[k]
        subjects = [t for t in own if t.i < head.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"
                    and t.head != head.head and not self.inside_quote(t.idx)]
        for j in range(k - 1, max(-1, k - 4), -1):
            sent = self.sents.sents[j]
            if self.inside_quote(sent.start_char + 1) and self.inside_quote(sent.end_char - 2):
                continue
            subject = root_subject(sent)
            if subject is not None and subject.pos_ != "PROPN":  # "Her mother-in-law, Oopah Akpalialuk,"
                subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if subject is not None and not self.inside_quote(subject.idx):
                subjects.append(subject)
            break
        said = gender_of([], descriptions=[self.text[start:end]])
        for subject in subjects:
            found = self._person_at(subject, self.mentions_in(max(0, subject.idx - 80), subject.idx + len(subject)))
            if found is not None and (said is None or self.pronouns.genders.get(found.entity) in (None, said)):
                return found
        return None

    def _member(self, head: Any, inside: list[Mention]) -> bool:
        """"a New Hampshire Republican", "the Wisconsin Democrat": one member of a group
        the tagger named (a singular word it tagged a nationality, religious or political
        group) after a determiner is a description of a person, not the group."""
        if head is None or head.tag_ != "NNP" or not any(c.dep_ == "det" for c in head.children):
            return False
        return any(m.start <= head.idx < m.end and self.record.entity(m.entity)["type"] == "NORP"
                   and self.pronouns.types.get(m.entity) != "ORG" for m in inside)

    def _titled_speaker(self, pos: int, head: Any) -> "Resolution | None":
        """"the minister said" after "Minister for Culture Ann Byrne said" where the tagger
        missed the name: the nearest earlier speaker in the look-back, unresolved, written
        with the noun as the title before a capitalised name; it keeps no entity but that
        phrase's name."""
        noun = token_lemma(head).lower()
        if head.tag_ != "NN" or noun not in person_titles("en") or not _definite(head):
            return None
        for s, e in sorted(self.unnamed, reverse=True):
            if not pos - LOOKBACK_CHARS < s < pos:
                continue
            words = self.text[s:e].split()
            at = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") == noun and w[:1].isupper()]
            if at and words[-1][:1].isupper() and len(words) - at[0] > 2 \
                    and not any(w[:1].islower() for w in words[at[0] + 1:] if w.lower() not in ("for", "of", "and")):
                return Resolution(None, "description", (s, e), name=self.names.get((s, e), self.text[s:e]))
        return None

    def full_body(self, entity: str, body: bool = False) -> str:
        """The entity a body's short name stands for (an acronym is its organisation's mention
        already: :mod:`.acronyms`): the one whose name opens with all its words (:meth:`_full_name`; a name found as a body,
        ``body``, may be one the article typed a place no gazetteer knows, "Northline's
        chief executive", but one word opens a company's name only, "Aldermoor Systems", not
        "Army Drone Program" for "Army"), else ``entity``."""
        return self._full_name(entity, body)

    def body_named(self, start: int, end: int, unknown_ok: bool = True) -> "Body | None":
        """The body a name written at ``start:end`` names, where no organisation's mention
        holds it (:mod:`.affiliations`): the organisation it abbreviates or whose name it is or
        opens (:meth:`full_body`), else (``unknown_ok``, or a name in capitals) the name
        itself with no entity; None for a known place's name, a person's, or a name a
        mention cuts or tags a person (a place tagged inside it is no cut: "Environment
        Canada")."""
        name = self.text[start:end]
        near = [m for m in self.mentions_in(max(0, start - 100), end + 100) if m.start < end and start < m.end
                and not (start <= m.start and m.end <= end and (m.start, m.end) != (start, end)
                         and m.type in ("GPE", "LOC", "NORP"))]  # "Environment Canada": a place inside
        if any((m.start, m.end) != (start, end) or self.pronouns.types.get(m.entity) == "PERSON" for m in near) \
                or is_place(name) or given_name_gender([name], "en") is not None:
            return None
        found = None
        same = [e["id"] for e in self.record.entities if e["name"].lower() == name.lower() and e["mentions"]]
        if found is None and same:  # the name tagged elsewhere: a body's only
            bodies = [i for i in same if self.pronouns.types.get(i) == "ORG"
                      or self.pronouns.types.get(i) == "GPE" and not is_place(name)]
            if not bodies:
                return None  # "South Lismore resident": a name the article tags a place or people
            found = bodies[0]
        if found is None:
            opening = sorted((len(e["name"]), e["id"]) for e in self.record.entities
                             if e["mentions"] and self.pronouns.types.get(e["id"]) == "ORG"
                             and e["name"].split()[:len(name.split())] == name.split() and e["name"] != name
                             and (" " in name or name_kind(e["name"]) == "company"))
            found = opening[0][1] if opening else None
        if found is not None:
            found = self.full_body(found, body=True)
            return Body(start, end, found, self.record.entity(found)["name"])
        if unknown_ok or _CAPITALS.fullmatch(name):
            return Body(start, end, None, name)
        return None

    def _full_name(self, entity: str, body: bool = False) -> str:
        """A body's short name ("Harvest Lane" after "Harvest Lane Foods Inc."): the organisation
        whose name opens with all its words and goes on in capitalised words (not "Maple Air
        council", a part of a union, for "Maple Air"), the shortest where each such name opens with
        it; a name with no known given name, not the entity a pronoun reads as a person's
        surname, and of one word only when the article types it an organisation and it names
        no country or province ("Pinecrest" after "Pinecrest Residential Holdings"); where
        the longer names go different ways, the only one that shows a kind of body; else
        ``entity``."""
        name = self.record.entity(entity)["name"]
        words = name.split()
        if given_name_gender([name], "en") is not None or entity in self.pronouns.same_as:
            return entity
        typed = self.pronouns.types.get(entity)
        if len(words) < 2 and (is_country(name) or is_state(name) or not name[:1].isupper() or
                               not (typed == "ORG" or body and typed == "GPE" and not is_place(name))):
            return entity  # one word: one the article makes an organisation ("Pinecrest", also
            #                a town's name somewhere), never a country's or a province's
        longer = sorted((len(e["name"].split()), e["id"]) for e in self.record.entities
                        if e["id"] != entity and e["mentions"] and self.pronouns.types.get(e["id"]) == "ORG"
                        and e["name"].split()[:len(words)] == words and len(e["name"].split()) > len(words)
                        and all(w[:1].isupper() or w in ("of", "and", "&") for w in e["name"].split()[len(words):])
                        and not (body and len(words) < 2 and name_kind(e["name"]) != "company"))
        if not longer:
            return entity
        shortest = self.record.entity(longer[0][1])["name"].split()
        if all(self.record.entity(i)["name"].split()[:len(shortest)] == shortest for _, i in longer):
            return longer[0][1]
        # names going different ways ("Pacific Crest Hospitality Group", "Pacific Crest
        # Waterfront"): the one body whose name shows what kind of body it is
        bodies = [i for _, i in longer if name_kind(self.record.entity(i)["name"]) is not None]
        return bodies[0] if len(bodies) == 1 else entity

    def _opened(self, short: str) -> str | None:
        """The one organisation whose name the capitalised words ``short`` open, or None."""
        if not short[:1].isupper() or is_place(short) or given_name_gender([short], "en") is not None:
            return None
        found = [e["id"] for e in self.record.entities if e["mentions"]
                 and self.pronouns.types.get(e["id"]) == "ORG" and e["name"].startswith(short + " ")]
        return found[0] if len(found) == 1 else None

    def _person_owner(self, head: Any) -> Mention | None:
        """"Toussaint's office said", "the senator's campaign said": a person's own office or
        campaign (``personal_bodies``) speaks for the person named in the possessive, or
        after "of" ("the office of Housing Minister Derek Lisgar")."""
        if head.pos_ != "NOUN" or token_lemma(head).lower() not in lexicon().get("personal_bodies", ()):
            return None
        for child in head.children:
            if child.dep_ == "poss" and pronoun(child.lower_) is not None:  # "her office said"
                m = self.pronouns.resolve(child.idx, child.lower_, [(p, e) for p, _, e in self.speakers],
                                          owner=True)
                if m is not None and self.pronouns.types.get(m.entity) == "PERSON":
                    return m
                continue
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                end = child.idx + len(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                end = child.right_edge.idx + len(child.right_edge)
            else:
                continue
            for m in self.mentions_in(child.left_edge.idx, end):
                if self.pronouns.types.get(m.entity, m.type) == "PERSON":
                    return m
        return None

    def _owner(self, head: Any) -> Mention | None:
        """"The African Union's observer mission said": a body's own part (an organisation
        noun, ``group_nouns``) with the organisation that owns it in the possessive speaks
        for that organisation (not for a place: "Zambia's main opposition party")."""
        if head.pos_ != "NOUN" or token_lemma(head).lower() not in lexicon()["group_nouns"] or _indefinite(head):
            return None
        for child in head.children:
            if child.dep_ != "poss" or child.pos_ != "PROPN":
                continue
            for m in self.mentions_in(child.left_edge.idx, child.idx + len(child)):
                if self.pronouns.types.get(m.entity, m.type) == "ORG" and not is_place(self.record.entity(m.entity)["name"]):
                    return m
        return None

    def _aged(self, start: int, end: int) -> "Resolution | None":
        """"the 46-year-old said": a person described by age alone is the person whose age
        the article gave ("Lena Ortiz, 46,"), else the person named last before (outside
        quotes and captions), as "she" would be; None for no such phrase or person."""
        found = _AGE.match(self.text[start:end].strip())  # (the parser's subtree can run on)
        if found is None:
            return None
        people = [m for m in self._before(start) if self.pronouns.types.get(m.entity, m.type) == "PERSON"
                  and not self.pronouns._aside(m.start)]
        age = re.compile(rf"\s*,\s*(?:an?\s+)?{found.group(1)}\b")
        given = [m for m in people if any(age.match(self.text, x["end"])
                                          for x in self.record.entity(m.entity)["mentions"])]
        if not (given or people):
            return None
        m = (given or people)[0]
        return Resolution(m.entity, "description", (m.start, m.end))

    def _named_next(self, start: int, end: int, head: Any) -> Mention | None:
        """A lede that describes its speaker and names them only after ("The former head of
        procurement at the Lakeshore Transit Authority told an inquiry ... // Karen Mwale
        testified for four hours."; "A former defenceman with the Timmins Northmen told an
        inquiry ... // Ryan Castellano, now 23, played two seasons"): a description of one
        person (a singular noun with "the", "a" or "an" that names no body, place or
        document) speaking in any paragraph (the lede's, or further down: "said the team's
        head coach, standing by the fence" // "Rashid Farouk, who has coached ..."), is the
        person the next paragraph's first sentence opens with as its subject (or names as its
        subject right after an opening phrase: "Speaking in the Dail on Tuesday, Ann Roe
        said"), or gives as the speaker of its quote ("\"We drink from that river,\" said
        Chief Rosalie Tourangeau"), named bare (no title or description of its own before
        the name; after it only an age, "now", "who" or "whose") and not named before, and
        of no other gender than the description's ("The mother of a Regina cyclist").
        A title the tagger made an entity counts as the noun ("The Taoiseach has rejected"),
        and the same noun with "the" later is the same person (``_named_by``)."""
        noun = token_lemma(head).lower()
        if (head.tag_ != "NN" and not (head.tag_ == "NNP" and noun in person_titles("en"))) \
                or noun in lexicon()["group_nouns"] or place_level_of(noun) \
                or is_document(head, noun) or not (_definite(head) or _indefinite(head) or _owned(head)) \
                or any(self.pronouns.types.get(m.entity) == "PERSON" for m in self.mentions_in(start, end)):
            return None
        if "\n\n" not in self.text[end:]:
            return None
        i = bisect_left(self.pronouns.tok_starts, self.text.index("\n\n", end) + 2)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        if i >= len(self.doc):
            return None
        sent = self.sents.of(i)
        m = self._opening_person(sent, noun if _indefinite(head) else "") or self._quoted_person(sent)
        if m is None:
            return None
        ent = self.record.entity(m.entity)
        if any(x["start"] < start for x in ent["mentions"]):
            return None
        said = gender_of([], descriptions=[self.text[start:end]])
        if said is not None and self.pronouns.genders.get(m.entity) not in (None, said):
            return None
        return m

    _AFTER_NAME = re.compile(r",\s*(?:who\b|whose\b|now\b|\d)")
    _CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")

    def _opening_person(self, sent: Any, noun: str = "") -> Mention | None:
        """The person a sentence opens with as its subject, named bare (see :meth:`_named_next`)
        or with a title that is the noun of an indefinite description, ``noun`` ("an Ontario
        judge has ruled" // "In a written decision, Superior Court Justice Helen Marchetti
        found"; not "the minister said" // "Health Minister Priya Raman": a minister of one
        portfolio, maybe not the one who spoke)."""
        subject = root_subject(sent)
        if subject is None or subject.pos_ != "PROPN" or any(
                c.dep_ == "appos" and not c.like_num for c in subject.children):  # (an age may follow)
            return None
        inside = self.mentions_in(sent.start_char, sent.end_char)
        person = self._person_at(subject, inside)
        found = [person] if person is not None else []
        opening = self.text[sent.start_char:found[0].start].strip() if found else ""
        title = opening.split()[-1].lower().rstrip(".") if opening else ""
        if title and noun and noun in (title, get_language("en").words.get("title_words", {}).get(title)):
            words = opening[:-len(title)].rstrip(" .").split()  # the title the description names,
            while words and self._CAPITALISED.fullmatch(words[-1]):     # and the capitalised words
                words.pop()                                        # before it ("Superior Court")
            opening = " ".join(words)
        if not found or (opening and not opening.endswith(",")) \
                or any(m.start < found[0].start and self.pronouns.types.get(m.entity) == "PERSON" for m in inside) \
                or self.text[found[0].end:found[0].end + 1] == "," and not self._AFTER_NAME.match(self.text, found[0].end):
            return None  # (or after an opening phrase: "Speaking in the Dail, Ann Roe said"; not
            # after a title of the name's own: "Health Minister Ann Roe", nor with a role after it)
        return found[0]

    def _quoted_person(self, sent: Any) -> Mention | None:
        """The person a paragraph that opens with a quote gives as its speaker after the verb
        ("\"We drink from that river. ... ,\" said Chief Rosalie Tourangeau"), else None."""
        if not self.inside_quote(sent.start_char + 1):
            return None
        para_end = self.text.find("\n\n", sent.start_char)
        para_end = len(self.text) if para_end < 0 else para_end
        i = sent.start
        while i < len(self.doc) and self.doc[i].idx < para_end:
            tok = self.doc[i]
            i += 1
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.head.i < tok.i \
                    and not self.inside_quote(tok.idx) and token_lemma(tok.head).lower() in ("say", "tell", "add"):
                return self._person_at(tok, self.mentions_in(sent.start_char, para_end))
        return None

    def _person_at(self, tok: Any, inside: list[Mention]) -> Mention | None:
        """The first of the mentions ``inside`` that holds the token and names a person."""
        return next((m for m in inside if m.start <= tok.idx < m.end
                     and self.pronouns.types.get(m.entity) == "PERSON"), None)

    def _document(self, start: int, head: Any, depth: int = 0) -> "Resolution":
        """A document speaks for its issuer (:mod:`.issuers`): named in its own phrase,
        else where the article brought the same document up before; else nobody."""
        lemma = token_lemma(head).lower()
        unnamed = None
        earlier = earlier_mentions(head, document_kind(lemma), token_lemma, start - DOCUMENT_LOOKBACK)
        for tok in [head] + earlier:
            if tok is not head and self.inside_quote(tok.idx):
                continue
            found = self._issuer(tok, depth)
            if found is not None and found.entity is not None:
                return Resolution(found.entity, "document", found.source)
            if unnamed is None and found is not None and found.source is not None:
                s, e = found.source
                name = found.name or self.names.get((s, e)) or self.text[s:e]
                if pronoun(name.lower()) is None and name.lower() not in lexicon()["person_pronouns"]:
                    unnamed = Resolution(None, "document", (s, e), name=name)
        return unnamed or Resolution(None)  # an issuer written as a description ("In a statement,
        # the university said ... The statement noted ..."): that phrase, no entity guessed

    def _issuer(self, noun: Any, depth: int) -> "Resolution | None":
        for part in issuer_parts(noun):
            if part.dep_ == "poss" and pronoun(part.lower_) is not None:
                m = self.pronouns.resolve(part.idx, part.lower_, [(p, e) for p, _, e in self.speakers],
                                          owner=True)
                if m is not None:
                    return Resolution(m.entity, source=self._speaker_span_at(m))
                continue
            obj = part if part.dep_ == "poss" else next((c for c in part.children if c.dep_ == "pobj"), None)
            inside = self.mentions_in(part.left_edge.idx, part.right_edge.idx + len(part.right_edge))
            first = next((t for t in obj.subtree if t.dep_ != "det"), obj) if obj is not None else None
            if obj is not None and obj is not part and obj.pos_ == "PROPN" and first.is_title \
                    and not any(m.start <= obj.idx < m.end for m in inside):
                s0, e0 = first.idx, obj.right_edge.idx + len(obj.right_edge)  # "by the Réseau
                return Resolution(None, source=(s0, e0), name=self.text[s0:e0])  # québécois pour
                # l'enfance", untagged (or only a word of it tagged): its name
            people = [m for m in inside if self.pronouns.types.get(m.entity) == "PERSON"]
            others = [m for m in inside if m.type in ("ORG", "GPE", "NORP", "FAC")]  # (a body the
            if people or others:  # tagger took for a building: "a report from Winnipeg Transit")
                m = (people or others)[0]
                return Resolution(m.entity, source=(m.start, m.end))
            named = self._named_as(part)
            if named is not None:
                return named
            body = self._organisation(obj.idx, obj) if obj is not None and obj.pos_ == "NOUN" else None
            if body is not None and body.entity is not None:  # "a news release from the health
                return Resolution(body.entity, source=body.source)  # district": the body it stands for
            if obj is not None and obj.pos_ == "NOUN":  # "the budget officer's report": the office
                quals = {c.lower_ for c in obj.children  # named earlier whose name ends in the noun
                         if c.dep_ in ("compound", "amod") and c.i < obj.i}  # and holds its qualifiers
                held = self._named_earlier(obj.idx, token_lemma(obj).lower(), quals)
                if held:
                    return Resolution(held[0].entity, source=(held[0].start, held[0].end))
                if _person_noun(token_lemma(obj).lower()) and depth <= 1:  # "a report by the federal
                    s0, e0 = noun_phrase(obj)  # ethics commissioner": whom the description is
                    found = self.resolve_full(s0, e0, obj)
                    if found.entity is not None:
                        return Resolution(found.entity, source=found.source or (s0, e0))
        subject = issuing_subject(noun, lambda tok: is_document(tok, token_lemma(tok).lower()))
        if subject is None or depth > 1:
            return None
        s, e, head = speaker_span(self.doc, subject, self)
        for p, pe, ent in self.speakers:  # the subject already spoke: its resolved speaker
            if p <= subject.idx < pe:
                return Resolution(ent or self._body_of(s, e, head), source=(p, pe))
        if is_document(head, token_lemma(head).lower()):
            return self._document(s, head, depth + 1)
        found = self.resolve_full(s, e, head)
        return Resolution(found.entity or self._body_of(s, e, head), source=found.source or (s, e))

    def _body_of(self, start: int, end: int, head: Any) -> str | None:
        """The organisation an unnamed speaker speaks for ("In a statement, a spokesperson for
        Santé Québec said ...": a later "the statement" is Santé Québec's), or None."""
        if head is None:
            return None
        found = affiliation(self.mentions_in(start, end), head, start, end, self, None)
        return found.entity if found is not None and found.entity else None

    def _named_as(self, part: Any) -> "Resolution | None":
        """An issuer written with the name of an entity the tagger missed there ("Nova Scotia
        Health’s latest quarterly report" after "Nova Scotia Health" was tagged): that
        entity, when the possessive's whole phrase is its name."""
        if part.dep_ != "poss" or part.pos_ != "PROPN":
            return None
        s, e = part.left_edge.idx, part.idx + len(part)
        written = self.text[s:e].lower()
        found = [x for x in self.record.entities if x["name"].lower() == written and x["mentions"]]
        return Resolution(found[0]["id"], source=(s, e)) if len(found) == 1 else None

    def _subject_before(self, pos: int, word: str) -> "Resolution | None":
        """A pronoun whose previous sentence is about a phrase that names no entity, as the
        subject of its main verb: a document ("The lawsuit seeks $85 million. It says
        ...": its issuer) or an earlier speaker written as a description ("The
        researchers said ... They said": that phrase, no entity guessed)."""
        p = pronoun(word)
        if p is None or not len(self.doc):
            return None
        tok = self.doc.char_span(pos, pos + len(word), alignment_mode="expand")
        k = bisect_left(self.sents.starts, tok.start + 1) - 2 if tok is not None else -1
        subject = root_subject(self.sents.sents[k]) if k >= 0 else None
        if subject is None or subject.pos_ != "NOUN" \
                or self.mentions_in(subject.idx, subject.idx + len(subject)):
            return None
        if p.kind == "thing" and is_document(subject, token_lemma(subject).lower()):
            return self._document(subject.idx, subject)
        for s, e in self.unnamed:
            if s <= subject.idx < e and _agrees(p, subject):
                return Resolution(None, "pronoun", (s, e), name=self.names.get((s, e), self.text[s:e]))
        return None

    def _speaker_name(self, start: int, end: int) -> str | None:
        """The name an unresolved speaker span stands for: the name its description was found
        to stand for, or the span itself when it is a proper name the tagger missed."""
        if (start, end) in self.names:
            return self.names[(start, end)]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return self.text[start:end] if span is not None and span.root.pos_ == "PROPN" else None

    def _speaker_span_at(self, m: Any) -> tuple[int, int] | None:
        """The span a pronoun was resolved from: the mention, or an earlier speaker's span."""
        if m.end > m.start:
            return (m.start, m.end)
        for p, e, _ in self.speakers:
            if p == m.start:
                return (p, e)
        return None

    def _relative(self, noun: Any, person: bool = False) -> "Resolution":
        """"Smith, who said ...": the entity named by the noun the relative clause
        modifies, or the noun phrase itself ("the port authority, which said"); for "who"
        (``person``) no place named in that phrase ("a retired nurse from Alberta Avenue")."""
        ps, pe = noun_phrase(noun)
        inside = self.mentions_in(ps, pe)
        if person:
            inside = [m for m in inside if self.pronouns.types.get(m.entity, m.type) not in ("GPE", "LOC", "FAC")]
        people = [m for m in inside if m.type == "PERSON"]
        if inside and not _is_description(noun, inside) and not self._member(noun, inside):
            m = (people or inside)[0]
            return Resolution(m.entity, "relative", (m.start, m.end))
        found = self._description_mention(ps, noun) if noun.pos_ == "PROPN" or nominal(noun) else None
        if found is not None:
            return Resolution(found[1], "relative", found[0])
        body = self._organisation(ps, noun) if noun.pos_ == "NOUN" else None
        if body is not None and body.entity is not None:
            return Resolution(body.entity, "relative", body.source)
        return Resolution(None, "relative", (ps, pe), name=self.text[ps:pe])

    def _description_mention(self, pos: int, head: Any) -> tuple[tuple[int, int], str] | None:
        """The entity a description refers to and its last mention before ``pos``."""
        entity = self._description(pos, head)
        if entity is None:
            return None
        ent = self.record.entity(entity)
        before = [m for m in ent["mentions"] if m["start"] < pos] if ent else []
        if not before and (pos < self.body_start or _bare(head) or self._later == entity) \
                and ent and ent["mentions"]:
            before = ent["mentions"][:1]  # named after the headline
        if not before:
            return None
        return (before[-1]["start"], before[-1]["end"]), entity

    def _description(self, pos: int, head: Any) -> str | None:
        noun = token_lemma(head).lower()
        if (head.pos_ != "PROPN" and not nominal(head)) or len(noun) < 3:
            return None
        best: tuple[int, str] | None = None
        described = sorted(set(self._by_word.get(noun, [])) | set(self._by_word.get(head.lower_, [])))
        for n in described:  # the entities described with this noun, in order
            starts = self._mention_starts[n]
            k = bisect_left(starts, pos)
            last = starts[k - 1] if k else -1
            if last >= 0 and (best is None or last > best[0]):
                best = (last, self.record.entities[n]["id"])
        if best:
            return best[1]
        later = self._described_later(pos, head, described)
        if later is not None:
            self._later = later  # named only after: its first mention is the source
            return later
        if pos < self.body_start or _bare(head):  # a headline's "Immigration minister says",
            # "sister says": the story names them after
            after = [(self._mention_starts[n][0], self.record.entities[n]["id"]) for n in described
                     if self._mention_starts[n]]
            if after:
                return min(after)[1]
        level = place_level_of(noun)
        if level is not None and not _indefinite(head) \
                and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
            # not "a state": one not named before; not "Halifax Regional Municipality": a name
            return self._place_before(pos, level)
        return None

    def _described_later(self, pos: int, head: Any, described: list[int]) -> str | None:
        """"the province's finance minister said ... Finance Minister Ana Ruiz": a role
        written with the words before its noun ("finance minister", not "the minister")
        before anyone is described so is the person the article describes with those
        same words next, within the look-back's reach."""
        words = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        if not words or _indefinite(head):
            return None
        role = " ".join(words + [head.lower_])
        best = None
        for n in described:
            ent = self.record.entities[n]
            if not any(d["text"].lower() == role or d["text"].lower().endswith(" " + role)
                       for d in ent.get("descriptions", [])):
                continue
            after = [x for x in self._mention_starts[n] if pos < x < pos + LOOKBACK_CHARS]
            if after and (best is None or after[0] < best[0]):
                best = (after[0], ent["id"])
        return best[1] if best else None

    def _organisation(self, pos: int, head: Any) -> "Resolution | None":
        """"The federation said", "the company said": the body the noun stands for, named
        before ``pos`` outside quotes and the dateline, within the look-back, of a kind
        the noun can stand for (:func:`.speaker_links.org_kind`: "the company" is no
        "Halifax Regional Police", "police" only a body whose name shows it, and a known
        place is no company, whatever type the tagger gave it).  The bodies are the
        organisations tagged (and bodies tagged a place that no gazetteer knows as one:
        "the Jets"), and subjects written as a proper name the tagger missed ("The
        Winnipeg Jets have suspended ... The club said": :meth:`_proper_name`), which keep
        no entity but their name.  One whose name holds the noun ("Federation of Canadian
        Municipalities") first, then one whose name shows the noun's kind, then any; of
        those, the nearest sentence's, a subject first ("Unifor reached a deal with
        Stellantis, the union said": Unifor)."""
        noun = token_lemma(head).lower()
        if (not _common(head) and not (head.pos_ == "PROPN" and _bare(head))) \
                or noun not in lexicon()["group_nouns"] or _indefinite(head):
            return None  # (a headline's capitalised "Airline says": a common noun)
        kind = org_kind(noun)
        here = self.pronouns.sentence(pos)
        bodies = []
        for m in self._before(pos):
            name = self.record.entity(m.entity)["name"]
            tagged = self.pronouns.types.get(m.entity, m.type)
            if not (tagged == "ORG" or (m.type == "GPE" and not is_place(name)
                                        and _root_dep(self.doc, m) not in ("compound", "amod", "nmod"))):
                continue  # (a place name the gazetteer lacks, as a modifier: "major UK retailers")
            if m.entity in self.outlets and kind != "media":
                continue  # "In a statement emailed to the Halifax Examiner, the company said": the
                #           byline's outlet reports the story, no company in it
            if org_compatible(kind, name_kind(name)) and not (kind is not None and is_place(name)) \
                    and not self._located(m):
                bodies.append(_Body(m.start, m.end, m.entity, name, self.pronouns._subject(m),
                                    self.pronouns.sentence(m.start)))
        for tok in reversed(head.doc[:head.i]):
            if tok.idx < max(self.dateline_end, pos - LOOKBACK_CHARS):
                break
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or self.inside_quote(tok.idx):
                continue
            sentence = self.pronouns.sentence(tok.idx)
            found = self._proper_name(tok, 1 if sentence == here else 2)
            if found is not None and org_compatible(kind, name_kind(found[2])):
                bodies.append(_Body(found[0], found[1], None, found[2], True, sentence))
        for s, e in self.unnamed:  # an earlier speaker written as a body's proper name the tagger
            name = self._speaker_name(s, e) or self._named_noun(s, e, noun) \
                if pos - LOOKBACK_CHARS < s < pos else None  # missed, or as "Abbotsford police"
            if name and (s, e) not in self.names and not self.pronouns._person_name(s, e, name) \
                    and not is_place(name) and org_compatible(kind, name_kind(name)) \
                    and not any(b.start <= s < b.end for b in bodies):
                bodies.append(_Body(s, e, None, name, True, self.pronouns.sentence(s)))
        named = [b for b in bodies if noun in b.name.lower().split()] or self._named_earlier(pos, noun)
        quals = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
                 and c.pos_ in ("NOUN", "ADJ")}  # "the health district": the one whose name says "health"
        if quals:
            held = [b for b in named if quals <= set(b.name.lower().split())] \
                or self._named_earlier(pos, noun, quals)
            named = held or named
            if not named:  # "British Columbia's environmental assessment office" in a lede, the
                named = self._named_later(pos, noun, quals)  # Environmental Assessment Office later
        shown = [b for b in bodies if kind is not None and name_kind(b.name) == kind]
        pool = named or shown or bodies
        if not pool:
            return self._organisation_after(pos, noun, kind)
        nearest = [b for b in pool if b.sentence == max(c.sentence for c in pool)]
        b = max([c for c in nearest if c.subject] or nearest, key=lambda c: c.start)
        return Resolution(b.entity, "description", (b.start, b.end), name=None if b.entity else b.name)

    def _named_noun(self, start: int, end: int, noun: str) -> str | None:
        """A speaker span written as the noun after a proper name ("Abbotsford police" for a
        later "Police said"): the span, no article; else None."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or token_lemma(span.root).lower() != noun:
            return None
        words = [t for t in span if not (t.i == span.start and t.pos_ == "DET")]
        if len(words) < 2 or words[0].pos_ != "PROPN" or any(t.pos_ not in ("PROPN", "NOUN") for t in words):
            return None
        return self.text[words[0].idx:end]

    def _named_earlier(self, pos: int, noun: str, quals: set[str] = frozenset()) -> list[_Body]:
        """"The union said" far into a story: the body whose name is headed by the noun ("B.C.
        Laboratory Professionals Union", "Foothills Museum of History" for "the museum"; not
        "Canadian Airline Pilots Union" for "the airline"), named before the look-back's reach, the last one named (outside quotes
        and the dateline)."""
        for m in reversed(self.mentions[:bisect_left(self._starts, pos)]):
            name = self.record.entity(m.entity)["name"]
            if m.start >= self.dateline_end and not self.inside_quote(m.start) \
                    and self.pronouns.types.get(m.entity, m.type) == "ORG" and _name_head(name) == noun \
                    and quals <= set(name.lower().split()):
                return [_Body(m.start, m.end, m.entity, name, self.pronouns._subject(m),
                              self.pronouns.sentence(m.start))]
        return []

    def _named_later(self, pos: int, noun: str, quals: set[str]) -> list[_Body]:
        """A description with qualifiers ("the environmental assessment office") that no body
        named before answers: the first body named after it (outside quotes) whose name
        holds the noun and every qualifier, however far on (the mentions that do are found
        once per noun and qualifiers, so many such descriptions do not rescan the text)."""
        key = (noun, frozenset(quals))
        if key not in self._qualified:
            self._qualified[key] = [k for k, m in enumerate(self.mentions)
                                    if self._holds(m, noun, quals) and not self.inside_quote(m.start)
                                    and self.pronouns.types.get(m.entity, m.type) == "ORG"]
        found = self._qualified[key]
        i = bisect_left(found, bisect_left(self._starts, pos))
        if i == len(found):
            return []
        m = self.mentions[found[i]]
        return [_Body(m.start, m.end, m.entity, self.record.entity(m.entity)["name"],
                      self.pronouns._subject(m), self.pronouns.sentence(m.start))]

    def _holds(self, m: Mention, noun: str, quals: set[str]) -> bool:
        words = set(self.record.entity(m.entity)["name"].lower().split())
        return noun in words and quals <= words

    def _organisation_after(self, pos: int, noun: str, kind: str | None) -> "Resolution | None":
        """A lede's "police say" or "their union announced" before any body is named: the
        first organisation named after it, within the look-back's reach, whose name holds
        the noun or shows its kind ("Surrey Police Service"), of a kind the noun can stand
        for (not "Canadian Airline Pilots Union" for "the airline"); nothing weaker.  A
        headline's "company says", "Airline says" (before the body): such a body named
        before it in the headline first, else after; failing both, one of a kind the noun
        can stand for named in the headline before it (nearest), else the first one named
        after it (outside the byline and dateline): a headline's bare noun is the body its
        story is about ("health authority says" ... "Nova Scotia Health confirmed")."""
        headline = pos < self.body_start
        weak: list[Mention] = []
        if headline:
            for m in reversed(self.mentions[:bisect_left(self._starts, pos)]):
                if self._body_for(m, noun, kind, weak):
                    return Resolution(m.entity, "description", (m.start, m.end))
        before = list(weak)
        i = bisect_left(self._starts, pos)
        while i < len(self.mentions) and self.mentions[i].start - pos < LOOKBACK_CHARS:
            m = self.mentions[i]
            i += 1
            if self._body_for(m, noun, kind, weak if headline else None):
                return Resolution(m.entity, "description", (m.start, m.end))
        m = (weak or [None])[0] if not before else before[0]
        return Resolution(m.entity, "description", (m.start, m.end)) if m is not None else None

    def _body_for(self, m: Mention, noun: str, kind: str | None, weak: list[Mention] | None) -> bool:
        """Can the organisation mention ``m`` be what an organisation noun of ``kind`` stands
        for, by its name holding the noun or showing the kind?  A mention that only can (its
        name showing no other kind) goes to ``weak``, where one is given."""
        name = self.record.entity(m.entity)["name"]
        if self.inside_quote(m.start) or self.pronouns._aside(m.start) \
                or self.pronouns.types.get(m.entity, m.type) != "ORG":
            return False
        shown = name_kind(name)
        if not org_compatible(kind, shown) or (kind is not None and is_place(name)):
            return False
        if noun in name.lower().split() or (kind is not None and shown == kind):
            return True
        if weak is not None and not self._located(m):
            weak.append(m)
        return False

    def _located(self, m: Mention) -> bool:
        """A mention written as where something is ("hospitals in Neils Harbour"): a place,
        whatever the tagger made of it, no body that speaks."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        for _ in range(12):  # "hospitals in Windsor, Chatham ... and Wallaceburg": a list's items
            if root is None or root.dep_ != "conj":
                break
            root = root.head
        if root is None or root.dep_ != "pobj":
            return False
        return root.head.lower_ in ("in", "near", "outside", "across", "throughout", "around")

    def _proper_name(self, tok: Any, least: int) -> tuple[int, int, str] | None:
        """The span and name (no leading article) of a subject written as an organisation's
        proper name, of ``least`` proper nouns at least, or None: a name a mention
        overlaps, with a common word, a person's given name or a known place's name is none."""
        ps, pe = noun_phrase(tok)
        span = tok.doc.char_span(ps, pe, alignment_mode="expand")
        if span is None or tok.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE", "TIME") \
                or tok.lower_ in get_language("en").word_set("measure_last_words"):
            return None  # ("The Air Quality Health Index reached 10": a measure, no body)
        words = [t for t in span if not (t.i == span.start and t.pos_ == "DET")]
        if any(t.pos_ not in ("PROPN", "ADP", "CCONJ", "PART") for t in words) \
                or sum(t.pos_ == "PROPN" for t in words) < least:
            return None
        i = bisect_left(self._starts, ps + 1) - 1
        near = self.mentions[max(0, i):i + 1] + self.mentions_in(ps, pe)
        if any(m.start < pe and ps < m.end for m in near):
            return None
        s = words[0].idx
        name = self.text[s:pe]
        if is_place(name) or given_name_gender([name], "en") is not None:
            return None
        titles = person_titles("en")
        people = {self.record.entity(m.entity)["name"].split()[-1] for m in self.mentions
                  if self.pronouns.types.get(m.entity) == "PERSON"}
        if any(t.lower_.rstrip(".") in titles for t in words) or words[-1].text in people:
            return None  # "Abbotsford Mayor Ravi Sandhu": a person the tagger missed
        return s, pe, name

    def _place_before(self, pos: int, level: str) -> str | None:
        """"The city said": the place named last before ``pos`` whose level (city,
        province or state, country; :func:`.speaker_links.place_levels`) is the noun's,
        else a place of no known level; the dateline's place counts ("HALIFAX — The city said")."""
        known, unknown = [], []
        for m in self._before(pos, dateline=True):
            ent = self.record.entity(m.entity)
            if self.pronouns.types.get(m.entity, m.type) not in ("GPE", "ORG"):
                continue
            levels = place_levels(ent["name"])
            if level in levels:
                known.append(m)
            elif not levels and m.type == "GPE":
                unknown.append(m)
        found_m = (known or unknown or [None])[0]
        return found_m.entity if found_m is not None else None

    def _before(self, pos: int, dateline: bool = False) -> list[Mention]:
        """The mentions before ``pos`` within the look-back, nearest first, outside quotes
        and (unless ``dateline``) outside the dateline: a dateline's place is where the
        story was filed, no body that speaks in it."""
        out = []
        i = bisect_left(self._starts, pos) - 1
        while i >= 0 and pos - self.mentions[i].start < LOOKBACK_CHARS:
            m = self.mentions[i]
            if not self.inside_quote(m.start) and (dateline or m.start >= self.dateline_end):
                out.append(m)
            i -= 1
        return out

_CAPITALS = re.compile(r"[A-Z]{2,6}")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


_AGE = re.compile(r"(?:the\s+)?(\d+)-year-old(?:\s+(?:man|woman|boy|girl|mother|father))?\b(?!-)", re.I)

_HEAD_END = re.compile(r",|\s(?:of|at|for|with|in|from|on|to|and|who|whose|since)\s")


def _description_head(text: str) -> str | None:
    """The noun a description is of: its last word before a preposition, a comma or a
    clause ("professor at IITU": professor; "former Canadian national team defender":
    defender, not team; "accused of taking ...": accused; "the accused man's lawyer":
    lawyer)."""
    words = _HEAD_END.split(text.lower(), maxsplit=1)[0].split()
    return words[-1].strip(".,;:'’\"“”()") if words else None


def _untagged_name(subject: Any, resolver: SpeakerResolver) -> tuple[tuple[int, int], Any] | None:
    """A speaker written as a proper name the entity tagger missed, and its head: the
    subject itself ("Grand River Tech Hub, a Waterloo region industry group, said", not
    the place in its apposition), with the names coordinated into it ("Environment and
    Climate Change Canada warned"), or the name right after a description subject of the
    same verb ("The housing charity Open Door Ireland said").  None where a mention
    holds the name or the subject is no proper name."""
    head, start = subject, None
    second = next((c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > subject.i),
                  None)  # the parser's second subject: "Sirius XM Vice President Dave Gorab"
    if subject.pos_ == "NOUN":
        if second is None or second.pos_ != "PROPN" or second.left_edge.i != subject.i + 1:
            return None
        head, start = second, noun_phrase(subject)[0]
    elif subject.pos_ != "PROPN" or second is not None:
        return None
    ps, pe = noun_phrase(head)
    for conj in head.rights:  # "Environment and Climate Change Canada": capitalised words
        words = head.doc[head.i + 1:conj.right_edge.i + 1]
        if conj.dep_ == "conj" and conj.pos_ == "PROPN" and conj.i == conj.right_edge.i and all(
                t.pos_ == "PROPN" or t.lower_ in ("and", "&") for t in words):
            pe = conj.idx + len(conj)
    sub = list(subject.subtree)
    people = resolver.mentions_in(sub[0].idx, sub[-1].idx + len(sub[-1]))
    named = resolver.mentions_in(ps, pe)
    if start is not None and named and not any(m.type == "PERSON" for m in people) \
            and all(m.type in ("ORG", "GPE") and m.start <= head.idx < m.end and (
                not is_place(resolver.record.entity(m.entity)["name"])
                or token_lemma(subject).lower() in lexicon()["group_nouns"]) for m in named) \
            and not resolver.inside_quote(head.idx):
        return (start, pe), head  # "state news agency Xinhua reported": the body's name (a place's
        # name only after a body's noun), tagged, not a person's
    if any(m.start < pe and ps < m.end for m in resolver.mentions_in(max(0, ps - 200), pe + 200)) \
            or any(m.type == "PERSON" for m in people) \
            or resolver.inside_quote(head.idx):  # "Outside Leinster House, Fr Tom Geraghty"
        return None
    return ((ps if start is None else start), pe), head


def _appositive_name(noun: Any, resolver: SpeakerResolver) -> tuple[int, int, int] | None:
    """"A seed company, Shandong Haiyan Seed Industry, said": an organisation noun with a
    proper name in apposition that no mention holds (the tagger at most found a place or
    people's name inside it, "Shandong"): the name's span and its head token's index; else
    None.  The name is two capitalised words at least, no person's, no known place's."""
    if token_lemma(noun).lower() not in lexicon()["group_nouns"]:
        return None
    appos = next((c for c in noun.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is None:
        return None
    words = list(noun.doc[appos.left_edge.i:appos.i + 1])
    if len(words) < 2 or any(t.pos_ != "PROPN" for t in words):
        return None
    ps, pe = words[0].idx, appos.idx + len(appos)
    name = resolver.text[ps:pe]
    inside = resolver.mentions_in(max(0, ps - 1), pe + 1)
    if is_place(name) or resolver.pronouns._person_name(ps, pe, name) and given_name_gender([name], "en") is not None \
            or any(m.type not in ("GPE", "LOC", "NORP") for m in inside) \
            or any(m.start < pe and ps < m.end and not (ps <= m.start and m.end <= pe)
                   for m in resolver.mentions_in(max(0, ps - 200), pe + 200)):
        return None
    return ps, pe, appos.i


def _bare(noun: Any) -> bool:
    """A singular common noun with no determiner ("chief says", "sister says"), or such a
    noun capitalised as one word the parser took for a name ("Chief says"): the
    headline's style, whose story names the person after."""
    if noun.tag_ == "NNP":
        return noun.text[:1].isupper() and noun.text[1:].islower() \
            and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in noun.children)
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _common(tok: Any) -> bool:
    """A common noun, or one the tagger took for a name though written in lower case ("the
    telecom")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


def _definite(noun: Any) -> bool:
    """A noun with "the" ("the minister")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


# an agent noun's ending ("dietitian", "commissioner", "resident", "trainee"), not a thing's
_AGENT_ENDING = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|[^m]ent|ee|an)")


def _person_noun(noun: str) -> bool:
    """A noun for a person: a role, a title, a gendered noun ("mother") or an agent noun's
    ending ("the elder", "the registered dietitian"), and no body's, place's or group's."""
    lang = get_language("en")
    people, others = lang.memo(("person nouns",), lambda: (
        lang.word_set("role_words") | person_titles("en")
        | frozenset(w for ws in lang.words.get("gender_words", {}).values() for w in ws),
        frozenset(lexicon()["group_nouns"]) | body_words(lang) | organisation_nouns(lang)))
    if noun in others or place_level_of(noun):
        return False
    return noun in people or _AGENT_ENDING.fullmatch(noun) is not None


def _owned(noun: Any) -> bool:
    """A noun with a possessive of a definite noun or a pronoun's ("the team's head coach",
    "his coach")."""
    return any(c.dep_ == "poss" and (c.pos_ == "PRON" or _definite(c)) for c in noun.children)


def _indefinite(noun: Any) -> bool:
    """A noun with an indefinite article ("a state", "another union") or "one" ("an official
    at one large department"): something new, no body named before."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
               or c.dep_ in ("nummod", "det") and c.lower_ == "one" for c in noun.children)


def _agrees(p: Any, noun: Any) -> bool:
    """A pronoun can stand for a common noun: "it" a singular one, "they" a plural or
    an organisation noun ("the group"), "he" / "she" a noun of its gender ("the
    spokeswoman")."""
    plural = noun.tag_ in ("NNS", "NNPS")
    if p.kind == "thing":
        return not plural
    if p.kind == "group":
        return plural or token_lemma(noun).lower() in lexicon()["group_nouns"]
    return noun.lower_ in get_language("en").words.get("gender_words", {}).get(p.gender or "", [])


def _is_description(head: Any, inside: list[Mention]) -> bool:
    """A common-noun speaker phrase ("the accused" too: :func:`.speaker_links.nominal`) that no entity mention heads and none stands in
    apposition to ("the Democratic nominee", "A spokesman for the European Commission"):
    the entities inside only qualify it.  ("A spokesman for the association, Ben
    Carter": the apposition names the speaker, wherever the parser hung it; so does a
    name the parser coordinated with a bare title, "Liberal leadership candidate and
    former banker Ruth Tam".)"""
    if head is None or not nominal(head):
        return False
    for m in inside:
        if m.start <= head.idx < m.end:
            return False
        span = head.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.type in ("PERSON", "ORG") and span.root.dep_ == "appos":
            return False
        if span is not None and m.type == "PERSON" and span.root.dep_ == "conj" and span.root.head == head \
                and not any(c.dep_ in ("det", "poss") for c in head.children):
            return False  # "Liberal leadership candidate and former banker Ruth Tam": titles, her name
    return True


def _root_dep(doc: Any, m: Mention) -> str:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root.dep_ if span is not None else ""


def speaker_span(doc: Any, subject: Any, resolver: SpeakerResolver) -> tuple[int, int, Any]:
    """Character span of the speaker phrase headed by ``subject`` and its head token.

    An entity mention heading the subject phrase (or in apposition to it) is the
    span (a person first); a description is its noun phrase with the
    prepositional phrases after it ("A spokesman for the European Commission",
    "the Democratic nominee"); a pronoun is itself.
    """
    sub = list(subject.subtree)
    s, e = sub[0].idx, sub[-1].idx + len(sub[-1])
    text = resolver.text
    from .quote_cues import hyphen_piece, is_cue_verb  # (quote_cues imports this module)

    k, glued = sub[0].i, None  # "The study's co-author": the pieces of a hyphenated word the
    while k >= 2 and hyphen_piece(doc[k - 1]) and hyphen_piece(doc[k - 2]):  # parser hung apart,
        k = doc[k - 2].left_edge.i                                           # and what they hold
        s = glued = min(s, doc[k].idx)

    for child in subject.rights:  # "The club's official account posted on X:": the cue
        if child.dep_ == "acl" and is_cue_verb(child) and child.idx > subject.idx \
                and not is_document(subject, token_lemma(subject).lower()):  # the parser hung on
            before = [t for t in subject.doc[subject.i:child.i] if not t.is_space]  # the subject
            e = min(e, before[-1].idx + len(before[-1]))
    for m in resolver.mentions_in(max(0, s - 80), e + 80):  # a hyphenated name the parser cut
        if m.start < e < m.end and not any(c.isspace() for c in text[e:m.end]):  # ("Tremblay-Nkosi")
            e = m.end
        if m.start < s < m.end and not any(c.isspace() for c in text[m.start:s]):
            s = m.start
    para_start = text.rfind("\n\n", 0, subject.idx)  # the parser's subtree can run over a
    para_end = text.find("\n\n", subject.idx)           # paragraph break (a caption before):
    ps = max(s, para_start + 2 if para_start >= 0 else 0)  # the subject's paragraph, unless
    pe = min(e, para_end) if para_end >= 0 else e         # the person is only past it (the
    inside = resolver.without_titles(resolver.mentions_in(ps, pe))  # parser hung "Trump" on a noun of
    if any(m.type == "PERSON" for m in inside) or not any(  # the paragraph before)
            m.type == "PERSON" for m in resolver.without_titles(resolver.mentions_in(s, e))):
        s, e = ps, pe
    else:
        inside = resolver.without_titles(resolver.mentions_in(s, e))
    if subject.pos_ in ("NUM", "PRON", "DET", "ADJ") and pronoun(subject.lower_) is None \
            and relative_antecedent(subject) is None \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children) \
            and not any(m.type in ("PERSON", "ORG") for m in inside):
        ps, pe = noun_phrase(subject)  # "Two of them", "one of the workers": a part of a group
        return max(ps, s), min(pe, e), subject
    if subject.pos_ == "PRON" or relative_antecedent(subject) is not None:
        return subject.idx, subject.idx + len(subject), subject
    untagged = _untagged_name(subject, resolver)
    if untagged is not None:
        (ps, pe), name = untagged  # a phrase in one sentence, beyond the subject's subtree
        return ps, pe, name        # where the name is a second subject
    if inside and not _is_description(subject, inside) and not resolver._member(subject, inside):
        people = [m for m in inside if m.type == "PERSON"]
        if nominal(subject) and not any(m.start <= subject.idx < m.end for m in inside):
            appos = [m for m in people or inside if _root_dep(doc, m) == "appos"]
            people = appos or people
        holding = [m for m in inside if m.start <= subject.idx < m.end]
        # "NDP finance critic Amrit Sandhu": the name; of two people the one the subject word
        # is in ("Alberta Conservative caucus chair Doug Brantner", the first tagged a person)
        m = ([m for m in people if m in holding] or people or holding or inside)[0]
        return m.start, m.end, subject
    if nominal(subject):
        ps, pe = noun_phrase(subject)
        named = _appositive_name(subject, resolver)
        if named is not None:  # "A seed company, Shandong Haiyan Seed Industry, said"
            return max(ps, s), named[1], resolver.doc[named[2]]
        pe = post_modifiers(subject, pe)  # "Two people familiar with the matter"
        if is_document(subject, token_lemma(subject).lower()):  # "a poll released Thursday",
            for child in subject.rights:                       # "a memo viewed by CBC News"
                if child.dep_ == "acl" and child.tag_ == "VBN" and not any(
                        t.text in ",;" for t in subject.doc[subject.i:child.i]):
                    pe = max(pe, child.right_edge.idx + len(child.right_edge))
        return glued if glued is not None else max(ps, s), min(pe, e), subject
    left = subject
    for child in subject.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "npadvmod"):
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    return min(left.idx, glued if glued is not None else left.idx), subject.idx + len(subject), subject
