"""Language detection (py3langid), run before the English-only components."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability for the opening of ``text``."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)
