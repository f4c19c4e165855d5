"""Quotes and their speakers from a language's data, without a parser.

What a language gives (``unspun/lang/<code>/attribution.json``): the beginnings of its verbs
of saying (``заяв`` for заявил/заявила, ``déclar``), the phrases that name a
source (``по словам``, ``selon``), the words that open a reported clause
(``что``, ``que``), pronouns and role nouns that stand for the last person
named, and, for scripts without capitals, where a name sits beside the verb.

Direct quotes are quoted spans (« », „ “, “ ”, " ", » «, and the dialogue dash
"— ..., — сказал он") with a verb of saying in the same sentence, after the
closing mark ("», — заявил X", "», a-t-il dit") or before the opening one
("X заявил: «...»", "qualifié de « ... »").  Indirect quotes are the clause
after "verb, что/que", the rest of a sentence opened by "по словам X," or
"selon X,", and the clause before ", a-t-il précisé." or ", заявил X.".  The
speaker is the person or organisation beside the verb (an entity from the
language's named-entity model, else a run of capitalised words), or a pronoun
or role noun, which stands for the last person named before it.  Russian data adds role nouns
in any case ("министра"), words for a body ("в ведомстве", "там"), "Об этом заявил X" for the
sentence before, and names in quote marks («Зенит») or scare quotes that are no quotes.

All scanning is by regular expressions over one sentence at a time: linear in
the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .reference import Genders

_QUOTED = re.compile(r"«[^«»\n]*»|„[^„“”\n]*[“”]|“[^“”\n]*”|\"[^\"\n]*\"|»[^»«\n]*«")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DASH_LINE = re.compile(r"(?m)^[—–-]\s+(?P<content>[^\n]+?)[,.!?]?\s+[—–-]\s+(?P<rest>[^\n]*)")
_CLAUSE_END = re.compile(r"[:;]|,\s")
_DASH_OPEN = re.compile(r"(?m)^[—–]\s+(?P<content>[^\n]+)")
_COMPLEMENT = re.compile(r"\s+(?:du|de|des|d'|d’)")
_OPEN_PARAGRAPH = re.compile(r"«[^«»\n]*(?=\n«)")
_DASH_INCISE = re.compile(r",\s+[—–]\s+(?P<inc>[^—–«»„“\n]{3,120}?)[.,]\s+[—–]\s+")
_DASH_MORE = re.compile(r"[.!?]\s+[—–]\s+(?P<more>[^\n]*[^\s\n])")
_CAPS_RUN = re.compile(r"(?:[^\W\d_][\w'’-]*)(?:\s+[^\W\d_][\w'’-]*)*")


@dataclass
class Ent:
    start: int
    end: int
    label: str
    cluster: int = -1


@dataclass
class Quote:
    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None = None
    entity: int | None = None          # index of the speaker's entity cluster
    mentions: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=None)
def cues(lang: str) -> dict[str, Any]:
    """The attribution cues of ``lang`` (its folder's ``attribution.json``; {} when none)."""
    from ..lang import available, get

    return dict(get(lang).data("attribution", {})) if lang in available() else {}


class Attributor:
    """Finds quotes in one text, given its sentences and named entities."""

    def __init__(self, text: str, sents: list[tuple[int, int]], ents: list[Ent], lang: str):
        self.text, self.sents, self.lang = text, joined(text, sents), lang
        sents = self.sents
        self.cue = cues(lang)
        self.speech = tuple(w.lower() for w in self.cue.get("speech", ()))
        self.that = set(self.cue.get("that", ()))
        self.pronouns = self.cue.get("pronouns", {})
        self.nouns = set(self.cue.get("nouns", ()))
        self.noun_endings = tuple(self.cue.get("noun_endings", ()))
        self.noun_stems = {n.rstrip("ьйая"): n for n in self.nouns} if self.noun_endings else {}
        self.org_nouns = tuple(self.cue.get("org_nouns", ()))
        self.anonymous = tuple(self.cue.get("anonymous", ()))
        self.so_called = tuple(self.cue.get("so_called", ()))
        self.inverted = set(self.cue.get("inverted", ()))
        self.inv_suffixes = tuple(self.cue.get("inverted_suffixes", ()))
        self.that_within = int(self.cue.get("that_within", 3))
        self.adjunct = set(self.cue.get("adjunct", ()))
        np = self.cue.get("noun_phrase", {})
        self.np_dets = set(np.get("determiners", ()))
        self.auxiliaries = set(self.cue.get("auxiliaries", ()))
        self.np_stop = set(np.get("stop", ())) | self.auxiliaries
        self.np_skip = set(np.get("skip", ()))
        self.named = sorted(((e.start, e.end) for e in ents), key=lambda x: x[0])   # every label
        self.ents = sorted((e for e in ents if e.label in ("PER", "ORG")), key=lambda e: e.start)
        self.ent_starts = [e.start for e in self.ents]
        self.people = [e for e in self.ents if e.label == "PER"]
        self.people_ends = [e.end for e in self.people]   # sorted too: mentions do not overlap
        self.sent_starts = [s for s, _ in sents]
        self.cluster_mentions: dict[int, list[tuple[int, int]]] = {}
        for e in self.ents:
            if e.cluster >= 0:
                self.cluster_mentions.setdefault(e.cluster, []).append((e.start, e.end))
        gender = self.cue.get("gender")
        self.quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)
                       if not self.is_label(m.start(), m.end())] if gender else []
        self.quoted_starts = [a for a, _ in self.quoted]
        self.genders = Genders(text, self.people, gender, self.nouns, self.role_noun) if gender else None

    # -- words ---------------------------------------------------------------
    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(self.text, start, end)]

    def role_noun(self, word: str) -> str | None:
        """The role noun ``word`` is a form of ("министра" -> "министр" with the
        language's ``noun_endings``), or None."""
        if word in self.nouns:
            return word
        for end in self.noun_endings:
            if word.endswith(end) and len(word) > len(end) + 2:
                noun = self.noun_stems.get(word[:-len(end)])
                if noun:
                    return noun
        return None

    def is_speech(self, word: str) -> bool:
        if self.is_inverted(word):
            return True
        return any(word.startswith(p) for p in self.speech) and len(word) <= 18

    def is_inverted(self, word: str) -> bool:
        """'a-t-il', and any verb of saying with the subject pronoun after it ('raconte-t-il')."""
        if word in self.inverted:
            return True
        suf = next((x for x in self.inv_suffixes if word.endswith(x)), None)
        if suf is None:
            return False
        base = word[:-len(suf)]
        return base in self.inverted or any(base.startswith(p) for p in self.speech)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sent_starts, pos) - 1
        if k >= 0 and self.sents[k][0] <= pos < self.sents[k][1]:
            return self.sents[k]
        return 0, len(self.text)

    # -- entities and speakers ------------------------------------------------
    def entity_in(self, start: int, end: int, last: bool = False) -> Ent | None:
        lo, hi = bisect_left(self.ent_starts, start), bisect_left(self.ent_starts, end)
        inside = [e for e in self.ents[lo:hi] if e.end <= end]
        if not inside:
            return None
        return inside[-1] if last else inside[0]

    def last_person_before(self, pos: int, sex: str = "", reach: int = 12, role: str = "") -> Ent | None:
        """The last person named before ``pos`` (of the last ``reach`` named); with the
        language's gender data, the last whose gender does not contradict ``sex`` (a role
        noun prefers a person it was said of), and for a plural pronoun the last person
        or organisation."""
        k = bisect_right(self.people_ends, pos)
        people = self.people[max(0, k - reach):k]
        if sex == "o":   # "добавили там", "в ведомстве": the last organisation named
            lo = bisect_right(self.ent_starts, pos - 600)
            orgs = [e for e in self.ents[lo:bisect_left(self.ent_starts, pos)]
                    if e.label == "ORG" and e.end <= pos and not self._in_quote(e.start)]
            return orgs[-1] if orgs else None
        if sex == "f" and self.lang in ("ru", "uk") and self.genders is None:
            fem = [e for e in people if self.text[e.start:e.end].rstrip().endswith(("а", "я"))]
            people = fem or people
        g = self.genders
        if g is not None:
            people = [e for e in people if not self._in_quote(e.start)]
            k = bisect_right(self.sent_starts, pos) - 1
            head = self.sent_starts[k] if k >= 0 else 0
            if sex in ("m", "f") and not any(e.start >= head for e in people):
                lo = bisect_left(self.ent_starts, head)
                orgs = [e for e in self.ents[lo:bisect_left(self.ent_starts, pos)] if e.label == "ORG" and not self._in_quote(e.start)]
                if orgs:   # "L'Agence ... reste prudente : selon elle, ..."
                    return orgs[-1]
            if sex == "p":   # the last person or organisation of this or the sentence before
                k = bisect_right(self.sent_starts, pos) - 1
                lo = bisect_left(self.ent_starts, self.sent_starts[max(k - 1, 0)] if k >= 0 else 0)
                ents = [e for e in self.ents[lo:bisect_left(self.ent_starts, pos)] if e.end <= pos]
                return ents[-1] if ents else None
            if sex in ("m", "f"):
                people = [e for e in people if g.sex.get(e.cluster, "") in ("", sex)] or people
            if role:
                people = [e for e in people if role in g.roles.get(e.cluster, ())] or people
        return people[-1] if people else None

    def _in_quote(self, pos: int) -> bool:
        k = bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and pos < self.quoted[k][1]

    def stand_in(self, start: int, end: int, pick_last: bool = False) -> tuple[tuple[int, int], Ent | None] | None:
        """A pronoun or role noun in [start, end) and the person it stands for."""
        ws = self.words(start, end)
        for s, e, w in (reversed(ws) if pick_last else ws):
            if w in self.pronouns:
                return (s, e), self.last_person_before(s, self.pronouns[w])
            if self.org_nouns and w.startswith(self.org_nouns + self.anonymous):
                return self._org_noun(s, e, end, w.startswith(self.anonymous))
            noun = w[2:] if self.genders and w[:2] in ("l'", "l’") else w
            form, noun = noun, self.role_noun(noun) or noun
            if noun in self.nouns:
                sex = self.genders.noun_sex(s, w) if self.genders else ""
                s += len(w) - len(form)
                desc = self._description(s, e, end, noun, sex) if self.genders else None
                if desc:
                    return desc
                return (s, e), self.last_person_before(s, sex, role=noun if self.genders else "")
            if self.is_inverted(w) and "-" in w:
                pron = w.rsplit("-", 1)[-1]
                ps = e - len(pron)
                return (ps, e), self.last_person_before(s, self.pronouns.get(pron, ""))
        return None

    def _org_noun(self, s: int, e: int, end: int,
                  anonymous: bool = False) -> tuple[tuple[int, int], Ent | None]:
        """A word for a body: with words after it, a description of the body named there
        ("пресс-службы аэропорта", "пресс-службе ЦБ"); alone, the last organisation named
        ("в ведомстве отметили").  An anonymous source ("источник в правительстве") is
        a description, never an entity named before."""
        out = e
        for a, b, w in self.words(e, end)[:4]:
            if self.is_speech(w) or any(c in self.text[out:a] for c in ",.;:—"):
                break
            out = b
        if anonymous:
            return (s, out), None
        if out == e:
            return (s, e), self.last_person_before(s, "o")
        orgs = (x for x in self.ents if s <= x.start and x.end <= out and x.label == "ORG")
        return (s, out), next(orgs, None)

    def _description(self, s: int, e: int, end: int, noun: str,
                     sex: str) -> tuple[tuple[int, int], Ent | None] | None:
        """A role noun with its complement ("le porte-parole du Quai d'Orsay") that no
        person named before was introduced with: an unnamed speaker, kept as the
        description, with the organisation named in it."""
        agree = bool(self.genders.verbs)   # a verb that agrees names the speaker's own gender
        if not (_COMPLEMENT.match(self.text, e, end) or agree and self._genitive_org(e, end)):
            return None
        before = self.last_person_before(s, sex, role=noun)
        if before is not None and noun in self.genders.roles.get(before.cluster, ()):
            return None
        if agree and sex and before is not None and self.genders.sex.get(before.cluster) == sex:
            return None   # "Глава польского МВД также отметила": the woman named before
        out = e
        for a, b, w in self.words(e, end)[:8]:
            if w in self.np_stop or self.is_speech(w):
                break
            out = b
        org = next((x for x in self.ents if s <= x.start and x.end <= out and x.label == "ORG"), None)
        return (s, out), org

    def _genitive_org(self, pos: int, end: int) -> bool:
        """An organisation named in the few words after a role noun, with no person named
        after it ("представитель МИД России", not "глава управления МЧС Виктор Лозовой")."""
        k = bisect_left(self.ent_starts, pos)
        if k >= len(self.ents) or self.ents[k].label != "ORG" or self.ents[k].end > end:
            return False
        org = self.ents[k]
        if len(self.words(pos, org.start)) > 3 or any(c in self.text[pos:org.start] for c in ",.;:—«"):
            return False
        return self._person_after(org, end) is None

    def _person_after(self, org: Ent, end: int) -> Ent | None:
        """The person named right after an organisation, in the same phrase
        ("глава управления МЧС Виктор Лозовой")."""
        k = bisect_right(self.ent_starts, org.start)
        nxt = self.ents[k] if k < len(self.ents) else None
        if nxt is None or nxt.label != "PER" or nxt.end > end:
            return None
        gap = self.text[org.end:nxt.start]
        return nxt if len(gap) < 40 and not any(c in gap for c in ",.;:—«»()\n") else None

    def caps_name(self, start: int, end: int, last: bool) -> tuple[int, int] | None:
        """A run of capitalised words (or, in a script without case, words by ``name_at``)."""
        seg = self.text[start:end]
        where = self.cue.get("name_at")
        if where:
            ws = [m for m in _WORD.finditer(seg)]
            if len(ws) < 2:
                return None
            pick = ws[-2:] if where == "end" else ws[:2]
            return start + pick[0].start(), start + pick[-1].end()
        runs = []
        for m in re.finditer(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)*", seg):
            words = m.group().split()
            caps = [w for w in words if w[:1].isupper()]
            i = 0
            while i < len(words):
                if words[i][:1].isupper() and not self.is_speech(words[i].lower()):
                    j = i
                    while j + 1 < len(words) and words[j + 1][:1].isupper():
                        j += 1
                    off = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
                    s = start + off
                    e = s + len(" ".join(words[i:j + 1]))
                    runs.append((j - i + 1, s, e))
                    i = j + 1
                else:
                    i += 1
            del caps
        if not runs:
            return None
        multi = [r for r in runs if r[0] >= 2 and not self.text[r[1]:r[2]].isupper()]
        pool = multi or runs
        chosen = pool[-1] if last else pool[0]
        return chosen[1], chosen[2]

    def speaker_near(self, cue: tuple[int, int], sent: tuple[int, int],
                     content: tuple[int, int]) -> tuple[tuple[int, int] | None, Ent | None]:
        """The speaker beside the cue, outside the content.

        Cue after the content ("«...», — заявил X", "X, "..." dedi"): after the cue,
        then between content and cue, then before the content.  Cue before it
        ("X заявил: «...»", "заявил X: «...»"): before the cue, then between the cue
        and the content."""
        cs, ce = content
        a, b = cue
        if cs < a < ce:    # "« A, a réagi X. B »": the speaker is in the incise
            order = [("after", (b, self._clause_end(b, ce)))]
        elif a >= ce:
            order = [("after", (b, self._clause_end(b, sent[1]))), ("after", (ce, a)),
                     ("before", (self._clause_start(cs, sent[0]), cs))]
        else:
            order = [("before", (self._clause_start(a, sent[0]), a)), ("after", (b, cs))]
        if self.is_inverted(self.text[a:b].lower()):
            return self.stand_in(a, b)
        for side, (s, e) in order:
            if s >= e:
                continue
            ent = self.entity_in(s, e, last=(side == "before"))
            if ent and ent.label == "ORG" and side == "after" and self.adjunct:
                st = self.stand_in(s, ent.start)
                if st and any(w in self.adjunct for _, _, w in self.words(st[0][1], ent.start)):
                    return st   # "— признался специалист в интервью телеканалу «Матч ТВ»"
            if ent and ent.label == "ORG" and self.genders:   # "le porte-parole du Quai d'Orsay"
                st = self.stand_in(s, e, pick_last=(side == "before"))
                named = self.noun_endings and st and st[1] is not None and st[1].label == "PER"
                if st and st[0][0] < ent.start and (
                        ent.end <= st[0][1] or named and self._genitive_org(st[0][1], e)):
                    return st   # "Глава польского МВД также отметила": the woman named before
            if ent and ent.label == "ORG" and side == "after" and self.noun_endings:
                ent = self._person_after(ent, e) or ent   # "глава управления МЧС Виктор Лозовой"
            if ent:
                return (ent.start, ent.end), ent
            app = self.apposed(e) if side == "after" and self.genders else None
            if app:
                return (app.start, app.end), app
            st = self.stand_in(s, e, pick_last=(side == "before"))
            if st:
                return st
            if not self.ents or self.cue.get("name_at"):
                name = self.caps_name(s, e, last=(side == "before"))
                if name:
                    return name, None
        for side, (s, e) in order if self.np_dets else ():
            if s < e:
                np = self.noun_phrase(s, e, side)
                if np:
                    return np, None
        return None, None

    def apposed(self, pos: int) -> Ent | None:
        """The person named in apposition at ``pos`` ("le maire, Bernard Coulon, ...")."""
        if self.text[pos:pos + 2] != ", ":
            return None
        k = bisect_left(self.ent_starts, pos + 2)
        if k < len(self.ents) and self.ents[k].start == pos + 2 and self.ents[k].label == "PER":
            return self.ents[k]
        return None

    def noun_phrase(self, s: int, e: int, side: str) -> tuple[int, int] | None:
        """A speaker that is no named entity: the noun phrase opened by a determiner
        ("sa famille", "le gouvernement polonais", "La mairie de Nantes") next to the verb,
        before it up to an auxiliary, or after it (past a day or time word) up to a
        preposition that opens an adjunct ("lors", "dans")."""
        if side == "before":
            s = max(s, self.text.rfind(", ", s, e) + 1)
        ws = self.words(s, e)
        if side == "before":
            first = next((i for i, w in enumerate(ws) if w[2] in self.np_dets or
                          w[2][:2] in ("l'", "l’") and len(w[2]) > 2), None)
            if first is None:
                return None
            ws = ws[first:]
        else:
            while ws and ws[0][2] in self.np_skip:
                ws = ws[1:]
            if not ws or not (ws[0][2] in self.np_dets or ws[0][2][:2] in ("l'", "l’")):
                return None
        out = []
        for w in ws:
            if w[2] in self.np_stop or self.is_speech(w[2]):
                break
            out.append(w)
        if not out or len(out) > 8 or (len(out) == 1 and out[0][2] in self.np_dets):
            return None
        return out[0][0], out[-1][1]

    def _clause_end(self, pos: int, limit: int) -> int:
        limit = min(limit, pos + 400)
        m = _CLAUSE_END.search(self.text, pos, limit)
        return m.start() if m and m.start() > pos + 1 else limit

    def _clause_start(self, pos: int, limit: int) -> int:
        limit = max(limit, pos - 400)
        seg = self.text[limit:pos]
        idx = max(seg.rfind(":"), seg.rfind(";"))
        return limit + idx + 1 if idx >= 0 else limit

    # -- quotes ---------------------------------------------------------------
    def find_cue(self, start: int, end: int, last: bool, within: int = 99) -> tuple[int, int] | None:
        """The first (or last) verb of saying among the first (or last) ``within`` words of
        the stretch; at most 400 characters are read."""
        if last:
            start = max(start, end - 400)
        else:
            end = min(end, start + 400)
        ws = self.words(start, end)
        ws = ws[-within:] if last else ws[:within]
        for s, e, w in (reversed(ws) if last else ws):
            if self.is_speech(w):
                return s, e
        return None

    def direct(self) -> list[Quote]:
        out = []
        spans = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text)]
        follow: dict[tuple[int, int], int] = {}   # "— A, — говорит X. — B": B, said by A's speaker
        for m in _DASH_LINE.finditer(self.text) if self.cue.get("dash_dialogue") else ():
            rest_cue = self.find_cue(m.start("rest"), m.end("rest"), last=False, within=3)
            if rest_cue:
                spans.append((m.start("content"), m.end("content")))
                more = _DASH_MORE.search(self.text, rest_cue[1], m.end("rest"))
                if more and self.cue.get("continued_paragraphs"):
                    follow[(more.start("more"), more.end("more"))] = m.start("content")
        for m in _DASH_OPEN.finditer(self.text) if self.cue.get("dash_incise") else ():
            content = self._dash_incise(m.start("content"), m.end())
            if content:
                spans.append(content)
        reach = -1   # the furthest end of an accepted quote: a span inside it is no quote of its own
        for cs, ce in sorted(set(spans)):
            if ce <= reach or self.is_label(cs, ce) or (cs, ce) in follow:
                continue
            sent_a = self.sentence_of(cs)
            sent_b = self.sentence_of(max(ce - 1, cs))
            sent_c = self.sentence_of(ce) if self.text[ce:ce + 1] not in ("\n", "") else sent_b
            sent = (sent_a[0], max(sent_b[1], sent_c[1], ce))
            split = self._quote_incise(cs, ce) if self.cue.get("dash_dialogue") else None
            if split:   # "«A, — сказал он. — B»": two parts, one speaker
                cue, a_end, b_start = split
                speaker, ent = self.speaker_near(cue, sent, (cs, ce))
                out.append(self._quote("direct", (cs, a_end), cue, speaker, ent))
                out.append(self._quote("direct", (b_start, ce), cue, speaker, ent))
                reach = max(reach, ce)
                continue
            n_words = len(_WORD.findall(self.text, cs, min(ce, cs + 200)))
            cue = self.find_cue(ce, sent[1], last=False, within=3)
            if cue is None and self.inv_suffixes:
                cue = self._incise(cs, ce)
            if cue is None:
                b0 = max(sent[0], cs - 400)
                before = self.text[b0:cs].rstrip()
                cue = self.find_cue(sent[0], cs, last=True)
                if before.endswith(":"):   # "X a appelé ... : « ... »": the colon introduces it
                    colon = b0 + len(before) - 1
                    cue = cue if cue and colon - cue[1] < 12 else (colon, colon + 1)
                if cue is None:
                    continue
            if n_words < 2 and not (0 <= cs - cue[1] < 12 or 0 <= cue[0] - ce < 6 or self._labels(cue, cs)):
                continue
            speaker, ent = self.speaker_near(cue, sent, (cs, ce))
            out.append(self._quote("direct", (cs, ce), cue, speaker, ent))
            reach = max(reach, ce)
        by_start = {q.content[0]: q for q in out}
        for span, first in follow.items():
            q = by_start.get(first)
            if q is not None:
                out.append(Quote("direct", span, q.cue, q.speaker, q.entity, q.mentions))
        return self._continued(out)

    def _quote_incise(self, cs: int, ce: int) -> tuple[tuple[int, int], int, int] | None:
        """A quote broken by its attribution between dashes: "«A, — сказал он. — B»" gives
        the verb, the end of A (after its comma) and the start of B."""
        if self.text[cs] not in "«„“":
            return None
        m = _DASH_INCISE.search(self.text, cs, ce)
        if m is None:
            return None
        cue = self.find_cue(m.start("inc"), m.end("inc"), last=False, within=2)
        return (cue, m.start() + 1, m.end()) if cue else None

    def is_label(self, cs: int, ce: int) -> bool:
        """A quoted name, no quote: a name in quote marks («Зенит», «Матч ТВ»), or words
        after 'так называемый' (scare quotes); only in a language that lists 'so_called'."""
        if not self.so_called or self.text[cs] not in "«„“\"":
            return False
        k = bisect_right(self.named, (cs + 1, len(self.text) + 1)) - 1
        inner = (cs + 1, ce - 1)
        if any(a <= inner[0] + 1 and inner[1] - 1 <= b for a, b in self.named[max(0, k - 1):k + 2]):
            return True
        words = self.text[cs + 1:ce - 1].split()
        prev = self.text[max(0, cs - 30):cs]
        if (0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and prev.endswith(" ")
                and prev.split()[-1:] and prev.split()[-1].isalpha() and prev.split()[-1].islower()):
            return True   # "клуб «Зенит»", "телеканалу «Матч ТВ»": a name after its kind
        before = self.text[max(0, cs - 30):cs].lower()
        return any(p in before.rsplit(",", 1)[-1] for p in self.so_called)

    def _dash_incise(self, start: int, end: int) -> tuple[int, int] | None:
        """The words said on a line opened by a dash, up to the comma before the verb:
        "— Mon chiffre d'affaires a baissé, soupire Julien Morel, libraire." """
        for m in re.finditer(r",\s+", self.text[start:end]):
            ws = self.words(start + m.end(), end)[:2]
            if ws and (self.is_speech(ws[0][2]) or ws[0][2] in self.auxiliaries
                       and len(ws) > 1 and self.is_speech(ws[1][2])):
                return start, start + m.start()
        return None

    def _incise(self, cs: int, ce: int) -> tuple[int, int] | None:
        """The verb of an incise inside a quote: "« A, a réagi X. B »"."""
        for m in re.finditer(r",\s+", self.text[cs:ce]):
            ws = self.words(cs + m.end(), ce)[:2]
            for i, (a, b, w) in enumerate(ws):
                if self.is_speech(w) and (i == 0 or ws[0][2] in self.auxiliaries):
                    return a, b
        return None

    def _labels(self, cue: tuple[int, int], cs: int) -> bool:
        """A one-word quote a few words after the verb: "a jugé cette réponse « décevante »"."""
        gap = int(self.cue.get("label_gap", 0))
        return gap > 0 and 0 <= cs - cue[1] < 40 and len(self.words(cue[1], cs)) <= gap \
            and not any(c in self.text[cue[1]:cs] for c in ".,;:")

    def _continued(self, quotes: list[Quote]) -> list[Quote]:
        """A quote running over paragraphs: a paragraph with a « left open, when the
        next paragraph opens with « again, is a part of the quote that follows, with its
        speaker."""
        if not self.cue.get("continued_paragraphs"):
            return quotes
        by_start = {q.content[0]: q for q in quotes}
        added = []
        for m in reversed(list(_OPEN_PARAGRAPH.finditer(self.text))):
            nxt = by_start.get(m.end() + 1)
            if nxt is None:
                continue
            q = Quote("direct", (m.start(), m.end()), nxt.cue, nxt.speaker, nxt.entity, nxt.mentions)
            by_start[m.start()] = q
            added.append(q)
        return quotes + added if added else quotes

    def indirect(self, taken: list[tuple[int, int]]) -> list[Quote]:
        out = []
        taken = sorted(taken + [(m.start(), m.end()) for m in _QUOTED.finditer(self.text)
                                if not self.is_label(m.start(), m.end())])
        starts = [a for a, _ in taken]
        longest = max((b - a for a, b in taken), default=0)

        def near(a: int, b: int) -> list[tuple[int, int]]:   # taken spans overlapping [a, b)
            lo = bisect_left(starts, a - longest)
            return [(x, y) for x, y in taken[lo:bisect_left(starts, b)] if x < b and a < y]

        according = sorted(self.cue.get("according", ()), key=len, reverse=True)
        prev = None
        for s, e in self.sents:
            before, prev = prev, (s, e)
            if e - s > 2000:
                continue   # no reported clause runs that long; keeps the scan linear
            sent = self.text[s:e]
            if any(te - ts > 0.6 * (e - s) for ts, te in near(s, e)):
                continue
            end = s + len(sent.rstrip().rstrip(".!?…").rstrip())
            colon = self.text.rfind(": ", s, end) if self.genders else -1
            q = (self._according(s, end, according) or self._that(s, end) or self._tail(s, end)
                 or (colon > 0 and self._according(colon + 2, end, according)) or self._object(s, end)
                 or self._about_this(s, end, before))
            if q and not near(*q.content):
                out.append(q)
        return out

    def _according(self, s: int, end: int, phrases: list[str]) -> Quote | None:
        low = self.text[s:end].lower()
        for ph in phrases:
            i = low.find(ph)
            if i < 0 or (i > 0 and low[i - 1].isalnum()) or (i + len(ph) < len(low) and low[i + len(ph)].isalnum()):
                continue
            if ph in self.cue.get("according_strict", ()):
                comma = self.text.find(",", s + i, end)
                if i > 2 or comma < 0 or not any(e.label == "PER" for e in self.ents
                                                 if s + i <= e.start and e.end <= comma):
                    continue
            ps = s + i
            comma = self.text.find(",", ps, end)
            if i <= 2 and comma > 0:           # "По словам X, CONTENT" ("по его словам" names it)
                src = (ps + len(ph), comma) if comma > ps + len(ph) + 1 else (ps, comma)
                app = self.apposed(comma) if self.genders else None
                if app and self.text[app.end:app.end + 2] == ", " and not any(
                        e.label == "PER" for e in self.ents if src[0] <= e.start and e.end <= src[1]):
                    src, comma = (app.start, app.end), app.end   # "Selon la ministre, Agnès Perrin, ..."
                content = (comma + 1 + (self.text[comma + 1:comma + 2] == " "), end)
            elif i > 2 and self.text[s:ps].rstrip().endswith(","):   # "CONTENT, selon X."
                src = (ps + len(ph), end)
                content = (s, s + len(self.text[s:ps].rstrip().rstrip(",")))
            else:
                continue
            if content[1] - content[0] < 10:
                continue
            speaker, ent = self._source(src)
            return self._quote("indirect", content, (ps, ps + len(ph)), speaker, ent)
        return None

    def _source(self, src: tuple[int, int]) -> tuple[tuple[int, int] | None, Ent | None]:
        """The source named after 'по словам', 'selon': a person first, else an entity,
        a pronoun, or the whole phrase."""
        inside = [e for e in self.ents if src[0] <= e.start and e.end <= src[1]]
        ent = next((e for e in inside if e.label == "PER"), inside[0] if inside else None)
        if ent:
            return (ent.start, ent.end), ent
        st = self.stand_in(*src)
        if st:
            return st
        ws = self.words(*src)
        if ws:
            return (ws[0][0], ws[-1][1]), None
        return None, None

    def _that(self, s: int, end: int) -> Quote | None:
        ws = self.words(s, end)
        for i, (ws_, we, w) in enumerate(ws):
            if not self.is_speech(w):
                continue
            reach = 3
            if i + 1 < len(ws) and ws[i + 1][2] in self.adjunct:   # "a indiqué dans un communiqué que"
                reach = self.that_within
            for j in range(i + 1, min(i + 1 + reach, len(ws))):
                if ws[j][2] in self.that or any(ws[j][2].startswith(t) for t in self.that if t.endswith(("'", "’"))):
                    cstart = ws[j][1] if ws[j][2] in self.that else ws[j][0] + len(ws[j][2].split("'")[0].split("’")[0]) + 1
                    cstart += len(self.text[cstart:end]) - len(self.text[cstart:end].lstrip())
                    content = (cstart, end)
                    if content[1] - content[0] < 8:
                        return None
                    speaker, ent = self.speaker_near((ws_, we), (s, end), content)
                    return self._quote("indirect", content, (ws_, we), speaker, ent)
        return None

    def _about_this(self, s: int, end: int, before: tuple[int, int] | None) -> Quote | None:
        """'CONTENT. Об этом заявил X.': the sentence before, said by the person (or role)
        that the sentence naming it names; a body that reports it ("Об этом сообщило
        ведомство") is a source of news, no speaker."""
        this = self.cue.get("about_this", ())
        if before is None or not this or "\n" in self.text[before[1]:s]:
            return None
        low = self.text[s:end].lower().lstrip()
        if not any(low.startswith(t) for t in this):
            return None
        cue = self.find_cue(s, end, last=False, within=4)
        said = self.text[before[0]:before[1]]
        b_end = before[0] + len(said.rstrip().rstrip(".!?…").rstrip())
        content = (before[0] + len(said) - len(said.lstrip()), b_end)
        if cue is None or content[1] - content[0] < 15:
            return None
        speaker, ent = self.speaker_near(cue, (s, end), content)
        if speaker is None or speaker[0] < s or (ent is not None and ent.label != "PER"):
            return None
        if self.org_nouns and self.text[speaker[0]:speaker[1]].lower().startswith(self.org_nouns):
            return None   # "Об этом говорится в сообщении пресс-службы": a body
        return self._quote("indirect", content, cue, speaker, ent)

    def _object(self, s: int, end: int) -> Quote | None:
        """'X a promis d'ouvrir des négociations', 'X призвал жителей не выходить'."""
        verbs = tuple(self.cue.get("object_verbs", ()))
        ws = self.words(s, end)
        for i, (a, b, w) in enumerate(ws):
            if verbs and w.startswith(verbs) and i + 1 < len(ws):
                content = (ws[i + 1][0], end)
                if content[1] - content[0] < 10:
                    return None
                speaker, ent = self.speaker_near((a, b), (s, end), content)
                if ent is None:
                    return None
                return self._quote("indirect", content, (a, b), speaker, ent)
        return None

    def _tail(self, s: int, end: int) -> Quote | None:
        """'CONTENT, a-t-il précisé.' / 'CONTENT, заявил X.'"""
        comma = self.text.rfind(",", s, end)
        if comma < 0 or comma - s < 15:
            return None
        tail = self.words(comma, end)
        if not tail or len(tail) > 9:
            return None
        cue = next(((a, b) for a, b, w in tail[:3] if self.is_speech(w)), None)
        if cue is None or self.text[s:comma].count("«") or self.text[s:comma].count("\""):
            return None
        if self.np_dets and any(m in self.text[comma:end] for m in "«»\"“”"):
            return None   # "X, Y, a qualifié ... de « ... »": the tail holds a quote of its own
        content = (s, comma)
        speaker, ent = self.speaker_near(cue, (s, end), content)
        if speaker is None or speaker[0] < comma and not self.is_inverted(self.text[cue[0]:cue[1]].lower()):
            return None
        return self._quote("indirect", content, cue, speaker, ent)

    def _quote(self, kind: str, content: tuple[int, int], cue: tuple[int, int] | None,
               speaker: tuple[int, int] | None, ent: Ent | None) -> Quote:
        q = Quote(kind, content, cue, speaker)
        if ent is not None:
            q.entity = ent.cluster
            q.mentions = self.cluster_mentions.get(ent.cluster, [])   # shared, not copied
        return q

    def quotes(self) -> list[Quote]:
        direct = self.direct()
        taken = [q.content for q in direct]
        return self._carried(sorted(direct + self.indirect(taken), key=lambda q: q.content))

    def _carried(self, quotes: list[Quote]) -> list[Quote]:
        """A pronoun or role noun that stands for no one named ("заявила официальный
        представитель МИД России. «...», — подчеркнула она") stands for the speaker of
        the quote before it, within the two sentences before."""
        if not self.noun_endings:
            return quotes
        last: Quote | None = None
        for q in quotes:
            if q.entity is None and q.speaker and last is not None and self._stands_in(q.speaker):
                k = bisect_right(self.sent_starts, q.content[0]) - 1
                if last.content[1] >= self.sent_starts[max(k - 2, 0)] if k >= 0 else False:
                    q.entity, q.mentions = last.entity, last.mentions
            if q.entity is not None:
                last = q
        return quotes

    def _stands_in(self, span: tuple[int, int]) -> bool:
        ws = self.words(*span)
        return len(ws) == 1 and (ws[0][2] in self.pronouns or self.role_noun(ws[0][2]) is not None)


def joined(text: str, sents: list[tuple[int, int]],
           opens: tuple[str, ...] = (",", ";")) -> list[tuple[int, int]]:
    """Sentences, a piece that opens with one of ``opens`` joined to the one before it on
    the same line (a model's split at "en 2027, ont annoncé les organisateurs")."""
    out: list[tuple[int, int]] = []
    for s, e in sents:
        if out and text[s:e].lstrip()[:1] in opens and "\n" not in text[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def cluster(text: str, ents: list[Ent]) -> list[Ent]:
    """In-article clusters: mentions of one label whose last words share a stem
    (Лавров, Лаврова, Сергей Лавров; Macron, Emmanuel Macron), longest mention first.
    Heads are bucketed by label and first four letters, so each mention is compared
    with the few heads that could match."""
    heads: dict[tuple[str, str], list[tuple[str, int]]] = {}
    count = 0
    for e in sorted(ents, key=lambda e: -(e.end - e.start)):
        words = _WORD.findall(text, e.start, e.end)
        if not words:
            continue
        last = words[-1].lower() if e.label == "PER" else text[e.start:e.end].lower()
        stem = last[:max(4, len(last) - 2)]
        bucket = heads.setdefault((e.label, last[:4]), [])
        found = next((c for w, c in bucket
                      if last.startswith(w[:max(4, len(w) - 2)]) or w.startswith(stem)), None)
        if found is None:
            found, count = count, count + 1
            if len(bucket) < 50:
                bucket.append((last, found))
        e.cluster = found
    return ents


def attribute(text: str, sents: list[tuple[int, int]], ents: list[Ent], lang: str) -> list[Quote]:
    """The quotes of ``text`` (a text in ``lang``), with speakers among ``ents``."""
    return Attributor(text, sents, cluster(text, ents), lang).quotes()
