"""Which earlier mention a pronoun speaker refers to ("he said", "According to her", "it said").

A pronoun takes the nearest compatible antecedent in the sentences before it
(its own sentence first, then up to ``WINDOW`` sentences back):

* compatible: "he"/"she" a person whose gender is unknown or the pronoun's
  (gender from a title before a name, a gendered description, a given name);
  "it" an organisation or a place that acts as one; "they" an organisation or
  a group (people are not plural here: "they" picks one person only when the article
  says that person uses it, ``NONBINARY``: "who uses they/them pronouns");
* the speakers of earlier quotes are candidates too, in their sentence (a
  speaker written as a description, "The commissioner said", or as a pronoun
  already resolved, carries the entity it was resolved to);
* within the nearest sentence that has any, a candidate of known matching
  gender beats one of unknown gender, a speaker of a quote beats a grammatical
  subject ("Morrow said Leclerc would announce ... She said": Morrow), a subject
  beats the rest; with neither, the speaker of a run of quotes (the last two
  quotes') goes on past a side mention ("... proposed by Leclerc. She said"
  after two of Morrow's quotes: Morrow) unless a sentence after it already took
  it up with a pronoun of the same gender ("For Lorraine MacNeil, ... Her husband
  ..."), then an entity that spoke earlier, then
  the first mention of the sentence;
* with nothing compatible in the window, the previous quote's speaker, if
  compatible, is the antecedent.

Pure functions over :class:`Antecedent` lists; the words (pronouns, titles,
descriptions, given names) are language data: ``speaker_pronouns``,
``title_gender`` and ``gender_words`` of ``unspun/lang/<code>/words.json``
and ``lexicons/first_names_female.txt`` / ``first_names_male.txt`` (for English, then the
US census's first names: :func:`census_given_names`).  "I", "we", "who" and the like are not
resolved here: they have no antecedent of this kind.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lang import get as get_language

__all__ = ["Antecedent", "Pronoun", "pronoun", "gender_of", "given_name_gender", "resolve", "WINDOW"]

WINDOW = 10  # sentences; the linker also looks back 1,500 characters at most
PERSON_TYPES = frozenset({"PERSON"})
THING_TYPES = frozenset({"ORG", "GPE"})
GROUP_TYPES = frozenset({"ORG", "NORP"})


def _words(lang: str) -> dict:
    return get_language(lang).words


@dataclass(frozen=True)
class Pronoun:
    word: str
    kind: str  # "person", "thing" or "group"
    gender: str | None = None


@dataclass(frozen=True)
class Antecedent:
    """A mention that a pronoun could refer to."""

    entity: str
    start: int
    sentence: int
    type: str
    gender: str | None = None
    subject: bool = False
    speaker: bool = False
    main: bool = False  # the subject of its sentence's main clause (not of a clause inside it)


def pronoun(word: str, lang: str = "en") -> Pronoun | None:
    """The pronoun ``word`` as something to resolve, or None (not a third-person pronoun)."""
    info = _words(lang).get("speaker_pronouns", {}).get(word.lower().strip(".,;:"))
    return Pronoun(word.lower(), info["kind"], info.get("gender")) if info else None


def gender_of(names: Iterable[str], titles: Iterable[str] = (), descriptions: Iterable[str] = (),
              lang: str = "en") -> str | None:
    """'m' or 'f' from the evidence the article gives about a person, else None.

    ``titles`` are the words written right before its mentions ("Mrs.", "Congressman"),
    ``descriptions`` the phrases describing it ("a spokeswoman for ..."), ``names`` its
    names as written.  A title decides; then descriptions; then the given name.
    Contradicting evidence of one kind gives None.
    """
    data = _words(lang)
    names = list(names)
    words = list(titles)
    for name in names:  # a title written inside the mention ("Mrs. Park")
        words.append(name.split()[0] if name.split() else "")
    found = {g for g in (title_gender(w, lang) for w in words) if g}
    if len(found) == 1:
        return found.pop()
    if found:
        return None
    desc = {w.lower().strip(".,;:'’") for d in descriptions for w in d.split()}
    found = {g for g, vocab in data.get("gender_words", {}).items() if desc & set(vocab)}
    if len(found) == 1:
        return found.pop()
    if found:
        return None
    return given_name_gender(names, lang, census=True)


def title_gender(word: str, lang: str = "en") -> str | None:
    """'m' or 'f' for a title that shows it ("Mr.", "Mrs", "Congresswoman"), else None."""
    return _words(lang).get("title_gender", {}).get(word.lower().rstrip("."))


def given_name_gender(names: Iterable[str], lang: str, census: bool = False) -> str | None:
    """The gender the given names of ``names`` (full names; a one-word name has none) are
    borne by: the language's own lexicons; with ``census`` (for a name already known to be
    a person's: the census lists words like "Nova" and "Forest" too), for English, then the
    US census table (:func:`census_given_names`); the name as written, then without its
    accents ("Josée"), then a compound's first element ("Paul-Émile"); None when none is
    known or they disagree."""
    from ..actors.names import person_words

    female, male, unisex = _given_names(get_language(lang))
    census = census_given_names() if census and lang == "en" else {}
    either = unisex if census else frozenset()
    found = set()
    for name in names:
        words = person_words(name)
        if len(words) < 2:
            continue
        first = words[0].lower()
        for form in dict.fromkeys((first, _unaccented(first), *_compound_head(first))):
            own = {g for g, known in (("f", female), ("m", male)) if form in known}
            if not own and form in either:
                break  # "Alex", "Jordan": no gender, whatever the census says
            if own or form in census:
                found |= own or {census[form]}
                break
    return found.pop() if len(found) == 1 else None


def is_given_name(word: str, lang: str) -> bool:
    """Whether ``word`` is a given name the language's lexicons know (of either sex or both),
    or, for English, the census table (:func:`census_given_names`), as written or unaccented,
    or a compound one whose first element is known ("Paul-Émile")."""
    language = get_language(lang)
    female, male, unisex = _given_names(language)
    census = census_given_names() if lang == "en" else {}
    low = word.lower()
    return any(form in female or form in male or form in unisex or form in census
               for form in (low, _unaccented(low), *_compound_head(low)))


def _compound_head(name: str) -> tuple[str, ...]:
    """A compound given name's first element, which gives it its sex ("paul-émile": "paul",
    "marie-soleil": "marie"), written and unaccented; nothing for a name with no hyphen."""
    head, dash, tail = name.partition("-")
    if not dash or not head.isalpha() or not tail.replace("-", "").isalpha() or len(tail) < 2:
        return ()
    return (head, _unaccented(head))


def _given_names(language) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return language.memo(("given names",), lambda: tuple(
        frozenset(language.lexicon(n)) for n in ("first_names_female", "first_names_male",
                                                 "given_names_unisex")))


def lexicon_given_names(language) -> frozenset[str]:
    """Every given name the language's own lexicons know (either sex or both), lower-case;
    not the census table, which lists words like "Grace" and "Hope" too."""
    return language.memo(("lexicon given names",), lambda: frozenset().union(*_given_names(language)))


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


CENSUS_DOMINANCE = 10  # a given name is one sex's when borne by it this many times as often


@lru_cache(maxsize=1)
def census_given_names() -> dict[str, str]:
    """Given name -> 'f' / 'm' from the US Census Bureau's 1990 first-name frequencies (public
    data, shipped by the ``names`` package: 4,275 women's and 1,219 men's names), for the
    names one sex bears at least ``CENSUS_DOMINANCE`` times as often as the other ("Tessa",
    not "Jordan"); empty when the package is absent."""
    try:
        import names as census_package
    except ImportError:
        return {}
    folder = Path(census_package.__file__).parent
    share: dict[str, dict[str, float]] = {}
    for sex, file in (("f", "dist.female.first"), ("m", "dist.male.first")):
        path = folder / file
        if not path.is_file():
            return {}
        for line in path.read_text(encoding="ascii", errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0].lower(), {})[sex] = float(parts[1])
    out = {}
    for name, by_sex in share.items():
        f, m = by_sex.get("f", 0.0), by_sex.get("m", 0.0)
        if f >= CENSUS_DOMINANCE * m:
            out[name] = "f"
        elif m >= CENSUS_DOMINANCE * f:
            out[name] = "m"
    return out


NONBINARY = "n"  # a person the article says uses "they" ("who uses they/them pronouns")


def compatible(p: Pronoun, cand: Antecedent) -> bool:
    if p.kind == "person":
        return cand.type in PERSON_TYPES and (cand.gender is None or p.gender is None
                                              or cand.gender == p.gender)
    if p.kind == "thing":
        return cand.type in THING_TYPES
    return cand.type in GROUP_TYPES or cand.type in PERSON_TYPES and cand.gender == NONBINARY


def resolve(p: Pronoun, pos: int, sentence: int, candidates: Sequence[Antecedent],
            speakers: Sequence[Antecedent] = (), window: int = WINDOW,
            taken_up: Collection[int] = (),
            taken_at: Collection[tuple[int, int]] = ()) -> Antecedent | None:
    """The antecedent of pronoun ``p`` at character ``pos`` in sentence number ``sentence``.

    ``taken_up``: the sentences between that hold a pronoun of ``p``'s gender outside
    quotes ("For Lorraine MacNeil, ... Her husband had ..."): a side mention before one of
    them is what the text went on about, and a run of quotes does not go past it.
    ``taken_at``: (sentence, position) of such pronouns, which take up a side mention
    of their own sentence written before them too ("Jayden's mother, Lisa Morrow, said
    her son ...").

    ``candidates`` are the mentions of the text (any order); ``speakers`` the
    speakers of earlier quotes, in text order.
    """
    by_sentence: dict[int, list[Antecedent]] = {}
    for c in [*candidates, *speakers]:
        if c.start < pos and sentence - window <= c.sentence <= sentence and compatible(p, c):
            by_sentence.setdefault(c.sentence, []).append(c)
    previous = [s for s in speakers if s.start < pos]
    spoke = {s.entity for s in previous}
    run = _run(p, previous, sentence - window)
    for n in range(sentence, sentence - window - 1, -1):
        found = sorted(by_sentence.get(n, []), key=lambda c: c.start)
        if not found:
            continue
        if p.gender:
            known = [c for c in found if c.gender == p.gender]
            found = known or found
        for kind in ("speaker", "subject"):  # the one who spoke, then a subject
            picked = [c for c in found if getattr(c, kind)]
            if kind == "subject":  # a main clause's subject over one inside a clause it holds
                picked = [c for c in picked if c.main] or picked
            if picked:
                return picked[-1]
        taken = any(n < k < sentence for k in taken_up) \
            or any(k == n and at > found[0].start for k, at in taken_at)
        if run is not None and not taken:
            # a run of one speaker's quotes goes on past a side mention
            return run
        earlier = [c for c in found if c.entity in spoke]
        return earlier[-1] if earlier else found[0]
    if previous and compatible(p, previous[-1]):
        return previous[-1]
    return None


def _run(p: Pronoun, previous: Sequence[Antecedent], since: int) -> Antecedent | None:
    """The speaker of the last two quotes when it is the same, within the window and
    compatible with ``p``: a run of that speaker's quotes, which a pronoun speaker
    continues unless a nearer sentence has a subject or a speaker of its own."""
    if len(previous) < 2 or previous[-1].entity != previous[-2].entity:
        return None
    last = previous[-1]
    if p.gender is not None and last.gender != p.gender:
        return None  # only one known to be of the pronoun's gender goes on past a nearer name
    return last if last.sentence >= since and compatible(p, last) else None
