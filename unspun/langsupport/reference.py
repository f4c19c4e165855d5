"""Who a pronoun or role noun stands for: the gender and roles of the people an article names.

A language that marks gender around a name gives, in its ``attribution.json`` under
``gender``: titles (``M.`` -> m, ``Mme`` -> f), determiners (``le`` -> m, ``la`` -> f), the
endings of feminine and masculine role nouns and adjectives (``-rice``, ``-euse``, ``-ée``;
``-eur``), and the endings of feminine first names, the weakest evidence, used only when
nothing else speaks.  A person's gender is read from each mention's surroundings:

    M. Gagnon, Mme Thibodeau                      title before the name
    la députée écologiste Laure Tessier           the determiner opening the noun phrase
    La directrice du CHU de Rennes, Nathalie      ... before an apposition
    L'actrice Juliette Marceau                    the ending of the role noun after l'
    Karolina Nowak, chercheuse à ...              the role noun in apposition after it

In a language whose past-tense verb agrees with its subject (Russian: ``verb_endings``,
``заявила`` -> f, ``заявил`` -> m), the verb beside a mention is the strongest evidence:

    Эдит Новак заявила, что ...                   the verb after the name
    — сказала лидер профсоюза Софи Маршан         the verb before its phrase (a name in
                                                  the nominative: not "Ольгу", "Андрея")
    Аналитик также отметила ...                   the verb beside a role noun

and the role nouns found there ("ministre") are kept, so that "le ministre" prefers a person
introduced as a minister.  A pronoun ("elle") or role noun ("la ministre") then stands for
the last person named before it whose gender does not contradict its own.

Each mention reads at most a few words on either side: linear in the text.
"""
from __future__ import annotations

import re
from typing import Any

_WORD = re.compile(r"\b[^\W\d_a-z]{1,2}\.|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[,;:.!?«»()\n—–]")
WINDOW = 8


class Genders:
    """The gender ("m", "f" or "") and role nouns of each entity cluster of one text."""

    def __init__(self, text: str, ents: list, data: dict[str, Any], nouns: set[str],
                 role: Any = None):
        self.text, self.data, self.nouns = text, data, nouns
        self.role = role or (lambda w: w if w in nouns else None)   # the role noun a word is
        self.titles = {k.lower(): v for k, v in data.get("titles", {}).items()}
        self.dets = {k.lower(): v for k, v in data.get("determiners", {}).items()}
        self.fem = tuple(data.get("feminine_endings", ()))
        self.masc = tuple(data.get("masculine_endings", ()))
        self.first_f = tuple(data.get("feminine_first_names", ()))
        self.first_not_f = tuple(data.get("not_feminine_first_names", ()))
        verbs = data.get("verb_endings", {})
        self.verbs = sorted(((e, x) for x, ends in verbs.items() for e in ends), key=lambda p: -len(p[0]))
        self.not_nominative = data.get("not_nominative", {})
        votes: dict[int, dict[str, int]] = {}
        weak: dict[int, str] = {}
        self.roles: dict[int, set[str]] = {}
        for e in ents:
            if e.label != "PER" or e.cluster < 0:
                continue
            sex, roles = self._around(e.start, e.end)
            self.roles.setdefault(e.cluster, set()).update(roles)
            if sex:
                votes.setdefault(e.cluster, {}).setdefault(sex, 0)
                votes[e.cluster][sex] += 1
            first = text[e.start:e.end].split()
            if len(first) > 1 and not weak.get(e.cluster):
                weak[e.cluster] = self._first_name(first[0])
        self.sex: dict[int, str] = {}
        for c in set(votes) | set(weak):
            v = votes.get(c, {})
            if len(v) == 1:
                self.sex[c] = next(iter(v))
            elif not v:
                self.sex[c] = weak.get(c, "")

    def _first_name(self, word: str) -> str:
        w = word.lower()
        return "f" if w.endswith(self.first_f) and not w.endswith(self.first_not_f) else ""

    def word_sex(self, word: str) -> str:
        """The gender a role noun or adjective shows by its ending ('directrice' -> f)."""
        w = word.lower()
        if len(w) > 4 and w.endswith(self.fem):
            return "f"
        if len(w) > 4 and w.endswith(self.masc):
            return "m"
        return ""

    def verb_sex(self, word: str) -> str:
        """The gender a past-tense verb shows by its ending ('заявила' -> f); '' for none."""
        w = word.lower()
        return next((x for e, x in self.verbs if len(w) > len(e) + 2 and w.endswith(e)), "")

    def _phrase_verb(self, words: list[str]) -> str:
        """The gender of the first verb among ``words`` (lower-case words up to punctuation
        or 'и')."""
        for w in words:
            if not w[:1].isalpha() or w == "и":
                return ""
            if w[:1].islower():
                sex = self.verb_sex(w)
                if sex:
                    return sex
        return ""

    def _verb_around(self, start: int, end: int, nominal: bool) -> str:
        """The gender of the verb after the words at [start, end), else of the verb opening
        the phrase before them (only for a subject in the nominative when ``nominal``)."""
        after = [m.group() for m in _WORD.finditer(self.text, end, min(len(self.text), end + 60))][:4]
        sex = self._phrase_verb(after)
        if sex:
            return sex
        before = [m.group() for m in _WORD.finditer(self.text, max(0, start - 80), start)][-5:]
        cut = max((i for i, w in enumerate(before) if not w[:1].isalpha()), default=-1)
        sex = self._phrase_verb(before[cut + 1:])
        last = self.text[start:end].split()[-1].lower() if nominal and self.text[start:end].split() else ""
        if sex and last.endswith(tuple(self.not_nominative.get(sex, ()))):
            return ""   # "назвал Ольгу Иванову": the name is the object
        return sex

    def noun_sex(self, start: int, word: str) -> str:
        """The gender of the role noun ``word`` at ``start`` ("la ministre", "l'actrice"):
        its determiner, else its ending; in a language whose verbs agree, the verb beside it."""
        if self.verbs:
            sex = self._verb_around(start, start + len(word), nominal=False)
            if sex:
                return sex
        if word[:2].lower() in ("l'", "l’"):
            return self.word_sex(word[2:])
        before = _WORD.findall(self.text, max(0, start - 12), start)
        det = before[-1].lower() if before else ""
        return self.dets.get(det) or self.word_sex(word)

    def _roles(self, before: list) -> set[str]:
        words = [m.group() for m in before]
        cut = max((i for i, w in enumerate(words) if not w[0].isalpha()), default=-1)
        return {r for r in map(self.role, (w.lower() for w in words[cut + 1:])) if r}

    def _around(self, start: int, end: int) -> tuple[str, set[str]]:
        """The gender shown around one mention, and the role nouns beside it."""
        before = [m for m in _WORD.finditer(self.text, max(0, start - 120), start)][-WINDOW:]
        if self.verbs:
            sex = self._verb_around(start, end, nominal=True)
            if sex:
                return sex, self._roles(before)
        if before and before[-1].group().lower() in self.titles:
            return self.titles[before[-1].group().lower()], set()
        if before and before[-1].group() == ",":      # "La directrice du CHU, Nathalie"
            before = before[:-1]
        cut = max((i for i, m in enumerate(before) if not m.group()[0].isalpha()), default=-1)
        phrase = [m.group() for m in before[cut + 1:]]
        roles = {r for r in map(self.role, (w.lower() for w in phrase)) if r}
        sex = ""
        for i, w in enumerate(phrase):
            low = w.lower()
            if low in self.dets and i + 1 < len(phrase) and phrase[i + 1][:1].islower():
                sex = self.dets[low]
                break
            if low[:2] in ("l'", "l’") and len(low) > 2:   # l'actrice
                sex = self.word_sex(low[2:])
                break
        if not sex:
            sex = next((s for s in map(self.word_sex, (w for w in phrase if w[:1].islower())) if s), "")
        after = [m.group() for m in _WORD.finditer(self.text, end, min(len(self.text), end + 60))][:3]
        if len(after) > 1 and after[0] == "," and after[1][:1].islower():   # "Nowak, chercheuse"
            if after[1].lower() in self.nouns:
                roles.add(after[1].lower())
            sex = sex or self.word_sex(after[1])
        return sex, roles
