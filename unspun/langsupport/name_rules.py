"""A model's names mended by the words around them, from the language's ``entities.json``.

For a language whose folder holds ``entities.json`` (French), the named entities of a
model are corrected by class, never by name:

* honorifics and articles are no part of a name ("Mme Thibodeau" -> "Thibodeau", "la
  France" -> "France"; a capitalised article stays mid-sentence: "le journal Le Monde"),
  and a span left with no capitalised word beyond function words is no name ("Mon",
  "Notre sécurité", "Les habitants");
* the noun before a name says what it names: a public body's noun makes the whole phrase
  an organisation ("préfecture du Gard", "ministère russe des Situations d'urgence"), a
  descriptor types the name after it ("l'institut Statbel", "la rivière Adagoum",
  "l'île d'Eubée"), a minister's portfolio is no entity ("ministre de l'Énergie"), and
  what a spokesperson or director speaks for is an organisation unless the gazetteer
  knows it as a place ("porte-parole du Quai d'Orsay");
* a name opening with an organisation's head noun is an organisation, with its
  complements ("Fédération wallonne de l'agriculture");
* an unknown "place" cited as a source ("selon l'Unicef") is an organisation;
* two or three capitalised words no model found, beside a role noun or a verb of saying,
  are a person ("le capitaine des pompiers Antoine Ribeiro a passé").

Every rule looks at a few tokens around each entity: linear in the text.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .attribution import Ent

STOPS = frozenset({"de", "d'", "d’", "du", "des", "la", "le", "les", "l'", "l’"})


@dataclass(frozen=True)
class Rules:
    honorifics: frozenset[str]
    function_words: frozenset[str]
    articles: tuple[str, ...]
    linkers: frozenset[str]
    org_heads: frozenset[str]
    body_heads: frozenset[str]
    org_descriptors: frozenset[str]
    place_descriptors: frozenset[str]
    portfolio_roles: frozenset[str]
    org_roles: frozenset[str]


@lru_cache(maxsize=16)
def rules(lang: str) -> Rules | None:
    """The name rules of ``lang`` (None when its folder has no ``entities.json``)."""
    from ..lang import available, get

    data = get(lang).data("entities") if lang in available() else None
    if not data:
        return None

    def low(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(name, ()))

    return Rules(frozenset(data.get("honorifics", ())), low("function_words"),
                 tuple(sorted(data.get("articles", ()), key=len, reverse=True)), low("linkers"),
                 frozenset(data.get("org_heads", ())), low("body_heads"), low("org_descriptors"),
                 low("place_descriptors"), low("portfolio_roles"), low("org_roles"))


def never_places(lang: str) -> frozenset[str]:
    """Lower-case words of ``lang`` the gazetteer must never take for a place (honorifics
    and function words: "Mme", "Mon")."""
    r = rules(lang)
    return frozenset(h.lower() for h in r.honorifics) | r.function_words if r else frozenset()


class Names:
    """One parsed text's tokens, for the rules to look around an entity."""

    def __init__(self, text: str, doc: Any, sents: list[tuple[int, int]], r: Rules, gaz: Any,
                 role_nouns: frozenset[str], speech: tuple[str, ...], according: frozenset[str]):
        self.text, self.doc, self.r, self.gaz = text, doc, r, gaz
        self.starts = [t.idx for t in doc]
        self.sent_starts = {s for s, _ in sents}
        self.roles, self.speech, self.according = role_nouns, speech, according

    # -- tokens -------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Index of the token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def tok_ending(self, char: int) -> int:
        """Index of the last token ending at or before ``char`` (-1 when none)."""
        i = bisect_left(self.starts, char) - 1
        while i >= 0 and self.doc[i].idx + len(self.doc[i]) > char:
            i -= 1
        return i

    def capital(self, tok: Any) -> bool:
        w = tok.text
        return w[:1].isupper() and w.lower() not in self.r.function_words and w not in self.r.honorifics

    def opens_sentence(self, start: int) -> bool:
        before = self.text[:start].rstrip(" \t")
        return start in self.sent_starts or not before or before[-1] in ".!?\n«»\"“”:—–-"

    def known_place(self, s: int, e: int) -> bool:
        return bool(self.gaz._lookup(self.text[s:e]))

    # -- spans --------------------------------------------------------------
    def trim(self, s: int, e: int) -> tuple[int, int, bool]:
        """``s``-``e`` without honorifics and articles at its start (a capitalised article
        only where a sentence opens), and whether an honorific was taken off."""
        text = self.text
        changed = titled = False
        changed = True
        while changed and s < e:
            changed = False
            for h in self.r.honorifics:
                if text.startswith(h, s) and text[s + len(h):s + len(h) + 1] in (" ", "\u00a0"):
                    s, changed, titled = s + len(h) + 1, True, True
            for a in self.r.articles:
                piece = text[s:s + len(a)]
                sep = "" if a[-1] in "'’" else " "
                if piece.lower() == a and text[s + len(a):s + len(a) + len(sep)] == sep and (
                        piece[:1].islower() or self.opens_sentence(s)):
                    s, changed = s + len(a) + len(sep), True
                    break
        return s, e, titled

    def has_name(self, s: int, e: int) -> bool:
        return any(self.capital(t) for t in self.doc[self.tok_at(s):self.tok_ending(e) + 1])

    def extend(self, i: int, stop_at_entity: set[int]) -> int:
        """Token index after the complements that follow token ``i - 1``: adjectives and
        "de (la) NOUN ADJ*" groups ("wallonne de l'agriculture")."""
        doc = self.doc
        while i < len(doc):
            t = doc[i]
            if t.pos_ == "ADJ" and t.text[:1].islower():
                i += 1
                continue
            if t.lower_ in self.r.linkers:
                j = i + 1
                if j < len(doc) and doc[j].pos_ == "DET" and doc[j].lower_ in STOPS:
                    j += 1
                if j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].idx not in stop_at_entity:
                    i = j + 1
                    continue
            break
        return i

    def head_before(self, s: int) -> tuple[Any, bool]:
        """The lower-case noun before the name at ``s``, over linkers, articles and one
        adjective ("ministère russe des |Situations", "directeur régional de l'|OMS"), and
        whether a linker joins them (a minister's portfolio does, "ministre |Marco" does not)."""
        i = self.tok_at(s) - 1
        adjectives, linked = 0, False
        while i >= 0:
            t = self.doc[i]
            if t.lower_ in STOPS or t.lower_ in self.r.linkers:
                linked = linked or t.lower_ in self.r.linkers
                i -= 1
            elif t.pos_ == "ADJ" and t.text[:1].islower() and adjectives < 1:
                adjectives += 1
                i -= 1
            else:
                break
        if i < 0 or self.doc[i].idx + len(self.doc[i]) > s:
            return None, False
        t = self.doc[i]
        return (t, linked) if t.text[:1].islower() and t.pos_ in ("NOUN", "PROPN") else (None, False)


def mend(text: str, doc: Any, sents: list[tuple[int, int]], ents: list[Ent], lang: str,
         gaz: Any) -> tuple[list[Ent], set[tuple[int, int]]]:
    """``ents`` (labels PER, ORG, LOC, MISC) mended by the language's name rules, and the
    spans whose type their context decided (a gazetteer place of that name does not
    override it: "le journal Libération"); MISC that no rule types is dropped.  Without
    rules, ``ents`` less MISC."""
    r = rules(lang)
    if r is None or doc is None:
        return [e for e in ents if e.label != "MISC"], set()
    from .attribution import cues

    cue = cues(lang)
    names = Names(text, doc, sents, r, gaz, frozenset(n.lower() for n in cue.get("nouns", ())),
                  tuple(w.lower() for w in cue.get("speech", ())),
                  frozenset(w.lower() for w in cue.get("according", ())))
    starts = {e.start for e in ents}
    out: list[Ent] = []
    typed: set[tuple[int, int]] = set()
    for m, by_context in sorted((m for e in ents for m in [_mend_one(names, e, starts)] if m[0]),
                                key=lambda m: (m[0].start, -m[0].end)):
        if out and m.start < out[-1].end:     # "hôpital de" and "Lyon": one "Lyon"
            continue
        out.append(m)
        if by_context:
            typed.add((m.start, m.end))
    out += _missed_persons(names, out)
    return sorted(out, key=lambda e: e.start), typed


def _mend_one(n: Names, e: Ent, starts: set[int]) -> tuple[Ent | None, bool]:
    """The entity mended, and whether its context decided its type."""
    r, doc, text = n.r, n.doc, n.text
    s, end, titled = n.trim(e.start, e.end)
    label = "PER" if titled else e.label
    toks = doc[n.tok_at(s):n.tok_ending(end) + 1]
    if not len(toks):
        return None, False
    # lower-case words opening the span: a descriptor inside it ("institut Statbel")
    k = 0
    while k < len(toks) and not toks[k].text[:1].isupper():
        k += 1
    head, linked = None, True
    if k == len(toks):                           # "île d'": the name follows the span
        j = toks.end
        if label == "MISC" or j >= len(doc) or not n.capital(doc[j]):
            return None, False
        while j < len(doc) and n.capital(doc[j]):
            j += 1
        head = next((t for t in toks if t.lower_ in r.place_descriptors | r.org_descriptors), None)
        if head is None:
            return None, False
        linked = any(t.lower_ in r.linkers for t in toks[head.i - toks.start + 1:])
        s, end = doc[toks.end].idx, doc[j - 1].idx + len(doc[j - 1])
    elif k > 0:
        head = next((t for t in toks[:k] if t.pos_ in ("NOUN", "PROPN")), None)
        linked = head is not None and any(t.lower_ in r.linkers for t in toks[head.i - toks.start + 1:k])
        if head is not None and head.lower_ in r.body_heads:
            s = head.idx
        else:
            s = toks[k].idx
    if head is None:
        head, linked = n.head_before(s)
    first = text[s:end].split()[0] if text[s:end].split() else ""
    word = head.lower_ if head is not None else ""
    by_context = titled
    if word in r.body_heads and linked:
        label, s = "ORG", min(s, head.idx)
        end = max(end, _end_of(n, n.tok_at(head.idx) + 1, starts, body=True))
    elif first in r.org_heads and not n.known_place(s, end):
        label = "ORG"
        end = max(end, _end_of(n, n.tok_ending(end) + 1, starts, body=False))
    elif word in r.portfolio_roles and linked and not n.known_place(s, end):
        return None, False
    elif word in r.org_descriptors and not (linked and (label == "PER" or n.known_place(s, end))):
        label, by_context = "ORG", True
    elif word in r.place_descriptors and label != "ORG":
        label, by_context = "LOC", True
    elif word in r.org_roles and linked and label == "LOC" and not n.known_place(s, end):
        label, by_context = "ORG", True
    elif label == "LOC" and not n.known_place(s, end) and _cited(n, s):
        label, by_context = "ORG", True
    if label == "MISC" or not n.has_name(s, end) or (label == "LOC" and _demonym(n, s, end)):
        return None, False
    return Ent(s, end, label), by_context


PLURAL = frozenset({"les", "des", "aux"})


@lru_cache(maxsize=16)
def _country_stems(lang: str) -> frozenset[str]:
    from .gazetteer import gazetteer

    return frozenset(key[:4] for key, (_, kind) in gazetteer(lang).names.items()
                     if kind in ("country", "listed") and " " not in key)


def _demonym(n: Names, s: int, e: int) -> bool:
    """A plural "place" the gazetteer does not know, after a plural article, that begins as a
    country does: its people ("les Russes", "des Ukrainiens"), no entity."""
    word = n.text[s:e]
    i = n.tok_at(s) - 1
    return (word.isalpha() and word.endswith("s") and not n.known_place(s, e) and i >= 0
            and n.doc[i].lower_ in PLURAL and word[:4].lower() in _country_stems(n.gaz.lang))


def _end_of(n: Names, i: int, starts: set[int], body: bool) -> int:
    """End of the complements from token ``i``; a body's first complement may be an entity
    ("préfecture du Gard"), an organisation's later ones may not ("Conseil de sécurité |de l'ONU")."""
    j = n.extend(i, set() if body else starts)
    j = max(j, i)
    return n.doc[j - 1].idx + len(n.doc[j - 1]) if j > 0 else 0


def _cited(n: Names, s: int) -> bool:
    """The name is the source of "selon l'..." / "d'après la ..."."""
    i = n.tok_at(s) - 1
    if i >= 0 and n.doc[i].lower_ in STOPS:
        i -= 1
    if i < 0:
        return False
    before = n.text[max(0, n.doc[i].idx - 3):n.doc[i].idx + len(n.doc[i])].lower()
    return n.doc[i].lower_ in n.according or any(before.endswith(a) for a in n.according)


def _missed_persons(n: Names, ents: list[Ent]) -> list[Ent]:
    """Runs of two or three capitalised words no entity covers, after a role noun (over its
    complement: "le capitaine des pompiers |Antoine Ribeiro") or beside a verb of saying."""
    doc, out = n.doc, []
    covered = [(e.start, e.end) for e in ents]
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and _name_word(n, doc[j]) and (j == i or doc[j - 1].whitespace_):
            j += 1
        if j - i >= 2:
            s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            if not any(a < e and s < b for a, b in covered) and not n.opens_sentence(s) \
                    and not any(n.known_place(t.idx, t.idx + len(t)) for t in doc[i:j]) \
                    and (_after_role(n, i) or _beside_speech(n, i, j)):
                out.append(Ent(s, e, "PER"))
        i = max(j, i + 1)
    return out


def _name_word(n: Names, tok: Any) -> bool:
    w = tok.text
    return (n.capital(tok) and not w.isupper() and w.replace("-", "").isalpha()
            and tok.pos_ in ("PROPN", "NOUN", "ADJ") and w not in n.r.org_heads)


def _after_role(n: Names, i: int) -> bool:
    """A role noun within the four lower-case words before token ``i``."""
    for t in reversed(n.doc[max(0, i - 4):i]):
        if not t.text[:1].islower():
            return False
        if t.lower_ in n.roles:
            return True
    return False


def _beside_speech(n: Names, i: int, j: int) -> bool:
    """A verb of saying right after the name (over an auxiliary) or right before it."""
    doc = n.doc
    after = [t for t in doc[j:j + 2]]
    if after and after[0].pos_ == "AUX":
        after = after[1:]
    near = after[:1] + ([doc[i - 1]] if i > 0 else [])
    return any(t.lower_.startswith(n.speech) for t in near if t.pos_ == "VERB")
