"""Name_Calling-Labeling: label nouns, delegitimizing modifiers, epithets before names.

Three patterns, each with its own evidence: a noun from the label lexicon
("regime", "thugs", "puppet"); a delegitimizing modifier before a noun for a
group or body ("illegal armed formations", "self-proclaimed republic"); and an
insulting epithet right before a person's name.  Where the spaCy parse is
available the evidence names the syntactic target of the label ("applied to
the subject 'X'").  Nothing here depends on which group or person is named.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from .base import Hit, Source, _entry_pattern, find_lexicon, words_regex

# the language's words (``labels`` in its techniques.json): nouns after which a label word is
# an adjective in neutral use ("terrorist attack"); words before "regime" that make it a system
# of rules ("sanctions regime"); insulting epithets before a name ("Crooked X")
_NEUTRAL_AFTER = r"\s+(?:{})\b"
_POLICY_BEFORE = r"(?:{})\s+$"
_EPITHET = r"(?<![\w-])(?:{})\s+([A-Z][\w'’-]+)"


def _modifier_regex(lang: Any) -> re.Pattern[str]:
    def make() -> re.Pattern[str]:
        mods = "|".join(_entry_pattern(e) for e in lang.lexicon("delegitimizing")) or "(?!)"
        nouns = "|".join(_entry_pattern(e) for e in lang.lexicon("group_nouns")) or "(?!)"
        return re.compile(rf"(?<![\w-])(?:{mods})(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:{nouns})(?![\w-])",
                          re.IGNORECASE)

    return lang.memo(("delegitimizing",), make)


def _target(doc: Any, start: int, end: int) -> str | None:
    """Who a label is applied to, from the parse: the subject of 'X is a <label>'."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ in ("attr", "appos", "oprd") and root.head is not None:
        head = root.head
        if root.dep_ == "appos":
            return head.text
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            sub = list(subj[0].subtree)
            return doc[sub[0].i:sub[-1].i + 1].text
    return None


def _policy_before(policy: re.Pattern[str], text: str, pos: int) -> bool:
    """``policy.search(text, 0, pos)``, reading only the word before the whitespace
    that ends at ``pos`` (the pattern is a word of at most 12 letters, then that whitespace)."""
    ws = pos
    while ws > 0 and text[ws - 1].isspace():
        ws -= 1
    return ws < pos and policy.search(text, max(0, ws - 20), pos) is not None


def label_nouns(src: Source) -> Iterable[Hit]:
    """A noun from the label lexicon used for a person or group."""
    neutral = words_regex(src, "labels", "neutral_after", _NEUTRAL_AFTER)
    policy = words_regex(src, "labels", "policy_before", _POLICY_BEFORE)
    for m in find_lexicon("labels", src.text, src.lang):
        if neutral.match(src.text, m.end()) or _policy_before(policy, src.text, m.start()) \
                or (src.entities and src.in_name(m.start(), m.end())):
            continue
        target = _target(src.doc, m.start(), m.end())
        reason = f"label '{m.group(0)}' for a person or group"
        if target:
            reason = f"label '{m.group(0)}' applied to '{target}'"
        yield Hit("Name_Calling-Labeling", m.start(), m.end(), reason, 0.6)


def delegitimizing_modifiers(src: Source) -> Iterable[Hit]:
    """A delegitimizing modifier before a noun for a group or body."""
    for m in _modifier_regex(src.lang).finditer(src.text):
        yield Hit("Name_Calling-Labeling", m.start(), m.end(),
                  f"'{m.group(0).split()[0]}' denies legitimacy to '{m.group(0)}'", 0.65)


def epithets(src: Source) -> Iterable[Hit]:
    """An insulting epithet right before a person's name ("Crooked X")."""
    people = sorted((s, e) for s, e, _ in src.entity_spans({"PERSON"}))
    end_at: dict[int, int] = {}  # mention start -> its furthest end
    reach, top = [], -1  # furthest end among the mentions so far (by start)
    for s, e in people:
        end_at[s] = max(end_at.get(s, -1), e)
        top = max(top, e)
        reach.append(top)
    starts = [s for s, _ in people]
    epithet = src.lang.memo(("epithets",), lambda: re.compile(_EPITHET.replace("{}", "|".join(
        re.escape(e) for e in src.lang.technique_words("labels", "epithets")) or "(?!)"),
        re.IGNORECASE))
    for m in epithet.finditer(src.text):
        # the furthest end of a mention starting at the name or holding the epithet
        k = bisect_right(starts, m.start())
        around = reach[k - 1] if k and reach[k - 1] > m.start() else -1
        found = max(end_at.get(m.start(1), -1), around)
        if found >= 0 or (not src.entities and m.group(1)[0].isupper()):
            end = found if found >= 0 else m.end()
            yield Hit("Name_Calling-Labeling", m.start(), end, "insulting epithet before a name",
                      0.7)


DETECTORS = (label_nouns, delegitimizing_modifiers, epithets)
