"""Speakers that are not names: pronouns, relative pronouns, descriptions, documents.

Helpers of :mod:`.quote_speakers` over one parsed record:

* :class:`PronounLinker` resolves "he" / "she" / "it" / "they" (and "him",
  "her" after "according to") with :func:`.antecedents.resolve`: the
  candidates are the entity mentions outside quotes in the look-back, each
  with its sentence number, whether it is a grammatical subject and its
  entity's gender (:func:`entity_genders`); earlier quotes' speakers count too.
* :func:`relative_antecedent`: "Howard Lin, who said ..." / "the port
  authority, which said ...": the noun phrase the relative clause hangs on.
* :func:`affiliation`: the organisation named inside a description speaker
  ("A spokesman for the European Commission" -> the Commission).
* :func:`is_document`: "The statement added ...": a document speaks for
  whoever issued it (the previous speaker).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from collections.abc import Callable, Sequence
from typing import Any

from ..lang import get as get_language
from ..lang import lemma as token_lemma
from ..places import is_place
from .antecedents import (NONBINARY, WINDOW, Antecedent, gender_of, given_name_gender, is_given_name, pronoun,
                          resolve)
from .entities import AGE_AFTER

LOOKBACK_CHARS = 1500
RELATIVE = frozenset({"who", "which", "that", "whom"})


def entity_types(record: Any, lang: str = "en") -> dict[str, str]:
    """Entity id -> its type for pronouns: the tagged type, except where the article
    writes the entity otherwise.  One tagged as something else is a person with a title
    right before a mention ("Dr. Nadia Chartrand", "Sen. Lin", "Abbotsford Mayor Ravi
    Sandhu"; a loose one, "former", only with a full stop), a known given name before a surname ("Nadia Chartrand") or ", who" after
    it (not after "the": "an official at the National Treasury, who"), or "his" / "her"
    noun in apposition before it ("Her classmate, Leah Cardinal"),
    unless its last word is an organisation noun ("Victoria Police") or a place's or a
    street's ("Bruce Peninsula", "Alberta Avenue") or it is a group's name
    written after a determiner ("the Wisconsin Republican, who": one member); one tagged a
    person without a known given name is an organisation with ", which" or "its"
    right after it or "a spokesperson for" right before it or when it opens the name of
    an organisation the article names and ends no person's ("Bellridge" after "Bellridge
    Property Group") ("Colleges Ontario, which represents", "Alberta Wildfire said in
    its update"), a place when its name is a known place ("Medicine Hat"), and what the
    tagger made of the same name elsewhere in the article when that is no person and
    written at least as often."""
    text = record.text
    titles = person_titles(lang)
    groups = get_language(lang).quote_cues.get("group_nouns", [])
    place_last = place_words(lang)
    other_types = {e["name"].lower(): (e["type"], len(e["mentions"])) for e in record.entities
                   if e["type"] in ("ORG", "GPE", "LOC", "FAC")}
    after_title = _after_titles(text, titles)
    org_names = [e["name"] for e in record.entities if e["type"] == "ORG" and e["mentions"]]
    person_names = [e["name"] for e in record.entities if e["type"] == "PERSON" and e["mentions"]]
    out = {}
    for e in record.entities:
        out[e["id"]] = e["type"]
        if not e["mentions"]:
            continue
        after = [text[m["end"]:m["end"] + 40] for m in e["mentions"]]
        if e["type"] == "PERSON":
            words = e["name"].split()
            if len(words) > 1 and words[-1].lower() in place_last and not is_given_name(words[0], lang) \
                    and all(" " in m["text"].strip() and not _PERSON_AFTER.match(text, m["end"])
                            for m in e["mentions"]):
                out[e["id"]] = "GPE"  # "Foxe Basin": a place; not "Min-jung Park, ... Ms. Park"
                continue
            if given_name_gender([e["name"]], lang) is None:
                if any(_THING_AFTER.match(a) for a in after) \
                        or any(len(w) > 2 and w.isupper() and w.isalpha() for w in e["name"].split()[1:]):
                    out[e["id"]] = "ORG"  # "Colleges Ontario, which represents", "X said in its update",
                    # "Kelowna RCMP": an acronym after the first word is no person's name
                elif is_place(e["name"]) and e["name"] not in after_title:
                    out[e["id"]] = "GPE"  # "spread to Calgary, Medicine Hat and ..." (not "Dr.
                    #                        Isabelle Roy", where the tagger found only "Roy")
                elif any(_SPOKESPERSON_FOR.search(text, max(0, m["start"] - 30), m["start"])
                         for m in e["mentions"]):
                    out[e["id"]] = "ORG"  # "a spokesperson for Santé Québec": a body's voice
                elif " " not in e["name"] and any(n.startswith(e["name"] + " ") for n in org_names) \
                        and not any(n.endswith(" " + e["name"]) for n in person_names):
                    out[e["id"]] = "ORG"  # "Bellridge" after "Bellridge Property Group": its short name
                elif " " not in e["name"] and all(_after(_WHERE_BEFORE, text, m) for m in e["mentions"]) \
                        and not any(n.endswith(" " + e["name"]) for n in person_names):
                    # "a special streaming on Crave", "a mother of three in Taber": one word, no
                    # given name, only ever where something is or runs, no surname of anyone named
                    out[e["id"]] = "GPE" if all(_after(_INSIDE_BEFORE, text, m) for m in e["mentions"]) else "ORG"
                elif other_types.get(e["name"].lower(), ("", 0))[1] >= len(e["mentions"]):
                    # the tagger's own other reading, when it is at least as frequent (not a
                    # headline's one "Ava DuVernay's" tagged ORG against ten person mentions)
                    out[e["id"]] = other_types[e["name"].lower()][0]
            continue
        last = e["name"].split()[-1].lower() if e["name"].split() else ""
        if last in groups or last in place_last:
            continue  # ("Bruce Peninsula": no person, for all its given name)
        before = [text[max(0, m["start"] - 8):m["start"]].split() for m in e["mentions"]]
        titled = e["name"] in after_title  # where the tagger missed it: "Mayor Ravi Sandhu" ... "Sandhu"
        titled = titled or any(b and b[-1][:1].isupper() and b[-1].lower().rstrip(".") in titles
                     and (b[-1].endswith(".") or b[-1].lower() not in _LOOSE_TITLES) for b in before)
        titled = titled and not is_place(e["name"])
        kin = any(_PERSON_BEFORE.search(text[max(0, m["start"] - 40):m["start"]])
                  and not _NAME_GOES_ON.match(text, m["end"]) for m in e["mentions"])
        member = e["type"] == "NORP" and all(  # "the Wisconsin Republican, who": one of a group
            _DETERMINER_BEFORE.search(text, max(0, m["start"] - 40), m["start"]) for m in e["mentions"])
        who = not member and any(  # not "A senior official at the National Treasury, who"
            _PERSON_AFTER.match(text, m["end"]) and text[max(0, m["start"] - 4):m["start"]].lower() != "the "
            for m in e["mentions"])
        if titled or kin or given_name_gender([e["name"]], lang) is not None or who:
            out[e["id"]] = "PERSON"
    return out


_TITLED = re.compile(r"(?<![\w.])([A-Z][a-z]*)(\.?)(?=\s+((?:[A-Z][\w'’-]+\s+)?([A-Z][\w'’-]+)))")


def _after_titles(text: str, titles: frozenset[str]) -> set[str]:
    """The names written right after a title ("Mayor Ravi Sandhu": "Ravi Sandhu" and
    "Sandhu"), in one pass over the text; a loose title ("Former") only with a full stop."""
    out = set()
    for m in _TITLED.finditer(text):
        word = m.group(1).lower()
        if word in titles and (m.group(2) or word not in _LOOSE_TITLES):
            out.update((m.group(3), m.group(4)))
    return out


# a word that goes on the noun phrase after a mention: "his wife, Democratic presidential
# nominee Hillary Clinton" ("Democratic" is no name there)
_NAME_GOES_ON = re.compile(r" [a-z]")
_PARTICLES = frozenset({"al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du",
                        "el", "ibn", "la", "le", "van", "von", "y"})


def _name_shaped(name: str) -> bool:
    """Whether a name can be a person's: every word capitalised but name particles ("Ludwig
    van Beethoven"), no organisation word ("the event organizer Alliance to Reclaim Our
    Schools": "to"; "Harbour Holdings": a company's)."""
    words = name.split()
    return bool(words) and name_kind(name) is None and all(
        w[:1].isupper() or w.lower() in _PARTICLES for w in words)


_THING_AFTER = re.compile(r",\s*which\b|\s+(?:[a-z]+\s+){1,3}its\b")
_PERSON_AFTER = re.compile(r",\s*who\b")
_WHO_AFTER = re.compile(r"(?:,\s*\d{1,3})?,\s*who\b")  # ", who left", ", 46, who drives"
# a preposition of place or medium right before a name ("streaming on Crave", "sold at Costco")
_WHERE_BEFORE = re.compile(r"\b(?:on|at|in|into|onto|via|across|throughout)\s+$")
_INSIDE_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _after(preposition: re.Pattern, text: str, m: dict) -> bool:
    """Whether mention ``m`` is written right after ``preposition`` ("on Crave"), not as a
    possessive ("at Smith's")."""
    return bool(preposition.search(text, max(0, m["start"] - 12), m["start"])) \
        and not _POSSESSIVE_AFTER.match(text, m["end"])


_SPOKESPERSON_FOR = re.compile(r"\bspokes(?:person|man|woman|people)\s+for\s+(?:the\s+)?$", re.I)
# a determiner opening the noun phrase a mention ends ("a New Hampshire ", "the ")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")
_LOOSE_TITLES = frozenset({"former", "candidate", "nominee", "speaker", "king", "queen", "lord", "lady"})
_PERSON_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+[a-z-]+(?:\s+[a-z-]+)?,\s*$")


def person_titles(lang: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in get_language(lang).lexicon("person_titles"))


def entity_genders(record: Any, types: dict[str, str] | None = None) -> dict[str, str]:
    """Entity id -> 'm' / 'f' for the people whose gender the article shows."""
    text = record.text
    types = entity_types(record) if types is None else types
    out = {}
    for e in record.entities:
        if types.get(e["id"]) != "PERSON":
            continue
        titles, beside = [], []
        for m in e["mentions"]:
            before = text[max(0, m["start"] - 20):m["start"]].split()
            if before:
                titles.append(before[-1])
                word = before[-1].rstrip(",")  # "her husband, Giuseppe": a gendered noun, one
                if word.lower() not in ("men", "women"):  # person's ("the women, Ruiz said")
                    beside.append(word)
        names = [m["text"] for m in e["mentions"]] + [e["name"]]
        g = gender_of(names, titles, [d["text"] for d in e.get("descriptions", [])] + beside)
        if g:
            out[e["id"]] = g
    return out


_CREDIT = re.compile(r"\((?:[^()]*/[^()]*|[^()]*\b[Pp]hoto\b[^()]*)\)\s*$")


def aside_spans(record: Any) -> list[tuple[int, int]]:
    """The parts of a record outside its running text, sorted: the byline (``layout``), the
    dateline and
    photo captions (a line that ends with a credit in brackets, "(Lisa Prokop/The Canadian
    Press)").  Nobody there is the antecedent of a pronoun in the story.  (A headline is
    not left out: a lede can be taken for one.)"""
    byline = (getattr(record, "layout", None) or {}).get("byline") or {}
    out = [(byline["start"], byline["end"])] if byline.get("end") else []
    dateline = ((getattr(record, "dateline", None) or {}).get("span")) or {}
    if dateline.get("end"):  # "LONDON, Dec 1 (Reuters) -": a place and an agency, never "it"
        out.append((dateline.get("start", 0), dateline["end"]))
    for m in re.finditer(r"[^\n]+", record.text):
        if _CREDIT.search(m.group()):
            out.append((m.start(), m.end()))
    return sorted(out)


class PronounLinker:
    """Resolves pronoun speakers of one record (see the module docstring).

    Before resolving it corrects the tagger's types where the text shows otherwise
    (:meth:`_retyped`): a "person" written only where a place is is a place; a name with a
    title in it or a person's role beside it, a surname of a person named in full, or the
    second half of a name the tagger cut in two is a person, and a pronoun taking the
    surname takes the person named in full (``same_as``).  Photo credits are no
    antecedents; "they" takes no known place but may take two people joined by "and";
    "he"/"she" may take an earlier speaker whose proper name the tagger missed."""

    def __init__(self, record: Any, doc: Any, sents: Any, mentions: Sequence[Any],
                 inside_quote: Callable[[int], bool]):
        self.doc, self.sents, self.inside_quote = doc, sents, inside_quote
        self.mentions = mentions  # sorted by start; each has start, end, entity, type
        self.starts = [m.start for m in mentions]
        self.text = record.text
        self.names = {e["id"]: e["name"] for e in record.entities}
        self.tok_starts = [t.idx for t in doc] if len(doc) else []
        self.types = self._retyped(record, entity_types(record))
        self.genders = entity_genders(record, self.types)
        self._surname_genders(record)
        self.aside = sorted(aside_spans(record) + [(m.start(), m.end()) for m in
                                                   re.finditer(r"[^\n]+", record.text)
                                                   if self._CREDIT_SQUARE.search(m.group())])
        starts = {doc[i].idx for i in sents.starts} if len(doc) else set()
        starts |= {m.end() for m in re.finditer(r"\n\s*\n", record.text)}
        self.bounds = sorted(starts | {0})
        self._they_them(record)

    _THEY_THEM = re.compile(r"\b(?:uses?|using|goes by)\s+(?:the\s+)?they(?:/them)?\s+pronouns?|\(they/them\)", re.I)

    def _they_them(self, record: Any) -> None:
        """A person the article says uses "they" ("Alexis Moar, who uses they/them pronouns,
        said"; "Sam Lacroix (they/them)"): the person named last before it in its sentence
        is "they" from now on, and no "he" or "she"."""
        for found in self._THEY_THEM.finditer(record.text):
            i = bisect_left(self.starts, found.start()) - 1
            if i < 0:
                continue
            m = self.mentions[i]
            if self.types.get(m.entity, m.type) == "PERSON" and found.start() - m.end <= 80 \
                    and self.sentence(m.start) == self.sentence(found.start()):
                self.genders[m.entity] = NONBINARY

    # a photo credit in square brackets ending its line ("... on Monday [Ana Ruiz/Reuters]")
    _CREDIT_SQUARE = re.compile(r"\[[^\[\]]*/[^\[\]]*\]\s*$")
    # prepositions whose object is a place ("born in X", "a village near X")
    _LOCATIVE = frozenset({"in", "near", "outside", "inside", "across", "throughout"})

    def _retyped(self, record: Any, types: dict[str, str]) -> dict[str, str]:
        """:func:`entity_types`, and for pronouns: a name tagged as a person but written only
        where a place is ("born in X", "in Ardmore, Co Kerry": the object of a locative
        preposition, or in apposition to one) is a place, unless a known given name, a
        title or an age after it ("Back in the aisle, Tessa Greaves, 31, was") makes it a
        person; an entity tagged otherwise is a person when its name opens
        with a title ("Mr Quill") or is the surname of a person's ("Ní Bhriain" after
        "Síle Ní Bhriain") or has a person's role beside it ("officer Dana Pruitt",
        "Ama Boateng, the leader of") or is written after a known given name the tagger left
        out ("Okonkwo" after "Renata Okonkwo")."""
        titles = set(get_language("en").words.get("title_gender", {}))
        text = record.text
        the = {e["id"] for e in record.entities  # "the Treasury": no person's name
               if any(text[max(0, m["start"] - 4):m["start"]].lower() == "the " for m in e["mentions"])}
        roled = {e["id"] for e in record.entities if types.get(e["id"]) in ("ORG", "GPE", "NORP")
                 and not is_place(e["name"]) and _name_shaped(e["name"])
                 and any(self._role_beside(m) for m in e["mentions"])}  # "her son Eoin Ó Dálaigh"
        people = {e["id"]: e["name"] for e in record.entities
                  if (types.get(e["id"]) == "PERSON" or e["id"] in roled) and e["id"] not in the}
        self.same_as: dict[str, str] = {}  # "Ní Bhriain" -> "Síle Ní Bhriain"
        out = dict(types)
        for e in record.entities:
            words = e["name"].split()
            if not words or not e["mentions"]:
                continue
            if types.get(e["id"]) == "PERSON":
                if given_name_gender([e["name"]], "en") is None and words[0].lower().rstrip(".") not in titles \
                        and not any(AGE_AFTER.match(text, m["end"]) for m in e["mentions"]) \
                        and all(self._locative(m) for m in e["mentions"]):
                    out[e["id"]] = "GPE"
            elif types.get(e["id"]) in ("ORG", "GPE", "NORP") and not is_place(e["name"]) and e["id"] not in the:
                titled = len(words) > 1 and words[0].lower().rstrip(".") in titles
                surname = " ".join(words[1:] if titled else words)
                full = [i for i, p in people.items() if i != e["id"] and p.endswith(" " + surname)]
                if titled or full or e["id"] in roled or self._given_name_before(e["name"]):
                    out[e["id"]] = "PERSON"
                if len(full) == 1:
                    self.same_as[e["id"]] = full[0]
        self._split_names(record, out, the, types)
        return out

    def _given_name_before(self, name: str) -> bool:
        """A one-word name the article also writes after a capitalised word that is a known
        given name or has a person's role in apposition after it, a name the tagger missed
        ("Okonkwo" after "Renata Okonkwo, the lawyer for the alliance, told ..."): a surname."""
        if " " in name or not name[:1].isupper() or name.isupper():
            return False
        roles = get_language("en").word_set("role_words")
        for first, end in self._capitalised_pairs.get(name, ()):
            if given_name_gender([f"{first} {name}"], "en") is not None:
                return True
            after = self._ROLE_AFTER.match(self.text, end)
            if after and after.group(1) in roles:  # "Renata Okonkwo, the lawyer for ..."
                return True
        return False

    _PAIR = re.compile(r"\b(?=([A-Z][\w'’-]+) ([A-Z][\w'’-]*)\b)")

    @cached_property
    def _capitalised_pairs(self) -> dict[str, list[tuple[str, int]]]:
        """Each capitalised word written after another -> (that other word, the pair's end),
        from one pass over the text."""
        out: dict[str, list[tuple[str, int]]] = {}
        for m in self._PAIR.finditer(self.text):
            out.setdefault(m.group(2), []).append((m.group(1), m.end(2)))
        return out

    def _split_names(self, record: Any, types: dict[str, str], the: set[str],
                     tagged: dict[str, str]) -> None:
        """A person's name the tagger cut in two ("critic Ama" + "Boateng", then "Boateng said"):
        a person's mention followed after one space by a one-word mention of an organisation
        or group entity (no known place, never after "the") that is also written on its own;
        that entity is the person.  ``tagged``: the types before any correction, which decide
        (a second half already made a person by its given name is still the person's)."""
        spans = sorted((m["start"], m["end"], e["id"]) for e in record.entities for m in e["mentions"])
        alone = {e["id"]: len(e["mentions"]) for e in record.entities}
        for (s1, e1, id1), (s2, e2, id2) in zip(spans, spans[1:]):
            word = self.text[s2:e2]
            if types.get(id1) == "PERSON" and id2 != id1 and tagged.get(id2) in ("ORG", "GPE", "NORP") \
                    and id2 not in the \
                    and self.text[e1:s2] == " " and " " not in word and word[:1].isupper() \
                    and alone[id2] > 1 and not is_place(word) and id1 not in self.same_as:
                types[id2] = "PERSON"
                self.same_as[id1] = id2

    _ROLE_AFTER = re.compile(r",\s+(?:the|a|an)\s+([a-z-]+)\b")

    def _role_beside(self, m: dict) -> bool:
        """A name written with a person's role beside it: right before it, in lower case
        ("fire information officer Dana Pruitt"), or in apposition after it ("Ama Boateng,
        the leader of the party"); ``role_words``."""
        roles = get_language("en").word_set("role_words")
        before = self.text[max(0, m["start"] - 30):m["start"]]
        word = re.search(r"(?<![\w-])([a-z-]+) $", before)
        after = self._ROLE_AFTER.match(self.text, m["end"])
        return bool(word and word.group(1) in roles) or bool(after and after.group(1) in roles)

    def _surname_genders(self, record: Any) -> None:
        """A surname entity ("Ní Bhriain") has the gender of the person whose full name ends
        with it ("Síle Ní Bhriain")."""
        for e in record.entities:
            if self.types.get(e["id"]) != "PERSON" or e["id"] in self.genders:
                continue
            full = {self.genders.get(o["id"]) for o in record.entities if o["id"] != e["id"]
                    and self.types.get(o["id"]) == "PERSON" and o["name"].endswith(" " + e["name"])}
            if len(full) == 1 and None not in full:
                self.genders[e["id"]] = full.pop()
        for short, full in self.same_as.items():  # either one's gender is both's
            g = self.genders.get(short) or self.genders.get(full)
            if g and self.genders.get(short, g) == self.genders.get(full, g):
                self.genders[short] = self.genders[full] = g

    def _locative(self, m: dict) -> bool:
        """A mention written where a place is: the object of a locative preposition, or in
        apposition or joined to one ("in Ardmore, Co Kerry")."""
        if not len(self.doc):
            return False
        span = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        while tok.dep_ in ("appos", "conj", "compound") and tok.head is not tok:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.lower_ in self._LOCATIVE

    def _aside(self, pos: int) -> bool:
        i = bisect_right(self.aside, (pos, float("inf"))) - 1
        return i >= 0 and self.aside[i][0] <= pos < self.aside[i][1]

    def sentence(self, pos: int) -> int:
        """The number of the sentence at character ``pos``: the parser's sentences, cut
        again at paragraph breaks (the parser can run one on over a break: "... Fontaine
        wrote on X. // Immigration lawyer Sunita Rao ... says")."""
        return max(0, bisect_right(self.bounds, pos) - 1)

    def _subject(self, m: Any) -> bool:
        """A grammatical subject, or in apposition to one (:meth:`_subject_main`)."""
        return self._subject_main(m)[0]

    def _subject_main(self, m: Any) -> tuple[bool, bool]:
        """Whether a mention is a grammatical subject, or in apposition to one ("Her classmate,
        Leah Cardinal, was") or its possessor ("Gallant's career has been"), and whether of
        its sentence's main clause (its verb the root or
        joined to it: not "said the regulator Ofgem had opened", "which it said")."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False, False
        root = span.root
        if root.dep_ == "appos":
            root = root.head
        if root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"):
            root = root.head  # "Gallant's career has not been without controversy": her topic
        if root.dep_ not in ("nsubj", "nsubjpass"):
            # the subject of its own relative clause ("named Priya Venkatesan, who takes over
            # the file", "Among them is Oleksandr Hrytsenko, 46, who left Kharkiv"): a subject,
            # of no main clause
            return bool(_WHO_AFTER.match(self.text, m.end)), False
        verb = root.head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        return True, verb.dep_ == "ROOT"

    def _taken_up(self, p: Any, pos: int, here: int) -> set[tuple[int, int]]:
        """(sentence, position) of the pronouns of ``p``'s gender outside quotes from
        ``WINDOW`` sentences back to ``pos`` ("Her husband had ...")."""
        if p.gender is None or here == 0:
            return set()
        first = bisect_left(self.tok_starts, self.bounds[max(0, here - WINDOW)])
        out = set()
        for tok in self.doc[first:bisect_left(self.tok_starts, pos)]:
            found = pronoun(tok.lower_)
            if found is not None and found.gender == p.gender and not self.inside_quote(tok.idx):
                out.add((self.sentence(tok.idx), tok.idx))
        return out

    def _person_name(self, start: int, end: int, name: str) -> bool:
        """A speaker written as a proper name the tagger missed that can be a person's: the
        name as written, each word capitalised, no known place, no organisation's name
        ("Hydro"), no acronym, no group noun ("Officials")."""
        words = name.split()
        groups = get_language("en").quote_cues.get("group_nouns", [])
        return bool(words) and self.text[start:end] == name and all(w[:1].isupper() for w in words) \
            and not any(w.isupper() and len(w) > 1 for w in words) and not is_place(name) \
            and name_kind(name) is None and words[-1].lower() not in groups

    def _pairs(self, cands: list[Antecedent], by_key: dict) -> list[tuple[Antecedent, tuple[str, "_Point"]]]:
        """Two people joined by "and" ("Dana and Lee Marsh"): one group antecedent for "they",
        spanning both, with the first one's place in its sentence."""
        people = [c for c in cands if c.type == "PERSON"]
        out = []
        for first, second in zip(people, people[1:]):
            m0, m1 = by_key[(first.entity, first.start)], by_key[(second.entity, second.start)]
            between = self.text[m0.end:m1.start]
            if first.sentence != second.sentence or between.strip() != "and":
                continue
            key = f"\0g{m0.start}"
            out.append((Antecedent(key, m0.start, first.sentence, "NORP", subject=first.subject or second.subject,
                                   main=first.main or second.main),
                        (key, _Point(m0.start, m1.end, None, "NORP", self.text[m0.start:m1.end]))))
        return out

    def _silent(self, m: Any) -> bool:
        """A person the article says did not speak: the subject of a refusal ("declined to
        comment", ``refusal_verbs``) or of a negated verb of speaking ("did not speak to
        reporters", "could not be reached", ``silence_verbs``).  "He said" after it is
        somebody else."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = span.root.head
        lang = get_language("en")
        if token_lemma(verb).lower() in lang.quote_cues.get("refusal_verbs", ()):
            return True
        negated = any(c.dep_ == "neg" for c in verb.children)
        return negated and token_lemma(verb).lower() in lang.word_set("silence_verbs")

    def resolve(self, pos: int, word: str, speakers: Sequence[tuple[int, str]] = (),
                named: Sequence[tuple[int, int, str]] = (), owner: bool = False) -> Any | None:
        """The mention (or earlier speaker's mention) the pronoun at ``pos`` refers to.

        ``named``: earlier speakers written as the proper name of a body the tagger missed
        (start, end, name): candidates for "it" / "they" too; one picked comes back as a
        :class:`_Point` whose ``name`` is that name and whose entity is None.  ``owner``: the
        pronoun is a possessive ("her office said", "his statement"), whose person may be
        one who did not speak ("The mayor did not speak. Her office said ...")."""
        p = pronoun(word)
        if p is None or not len(self.doc):
            return None
        here = self.sentence(pos)
        lo = bisect_left(self.starts, pos - LOOKBACK_CHARS)
        hi = bisect_left(self.starts, pos)
        cands, by_key = [], {}
        for m in self.mentions[lo:hi]:
            if self.inside_quote(m.start) or self._aside(m.start) \
                    or (p.kind == "person" and not owner and self._silent(m)):
                continue
            if "/" in self.text[m.start:m.end]:
                continue  # a credit, "Ana Ruiz/Reuters"
            if p.kind == "group" and is_place(self.names.get(m.entity, "")):
                continue  # "they": people or a body, never a place ("Halifax")
            subject, main = self._subject_main(m)
            a = Antecedent(m.entity, m.start, self.sentence(m.start), self.types.get(m.entity, m.type),
                           self.genders.get(m.entity), subject, main=main)
            cands.append(a)
            by_key[(a.entity, a.start)] = m
        spoke = []
        for spos, entity in speakers:
            if spos < pos and entity in self.types:
                spoke.append(Antecedent(entity, spos, self.sentence(spos), self.types[entity],
                                        self.genders.get(entity), speaker=True))
        by_name = {}
        for s, e, name in named:
            if s < pos and p.kind != "person":
                key = f"\0{s}"  # no entity id looks like this
                by_name[key] = _Point(s, e, None, "ORG", name)
                spoke.append(Antecedent(key, s, self.sentence(s), "ORG", speaker=True))
            elif s < pos and self._person_name(s, e, name):  # "Okafor said" (untagged) ... "She said"
                key = f"\0{s}"
                full = [i for i, n in self.names.items() if self.types.get(i) == "PERSON"
                        and (n == name or n.endswith(" " + name))]  # "Dr. Ann Okafor" named before
                entity = full[0] if len(full) == 1 else None
                by_name[key] = _Point(s, e, entity, "PERSON", name)
                gender = self.genders.get(entity) if entity else gender_of([name])
                spoke.append(Antecedent(key, s, self.sentence(s), "PERSON", gender, speaker=True))
        if p.kind == "group":  # "Dana and Lee Marsh, who run ..., said" ... "They said"
            for a, (key, point) in self._pairs(cands, by_key):
                cands.append(a)
                by_name[key] = point
        spoke.sort(key=lambda a: a.start)
        taken = self._taken_up(p, pos, here)
        found = resolve(p, pos, here, cands, spoke, taken_up={k for k, _ in taken}, taken_at=taken)
        if found is None:
            return None
        if found.entity in by_name:
            return by_name[found.entity]
        if p.gender and found.entity not in self.genders:
            self.genders[found.entity] = p.gender  # "Tyler Brandt ... He said": he from now on
        m = by_key.get((found.entity, found.start)) or _Point(found.start, found.start,
                                                               found.entity, found.type)
        if m.entity in self.same_as:  # the surname of a person named in full: that person
            return _Point(m.start, m.end, self.same_as[m.entity], "PERSON")
        return m

    @cached_property
    def _first_named(self) -> int:
        """Where the story first names a person outside quotes and asides (the byline's writer
        is no one it named), else past the text's end: found once, for :meth:`named_after`."""
        return next((m.start for m in self.mentions if self.types.get(m.entity, m.type) == "PERSON"
                     and not self.inside_quote(m.start) and not self._aside(m.start)), len(self.text) + 1)

    def named_after(self, pos: int, word: str, reach: int = 600) -> Any | None:
        """A lede's "she says" before the story names anyone ("'Every Saturday it's the same
        thing,' she says. ... Tamsin Wu, 31, and her partner ..."): the first person named
        after ``pos``, within ``reach`` characters, outside quotes and asides, whose gender
        is not the other one; only for "he" / "she" when no person is named before ``pos``
        outside quotes and asides such as the byline (a pronoun that has an antecedent before
        it is no such lede's)."""
        p = pronoun(word)
        if p is None or p.kind != "person" or p.gender is None:
            return None
        if self._first_named < pos:
            return None
        for m in self.mentions[bisect_left(self.starts, pos):]:
            if m.start - pos > reach:
                break
            if self.types.get(m.entity, m.type) == "PERSON" and not self.inside_quote(m.start) \
                    and not self._aside(m.start) and "/" not in self.text[m.start:m.end]:
                return m if self.genders.get(m.entity) in (None, p.gender) else None
        return None


class _Point:
    """An earlier speaker used as antecedent (its position, not a mention span)."""

    def __init__(self, start: int, end: int, entity: str | None, type_: str, name: str | None = None):
        self.start, self.end, self.entity, self.type, self.name = start, end, entity, type_, name


def nominal(tok: Any, lang: str = "en") -> bool:
    """A common noun, or a participle or adjective the parser left as such where it heads
    a noun phrase after an article: "the accused", "the injured" (a verb with no subject
    or auxiliary of its own)."""
    if tok.pos_ == "NOUN":
        return True
    if tok.pos_ not in ("VERB", "ADJ") or tok.tag_ not in ("VBN", "VBG", "JJ") or tok.i == 0 \
            or tok.dep_ not in ("nsubj", "nsubjpass", "appos", "pobj", "dobj", "conj"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in tok.children):
        return False
    return tok.doc[tok.i - 1].lower_ in get_language(lang).word_set("articles")


def relative_antecedent(head: Any) -> Any | None:
    """The noun a relative pronoun speaker stands for ("Lin, who said" -> "Lin"; also in a
    second relative clause joined to the first: "Lin, who has lived here since 1979 and who
    said"), or None."""
    verb = head.head
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    if head.lower_ not in RELATIVE or verb.dep_ != "relcl":
        return None
    noun = _copula_subject(verb.head)
    placed = _place_word(noun)  # "a retired nurse from Alberta Avenue, who": the tagger may call
    if head.lower_ == "who" and (noun.ent_type_ != "PERSON" or placed):  # the street a person
        noun = _person_above(noun, placed) or noun
    elif head.lower_ != "who" and noun.ent_type_ in ("GPE", "LOC", "FAC") and noun.dep_ == "pobj":
        noun = _body_above(noun) or noun
    return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") or nominal(noun) else None


def place_words(lang: str = "en") -> frozenset[str]:
    """The words that end a street's or a place's name ("Avenue", "Peninsula"), made once."""
    language = get_language(lang)
    return language.memo(("place last words",), lambda: language.word_set("place_last_words")
                         | language.word_set("street_last_words"))


def _place_word(noun: Any, lang: str = "en") -> bool:
    """Whether a noun is a street's or a place's word ("Avenue", "Peninsula")."""
    return noun.lower_ in place_words(lang)


def _person_above(noun: Any, skip: bool = False) -> Any | None:
    """The person a "who" stands for when the parser hung it on the body in that person's
    role ("Omar Siddiqui, policy director at the Clean Prairies Alliance, who urged") or on
    the place in it (``skip``: the noun is no person, whatever the tagger said: "a retired
    nurse from Alberta Avenue, who"): up from the noun through prepositions and the role in
    apposition to a person's name; else None."""
    tok = noun
    for k in range(8):
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not (skip and k == 0):
            return tok
        if skip and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.head.is_title:
            return tok.head  # (the name the role is in apposition to, tagged or not)
        if tok.dep_ not in ("pobj", "prep", "appos", "compound") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _body_above(place: Any) -> Any | None:
    """The organisation a "which" stands for when the parser hung it on the place in that
    body's description ("Polar Knowledge Canada, a federal agency headquartered in Cambridge
    Bay, which said"): up from the place through prepositions, participles and the
    apposition to an organisation's name; else None."""
    tok = place
    for _ in range(8):
        if tok.dep_ not in ("pobj", "prep", "acl", "appos", "compound") or tok.head is tok:
            return None
        tok = tok.head
        if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN":
            return tok
    return None


def _copula_subject(noun: Any) -> Any:
    """The subject a predicate noun describes ("Quill is a retired nurse who said" -> "Quill";
    also the last of a list of them: "X is a liar, ... and birther who"), else the noun."""
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ != "attr":
        return noun
    verb = first.head
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ != "conj":
            break
        verb = verb.head  # "X incites ... and is a liar who": the subject of the first verb
    return subjects[0] if subjects and subjects[0].pos_ == "PROPN" else noun


def noun_phrase(noun: Any) -> tuple[int, int]:
    """Character span of a noun with its modifiers before it and the prepositional
    phrases after it ("A spokesman for the European Commission"); no relative clauses,
    appositions or anything after a comma."""
    left = min([noun] + [c.left_edge for c in noun.lefts
                         if c.dep_ not in ("punct", "cc", "relcl", "appos")], key=lambda t: t.i)
    right = noun
    for child in noun.rights:
        if child.dep_ != "prep":
            break
        comma = next((t for t in noun.doc[child.i:child.right_edge.i + 1] if t.text == ","
                      and not _name_list(noun.doc[t.i + 1:child.right_edge.i + 1])), None)
        if comma is not None:  # "... by the association, which represents ...": up to the comma
            right = noun.doc[comma.i - 1] if comma.i - 1 > child.i else right
            break
        right = child.right_edge
    while left.i < right.i and (left.is_punct or left.pos_ == "CCONJ"):
        left = noun.doc[left.i + 1]
    return left.idx, right.idx + len(right)


def _name_list(tokens: Any) -> bool:
    """The rest of a proper name after an inner comma ("Ministry of Environment, Forest and
    Climate Change", "Department for Science, Innovation and Technology"): capitalised
    words and "and" / "&" / commas, ending in a capitalised word."""
    words = [t for t in tokens]
    return bool(words) and words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
        and words[0].pos_ == "PROPN" and all(t.text[:1].isupper() or t.lower_ in ("and", "&", ",", "of", "for")
                                             for t in words) and any(t.lower_ in ("and", "&") for t in words)


def post_modifiers(noun: Any, end: int, limit: int = 40) -> int:
    """The end of a description speaker with what follows its noun and belongs to it: a
    participle phrase ("engineers testing the aircraft", "A senior aide involved in the
    talks") or an adjective phrase ("Two people familiar with the matter") written
    without a comma before it (not "the lawyer, reached by phone,"; no relative clause:
    "A woman, who asked not to be named," is "A woman"), up to ``limit`` tokens, never
    past the verb the noun is the subject of; ``end``: the noun phrase's end
    (:func:`noun_phrase`)."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i > noun.i else None
    for child in noun.rights:
        if any(t.text == "," for t in noun.doc[noun.i:child.left_edge.i]):
            break
        if child.dep_ == "acl" or (child.dep_ == "amod" and child.pos_ == "ADJ"):
            last = child.right_edge
            while last.i > child.i and (last.is_punct or last.is_space):
                last = noun.doc[last.i - 1]
            if (verb is None or last.i < verb.i) and last.i - noun.i <= limit \
                    and not any(t.is_space or t.text in ";:" for t in noun.doc[noun.i:last.i + 1]):
                end = max(end, last.idx + len(last))
    return end


def affiliation(mentions: Sequence[Any], noun: Any, start: int, end: int, resolver: Any = None,
                entity: str | None = None) -> Any | None:
    """The organisation named in a description's prepositional phrase, else the one the
    speaker's ``resolver`` finds for the speaker resolved to ``entity``
    (:meth:`.quote_speakers.SpeakerResolver.affiliation_of`: named before the noun, pointed
    back to, or in a person's descriptions), or None.  The object of the noun's preposition
    comes first (:func:`.affiliations.object_body`: "A spokesperson for Alberta's Ministry of
    Energy", the ministry), and a known place counts only after "for" ("a spokesperson for
    Ontario", not "an engineer in the Manchester office")."""
    from .affiliations import object_body

    found = object_body(resolver, noun, start, end) if resolver is not None else None
    if found is not None:
        return found
    for m in mentions:
        if is_place(resolver.record.entity(m.entity)["name"] if resolver is not None else "") \
                and resolver.text[max(0, m.start - 9):m.start].split()[-1:] != ["for"]:
            continue
        if m.type in ("ORG", "GPE", "NORP") and start <= m.start and m.end <= end \
                and not m.start <= noun.idx < m.end and m.start > noun.idx:
            return m
    return resolver.affiliation_of(start, end, noun, entity) if resolver is not None else None


def _kinds(lang: str) -> dict[str, dict]:
    return get_language(lang).words.get("organisation_kinds", {})


def org_kind(noun: str, lang: str = "en") -> str | None:
    """The kind of body a description noun names ("company", "police"), or None
    ("the group", "the organisation": any body)."""
    return next((k for k, v in _kinds(lang).items() if noun.lower() in v.get("nouns", ())), None)


def name_kind(name: str, lang: str = "en") -> str | None:
    """The kind an organisation's name shows ("Halifax Regional Police": police), its
    last word that marks a kind deciding; None when no word does."""
    words = [w.strip(".,'’()").lower() for w in name.split()]
    for word in reversed(words):
        for kind, v in _kinds(lang).items():
            if word in v.get("names", ()):
                return kind
    return None


def org_compatible(noun_kind: str | None, kind: str | None, lang: str = "en") -> bool:
    """Can a description of ``noun_kind`` stand for an organisation whose name shows
    ``kind``?  The same kind, or none shown (not for a strict kind, "police"), or a
    description of no kind ("the group")."""
    if noun_kind is None or kind == noun_kind:
        return True
    return kind is None and not _kinds(lang).get(noun_kind, {}).get("strict", False)


def place_level_of(noun: str, lang: str = "en") -> str | None:
    """The level of place a description noun stands for ("the city": city), or None."""
    levels = get_language(lang).words.get("place_nouns", {})
    return next((k for k, v in levels.items() if noun.lower() in v), None)


def place_levels(name: str) -> set[str]:
    """A place name's levels from the gazetteer: "country", "province" (a US state),
    "city"; more than one for a name that is both ("Washington"), none when unknown."""
    from ..places import is_city, is_country, is_state

    found = {"country"} if is_country(name) else set()
    if is_state(name):
        found.add("province")
    if is_city(name):
        found.add("city")
    return found


def is_document(head: Any, lemma: str, lang: str = "en") -> bool:
    """"The statement said": a document noun (``document_nouns`` of ``words.json``), or a
    noun compounded with one ("the report card says") that is itself no noun for someone
    who speaks ("the budget watchdog", "a policy analyst": ``role_words``, ``group_nouns``)."""
    language = get_language(lang)
    nouns = language.word_set("document_nouns")
    if head.pos_ != "NOUN":
        return False
    if lemma in nouns or head.lower_ in nouns:
        return True
    agents = language.memo(("speaking nouns",), lambda: language.word_set("role_words")
                           | frozenset(language.quote_cues.get("group_nouns", [])))
    return lemma not in agents and head.lower_ not in agents and any(
        c.dep_ == "compound" and c.lower_ in nouns for c in head.children)
