"""Organisations' short names: what the article itself says an acronym stands for.

"Environment and Climate Change Canada (ECCC) has issued ...": the capitalised words before
the bracket whose initials spell it are one organisation's name, whatever the tagger made of
them (it may miss the name, cut it at "and" or call "Canada" a place), and every later "ECCC"
is that organisation too (the tagger may call it a place). Where no bracket defines it, a word
in capitals that spells the initials of the one organisation the article names so is that
organisation ("the OSC" after "the Ontario Securities Commission"), when the tagger missed it;
failing a tagged one, one run of capitalised words the tagger left untagged whose initials
spell it ("The Special Investigations Unit said ... the SIU").
The joining words a name may hold ("of", "and", "for" ...) are the language's
``name_connectives`` (``words.json``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|&|,")
_CAPITALS = re.compile(r"\b[A-Z]{3,6}\b")
LONGEST = 12  # words of a name the initials are looked for in
LONGEST_NAME = 300  # characters of a tagged mention, at most, for the overlap search


def defined_by_bracket(text: str, start: int, connectives: frozenset[str]) -> tuple[int, int] | None:
    """The span of the capitalised words right before the bracket at ``start`` whose initials
    spell the bracketed short name (its capitals; "Kahwu": its letters), or None."""
    found = _BRACKETED.match(text, start)
    if found is None:
        return None
    short = found.group(1)
    letters = short if short.isupper() else short.upper()
    words = list(_WORD.finditer(text, max(0, start - 160), start))[-LONGEST:]
    spelled = ""
    for k in range(len(words) - 1, -1, -1):
        word = words[k].group()
        if word[0].isupper():
            spelled = word[0] + spelled
            if spelled == letters:
                if text[words[k].end():words[-1].end()].count("\n") or _gap(text, words[-1].end(), start):
                    return None
                return words[k].start(), words[-1].end()
            if not letters.endswith(spelled):
                return None
        elif word.lower() not in connectives and word not in (",", "&") and len(word) > 3:
            return None  # a short word joins a name's words too ("Alliance to Reclaim Our Parks")
    return None


def _gap(text: str, end: int, bracket: int) -> bool:
    return bool(text[end:bracket].strip())


def short_names(text: str, names: list[tuple[int, int, str]], connectives: frozenset[str]
                ) -> tuple[list[tuple[int, int]], dict[str, tuple[int, int]]]:
    """Organisations' full names the article defines with a bracketed acronym (their spans),
    and each acronym -> its full name's span: the defined ones, and a word in capitals that
    spells the initials of exactly one organisation's name in ``names`` ((start, end, label)
    of the tagged mentions; two or more of them joined by "and", "of" ... count as one name,
    then given as a defined one), of three or more capitalised words."""
    full: list[tuple[int, int]] = []
    short: dict[str, tuple[int, int]] = {}
    for found in _BRACKETED.finditer(text):
        named = defined_by_bracket(text, found.start(), connectives)
        if named is not None and found.group(1) not in short:
            full.append(named)
            short[found.group(1)] = named
    spelled: dict[str, set[str]] = {}
    first: dict[str, tuple[int, int]] = {}
    runs = _joined_runs(text, sorted((s, e) for s, e, label in names if label == "ORG"), connectives)
    for s, e in runs:
        initials = "".join(w[0] for w in re.findall(r"[\w'’-]+", text[s:e]) if w[0].isupper())
        if len(initials) >= 3:
            spelled.setdefault(initials, set()).add(" ".join(text[s:e].split()))
            first.setdefault(initials, (s, e))
    words = set(_CAPITALS.findall(text)) - set(short)
    missed = _untagged_runs(text, words - set(spelled), [(s, e) for s, e, _ in names], connectives)
    for word in words:
        if len(spelled.get(word, ())) == 1:
            short[word] = first[word]
            if runs[first[word]]:  # a name the tagger cut in two: one mention now
                full.append(first[word])
        elif word not in spelled and len(missed.get(word, ())) == 1:
            (named,) = missed[word]  # "The Special Investigations Unit said", untagged, and "the SIU"
            short[word] = named
            full.append(named)
    return full, short


# (from a word's start only, each word read once: linear on any text)
_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*+(?:(?:\s++(?:[a-z]{1,3}\s++)?|\s*+&\s*+)[A-Z][\w'’-]*+){2,11}")


def _untagged_runs(text: str, words: set[str], tagged: list[tuple[int, int]],
                   connectives: frozenset[str]) -> dict[str, set[tuple[int, int]]]:
    """Each of ``words`` (capitals) -> the spans of runs of capitalised words no mention
    touches whose last words' initials spell it ("The Special Investigations Unit": SIU),
    joined by spaces, "&" or a short connective ("of", "and"), from one pass over the text."""
    out: dict[str, set[tuple[int, int]]] = {}
    if not words:
        return out
    spans = sorted(tagged)
    starts = [s for s, _ in spans]
    for run in _RUN.finditer(text):
        parts = list(re.finditer(r"[\w'’-]+|&", run.group()))
        if any(p.group().islower() and p.group() not in connectives for p in parts):
            continue
        capitals = [p for p in parts if p.group()[0].isupper()]
        initials = "".join(p.group()[0] for p in capitals)
        for k in range(len(capitals) - 2):  # the name may follow an opening "The"
            if initials[k:] in words:
                s, e = run.start() + capitals[k].start(), run.end()
                i = bisect_left(starts, e)
                if not any(a < e and s < b for a, b in spans[max(0, i - 4):i]):
                    out.setdefault(initials[k:], set()).add((s, e))
                break
    return out


def _joined_runs(text: str, orgs: list[tuple[int, int]], connectives: frozenset[str]
                 ) -> dict[tuple[int, int], bool]:
    """Each organisation mention's span, and the spans of mentions joined by a name's joining
    word ("Canadian Radio-television" and "Telecommunications Commission", the tagger
    cutting the name at its "and"), each -> whether it joins several."""
    out = {span: False for span in orgs}
    k = 0
    while k < len(orgs):
        s, e = orgs[k]
        j = k
        while j + 1 < len(orgs) and _joins(text[orgs[j][1]:orgs[j + 1][0]], connectives):
            j += 1
            out[(s, orgs[j][1])] = True
        k = j + 1
    return out


def _joins(gap: str, connectives: frozenset[str]) -> bool:
    word = gap.strip()
    return gap[:1].isspace() and gap[-1:].isspace() and (word == "&" or word in connectives)


_TOKEN = re.compile(r"(?<![\w-])[A-Za-z&]+(?![\w-])")


def whole_words(text: str, words: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of ``words`` in one pass over the text (linear however many
    acronyms an article defines): (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text) if m.group() in words]


def apply(mentions: list[Any], text: str, lang: Any, make: Any) -> list[Any]:
    """``mentions`` with each defined full name one organisation's mention (replacing the
    tagger's pieces inside it) and each acronym's occurrences organisation mentions (replacing
    the tagger's reading of them, and named as its full name: ``make(start, end, label,
    full name or None)`` makes a mention). A span a
    longer mention holds or crosses ("ECCC meteorologist Shannon Tkachuk" tagged a person) is
    left as the tagger read it, and so is a name holding a person's role ("Member of
    Provincial Parliament (MPP)")."""
    connectives = lang.word_set("name_connectives")
    roles = lang.word_set("role_words") | lang.word_set("honorifics")
    defined, short = short_names(text, [(m.start, m.end, m.label) for m in mentions], connectives)
    roled = lambda sp: any(w.lower() in roles for w in re.findall(r"\w+", text[sp[0]:sp[1]]))  # noqa: E731
    full = {sp for sp in defined if not roled(sp)}
    spans: list[tuple[int, int, str | None]] = [(s, e, None) for s, e in full]
    defined_set = set(defined)
    kept = {word: named for word, named in short.items()
            if named in full or named not in defined_set and not roled(named)}
    spans += [(s, e, text[kept[w][0]:kept[w][1]]) for s, e, w in whole_words(text, kept)]
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    dropped: set[int] = set()
    added = []
    for s, e, full_name in sorted(set(spans), key=lambda x: x[:2]):
        near = [k for k in range(bisect_left(starts, s - LONGEST_NAME), bisect_left(starts, e))
                if k not in dropped and ordered[k].start < e and s < ordered[k].end]
        inside = [k for k in near if s <= ordered[k].start and ordered[k].end <= e]
        if len(inside) < len(near):
            continue  # held or crossed by a longer mention
        if full_name is None and len(inside) == 1 and (ordered[inside[0]].start, ordered[inside[0]].end) == (s, e) \
                and ordered[inside[0]].label == "ORG":
            continue  # the tagger's own reading of a defined name
        dropped.update(inside)
        added.append(make(s, e, "ORG", full_name))
    return sorted([m for k, m in enumerate(ordered) if k not in dropped] + added, key=lambda m: m.start)
