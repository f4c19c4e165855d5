"""Name variants of one actor: the key they share and the name to show.

An article writes a person as "DONALD TRUMP", "Donald J. Trump", "Mr.
Trump", "Trump's" or "President Trump"; all of them carry the same words
once titles, possessives, middle initials and case are set aside.  A
person's key is the first and last of those words ("donald trump"), or the
one word when the article gave only one ("trump"); an organisation's key is
its normalised name ("the White House" -> "white house").  The display
name is the commonest properly cased form of the key's words ("Donald
Trump", never "DONALD TRUMP").

The language data also says which given names are short forms of which
(``lexicons/given_name_forms.txt``: "joe" of "joseph"), and a full name's
middle initials and suffixes (:func:`person_marks`), which linking reads
to decide whether "Joe Biden" and "Joseph Biden" are one person.

Pure functions over strings; the title words come from the language data
(``unspun/lang/en/lexicons/person_titles.txt``): actor names are matched the
English way whatever the article's language.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..lang import get as get_language

__all__ = ["person_words", "person_key", "person_marks", "given_name_forms", "same_given_name",
           "org_key", "actor_key", "display_name"]

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_STATE_PREFIX = re.compile(r"^(?:republic|kingdom|state|commonwealth|federation)\s+of\s+")
PERSON, ORG = "PERSON", "ORG"


@lru_cache(maxsize=None)
def lexicon(name: str, lang: str = "en") -> frozenset[str]:
    """Entries of the language's ``lexicons/NAME.txt``, lower case."""
    return frozenset(w.lower() for w in get_language(lang).lexicon(name))


def _name_parts(name: str, titles: frozenset[str] | None = None) -> tuple[list[str], list[str]]:
    """The words of a person's name without titles, possessives and punctuation, and the
    generational suffixes set aside ("Sen. Joseph R. Biden Jr.'s" -> (["Joseph", "R.",
    "Biden"], ["jr"]))."""
    titles = lexicon("person_titles") if titles is None else titles
    words = []
    for raw in name.split():
        word = _EDGE.sub("", _POSSESSIVE.sub("", _EDGE.sub("", raw)))
        if word:
            words.append(word)
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    suffixes = []
    while len(words) > 1 and words[-1].lower().rstrip(".") in _SUFFIXES:
        suffixes.insert(0, words[-1].lower().rstrip("."))
        words = words[:-1]
    return words, suffixes


def person_words(name: str, titles: frozenset[str] | None = None) -> list[str]:
    """The words of a person's name as written, without titles, possessives, middle
    initials, generational suffixes or punctuation ("Sen. Bernard J. Sanders's" ->
    ["Bernard", "Sanders"])."""
    words = _name_parts(name, titles)[0]
    while len(words) > 1 and _particle(words[0], name):
        words = words[1:]  # "de Blasio": the surname the full name "Bill de Blasio" ends with
    if len(words) > 2:  # middle names and initials ("Donald J. Trump", "Hillary Rodham Clinton")
        words = [words[0], words[-1]]
    if len(words) == 2 and len(words[0].rstrip(".")) == 1:
        words = words[1:]  # "J. Trump": an initial is no first name
    return words


def _particle(word: str, name: str) -> bool:
    """Whether ``word`` of ``name`` is a surname particle ("de", "van", "bin"): one of the
    language's, written in lower case (or in a name written all in capitals)."""
    return word.lower() in lexicon("name_particles") and (word.islower() or _shouting(name))


def _shown_words(name: str) -> list[str]:
    """The words of a person's name to show: :func:`person_words`, with the particles
    written before the surname kept ("Bill de Blasio", not "Bill Blasio")."""
    words = person_words(name)
    if len(words) != 2:
        return words
    written = _name_parts(name)[0]
    k = len(written) - 1
    while k > 1 and _particle(written[k - 1], name):
        k -= 1
    return [words[0], *written[k:-1], words[1]]


def person_marks(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a full name writes besides its key: the initials of its middle names and its
    generational suffixes ("Joseph R. Biden Jr." -> ({"r"}, {"jr"})); empty for a name of
    one or two words."""
    words, suffixes = _name_parts(name)
    middles = words[1:-1] if len(words) > 2 and len(words[0].rstrip(".")) > 1 else []
    return (frozenset(w[0].lower() for w in middles if w[0].isalpha()), frozenset(suffixes))


@lru_cache(maxsize=None)
def given_name_forms(lang: str = "en") -> dict[str, frozenset[str]]:
    """Short form of a given name -> the full given names it may stand for ("joe" ->
    {"joseph"}, "pat" -> {"patricia", "patrick"}), from the language's
    ``lexicons/given_name_forms.txt`` (``full: short short``)."""
    fulls: dict[str, set[str]] = {}
    for line in get_language(lang).lexicon("given_name_forms"):
        full, _, shorts = line.partition(":")
        for short in shorts.lower().split():
            fulls.setdefault(short, set()).add(full.strip().lower())
    return {short: frozenset(f) for short, f in fulls.items()}


def same_given_name(a: str, b: str) -> bool:
    """Whether the given names ``a`` and ``b`` (lower case) may be one: the same, or one a
    short form of the other ("joe", "joseph"); two short forms of one name are not."""
    forms = given_name_forms()
    return a == b or a in forms.get(b, ()) or b in forms.get(a, ())


def person_key(name: str) -> str:
    """``"first last"`` (or ``"last"``) in lower case: what every variant of the name shares."""
    return " ".join(w.lower() for w in person_words(name))


def org_key(name: str) -> str:
    key = " ".join(name.lower().replace("’", "'").split())
    key = re.sub(r"['’]s?$", "", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return _STATE_PREFIX.sub("", key)


def actor_key(entity_type: str, name: str) -> str | None:
    """``person:donald trump`` / ``org:white house``; None for other types and empty names."""
    if entity_type == PERSON:
        key = person_key(name)
        return f"person:{key}" if key and any(c.isalpha() for c in key) else None
    if entity_type == ORG:
        key = org_key(name)
        return f"org:{key}" if key and any(c.isalpha() for c in key) else None
    return None


def display_name(forms: Iterable[str], entity_type: str = PERSON) -> str:
    """The name to show for the variants ``forms`` (with repeats: the commonest wins).

    A person is shown as the first and last words of the name; a form in capitals
    only ("DONALD TRUMP") is used when no other exists, then in title case; a form in
    lower case only when no cased one exists.
    """
    counts = Counter(f for f in forms if f and f.strip())
    if not counts:
        return ""
    if entity_type == PERSON:
        shown: Counter[str] = Counter()
        for form, n in counts.items():
            words = _shown_words(form)
            if words:
                shown[" ".join(words)] += n
        counts = shown or counts
    longest = max(len(f.split()) for f in counts)

    def shouting(form: str) -> bool:  # an organisation's one-word acronym is no shouting
        return _shouting(form) and (entity_type == PERSON or len(form.split()) > 1)

    def rank(form: str) -> tuple:
        full = entity_type != PERSON or len(form.split()) == longest
        cased = any(c.isupper() for c in form)  # "joe varga" only when no cased form exists
        return (full, not shouting(form), cased, counts[form], -len(form), form)

    best = max(counts, key=rank)
    return _title(best) if shouting(best) else best


def _shouting(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _title(form: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in form.split())
