"""How the article describes a person: title phrases and appositions.

"Republican nominee Donald Trump" (a title before the name), "Saken Mukan,
a professor at IITU," (an apposition after it), "IITU's Professor of ...,
Saken Mukan told" (a description set off by a comma before it) and "Kim Tran,
accused of fraud, said" (a past participle set off by commas after it).  A
participle the parser tags a verb may modify the noun ("Convicted fraudster").
"""
from __future__ import annotations

from typing import Any

from ..lang import get as get_language
from ..lang import inflections
from ..lang import lemma as token_lemma
from ..record import span



class Words:
    """A language's ``role_words`` and ``name_suffixes`` (``words.json``)."""

    def __init__(self, lang: Any):
        self.roles = lang.word_set("role_words")
        self.suffixes = lang.word_set("name_suffixes")


_BAD_ENTS = {"TIME", "DATE", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_NO_LEFT = {"ADP", "SCONJ", "CCONJ", "ADV", "PRON", "VERB", "AUX", "PART", "INTJ", "NUM"}


def _clean(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """Token range trimmed of punctuation and leading determiners; None if empty."""
    while start < end and (doc[start].is_punct or doc[start].pos_ in ("DET", "CCONJ")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _has_role(tokens: Any, roles: frozenset[str]) -> bool:
    if not len(tokens):
        return False
    forms = inflections(tokens[0].doc, roles)  # forms that may have a role word as lemma
    return any(t.lower_ in roles or (forms is None or t.lower_ in forms)
               and token_lemma(t).lower() in roles for t in tokens)


def _no_verbs(tokens: Any) -> bool:
    """No verb but participles that modify a noun ("Accused killer", "The accused woman",
    "Convicted fraudster"), which the parser tags as verbs."""
    return not any(t.pos_ in ("VERB", "AUX") and not _modifier(t) for t in tokens)


def _modifier(tok: Any) -> bool:
    """A participle modifying a noun: an adjective in all but the parser's tag."""
    return tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound", "nmod")


def _plausible(tokens: Any, words: Words) -> bool:
    """A description names a role: a role word, or ends in a common noun; no times or numbers."""
    if not len(tokens) or any(t.ent_type_ in _BAD_ENTS or t.like_num for t in tokens):
        return False
    if len(tokens) == 1 and tokens[0].lower_ in words.suffixes:
        return False
    if _has_role(tokens, words.roles):
        return True
    return len(tokens) > 1 and tokens[-1].pos_ == "NOUN" and tokens[-1].is_lower


def _title_before(doc: Any, ent: Any, words: Words) -> tuple[int, int] | None:
    left = ent.root.left_edge.i
    for i in range(ent.start - 1, left - 1, -1):  # a dash or bracket ends the title phrase
        if doc[i].text in {"—", "–", "-", "--", "(", ")", ":", ";"}:
            left = i + 1
            break
    if left >= ent.start or ent.start - left > 12:
        return None
    rng = _clean(doc, left, ent.start)
    if not rng:
        return None
    seg = doc[rng[0]:rng[1]]
    if _no_verbs(seg) and _plausible(seg, words) and not any(t.ent_type_ == "PERSON" for t in seg):
        return rng
    return None


def _appos_after(doc: Any, ent: Any, words: Words) -> tuple[int, int] | None:
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            # the subtree's edges, without walking it (a giant sentence's subtree is huge)
            rng = _clean(doc, child.left_edge.i, child.right_edge.i + 1)
            if rng and rng[1] - rng[0] <= 25 \
                    and (_plausible(doc[rng[0]:rng[1]], words) or _common_head(child)) \
                    and not any(t.ent_type_ == "PERSON" for t in doc[rng[0]:rng[1]]):
                return rng
    return None


def _common_head(tok: Any) -> bool:
    """An apposition whose head is a lower-case common noun describes the person whatever
    follows it ("Ruth Okafor, a dietitian in Calgary,": the noun need not be a listed role)."""
    return tok.pos_ == "NOUN" and tok.is_lower and tok.ent_type_ not in _BAD_ENTS \
        and not tok.like_num


def _participle_after(doc: Any, ent: Any, words: Words) -> tuple[int, int] | None:
    """'NAME, accused of ..., said': a past participle set off by commas right after the
    name describes the person ("the accused" may name them later)."""
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    for child in ent.root.children:
        if child.dep_ == "acl" and child.i == ent.end + 1 and child.tag_ == "VBN":
            rng = _clean(doc, child.i, child.right_edge.i + 1)
            if rng and rng[1] - rng[0] <= 25 and _plausible_participle(doc[rng[0]:rng[1]]):
                return rng
    return None


def _plausible_participle(tokens: Any) -> bool:
    return not any(t.ent_type_ == "PERSON" or t.is_space for t in tokens) \
        and not any(t.text in {";", ":"} for t in tokens[1:])


def _comma_before(doc: Any, ent: Any, words: Words) -> tuple[int, int] | None:
    """'<description>, NAME said': the segment between the previous boundary and the comma."""
    comma = ent.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    i = comma - 1  # walk back at most 25 tokens, never past the sentence's start
    while i >= 0 and doc[i].text not in {",", ";", ":", "(", "—", "–", "\n\n"} \
            and not doc[i].is_space and comma - i <= 25:
        i -= 1
        if doc[i + 1].is_sent_start:
            break
    start = i + 1
    rng = _clean(doc, start, comma)
    if not rng:
        return None
    seg = doc[rng[0]:rng[1]]
    if (seg[0].pos_ in _NO_LEFT and not _modifier(seg[0])) or not _no_verbs(seg) or not _has_role(seg, words.roles):
        return None
    if any(t.ent_type_ == "PERSON" for t in seg):
        return None
    return rng


def person_descriptions(doc: Any, text: str, members: list[Any], after: int = 0,
                        lang: Any = None) -> list[dict[str, Any]]:
    """Description spans for a PERSON entity's mentions (deduplicated, in text order).

    Descriptions never start before ``after`` (the end of the dateline); role words and
    name suffixes are ``lang``'s (English by default).
    """
    lang = lang if lang is not None else get_language("en")
    words = lang.memo(("description words",), lambda: Words(lang))
    found: set[tuple[int, int]] = set()
    for m in members:
        ent = doc.char_span(m.start, m.end, alignment_mode="expand")
        if ent is None or len(ent) == 0:
            continue
        for finder in (_title_before, _appos_after, _comma_before, _participle_after):
            rng = finder(doc, ent, words)
            if rng:
                s, e = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])
                if s >= after:
                    found.add((s, e))
    return [span(text, s, e) for s, e in sorted(found)]
