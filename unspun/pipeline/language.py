"""Language detection, run before the English-only components.

The writing system decides first: a text whose letters are mostly in a
non-Latin script (Cyrillic, Arabic, Hebrew, Greek, Armenian, Georgian, CJK,
...) is never English, however short it is.  py3langid then picks the
language among those written in that script.  A mostly-Latin text is left to py3langid's confidence; a short one
where py3langid is unsure counts as non-English only when its own function
words (and letters such as Turkish dotless i or German sharp s) outnumber
English ones: "Macron rencontre Erdogan à Ankara" is French, "Trump said." and
"OK." stay English.  Measured by bench/language.py on tests/gold/language/.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 3000
NON_ENGLISH_CONFIDENCE = 0.8
LATIN = "LATIN"

# py3langid languages written in each script (the first is the fallback).
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "CYRILLIC": ("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg", "tt", "ba"),
    "ARABIC": ("ar", "ary", "arz", "fa", "ur", "ps", "ku", "sdh", "ug"),
    "HEBREW": ("he", "hbo"),
    "GREEK": ("el", "grc"),
    "ARMENIAN": ("hy",),
    "GEORGIAN": ("ka",),
    "CJK": ("zh", "wuu", "yue", "ja"),
    "HIRAGANA": ("ja",), "KATAKANA": ("ja",), "HANGUL": ("ko",),
    "DEVANAGARI": ("hi", "mr", "ne", "sa", "gom"), "BENGALI": ("bn", "as"),
    "GURMUKHI": ("pa",), "GUJARATI": ("gu",), "ORIYA": ("or",), "TAMIL": ("ta",),
    "TELUGU": ("te",), "KANNADA": ("kn",), "MALAYALAM": ("ml",), "SINHALA": ("si",),
    "THAI": ("th",), "LAO": ("lo",), "KHMER": ("km",), "MYANMAR": ("my",),
    "TIBETAN": ("dz",), "ETHIOPIC": ("am",),
}
# py3langid's regional or historical varieties, reported as their ISO 639-1 language.
_MACRO = {"ary": "ar", "arz": "ar", "sdh": "ku", "hbo": "he", "grc": "el", "wuu": "zh",
          "yue": "zh", "uzs": "uz"}
# Function words of the Latin-script languages unspun reads (lower case); a short
# text needs two more of them (or of its letters below) than of English ones.
FUNCTION_WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "en": "the a an of and to in on at for with from by is are was were has have said says "
          "will would that this it as be not but or after over",
    "fr": "le la les un une des du de et à au aux en dans pour sur avec par est sont a ont "
          "selon qui que ne pas se sa son ses cette été",
    "de": "der die das den dem des ein eine einen einem einer eines und zu zum zur im am vom beim "
          "in mit von für auf ist als auch "
          "sind hat wird nach bei wegen über nicht sich aus",
    "es": "el la los las un una unos del al de y en con por para que se es son ha según "
          "su sus tras sobre",
    "tr": "ve ile bir bu da de için gibi olarak sonra ise ama daha çok göre",
    "az": "və ilə bir bu da də üçün kimi olaraq sonra isə amma daha çox görə",
    "it": "il lo la gli le un una del della di e per con che non è sono ha",
    "pt": "o a os as um uma do da dos das de e em no na para com que não é são",
    "nl": "de het een en van in op met voor is zijn niet dat die",
}.items()}
LETTERS: dict[str, str] = {"de": "ßäö", "fr": "çèêàâœ", "es": "ñ¿¡áó", "tr": "ığş",
                           "az": "əğış", "pt": "ãõç"}
_WORD = re.compile(r"[^\W\d_]+")
# Letters that belong to no script in particular (ª, º, µ, modifier letters).
_NEUTRAL = {"MODIFIER", "FEMININE", "MASCULINE", "MICRO"}


@dataclass(frozen=True)
class Language:
    code: str         # ISO 639-1 where one exists; "und" when the text has no letters
    confidence: float  # py3langid's probability for ``code`` among the candidates
    script: str       # the main script of the letters ("LATIN", "CYRILLIC", ...; "" if none)
    by_words: bool = False  # a short Latin text: its function words decided, not py3langid

    @property
    def certain(self) -> bool:
        """Not English for sure (by script), py3langid is confident, or the words say so."""
        return (self.script not in (LATIN, "") or self.confidence >= NON_ENGLISH_CONFIDENCE
                or self.by_words)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if not name:
        return ""
    if "LATIN" in name or (name.startswith("MATHEMATICAL") and "GREEK" not in name):
        return LATIN
    first = name.split(" ", 1)[0]
    if first in _NEUTRAL:
        return ""
    if first == "KATAKANA-HIRAGANA":
        return "KATAKANA"
    return first


def script_counts(text: str) -> Counter[str]:
    """How many letters of ``text`` are in each script (Unicode name prefixes)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            script = _script_of(ch)
            if script:
                counts[script] += 1
    return counts


def main_script(counts: Counter[str]) -> str:
    """LATIN unless most letters are in other scripts; then the largest of those."""
    total = sum(counts.values())
    if not total:
        return ""
    if counts[LATIN] * 2 >= total:
        return LATIN
    others = Counter({k: v for k, v in counts.items() if k != LATIN})
    script = others.most_common(1)[0][0]
    if script == "CJK" and counts["HIRAGANA"] + counts["KATAKANA"]:
        return "HIRAGANA"  # Chinese characters with kana: Japanese
    return script


def identify(text: str) -> Language:
    """The language of the opening of ``text``, decided by script, then by py3langid."""
    sample = text[:SAMPLE_CHARS]
    script = main_script(script_counts(sample))
    if not script and not any(ch.isalpha() for ch in sample):
        return Language("und", 0.0, "")
    if script in ("", LATIN):
        return _latin(sample, script)
    candidates = SCRIPT_LANGUAGES.get(script, ())
    ranked = _identifier().rank(sample)
    if candidates:
        lang, prob = next(((lg, p) for lg, p in ranked if lg in candidates), (candidates[0], 0.0))
    else:  # a script no language model knows: the best non-English guess, else undetermined
        lang, prob = next(((lg, p) for lg, p in ranked if lg != "en"), ("und", 0.0))
    return Language(_MACRO.get(lang, lang), float(prob), script)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability for the opening of ``text``."""
    found = identify(text)
    return found.code, found.confidence


def evidence(text: str, lang: str) -> int:
    """Function words of ``lang`` in ``text``, plus one if it has a letter typical of it."""
    words = FUNCTION_WORDS.get(lang, frozenset())
    lowered = text.lower()
    hits = sum(1 for w in _WORD.findall(lowered) if w in words)
    return hits + any(ch in lowered for ch in LETTERS.get(lang, ""))


def _latin(sample: str, script: str) -> Language:
    ranked = _identifier().rank(sample)
    lang, prob = ranked[0]
    lang = _MACRO.get(lang, lang)
    if lang in ("tr", "crh", "tk") and ("ə" in sample or "Ə" in sample):
        lang = "az"  # the schwa letter is Azerbaijani's own
    if lang == "en" or prob >= NON_ENGLISH_CONFIDENCE:
        return Language(lang, float(prob), script)
    english = evidence(sample, "en")
    for cand, cprob in ranked[:5]:
        cand = "az" if lang == "az" and cand in ("tr", "crh") else _MACRO.get(cand, cand)
        if cand == "en":
            break
        if cand in FUNCTION_WORDS and evidence(sample, cand) >= max(2, english + 2):
            return Language(cand, float(cprob), script, by_words=True)
    return Language(lang, float(prob), script)


def decide(text: str) -> Language:
    """The language a record gets: ``identify``'s when certain, else English."""
    found = identify(text)
    if found.code == "en" or found.certain:
        return found
    return Language("en", found.confidence, found.script)
