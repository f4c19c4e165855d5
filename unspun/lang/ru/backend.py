"""Russian's NLP backend: natasha (razdel tokens and sentences, slovnet NER; models bundled)
through :class:`unspun.langsupport.natasha_doc.NatashaPipeline`, which gives spaCy ``Doc``
objects with the text's own offsets and ``doc.ents`` (PER, ORG, LOC).  Without natasha
(``pip install 'unspun[languages]'``) a blank tokenizer with a sentencizer, and the record
says that entities came from the gazetteer only."""
from __future__ import annotations

from typing import Any


def load() -> Any:
    try:
        import natasha  # noqa: F401
    except ImportError:
        from .. import blank_nlp

        nlp = blank_nlp("ru")
        nlp.meta["unspun_missing"] = "natasha"
        return nlp
    from ...langsupport.natasha_doc import NatashaPipeline

    return NatashaPipeline()
