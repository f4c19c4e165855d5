"""People, organisations and places, with all their mentions, clustered per article.

spaCy's small model tags the entities; the article's own evidence then
corrects it: a surname already seen in a PERSON name is that person (spaCy
tags the seed's later "Mukan" as NORP), agencies found by name become
organisations, dateline words become places, country names are places
whatever spaCy called them.  GPE, LOC and NORP stay distinct types.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..lang import get as get_language
from ..places import is_country, is_place, is_state
from ..record import span
from . import acronyms, family_names
from .body_names import (bodies_by_apposition, body_words, extend_bodies, organisation_nouns, place_owned_bodies,
                         placed_bodies, untagged_bodies)
from .descriptions import person_descriptions
from .registry import Context, component

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_FAMILY = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


class NameWords:
    """A language's words for comparing names (``words.json``: honorifics, name_aliases,
    articles, definite_articles, possessive_endings, organisation_first_words,
    organisation_last_words, measure_last_words and street words; ``lexicons/person_titles.txt``
    with the honorifics as ``titles``; ``patterns.json``: possessive, state_prefix)."""

    def __init__(self, lang: Any):
        self.honorifics = lang.word_set("honorifics")
        self.org_first = lang.word_set("organisation_first_words")
        self.org_last = lang.word_set("organisation_last_words")
        self.measure_last = lang.word_set("measure_last_words")
        self.street_first = lang.word_set("street_first_words")
        self.street_last = lang.word_set("street_last_words")
        self.titles = frozenset(w.lower().rstrip(".") for w in lang.lexicon("person_titles")) | self.honorifics
        self.aliases: dict[str, str] = dict(lang.words.get("name_aliases", {}))
        self.articles = tuple(f"{a} " for a in lang.words.get("articles", ()))
        self.definite = tuple(f"{a} " for a in lang.words.get("definite_articles", ()))
        self.possessives = tuple(lang.words.get("possessive_endings", ()))
        self.possessive = lang.regex("possessive", re.IGNORECASE)
        self.state_prefix = lang.regex("state_prefix", re.IGNORECASE)
        self.suffixes = frozenset(lang.words.get("corporate_suffixes", ()))
        suffixes = "|".join(re.escape(w) for w in self.suffixes)
        self.corporate = re.compile(rf",?\s+(?:{suffixes})\.?$") if suffixes else None


def name_words_of(lang: Any = None) -> NameWords:
    """:class:`NameWords` of ``lang`` (English when None), made once per language."""
    lang = lang if lang is not None else get_language("en")
    return lang.memo(("name words",), lambda: NameWords(lang))


@dataclass
class Mention:
    start: int
    end: int
    label: str
    tokens: tuple[str, ...] = ()
    alias: str | None = None  # the key of the name it stands for ("OSC": the full name's)
    prominent: bool = False  # its sentence's subject, or the subject's apposition or agent
    full: str | None = None  # a name written in parts ("Jason" of "Jason and Alicia Ferrante")
    owner: str | None = None  # the place a public body belongs to ("Ontario" of "Ontario's Ministry of Health")

    @property
    def family(self) -> str:
        return _FAMILY.get(self.label, self.label)


# quotation marks at a name's edge that are no part of it: any opening one, and a closing one
# after a space ("Donald Trump ''doesn't" tagged "Donald Trump '"); "Jones'" keeps its possessive
_MARKS = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb`"
_LEAD = re.compile(rf"^[{_MARKS}\s]*")
_TAIL = re.compile(rf"(?:\s+[{_MARKS}]+)?[\s:;,]*$")  # and a transcript's colon ("Marco Rubio:")


def _trim(text: str, start: int, end: int, words: NameWords) -> tuple[int, int]:
    bracket = text.find(" (", start, end)  # "Saskatchewan Classroom Teachers' Association (SCTA":
    if bracket > start:                    # the short name in brackets is no part of the name
        end = bracket
    name = text[start:end]
    lead, tail = _LEAD.match(name), _TAIL.search(name)
    if lead.end() < tail.start():
        start, end = start + lead.end(), start + tail.start()
    low = text[start:end].lower()
    for article in words.articles:
        if low.startswith(article) and end - start > len(article):
            start += len(article)
            break
    for suffix in words.possessives:
        if text[start:end].endswith(suffix) and end - start > len(suffix) + 1:
            end -= len(suffix)
            break
    return start, end


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def name_words(name: str, lang: Any = None) -> list[str]:
    """The words of a name as written, without titles, possessives or punctuation (``lang``'s;
    English by default).

    Empty for a "name" made only of titles and punctuation ("Mr.", "President", "— '").
    """
    words = name_words_of(lang)
    out = []
    for raw in name.split():
        word = _EDGE.sub("", words.possessive.sub("", _EDGE.sub("", raw)))
        if word and word.lower() not in words.honorifics:
            out.append(word)
    return out


def name_tokens(name: str, lang: Any = None) -> tuple[str, ...]:
    """Lower-cased :func:`name_words`: the key people are matched on."""
    return tuple(w.lower() for w in name_words(name, lang))


def normalise(name: str, lang: Any = None) -> str:
    words = name_words_of(lang)
    key = " ".join(name.lower().replace("’", "'").split())
    key = words.state_prefix.sub("", key)
    if words.corporate is not None and " " in key:
        key = words.corporate.sub("", key) or key  # "coastline gas transmission ltd."
    for article in words.definite:
        if key.startswith(article):
            key = key[len(article):]
            break
    return words.aliases.get(key, key)


def _cue_word(tok: Any, verbs: frozenset[str]) -> bool:
    """Whether ``tok`` is a speech verb written in a headline's capitals ("Says", "Warns",
    "Told"): its lemma, or the word less a verb ending, is one of the language's cue verbs."""
    if not tok.text[:1].isupper() or not tok.text[1:].islower():
        return False
    low = tok.text.lower()
    forms = {low, tok.lemma_.lower()} | {low[:-len(end)] for end in ("s", "es", "d", "ed")
                                         if low.endswith(end)}
    return bool(forms & verbs)


def _cue_verbs(lang: Any) -> frozenset[str]:
    cues = lang.quote_cues
    return frozenset(cues.get("clause_verbs", ())) | frozenset(cues.get("object_verbs", ()))


def _title_case(sent: Any) -> bool:
    """Whether a sentence is written as a title-case headline: every word of four letters
    or more starts with a capital ("Obama Says Museum Will Tell of Suffering")."""
    return all(t.text[0].isupper() for t in sent if t.is_alpha and len(t.text) >= 4)


def _before_headline_verb(ent: Any, verbs: frozenset[str], titled: dict[int, bool]) -> int:
    """The end of a tagged name that ran on into a title-case headline's verb ("Obama Says"
    -> "Obama", "Trudeau Warns Provinces" -> "Trudeau"), else the entity's own end.  Only
    in a title-case line: elsewhere a capitalised word is the name's ("Claire Adds").
    ``titled``: each sentence's start -> whether it is in title case, filled as needed (a
    sentence is read once however many names it holds)."""
    verb = next((tok for tok in ent[1:] if _cue_word(tok, verbs)), None) if len(ent) >= 2 else None
    if verb is None:
        return ent.end_char
    sent = ent.sent
    if sent.start not in titled:
        titled[sent.start] = _title_case(sent)
    if not titled[sent.start]:
        return ent.end_char
    return ent.doc[verb.i - 1].idx + len(ent.doc[verb.i - 1].text)


def _given_name_start(ent: Any, lang: Any) -> int:
    """Where a person's name starts: before a given name the tagger left out ("Ana" of "Ana
    Cruz Mamani"), a proper noun in title case that is no date and that the language's or the
    census's given names hold, or, before a surname tagged alone, one the parser joined to it
    as a compound that is no title ("Mateus" of "Mateus Carvalho"); else where the tagger
    started it."""
    from .antecedents import is_given_name

    if ent.start == 0:
        return ent.start_char
    tok = ent.doc[ent.start - 1]
    if tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not tok.ent_type_ \
            and (is_given_name(tok.text, lang.code) or len(ent) == 1 and tok.dep_ == "compound"
                 and tok.head.i == ent.start and tok.lower_ not in name_words_of(lang).titles):
        return tok.idx
    return ent.start_char


def _given_name_end(ent: Any) -> int:
    """Where a person's name ends: after a surname the tagger left out ("Marc-André" of
    "Marc-André Lévesque"), the proper noun in title case right after the name that its last
    word hangs on and that no entity holds; else where the tagger ended it."""
    if ent.end >= len(ent.doc):
        return ent.end_char
    tok = ent.doc[ent.end]
    if tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not tok.ent_type_ \
            and ent[-1].head.i == tok.i and ent[-1].dep_ == "compound" and "\n" not in ent[-1].whitespace_:
        return tok.idx + len(tok.text)
    return ent.end_char


def _listed_with_places(ent: Any, lists: dict[int, tuple]) -> bool:
    """A one-word name in a list of two other names at least, places or bodies (one a place
    at least) and none a person ("Magog, Louiseville and Valleyfield"): a place, whatever
    the tagger made of it, unless the article names a person by it (:func:`spacy_mentions`).
    ``lists``: each list's first token -> its members' indices, filled as needed (a list is read once
    however many of its names are asked about)."""
    if len(ent) != 1:
        return False
    tok = ent[0]
    root = tok
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.i not in lists:  # its members' indices, and its proper nouns by kind
        members = [root, *root.conjuncts]
        names = [t for t in members if t.pos_ == "PROPN"]
        lists[root.i] = ({t.i for t in members}, {t.i for t in names},
                         {t.i for t in names if t.ent_type_ in ("GPE", "LOC")},
                         {t.i for t in names if t.ent_type_ not in ("GPE", "LOC", "ORG", "FAC")})
    members, names, places, others = lists[root.i]
    return tok.i in members and len(names) - (tok.i in names) >= 2 \
        and len(places) - (tok.i in places) >= 1 and len(others) - (tok.i in others) == 0


_SUBJECTS = ("nsubj", "nsubjpass")


def _prominent(tok: Any) -> bool:
    """Whether a name is what its sentence is about: the subject, in apposition to the
    subject ("Her mother, Sylvie Marchetti, runs ..."), or a passive's agent ("played by
    Norman Keeshig"); not an object ("killed her son, Marcus Okafor") nor a modifier."""
    if tok.dep_ in _SUBJECTS:
        return True
    if tok.dep_ == "appos":
        return tok.head.dep_ in _SUBJECTS
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _given_names_before(doc: Any, text: str, out: list[Mention], surnames: set[str], lang: Any) -> None:
    """A namesake's given name the tagger left out ("His son, Amarjit [Sandhu], said" after
    "Harjit Sandhu"): a capitalised proper noun no entity holds, right before a one-word
    mention that is the surname of a person named in full, inside a sentence and no title,
    opens a person's name of its own; so does one right before a person's name that opens
    with a capitalised particle ("Marites [Dela Cruz]", ``name_particles``), also opening
    a sentence."""
    titles = name_words_of(lang).titles
    particles = lang.lexicon("name_particles")  # (spacy_mentions passes a language, never None)
    starts = {o.start for o in out}  # (a given name the tagger left out that a name already took)
    for m in out:
        first = text[m.start:m.end].split()[0] if m.end > m.start else ""
        particle = m.label == "PERSON" and first[:1].isupper() and first.lower() in particles \
            and len(text[m.start:m.end].split()) > 1  # "[Marites] Dela Cruz": a surname's particle
        if not particle and (len(m.tokens) != 1 or m.tokens[0] not in surnames or m.label not in ("PERSON", "ORG")):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        prev = doc[span.start - 1]
        if prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha and not prev.ent_type_ \
                and (particle or not prev.is_sent_start) and prev.lower_ not in titles and prev.idx not in starts:
            m.start, m.label = prev.idx, "PERSON"
            m.tokens = name_tokens(text[m.start:m.end], lang)


def _aged_names(doc: Any, text: str, out: list[Mention], lang: Any) -> None:
    """A name written with an age after it ("Gurdial Singh Bains, 78, has volunteered ...")
    is a person's.  Its capitalised words right before the words the tagger took (or all of
    them, where it took none) are part of it, even opening a sentence: up to three untagged
    title-case words (four where none was tagged, two at least), no title among them."""
    titles = name_words_of(lang).titles
    starts = {o.start for o in out}
    ends = {o.end: o for o in out}
    for age in AGE_AFTER.finditer(text):
        m = ends.get(age.start())
        span = doc.char_span(m.start if m else age.start(), age.start(), alignment_mode="expand")
        if span is None or (m is None and age.start() == 0):
            continue
        first = span.start if m is not None else span.end
        if m is None and (first == 0 or doc[first - 1].pos_ != "PROPN"):
            continue
        i = first
        while i > 0 and first - i < (3 if m is not None else 4):
            prev = doc[i - 1]
            if not (prev.pos_ in ("PROPN", "ADJ", "NOUN") and prev.is_title and prev.is_alpha
                    and not prev.ent_type_) or prev.lower_ in titles or prev.idx in starts:
                break
            i -= 1
        if m is None and first - i >= 2:
            new = Mention(doc[i].idx, age.start(), "PERSON", name_tokens(text[doc[i].idx:age.start()], lang))
            out.append(new)
        elif m is not None and i < first:
            m.start, m.label = doc[i].idx, "PERSON"
            m.tokens = name_tokens(text[m.start:m.end], lang)


_NAME_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
# a known given name and one or two capitalised words, then what is said of a person: ", who",
# an age, an apposition ("Doreen Kaplan-Ward, a retired nurse"), or a cue verb after it
_UNTAGGED_PERSON = re.compile(rf"(?<![\w'’.-])([A-Z][a-zà-ÿ]+)((?:[ \t]+{_NAME_WORD}){{1,2}})"
                              r"(?=(,\s*(?:who\b|an?\s|the\s|\d{1,3}\s*,)|\s+(?:said|says|told)\b)?)")
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)\.?\s+$")  # "Coun. ", "Mayor "


def _untagged_people(doc: Any, text: str, out: list[Mention], surnames: set[str], lang: Any) -> None:
    """A person's name the tagger missed altogether ("Next was Doreen Kaplan-Ward, a retired
    nurse from Alberta Avenue, who told councillors ..."): a given name the language's
    lexicons know (:func:`.antecedents.lexicon_given_names`; not the census, where "Grace" and
    "Hope" are names too) and one or two capitalised words, followed by ", who", an age, an apposition
    or "said / says / told", or after a title ("Coun. Teresa Lindqvist voted"), overlapping
    no mention, naming no place, street or body.  So is a proper noun before the surname of
    a person the tagger named in full, whatever follows ("Elisapee Irngaut does not trust
    the forecast" in a lede, "Naomi Irngaut" tagged further on): a namesake; and so is a
    given name the article writes alone as a person's, and never as a surname, before one
    capitalised word ("Zarmina Rahimi stands at the window", then "Zarmina went ...")."""
    from .antecedents import lexicon_given_names
    known = lexicon_given_names(lang)
    words = name_words_of(lang)
    place_last = lang.word_set("place_last_words")
    bodies = body_words(lang) | organisation_nouns(lang)
    titles = words.titles | frozenset(lang.quote_cues.get("title_abbreviations", ()))
    spans = sorted((m.start, m.end) for m in out)
    alone = {m.tokens[0] for m in out if m.label == "PERSON" and len(m.tokens) == 1} - surnames - titles
    drop: set[int] = set()
    for found in _UNTAGGED_PERSON.finditer(text):
        s, e = found.start(), found.end()
        namesake = len(found.group(2).split()) == 1 and found.group(1).lower() not in titles \
            and (found.group(2).strip().lower() in surnames or found.group(1).lower() in alone)
        if namesake and found.group(1).lower() not in known:
            first = doc.char_span(s, found.end(1))
            namesake = first is not None and len(first) == 1 and first[0].pos_ == "PROPN" \
                and not first[0].is_stop and first[0].lower_ not in titles
        if found.group(1).lower() not in known and not namesake:
            continue
        title = _TITLE_BEFORE.search(text, max(0, s - 12), s)
        titled = title is not None and title.group(1).lower() in titles
        if found.group(3) is None and not titled and not namesake:
            continue  # (nothing said of it that is said of a person)
        k = bisect.bisect_left(spans, (e, e))
        if k and spans[k - 1][1] > s:
            continue  # (a mention already holds a word of it)
        tokens = name_tokens(text[s:e], lang)
        written = text[s:e].lower().split()
        if not tokens or any(w in bodies for w in written) \
                or written[-1] in words.street_last or written[-1] in place_last or is_place(text[s:e]) \
                or is_place(text[found.start(2):e].strip()) or is_country(text[s:e]):
            continue
        out.append(Mention(s, e, "PERSON", tokens))
        if titled:  # the title the tagger took for a name of its own ("Coun") names nobody
            drop.add(title.start(1))
    if drop:
        out[:] = [m for m in out if m.start not in drop or m.label != "PERSON"]


def _couples(text: str, out: list[Mention], lang: Any) -> None:
    """A given name alone joined by "and" to a full name shares its surname ("Jason and
    Alicia Ferrante": Jason Ferrante), as the sentence says; a known given name there that
    the tagger left out or took for a place or a body is that person too ("Rahim and
    Zarghona Ahmadi", only the second tagged a person), and so is the name written alone
    elsewhere."""
    from .antecedents import is_given_name
    people = [m for m in out if m.label == "PERSON"]
    at = {(m.start, m.end): m for m in out}
    starts = sorted(at)
    retyped: set[tuple[str, ...]] = set()
    for other in people:
        before = _GIVEN_AND.search(text, max(0, other.start - 40), other.start)
        if before is None or len(other.tokens) < 2 or not is_given_name(before.group(1), lang.code):
            continue
        m = at.get(before.span(1))
        k = bisect.bisect_right(starts, (before.start(1), len(text)))
        if m is None and not (k and starts[k - 1][1] > before.start(1)):  # (no mention holds the word)
            m = Mention(before.start(1), before.end(1), "PERSON", name_tokens(before.group(1), lang))
            out.append(m)
        if m is None or len(m.tokens) != 1 or m.label != "PERSON" and is_place(before.group(1)):
            continue  # ("Jordan and Mary Smith": maybe the country)
        if m.label != "PERSON":  # "Karim" tagged a place: a person, wherever written alone
            retyped.add(m.tokens)
            m.label = "PERSON"
        written = text[other.start:other.end].split()
        m.tokens = m.tokens + other.tokens[1:]
        m.full = " ".join([*text[m.start:m.end].split(), *written[1:]])
    for o in out:
        if o.tokens in retyped:
            o.label = "PERSON"


_GIVEN_AND = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:and|&)\s+$")


def spacy_mentions(doc: Any, text: str, lang: Any = None) -> list[Mention]:
    words = name_words_of(lang)
    lang = lang if lang is not None else get_language("en")
    verbs = lang.memo(("headline cue verbs",), lambda: _cue_verbs(lang))
    abbreviations = frozenset(lang.quote_cues.get("title_abbreviations", ()))
    out = []
    listed: list[int] = []  # one-word people listed with places
    titled: dict[int, bool] = {}  # sentence start -> in title case (_before_headline_verb)
    lists: dict[int, tuple] = {}  # a list's first token -> its members (_listed_with_places)
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        end = _before_headline_verb(ent, verbs, titled) if ent.label_ in ("PERSON", "ORG") else ent.end_char
        if ent.label_ == "PERSON" and end == ent.end_char:
            end = _given_name_end(ent)
        s, e = _trim(text, _given_name_start(ent, lang) if ent.label_ == "PERSON" else ent.start_char,
                     end, words)
        if e <= s or not any(c.isalpha() for c in text[s:e]):
            continue
        label = ent.label_
        if label in ("ORG", "NORP", "PERSON") and is_country(normalise(text[s:e], lang)) \
                or label == "LOC" and is_place(text[s:e]):
            label = "GPE"  # (a city the tagger called a location: "Regina's green-bin schedule")
        tokens = name_tokens(text[s:e], lang)
        if label == "ORG" and len(tokens) > 1 and tokens[-1] in words.measure_last:
            continue  # "Air Quality Health Index", "Online News Act": a measure or a law, no body
        if label == "PERSON" and not tokens:
            continue  # titles or punctuation without a name ("Mr.", "President's") name nobody
        if label == "PERSON" and text[e:e + 1] == "." and all(
                p in abbreviations for p in re.split(r"[.-]+", text[s:e].lower()) if p):
            continue  # a title abbreviation alone ("Coun." before a name the tagger left out)
        if label == "PERSON" and _listed_with_places(ent, lists):
            listed.append(len(out))
        written = text[s:e].lower().split()
        if label == "PERSON" and len(written) > 1 and (written[0] in words.street_first
                                                        or written[-1] in words.street_last):
            label = "FAC"  # "Rue Lapierre", "Jasper Avenue": a street, no person
        if label == "PERSON" and (len(tokens) > 1 and tokens[-1] in words.org_last
                                  or tokens and tokens[0] in words.org_first) \
                or label in ("FAC", "PRODUCT") and len(tokens) > 1 and tokens[-1] in words.org_last:
            label = "ORG"  # "Moniz Bakery", "Clinique médicale ...", "Prairie Western Railway": a body
        out.append(Mention(s, e, label, tokens, prominent=_prominent(ent.root)))
    surnames = {m.tokens[-1] for m in out if m.label == "PERSON" and len(m.tokens) > 1}
    bodies_by_apposition(text, out, lang)
    _given_names_before(doc, text, out, surnames, lang)
    _aged_names(doc, text, out, lang)
    _untagged_people(doc, text, out, surnames, lang)
    _couples(text, out, lang)
    for k in listed:
        if out[k].tokens[-1] not in surnames:
            out[k].label = "GPE"
    return out


def _overlaps(mentions: list[Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in mentions)


def add_evidence(mentions: list[Mention], text: str, record: Any, lang: Any = None
                 ) -> list[Mention]:
    """Mentions spaCy missed or mislabelled that the article itself shows."""
    _fix_people(mentions, text, lang)
    lang = lang if lang is not None else get_language("en")
    _joined_bodies(mentions, text, lang)
    untagged_bodies(mentions, text, lang)
    extend_bodies(mentions, text, lang)
    placed_bodies(mentions, text, lang)
    mentions = acronyms.apply(mentions, text, lang,
                              lambda s, e, label, full: Mention(s, e, label, name_tokens(text[s:e], lang),
                                                                full and normalise(full, lang)))
    for agency in record.agencies:
        s, e = agency["span"]["start"], agency["span"]["end"]
        if not _overlaps(mentions, s, e):
            mentions.append(Mention(s, e, "ORG", name_tokens(text[s:e], lang)))
    place = record.dateline and record.dateline.get("place")
    if place:
        pos = place["start"]
        for part in place["text"].split(","):
            s = pos + len(part) - len(part.lstrip())
            e = pos + len(part.rstrip())
            if e > s and not _overlaps(mentions, s, e):
                mentions.append(Mention(s, e, "GPE", name_tokens(text[s:e], lang)))
            pos += len(part) + 1
    _titled_names(mentions, text, lang)
    _fix_surnames(mentions, text, lang)
    mentions.sort(key=lambda m: m.start)
    place_owned_bodies(mentions, text, lang)
    byline = (getattr(record, "layout", None) or {}).get("byline") or {}
    family_names.add_surnames(mentions, text, lang, (byline.get("start", 0), byline.get("end", 0)))
    return mentions


_RETYPED = ("ORG", "FAC", "GPE", "LOC", "NORP")
# a capitalised title (or one in capitals), then two or three capitalised words
# (looked for at every word: "Chief Justice Richard Wagner" holds "Justice Richard Wagner")
_TITLED_NAME = re.compile(r"\b(?=([A-Z][A-Za-z]*)\.?[ \t]+([A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)"
                          r"((?:[ \t]+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?){1,2}))")


def _titled_names(mentions: list[Mention], text: str, lang: Any) -> None:
    """A title before a known given name and a surname marks a person's name, which the
    tagger may have missed ("Liberal MNA Karine Desjardins-Hall, her party's critic") or
    joined to the title as a body ("MNA Nawal Haddad" tagged ORG): the name without its
    title is a person."""
    from .antecedents import is_given_name

    titles = name_words_of(lang).titles
    marks = body_words(lang)
    taken = _Spans(mentions)
    by_start = {m.start: m for m in mentions}
    for found in _TITLED_NAME.finditer(text):
        title = found.group(1)
        if title.lower() not in titles or re.sub(r"['’]s?$", "", found.group(3).split()[-1].lower()) in marks:
            continue  # (not "St. Mary's Hospital")
        start, end = found.start(2), found.end(3)
        given = is_given_name(found.group(2), lang.code)
        tagged = by_start.get(found.start(1))  # (start(1): the match itself is empty)
        if tagged is not None and tagged.label == "PERSON":
            continue  # (its title stays in the mention the tagger gave: "Mayor Ines Falk")
        if tagged is not None and tagged.end == end and tagged.label in _RETYPED and (
                given or text[found.end(1):found.end(1) + 1] == "." or len(title) > 1 and title.isupper()):
            tagged.start, tagged.label = start, "PERSON"  # "MNA Nawal Haddad" tagged a body: a
            tagged.tokens = name_tokens(text[start:end], lang)  # title ("Dr.", "MNA") or a given name says so
        elif given and not taken.overlaps(found.start(1), end):
            mentions.append(Mention(start, end, "PERSON", name_tokens(text[start:end], lang)))
            taken.add(start, end)


def _fix_people(mentions: list[Mention], text: str, lang: Any = None) -> None:
    """A name of two or three capitalised words that opens with a known given name and that
    the tagger calls a person elsewhere in the article, written the same or by its last word
    alone, is that person wherever it was tagged a body or a place ("Meredith Lalonde" tagged
    ORG in the lede, a person further down, and "Lalonde recalls"); not a name with an
    organisation's first or last word ("Meredith Lalonde Foundation") or a country's, nor one
    opening with a word no given name ("Borealis Mobile", "Neils Harbour")."""
    from .antecedents import is_given_name

    words = name_words_of(lang)
    code = lang.code if lang is not None else "en"
    full = {m.tokens for m in mentions if m.label == "PERSON" and len(m.tokens) >= 2}
    alone = {m.tokens[0] for m in mentions if m.label == "PERSON" and len(m.tokens) == 1}
    bodies = organisation_nouns(lang if lang is not None else get_language("en"))
    for m in mentions:
        kin = _KIN_BEFORE.search(text, max(0, m.start - 40), m.start)
        if m.label not in _RETYPED or not 2 <= len(m.tokens) <= 3 \
                or not (m.tokens in full or m.tokens[-1] in alone or kin and kin.group(1) not in bodies
                        or AGE_AFTER.match(text, m.end)) \
                or m.tokens[0] in words.org_first or m.tokens[-1] in words.org_last:
            continue  # (or a person's relation before it, "her partner, Marcus Bell", or an age after it)
        written = text[m.start:m.end].split()
        if all(w[:1].isupper() for w in written) and is_given_name(m.tokens[0], code) \
                and not is_country(text[m.start:m.end]):
            m.label = "PERSON"


# "her partner, ", "his sister " right before a name; ", 31," right after one
_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+)?([a-z-]+),?\s+$")
AGE_AFTER = re.compile(r",\s*\d{1,3}\s*,")  # "Tessa Greaves, 31, was": a person's age


_JOINED = re.compile(r"((?:[A-Z][\w'’-]*(?:,\s*|\s+))*[A-Z][\w'’-]*,?\s+(?:and|&)\s+)$")


def _joined_bodies(mentions: list[Mention], text: str, lang: Any) -> None:
    """A body named for what it does, then its country or province, whose words the tagger
    cut at "and": "Fisheries and Oceans Canada", "Immigration, Refugees and Citizenship
    Canada" tagged as "Oceans Canada", "Citizenship Canada". The capitalised words joined to
    such an organisation's name are its name too (a piece of them tagged a body of its own
    with them); not when one of them is a place or another tagged name ("Canada and
    Mexico", "Ottawa and Global Affairs Canada"), or an article ("The")."""
    words = name_words_of(lang)
    ends = sorted((o.start, o.end, k) for k, o in enumerate(mentions))
    written = Counter(text[o.start:o.end] for o in mentions)
    absorbed: set[int] = set()
    for m in mentions:
        last = text[m.start:m.end].split()[-1] if m.end > m.start else ""
        if m.label != "ORG" or not (is_country(last) or is_state(last)):
            continue
        joined = _JOINED.search(text, max(0, m.start - 120), m.start)
        if joined is None:
            continue
        start = joined.start()
        inside = []  # names ending in the run: a piece of it tagged a body ("Fisheries") is
        for s0, e0, k in ends[bisect.bisect_left(ends, (start - 300,)):bisect.bisect_left(ends, (m.start,))]:
            if not start < e0 <= m.start:  # absorbed; after any other ("Gulf of St. Lawrence,
                continue  # Fisheries and Oceans Canada") the run starts past it and its comma
            if s0 >= start and mentions[k].label == "ORG" and written[text[s0:e0]] == 1:  # (a name
                inside.append((s0, k))  # written once: "Google" written again is a body of its own)
            else:
                start = e0 + re.match(r"[\s,;]*", text[e0:m.start]).end()
        if not _JOINED.fullmatch(text, start, m.start):
            continue  # (it must still join capitalised words to the name)
        parts = re.findall(r"[A-Z][\w'’-]*", text[start:m.start])
        if any(is_place(w) or f"{w.lower()} " in words.articles for w in parts):
            continue
        absorbed.update(k for s0, k in inside if s0 >= start)
        m.start, m.tokens = start, name_tokens(text[start:m.end], lang)
    if absorbed:
        mentions[:] = [o for k, o in enumerate(mentions) if k not in absorbed]


def _fix_surnames(mentions: list[Mention], text: str, lang: Any = None) -> None:
    """A bare surname (or given name) of a person already named is that person."""
    people = [m for m in mentions if m.label == "PERSON" and len(m.tokens) >= 2]
    parts = {m.tokens[-1] for m in people} | {m.tokens[0] for m in people}
    if not parts:
        return
    tails = {p.tokens[k:] for p in people for k in range(1, len(p.tokens) - 1)}
    for m in mentions:
        if m.label != "PERSON" and (len(m.tokens) == 1 and m.tokens[0] in parts or m.tokens in tails) \
                and not is_country(text[m.start:m.end]):
            m.label = "PERSON"  # "Van Loon" after "Derek Van Loon", "Cruz Mamani" after "Ana Cruz Mamani"
    surnames = {w for w in (name_words(text[m.start:m.end], lang)[-1] for m in people)
                if len(w) >= 3 and w[0].isupper()}
    taken = _Spans(mentions)
    for start, end, surname in _word_hits(text, surnames):
        if not taken.overlaps(start, end):
            mentions.append(Mention(start, end, "PERSON", (surname.lower(),)))
            taken.add(start, end)


_WORD_RUN = re.compile(r"[\w-]+")


def _word_hits(text: str, words: set[str]) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of ``words`` (not inside a longer word or hyphenation), in
    one pass over the text: runs of word characters are looked up, and the few words
    with other characters ('O'Neill') are searched for one by one."""
    plain = {w for w in words if _WORD_RUN.fullmatch(w)}
    hits = [(m.start(), m.end(), m.group()) for m in _WORD_RUN.finditer(text) if m.group() in plain]
    for word in words - plain:
        hits += [(h.start(), h.end(), word)
                 for h in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    return sorted(hits)


class _Spans:
    """Overlap tests against a set of spans in O(log n): starts sorted, with the furthest
    end reached by any span starting at or before each one."""

    def __init__(self, mentions: list[Mention]):
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)
        self.added: list[tuple[int, int]] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e) - 1
        if i >= 0 and self.reach[i] > s:
            return True
        return bool(self.added) and self.added[-1][1] > s and self.added[-1][0] < e

    def add(self, s: int, e: int) -> None:
        self.added.append((s, e))  # hits arrive in text order


def cluster(mentions: list[Mention], text: str, lang: Any = None) -> list[list[Mention]]:
    """Group mentions that name the same entity, in order of first mention."""
    from .antecedents import is_given_name

    code = lang.code if lang is not None else "en"
    clusters: list[list[Mention]] = []
    by_key: dict[tuple[str, str], int] = {}
    people: list[tuple[tuple[str, ...], int]] = []
    tails: dict[tuple[str, ...], set[int]] = {}  # the last words of people's longer names
    singles: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-len(m.tokens), m.start)):
        if m.label == "PERSON" and len(m.tokens) == 1:
            singles.append(m)
            continue
        if m.label == "PERSON" and m.tokens:
            key = ("PERSON", f"{m.tokens[0]} {m.tokens[-1]}")
            longer = tails.get(m.tokens, set())
            if key not in by_key and len(longer) == 1 and not is_given_name(m.tokens[0], code):
                clusters[next(iter(longer))].append(m)  # a surname of two words ("Van Loon"), not
                continue  # a full name written after a word ("Hillary Clinton", "Crooked Hillary Clinton")
        else:
            key = (m.family, m.alias or normalise(text[m.start:m.end], lang))
        if key not in by_key:
            by_key[key] = len(clusters)
            clusters.append([])
            if key[0] == "PERSON" and m.tokens:
                people.append((m.tokens, by_key[key]))
                for k in range(1, len(m.tokens) - 1):  # its surname's words, when more than one
                    tails.setdefault(m.tokens[k:], set()).add(by_key[key])
        clusters[by_key[key]].append(m)
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for toks, i in people:
        by_last.setdefault(toks[-1], []).append(i)
        by_first.setdefault(toks[0], []).append(i)
    starts: dict[int, list[int]] = {}  # each cluster's mention starts, sorted (made on demand)
    by_surname: set[int] = set()  # people already written by their surname alone
    for m in sorted(singles, key=lambda m: m.start):
        word = m.tokens[0]
        candidates = by_last.get(word) or by_first.get(word) or []
        if candidates:
            # two people of one surname (Genevieve Aucoin, then her mother Sylvie Aucoin): the
            # surname alone stays with the one the article already calls by it; else the latest
            # a sentence was about (not "killed her son, Marcus Okafor"), else the latest
            owners = [i for i in candidates if i in by_surname] if word in by_last else []
            before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
            given = [i for i in candidates if before and len(clusters[i][0].tokens) > 1
                     and clusters[i][0].tokens[0] == before.group(1).lower()]  # "Ivanka [Trump]"
            if len(candidates) > 1 and len(given) != 1 and before:  # "Chief Sutherland": the one
                given = [i for i in candidates if any(  # written with that title before his name
                    (w := _WORD_BEFORE.search(text, max(0, x.start - 40), x.start))
                    and w.group(1) == before.group(1) for x in clusters[i])] if before.group(1)[:1].isupper() else []
            if len(candidates) > 1:  # "Mr. Carvalho": not the namesake the given name shows a woman
                candidates = _titled(candidates, clusters, text, m.start, code)
                owners = [i for i in owners if i in candidates]
                given = [i for i in given if i in candidates]
            about = [i for i in candidates if any(x.prominent and len(x.tokens) > 1 and x.start < m.start
                                                  for x in clusters[i])]  # (the one a sentence was about)
            best = given[0] if len(given) == 1 else owners[0] if len(owners) == 1 else \
                max(about or candidates, key=lambda i: _latest_before(starts, clusters, i, m.start))
            if word in by_last and word == clusters[best][0].tokens[-1] and len(given) != 1:
                by_surname.add(best)
            clusters[best].append(m)
            if best not in starts:  # (made here once, not on every append)
                starts[best] = sorted(x.start for x in clusters[best][:-1])
            bisect.insort(starts[best], m.start)
        else:
            key = ("PERSON", word)
            if key not in by_key:
                by_key[key] = len(clusters)
                clusters.append([])
                people.append(((word,), by_key[key]))
                by_last.setdefault(word, []).append(by_key[key])
                by_first.setdefault(word, []).append(by_key[key])
            clusters[by_key[key]].append(m)
    for c in clusters:
        c.sort(key=lambda m: m.start)
    return sorted(_short_bodies(clusters, text, lang), key=lambda c: c[0].start)


def _full_body_name(c: list[Mention], text: str, words: NameWords) -> bool:
    """Whether an organisation's longest form is written all in capitalised words (or
    connectives) and ends in a word that marks a body ("Voltaris Cells Inc.", "Northern
    Sable Energy"): not the part of a body ("Northway Air council") nor a program named
    after one ("Army Drone Program")."""
    from .speaker_links import name_kind

    m = max(c, key=lambda m: m.end - m.start)
    written = text[m.start:m.end].split()
    last = written[-1].strip(".,'’").lower() if written else ""
    return all(w[:1].isupper() or not w[:1].isalpha() or w in ("of", "and", "for", "the", "de", "du", "des", "la")
               for w in written) and (last in words.org_last or last in words.suffixes
                                      or name_kind(" ".join(written)) is not None)


def _short_bodies(clusters: list[list[Mention]], text: str, lang: Any = None) -> list[list[Mention]]:
    """An organisation written first in full and later by the words its name opens with
    ("Voltaris Cells Inc." ... "Voltaris said"): one organisation, named by its full name,
    where exactly one longer name opens so (:func:`_full_body_name`), written before or
    after it (a headline's "Northline outage", then "Northline Communications"; a short name
    the tagger made a person only after the full one); not a place's name or a known given
    name."""
    from .antecedents import is_given_name

    def words(c: list[Mention]) -> tuple[str, ...]:
        return max((m.tokens for m in c), key=len)

    names = name_words_of(lang)
    bodies = [c for c in clusters if c and c[0].alias is None and words(c) and (
        c[0].label == "ORG" or c[0].label in ("GPE", "LOC") and not is_place(text[c[0].start:c[0].end]))]
    opening: dict[tuple[str, ...], list[list[Mention]]] = {}  # each shorter run of words a full
    for o in bodies:  # organisation's name opens with -> those organisations (linear in the names)
        if o[0].label == "ORG" and _full_body_name(o, text, names):
            for k in range(1, len(words(o))):
                opening.setdefault(words(o)[:k], []).append(o)
    merged: set[int] = set()
    surnames = {m.tokens[-1] for c in clusters for m in c if m.label == "PERSON" and len(m.tokens) > 1
                and is_given_name(m.tokens[0], "en")}  # (of people the article names in full)
    people = [c for c in clusters if c and c[0].alias is None and c[0].label == "PERSON" and words(c)
              and not is_given_name(words(c)[0], "en") and words(c)[-1] not in surnames]
    for c in bodies + people:  # (a body the tagger took for a place no gazetteer knows, "Halloran
        short = words(c)  # said", or for a person whose name opens with no given name, "Kestrel")
        if is_place(text[c[0].start:c[0].end]) or len(short) == 1 and is_given_name(short[0], "en"):
            continue
        longer = [o for o in opening.get(short, ())[:2] if o is not c and id(o) not in merged
                  and (o[0].start < c[0].start or c[0].label != "PERSON")]  # (a headline's short name
        #         may come first: "Northline outage" ... "Northline Communications")
        if len(longer) == 1 and len(opening[short]) == 1:
            for m in c:  # the short form stands for the full name, which names the entity
                m.alias = " ".join(words(longer[0]))
                m.label = "ORG"
            longer[0].extend(c)
            longer[0].sort(key=lambda m: m.start)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*) $")
_TITLE_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\.? $")


def _titled(candidates: list[int], clusters: list[list[Mention]], text: str, start: int,
            code: str) -> list[int]:
    """Of namesakes, those a gendered title before a bare surname may stand for ("Mr.
    Carvalho" after "Mateus Carvalho" and his mother "Fernanda Carvalho": not her); all of
    them when the title shows no gender or none would be left."""
    from .antecedents import given_name_gender, title_gender
    before = _TITLE_BEFORE.search(text, max(0, start - 12), start)
    gender = title_gender(before.group(1), code) if before else None
    if gender is None:
        return candidates
    kept = [i for i in candidates if given_name_gender([text[clusters[i][0].start:clusters[i][0].end]],
                                                       code, census=True) in (None, gender)]
    return kept or candidates


def _latest_before(starts: dict[int, list[int]], clusters: list[list[Mention]], i: int,
                   pos: int) -> int:
    """Start of cluster ``i``'s last mention before ``pos`` (-1 if none), by bisection."""
    found = starts.get(i)
    if found is None:
        found = starts[i] = sorted(x.start for x in clusters[i])
    k = bisect.bisect_left(found, pos)
    return found[k - 1] if k else -1


def _label(members: list[Mention]) -> str:
    counts: dict[str, int] = {}
    for m in members:
        counts[m.label] = counts.get(m.label, 0) + 1
    return max(counts, key=lambda k: (counts[k], k == "GPE"))


def _name(members: list[Mention], text: str, label: str) -> str:
    """The entity's name: its longest form for a person, else its commonest, or the longest
    form that opens with it ("Ledgerline Inc." once, then "Ledgerline"); written with
    single spaces (a no-break space or a line break inside a mention is a space) and without
    an editor's brackets ("Newt [Gingrich]"); an organisation's acronym only where the article
    never writes the name it stands for."""
    members = [m for m in members if m.alias is None] or members  # "OSC" stands for the name
    forms = [" ".join(text[m.start:m.end].replace("[", "").replace("]", "").split()) for m in members]
    if label == "PERSON":
        return max(forms + [m.full for m in members if m.full], key=len)
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    name = max(forms, key=lambda f: (not f.isupper(), counts[f], -len(f)))
    words = name.lower().split()  # written in full once ("Ledgerline Inc.", then "Ledgerline"):
    name = max((f for f in forms if f.lower().split()[:len(words)] == words
                and f.isupper() == name.isupper()), key=lambda f: (len(f), counts[f]))  # the full name
    owner = next((m.owner for m in members if m.owner), None)  # "Ontario's Ministry of Health"
    return f"{owner} {name}" if owner and not name.lower().startswith(owner.lower()) and not name.isupper() else name


@component("entities", requires=("layout", "agencies", "dateline"), assigns=("entities",))
def entities(ctx: Context) -> None:
    rec, text = ctx.record, ctx.record.text
    mentions = add_evidence(spacy_mentions(ctx.doc, text, ctx.lang), text, rec, ctx.lang)
    out = []
    for i, members in enumerate(cluster(mentions, text, ctx.lang), 1):
        label = _label(members)
        entity = {"id": f"E{i}", "name": _name(members, text, label), "type": label,
                  "mentions": [span(text, m.start, m.end) for m in members], "descriptions": []}
        if label == "PERSON":
            after = rec.dateline["span"]["end"] if rec.dateline else 0
            entity["descriptions"] = person_descriptions(ctx.doc, text, members, after, ctx.lang)
        out.append(entity)
    rec.entities = out
