"""Language detection, run before the English-only components.

The writing system decides first: a text whose letters are mostly in a
non-Latin script (Cyrillic, Arabic, Hebrew, Greek, Armenian, Georgian, CJK,
...) is never English, however short it is.  py3langid then picks the
language among those written in that script.  Only a mostly-Latin text is left
to py3langid's confidence (a short, uncertain Latin text is analysed as English).
"""
from __future__ import annotations

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
# Letters that belong to no script in particular (ª, º, µ, modifier letters).
_NEUTRAL = {"MODIFIER", "FEMININE", "MASCULINE", "MICRO"}


@dataclass(frozen=True)
class Language:
    code: str         # ISO 639-1 where one exists; "und" when the text has no letters
    confidence: float  # py3langid's probability for ``code`` among the candidates
    script: str       # the main script of the letters ("LATIN", "CYRILLIC", ...; "" if none)

    @property
    def certain(self) -> bool:
        """Not English for sure (by script), or py3langid is confident."""
        return self.script not in (LATIN, "") or self.confidence >= NON_ENGLISH_CONFIDENCE


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
        lang, prob = _identifier().classify(sample)
        return Language(_MACRO.get(lang, lang), float(prob), script)
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
