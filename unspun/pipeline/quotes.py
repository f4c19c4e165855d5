"""Who said what: direct, indirect and mixed quotes with their speaker and cue.

Component ``quotes`` fills ``record.quotes`` with
``{id, kind, speaker, cue, content}`` (and ``parts`` for a direct quote split
by its attribution), and adds ``quotes`` and ``quoted_words`` to each entity.

1. Quotation marks give the quoted spans (:mod:`.quote_marks`); a span is a
   direct quote when a cue sits beside it: after it (``"...," Mukan said``,
   ``"...," said the minister``), before it (``He told Trend: "..."``,
   ``Mukan said, "..."``, ``Mukan: "..."``, ``He was blunt — "..."``).  A
   quote split by its attribution (``"The measures," he said, "were ..."``)
   is one quote.  A quoted sentence with no cue of its own (a speaker's next
   paragraph, a quote standing alone) continues the speaker of the quote before
   it, direct or reported, in its paragraph or the one before, when nobody else
   was named in between, or the speaker of a cue with no content after that quote
   ('Okonkwo rejected that argument.'); a quote standing alone whose next sentence
   points back at it ('That was how one volunteer put it') takes the speaker it
   names; otherwise its speaker is null.  A multi-paragraph
   quote whose last paragraph is attributed to someone not named before it is
   split there (an unclosed mark met someone else's quote).
2. Cue verbs in the parse give indirect quotes (:mod:`.quote_cues`): the
   content is the reported clause or object (reported speech: not the noun a target
   verb acts on, nor a negated cue's question, nor a cue's under 'whether' or 'if'; a
   headline before the dateline keeps its content); an attribution set inside the
   clause it reports ('The decision, she said, was final') splits the content in
   two ``parts``; a quotation the author's sentence runs on after ('said "it
   breaks my heart" every time ...') belongs to the reported clause; a content
   that carries quoted words for a third or more of its length is ``mixed``.
3. The speaker span is resolved to an entity (:mod:`.quote_speakers`); with no
   speaker phrase at all the speaker is null.  ``speaker.resolved`` says how an
   entity was found when the span does not name it (``pronoun``, ``relative``,
   ``description``, ``document``, ``continuation``) and ``from`` which mention;
   ``speaker.affiliation`` is the organisation inside a description speaker.

The component runs on every language whose folder provides ``quote_marks`` and
``quote_cues``; without a parser (a blank tokenizer) a cue word, looked up in
the language's ``lemmas.json``, beside a quotation attributes it to the word
before the cue.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..lang import lemma as token_lemma
from ..errors import message
from ..lang import get as get_language
from ..lang import provides
from ..record import span
from .quote_cues import (SentenceIndex, asked_by_nobody, attribution_inside, content_range, cue_candidates,
                         cue_kind, hyphen_piece, inverted_subject, is_cue_verb, subject, told_by_nobody,
                         trim)
from .quote_echoes import echoed
from .quote_marks import Quoted, find_quoted, split_last_paragraph
from .quote_speakers import SpeakerResolver, lexicon, speaker_span
from .speaker_links import affiliation, noun_phrase
from .registry import Context, component

MIN_STANDALONE_WORDS = 4
MIXED_SHARE = 1 / 3
MAX_ATTRIBUTION_CHARS = 250
ATTRIBUTION_WORDS = 24  # an attribution after a quote: its cue within this many words
_WORD = re.compile(r"\w[\w'’-]*")
_DASH_MARK = r"(?:—|–|--|(?<=\s)-(?=\s))"  # a hyphen between spaces is typed for a dash
_SUMMARY = re.compile(rf"\s{_DASH_MARK}\s*(?:a|an)\s")
_DASH = re.compile(_DASH_MARK)
# a single quotation mark closing inside a quotation, and what opens it there
_INNER_OPEN = {"’": re.compile("‘"), "'": re.compile(r"(?<![\w])'")}
_NEVER = re.compile(r"(?!)")


def sentence_end(lang: Any) -> re.Pattern[str]:
    """A sentence's end by punctuation: a stop, not after an initial, 'a.m.'/'p.m.' or one
    of the language's ``abbreviations`` (``words.json``; English's for a language without
    them) written with a capital ('Mr.', 'Gov.', 'Coun.'), and no lower-case word after it."""
    def make() -> re.Pattern[str]:
        words = lang.word_set("abbreviations") or get_language("en").word_set("abbreviations")
        by_length: dict[int, list[str]] = {}
        for w in sorted(words):
            if w.isalpha():  # 'u.s': a capital initial ends no sentence anyway
                by_length.setdefault(len(w), []).append(re.escape(w.capitalize()))
        # a look-behind has one width: one per length of abbreviation
        behind = "".join(rf"(?<!\b(?:{'|'.join(ws)}))" for _, ws in sorted(by_length.items()))
        return re.compile(behind + r"(?<!\b[A-Z])(?<!\b[ap]\.m)[.!?…][\"'”’)]*\s(?!\s*[a-z])")
    return lang.memo(("quote sentence end",), make)


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    speaker_tok: Any = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    speaker: dict[str, Any] | None = None


class Extractor:
    """Finds the quotes of one record (English, parsed)."""

    def __init__(self, record: Any, doc: Any, lang: Any = None):
        self.rec, self.doc, self.text = record, doc, record.text
        self.lang = lang if lang is not None else get_language("en")
        self.paras = [(p["start"], p["end"]) for p in record.paragraphs]
        self.para_starts = [s for s, _ in self.paras]
        self.tok_starts = doc.to_array("IDX").tolist() if len(doc) else []
        self.parsed = bool(len(doc)) and doc.has_annotation("DEP")
        cues = self.lang.quote_cues
        self.cue_words = frozenset(cues.get("clause_verbs", ())) | frozenset(cues.get("object_verbs", ()))
        self.sent_end = sentence_end(self.lang)
        self.marks = self.lang.quote_marks.all
        self.quoted = self._split_runs(find_quoted(self.text, self.paras, self.lang.quote_marks))
        self.sents = SentenceIndex(doc)
        self.resolver = SpeakerResolver(record, doc, [(q.start, q.end) for q in self.quoted],
                                        self.sents)
        self.used_cues: set[int] = set()
        # cues with a speaker but no reported content ('Okonkwo rejected that argument.'):
        # a turn in the conversation a cue-less quote after them may continue
        self.acts: list[tuple[Any, Any]] = []
        dateline = getattr(record, "dateline", None) or {}
        self.dateline_end = (dateline.get("span") or {}).get("end", 0)
        # sentence ends by punctuation, found once (a search per quote grows with the paragraph)
        self.sent_ends = [m.end() for m in self.sent_end.finditer(self.text)]
        self.q_starts = [q.start for q in self.quoted]
        self.q_ends = [q.end for q in self.quoted]  # top-level spans do not overlap: sorted too

    # -- helpers -----------------------------------------------------------
    def _said_nothing(self, tok: Any) -> bool:
        """A cue that is negated or under a refusal ('declined to comment', 'did not comment'):
        its subject spoke no words that a cue-less quote after it could continue."""
        refusals = self.lang.quote_cues.get("refusal_verbs", ())
        for t in (tok, tok.head):
            if any(c.dep_ == "neg" for c in t.children):
                return True
        return tok.dep_ == "xcomp" and token_lemma(tok.head) in refusals

    def _is_cue(self, tok: Any) -> bool:
        """Whether ``tok`` can attribute a quote beside it: by the parse, or, in a language
        without a parser, by its (looked-up) lemma among the language's cue verbs."""
        if self.parsed:
            return is_cue_verb(tok)
        return self.lang.lemma(tok.lower_) in self.cue_words

    def _introduces(self, cue: Any, last: Any) -> bool:
        return _introduces(cue, last) if self.parsed else cue.i == last.i

    def para_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_left(self.para_starts, pos + 1) - 1)
        return self.paras[i] if self.paras else (0, len(self.text))

    def tokens(self, start: int, end: int) -> list[Any]:
        i = bisect_left(self.tok_starts, start)
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            out.append(self.doc[i])
            i += 1
        return out

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts, by punctuation within its paragraph."""
        ps, _ = self.para_of(pos)
        i = bisect_right(self.sent_ends, pos) - 1
        return max(ps, self.sent_ends[i]) if i >= 0 else ps

    def _last_nonspace(self, start: int, end: int) -> int:
        """Index of the last non-space character in ``text[start:end]``, or -1."""
        i = end - 1
        while i >= start and self.text[i].isspace():
            i -= 1
        return i if i >= start else -1

    def _last_token(self, start: int, end: int) -> Any | None:
        """The last non-space token starting in ``start:end``."""
        i = bisect_left(self.tok_starts, end) - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return self.doc[i] if i >= 0 and self.doc[i].idx >= start else None

    # -- quoted spans --------------------------------------------------------
    def _split_runs(self, quoted: list[Quoted]) -> list[Quoted]:
        """A quote carried into the next paragraph whose part there is attributed to a
        speaker not named before it is two quotes: an unclosed mark met someone else's
        quote ('... every ticket sold.' then '"This is a good day," said Coun. Evelyn Marsh')."""
        out = []
        for q in quoted:
            if q.breaks and self._named_elsewhere(q):
                head, q = split_last_paragraph(q, self.text)
                out.append(head)
            out.append(q)
        return out

    def _named_elsewhere(self, q: Quoted) -> bool:
        """Whether a cue right after ``q`` names (by a proper noun) a speaker whose name does
        not occur from the paragraph before ``q`` up to its start."""
        if not q.closed:
            return False
        _, pe = self.para_of(q.end - 1)
        window = self.tokens(q.end, self._sentence_end(q.end, max(pe, q.end)))
        cue = next((t for t in window if not t.is_punct and self._is_cue(t)), None)
        who = None if cue is None else (subject(cue) or inverted_subject(cue))
        if who is None or who.pos_ != "PROPN" or who.idx < q.end:
            return False
        i = self._para_index(q.start)
        context = self.text[self.paras[max(0, i - 1)][0]:q.start] if self.paras else ""
        return re.search(rf"\b{re.escape(who.text)}\b", context) is None

    # -- direct quotes -----------------------------------------------------
    def direct(self) -> list[Candidate]:
        out: list[Candidate] = []
        skip: set[int] = set()
        for n, q in enumerate(self.quoted):
            if n in skip or q.words(self.text) < 1:
                continue
            nxt = self.quoted[n + 1] if n + 1 < len(self.quoted) else None
            if self._embedded(q):
                continue  # a phrase inside a reported clause: the cue pass makes it mixed
            found = self._after(q, nxt)
            cand: Candidate | None = None
            if found:
                cue, who, limit = found
                cand = Candidate(q.start, q.end, "direct", cue, who)
                if nxt is not None and limit == nxt.start and self._inner_end(q) == "," \
                        and self.text[q.end:nxt.start].rstrip().endswith(",") \
                        and self._one_attribution(q.end, nxt.start):
                    cand.end, cand.parts = nxt.end, [(q.start, q.end), (nxt.start, nxt.end)]
                    skip.add(n + 1)
            else:
                before = self._before(q)
                if before:
                    cand = Candidate(q.start, q.end, "direct", before[0], before[1])
                elif self._standalone(q) or out and self._short_continuation(out[-1], q):
                    cand = Candidate(q.start, q.end, "direct")
            if cand is not None and not self._question_put(cand):
                out.append(cand)
        return self._merge_continuations(out)

    def _question_put(self, cand: Candidate) -> bool:
        """'"Will you run again?" she was asked.': the quotation is the question an unnamed
        asker put to the cue's subject (:func:`asked_by_nobody`), no words of hers; her turn
        follows (a cue-less quote after it is her answer). A question under the verb that
        frames the quotation ('"Not before spring," she laughed when asked ...') leaves the
        quotation her answer."""
        if not self.parsed or cand.cue is None:
            return False
        tok = next(iter(self.tokens(*cand.cue)), None)
        if tok is None or tok.dep_ in ("advcl", "acl", "pcomp", "xcomp") or not asked_by_nobody(tok):
            return False
        if cand.speaker_tok is not None:
            self.acts.append((tok, cand.speaker_tok))
        return True

    def _one_attribution(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]``, between two quotations, is one attribution that splits
        one quote ('"The measures," he said, "were ..."'): one clause with one cue, not a
        sentence ending and another starting ('... he said. The streets were empty, he added,')
        nor a second cue ('she said, but added that ...,')."""
        if self._sentence_end(start, end) < end:
            return False
        return sum(1 for t in self.tokens(start, end) if not t.is_punct and self._is_cue(t)) <= 1

    def _merge_continuations(self, cands: list[Candidate]) -> list[Candidate]:
        """``"A," Barkley said. "B."``: a cue-less quoted sentence right after an attributed
        one, in the same paragraph, continues it (one quote in two parts)."""
        out: list[Candidate] = []
        for c in cands:
            prev = out[-1] if out else None
            if prev is not None and c.cue is None and prev.cue is not None \
                    and self.para_of(prev.start) == self.para_of(c.start) \
                    and prev.cue[0] >= prev.end and prev.cue[1] <= c.start \
                    and c.start - prev.end <= MAX_ATTRIBUTION_CHARS:
                prev.parts = (prev.parts or [(prev.start, prev.end)]) + [(c.start, c.end)]
                prev.end = c.end
                continue
            out.append(c)
        return out

    def _embedded(self, q: Quoted) -> bool:
        """A quoted phrase that continues the author's sentence ('he has "expanded the
        party,"'): a word, not punctuation or a cue verb, comes right before it."""
        start = self.sentence_start(q.start)
        i = self._last_nonspace(start, q.start)
        possessive = i > start and self.text[i] in "'’" and self.text[i - 1] in "sS"  # 'Sanders’ "passion"'
        if i < 0 or not (self.text[i].isalnum() or possessive):
            return False
        last = self._last_token(start, q.start)
        if last is None:
            return False
        # only a cue verb right before the quote (or one word before it) can introduce it
        for tok in (last, last.doc[last.i - 1] if last.i > 0 else None):
            if tok is None or tok.is_space or tok.idx < start:
                break
            if self._is_cue(tok):
                return not self._introduces(tok, last)
        return True

    def _inner_end(self, q: Quoted) -> str:
        i = q.end - 1
        if q.closed:  # past the closing mark, one character or two ('')
            i -= 2 if self.text[q.end - 2:q.end] == "''" and q.end - 2 > q.start else 1
        while i > q.start and self.text[i].isspace():
            i -= 1
        # a quotation closing inside it ('“She said, ‘Get excited,’” X recalled'): its punctuation
        if q.closed and i > q.start and _INNER_OPEN.get(self.text[i], _NEVER).search(self.text, q.start + 1, i):
            i -= 1
        return self.text[i] if i > q.start else ""

    def _after(self, q: Quoted, nxt: Quoted | None):
        """A cue right after the quote: ``"...," he said`` / ``"...?" asked Mukan``."""
        if not q.closed:
            return None
        _, pe = self.para_of(q.end - 1)
        pe = max(pe, q.end)
        limit = min(pe, nxt.start if nxt is not None else pe)
        m = self.sent_end.search(self.text, q.end, limit)
        window_end = m.start() + 1 if m else limit
        head = self.text[q.end:window_end].lstrip()
        if not head:
            return None
        if self._inner_end(q) not in ",?!—–-…" and head[0] not in ",—–" and not head[0].islower():
            return None  # a lower-case word after the mark continues the sentence: '"..." he said'
        if head[0].islower() and self._inner_end(q) in ".":
            window_end = min(window_end, self._sentence_end(q.end, limit))
        # a hyphenated word is one word ("co-founder and chief executive Farah Qureshi-Lindqvist said")
        words = [t for t in self.tokens(q.end, window_end) if not t.is_punct and not hyphen_piece(t)]
        toks = words[:8]
        # '"...," Renata Okonkwo, the lawyer for the alliance, told the panel': further on, a
        # cue whose subject opens the words after the quote (its apposition in between)
        toks += [t for t in words[8:ATTRIBUTION_WORDS]
                 if (who := subject(t)) is not None and len(words) > 1 and who.left_edge.idx <= words[1].idx
                 and who.idx >= q.end]
        # '"...," he continued': only after a quotation closed as an utterance, not after a
        # phrase the sentence runs on from ('a "peaceful protest" since she went to college')
        after_verbs = self.lang.quote_cues["after_verbs"] if self._inner_end(q) in ",?!…—–-" else ()
        for tok in toks:
            if (self._is_cue(tok) or token_lemma(tok).lower() in after_verbs and tok.pos_ == "VERB") \
                    and tok.i not in self.used_cues:
                who = subject(tok)
                if who is None or not q.end <= who.idx < window_end + 200:
                    who = inverted_subject(tok) or _word_before(tok, q.end, self.parsed)
                self.used_cues.add(tok.i)
                return (tok.idx, tok.idx + len(tok)), who, limit
        return None

    def _sentence_end(self, start: int, limit: int) -> int:
        m = self.sent_end.search(self.text, start, limit)
        return m.start() + 1 if m else limit

    def _before(self, q: Quoted):
        """A cue before the quote: ``He told Trend: "..."``, ``Mukan: "..."``."""
        ps, _ = self.para_of(q.start)
        k = bisect_right(self.q_ends, q.start)
        prev_end = max(self.q_ends[k - 1], ps) if k else ps
        start = max(prev_end, self.sentence_start(q.start))
        tail = self.text[start:q.start].rstrip()
        if not tail and q.start == self._first_char(ps):
            start, tail = self._lead_in_paragraph(ps)  # 'He declared:' closing the paragraph before
        if not tail or q.words(self.text) < 2:
            return None
        toks = [t for t in self.tokens(start, start + len(tail)) if not t.is_space]
        if not toks:
            return None
        last = tail[-1]
        if toks[-1].lower_ == "that":
            return None  # 'said that "..."': a mixed quote, left to the cue pass
        cues = [t for t in toks if self._is_cue(t) and t.i not in self.used_cues]
        if cues and (last in ":,—–" or self._introduces(cues[-1], toks[-1])):
            if last not in ":—–" and self._runs_on(q):
                return None  # 'said "it gets me mad" every time ...': a mixed quote, left to the cue pass
            if any(t.lower_ == "that" and t.dep_ == "mark" and t.i > cues[-1].i for t in toks):
                return None  # 'warned that whatever voters choose, "..."': inside the reported clause
            if last not in ":—–" and any(c.dep_ == "mark" and c.lower_ == "that" for c in cues[-1].children):
                return None  # 'said that the bill would add "red tape ..."': a reported clause's own verb
            tok = cues[-1]
            who = subject(tok)
            if who is None or who.idx >= q.start:
                who = _word_before(tok, start, self.parsed)
            if who is None and tok.tag_ == "VBG":  # 'Holt seemed calm, telling the crowd, "..."'
                who = next((t for t in toks if t.dep_ == "nsubj" and t.i < tok.i), None)
            if who is not None:
                self.used_cues.add(tok.i)
                return (tok.idx, tok.idx + len(tok)), who
        if last in ":—–":
            who = self._colon_speaker(toks)
            if who is not None:
                pos = start + len(tail) - 1
                return (pos, pos + 1), who
        return None

    def _runs_on(self, q: Quoted) -> bool:
        """Whether the author's sentence goes on after the closing mark ('Obama said "it gets
        me mad" every time he ...'): a lower-case word follows it in its paragraph."""
        if not q.closed:
            return False
        i = q.end
        _, pe = self.para_of(q.start)
        while i < pe and self.text[i] in " \t":
            i += 1
        if i >= pe or not self.text[i].islower():
            return False
        nxt = self.tokens(i, i + 1)
        return not (nxt and nxt[0].dep_ == "cc")  # '... "we will win" and left': the quote ends there

    def _first_char(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def _lead_in_paragraph(self, para_start: int) -> tuple[int, str]:
        """The last sentence of the paragraph before, when it ends with a colon."""
        i = self._para_index(para_start)
        if i == 0:
            return para_start, ""
        ps, pe = self.paras[i - 1]
        last = self._last_nonspace(ps, pe)
        if last < 0 or self.text[last] != ":" or self._quote_reaching(ps, pe):
            return para_start, ""
        start = max(ps, self.sentence_start(pe - 1))
        return start, self.text[start:pe].rstrip()

    def _quote_reaching(self, ps: int, pe: int) -> bool:
        """Whether a quote starting in ``ps:pe`` runs to the paragraph's end."""
        lo, hi = bisect_left(self.q_starts, ps), bisect_left(self.q_starts, pe)
        return hi > lo and self.quoted[hi - 1].end >= pe - 1  # the last one ends last

    def _colon_speaker(self, toks: list[Any]) -> Any | None:
        """``Mukan: "..."`` or ``He put it bluntly: "..."``: a person named or subject."""
        words = [t for t in toks if not t.is_punct]
        if not words:
            return None
        people = self.resolver.mentions_in(words[0].idx, words[-1].idx + len(words[-1]))
        people = [m for m in people if m.type in ("PERSON", "ORG")]
        if len(words) <= 4 and people:
            return self.doc.char_span(people[-1].start, people[-1].end, alignment_mode="expand").root
        root = next((t for t in words if t.dep_ == "ROOT"), None)
        if root is not None:
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.lower_ in ("he", "she") or subj.ent_type_ == "PERSON"):
                return subj
        return None

    def _short_continuation(self, prev: Candidate, q: Quoted) -> bool:
        """'"...," said Javier Ortiz, head of the chamber. "Marco gets it."': a quoted
        sentence too short to stand alone that closes the paragraph of an attributed quote
        continues it (see :meth:`_merge_continuations`)."""
        return prev.cue is not None and prev.cue[0] >= prev.end \
            and self.para_of(prev.start) == self.para_of(q.start) \
            and q.start - prev.end <= MAX_ATTRIBUTION_CHARS and q.closed \
            and self._last_nonspace(self.sentence_start(q.start), q.start) < 0 \
            and not self.text[q.end:self.para_of(q.start)[1]].strip()

    def _standalone(self, q: Quoted) -> bool:
        """A quoted sentence of its own (not a phrase inside the author's sentence)."""
        if q.words(self.text) < MIN_STANDALONE_WORDS:
            return False
        return self._last_nonspace(self.sentence_start(q.start), q.start) < 0

    # -- indirect and mixed quotes -------------------------------------------
    def indirect(self, direct: list[Candidate]) -> list[Candidate]:
        found: list[Candidate] = []
        according: list[Candidate] = []
        for i in cue_candidates(self.doc, self.lang):
            tok = self.doc[i]
            if tok.i in self.used_cues or self.resolver.inside_quote(tok.idx):
                continue
            kind = cue_kind(tok)
            if kind is None:
                continue
            who = subject(tok)
            if who is None or who.dep_ == "expl" or kind != "according" and _supposed(tok):
                continue
            told = self.parsed and told_by_nobody(tok)  # the subject is the one told: no speaker
            if self.parsed and asked_by_nobody(tok):
                # 'Asked whether ..., Ahlberg paused.': the question is no words of the one
                # asked, but her turn: a cue-less quote after it is her answer
                if not self._said_nothing(tok):
                    self.acts.append((tok, who))
                continue
            rng = self._in_paragraph(content_range(tok, kind, self.sents, self._para_tokens(tok)), tok)
            if kind == "object" and rng is not None:
                rng = self._with_quote_after(rng)
            if rng is None or rng[1] - rng[0] < 2:
                if kind != "according" and not told and not self._said_nothing(tok):
                    self.acts.append((tok, who))  # 'Okonkwo rejected that argument.'
                continue
            if kind != "according":
                rng = self._before_according(self._past_relative(rng, tok, who))
            aside = attribution_inside(tok) if kind in ("clause", "according") else None
            inside = aside is not None and rng[0] <= aside[0] and aside[1] <= rng[1]
            parts = self._around(rng, aside) if inside else []
            rng = (parts[0][0], parts[-1][1]) if parts else _clip(self.doc, rng, who, tok)
            if rng is None:
                continue
            s = self.doc[rng[0]].idx
            e = self.doc[rng[1] - 1].idx + len(self.doc[rng[1] - 1])
            s = self._open_mark_before(s)
            e = self._before_summary(s, e)
            closed = self._close_open_quote(s, e)
            if closed > e:  # the quotation it opens, but not past its paragraph
                e = max(e, min(closed, self.para_of(s)[1]))
            cue = _cue_span(tok, kind)
            found.append(Candidate(s, e, self._kind(s, e), cue, None if told else who))
            if len(parts) == 2 and self._chars(parts[1])[0] < e:  # 'The decision, she said, was final.'
                found[-1].parts = [self._chars(parts[0]), (self._chars(parts[1])[0], e)]
            if kind == "according":
                according.append(found[-1])
        found = [c for c in found if not any(c is a for a in according) or not self._holds_report(c, found)]
        accepted = _Accepted(direct)
        out = []
        for cand in sorted(found, key=lambda c: c.start - c.end):
            if accepted.blocks(cand):
                continue
            accepted.add(cand)
            out.append(cand)
        return out

    def _with_quote_after(self, rng: tuple[int, int]) -> tuple[int, int]:
        """An object verb's content runs on over the quotation right after it, in its
        paragraph ('called that "beyond preposterous."', 'called the plan "a gift"'): the
        quoted words are what the speaker called it, whatever the parser hung them on."""
        last = self.doc[rng[1] - 1]
        e = last.idx + len(last)
        k = bisect_left(self.q_starts, e)
        if k < len(self.quoted) and self.quoted[k].closed and not self.text[e:self.q_starts[k]].strip() \
                and self.q_ends[k] <= self.para_of(e)[1]:
            return rng[0], max(rng[1], bisect_left(self.tok_starts, self.q_ends[k]))
        return rng

    def _past_relative(self, rng: tuple[int, int], cue: Any, who: Any) -> tuple[int, int]:
        """'The changes, which officials said will take effect in May, ...': a content opening
        with the relative word before its speaker is the clause after the cue (the relative
        word stands for the noun described, outside the content)."""
        lead = self.doc[rng[0]:who.left_edge.i]
        if len(lead) and all(t.tag_ in ("WDT", "WP") for t in lead) and rng[1] > cue.i + 2:
            return trim(self.doc, cue.i + 1, rng[1]) or rng
        return rng

    def _holds_report(self, outer: Candidate, found: list[Candidate]) -> bool:
        """'According to court documents, the province argued that ...': the content of
        'according to' holds a report with its cue and speaker, which is the quote; not a
        cue inside an adverbial or relative clause of it ('After a reporter asked about it,
        they became angry, according to a source')."""
        for c in found:
            if c is outer or c.cue is None or c.speaker_tok is None \
                    or not outer.start <= c.cue[0] < outer.end or not outer.start <= c.speaker_tok.idx < outer.end:
                continue
            tok = self.doc[bisect_left(self.tok_starts, c.cue[0])]
            if not any(t.dep_ in ("advcl", "relcl", "acl") for t in [tok, *tok.ancestors]
                       if outer.start <= t.idx < outer.end):
                return True
        return False

    def _before_according(self, rng: tuple[int, int]) -> tuple[int, int]:
        """A content ends before an 'according to X' closing it ('told her that it was not
        that simple, according to an account she gave'): the author's sourcing, not words of
        the report."""
        for tok in self.doc[rng[0] + 1:rng[1]]:
            if cue_kind(tok) == "according" and tok.right_edge.i + 1 >= rng[1]:
                cut = trim(self.doc, rng[0], tok.left_edge.i)
                return cut if cut is not None else rng
        return rng

    def _around(self, rng: tuple[int, int], aside: tuple[int, int, int]) -> list[tuple[int, int]]:
        """The token ranges of a content ``rng`` on either side of an attribution inside it
        (``aside``: its start, end and where the content must end), each trimmed; one range
        when the attribution closes the content."""
        out = []
        end = min(rng[1], aside[2])
        for lo, hi in ((rng[0], min(end, aside[0])), (max(rng[0], aside[1]), end)):
            piece = trim(self.doc, lo, hi) if hi > lo else None
            if piece is not None:
                out.append(piece)
        return out

    def _chars(self, rng: tuple[int, int]) -> tuple[int, int]:
        last = self.doc[rng[1] - 1]
        return self.doc[rng[0]].idx, last.idx + len(last)

    def _para_tokens(self, tok: Any) -> tuple[int, int]:
        """The token range of ``tok``'s paragraph."""
        ps, pe = self.para_of(tok.idx)
        return bisect_left(self.tok_starts, ps), bisect_left(self.tok_starts, pe)

    def _in_paragraph(self, rng: tuple[int, int] | None, cue: Any) -> tuple[int, int] | None:
        """A content stays in its cue's paragraph, after the dateline in the dateline's
        paragraph: the parser's sentence can run on over a paragraph break ('... not to."'
        then '"The evidence ...'); a headline before the dateline keeps its content ('Man
        charged after stabbing, police say')."""
        if rng is None:
            return None
        ps, pe = self.para_of(cue.idx)
        if ps < self.dateline_end <= pe:
            ps = self.dateline_end
        lo, hi = bisect_left(self.tok_starts, ps), bisect_left(self.tok_starts, pe)
        start, end = max(rng[0], lo), min(rng[1], hi)
        return (start, end) if end > start else None

    def _before_summary(self, s: int, e: int) -> int:
        """A content ends before a dash opening a noun phrase with an indefinite article that
        sums it up and runs to its end ('said the plan was "a disaster" — a charge the
        minister rejected'): the author's comment on what was said, outside any quotation."""
        for m in _SUMMARY.finditer(self.text, s, e):
            if not self.resolver.inside_quote(m.start()) \
                    and not _DASH.search(self.text, m.end(), e):  # '— a PAC —': an aside in it
                return self._last_nonspace(s, m.start()) + 1
        return e

    def _open_mark_before(self, s: int) -> int:
        """A content that starts right inside a quotation ('said "it gets me mad" every
        time ...': the parser hangs the opening mark on the cue) starts at its mark."""
        k = bisect_right(self.q_starts, s) - 1
        if k >= 0 and self.q_ends[k] > s and not self.text[self.q_starts[k]:s].strip().strip(self.marks):
            return self.q_starts[k]
        return s

    def _close_open_quote(self, s: int, e: int) -> int:
        """A content that opens a quotation ends where the quotation does (the caller stops it
        at the paragraph's end: an unclosed mark never swallows the next paragraph)."""
        k = bisect_left(self.q_starts, e) - 1  # only the last quote opening before e can outlast it
        if k >= 0 and self.q_starts[k] >= s and e < self.q_ends[k] and self.quoted[k].closed:
            return self.q_ends[k]
        return e

    def _kind(self, s: int, e: int) -> str:
        lo, hi = bisect_right(self.q_ends, s), bisect_left(self.q_starts, e)
        inner = sum(min(e, q.end) - max(s, q.start) for q in self.quoted[lo:hi])
        return "mixed" if inner >= MIXED_SHARE * (e - s) else "indirect"

    # -- speakers ----------------------------------------------------------
    def resolve(self, cands: list[Candidate]) -> None:
        for c in sorted(cands, key=lambda c: c.start):
            if c.speaker_tok is not None:
                c.speaker = self._speaker(c.speaker_tok)

    def _speaker(self, tok: Any, note: bool = True) -> dict[str, Any]:
        """The speaker record of a speaker token (``note``: remember it as the latest
        speaker, for the pronouns after it)."""
        if tok.idx < self.dateline_end:  # 'TORONTO — The union said': the parser's subject
            tok = next((t for t in list(tok.children) + list(tok.head.children)
                        if t.dep_ in ("appos", "nsubj") and t.idx >= self.dateline_end), tok)
        if self.resolver.inside_quote(tok.idx):
            tok = self._subject_outside_quotes(tok)
        s, e, head = speaker_span(self.doc, tok, self.resolver)
        if s < self.dateline_end <= tok.idx:  # 'TORONTO — The former head of ...'
            s, e = self._after_dateline(noun_phrase(tok))
        found = self.resolver.resolve_full(s, e, head)
        entity = found.entity
        if note:
            self.resolver.note_speaker(s, entity, e)
        name = self.rec.entity(entity)["name"] if entity else (found.name or self.text[s:e])
        speaker = {"entity": entity, "name": name, **span(self.text, s, e)}
        if found.how and found.source:
            speaker["resolved"] = {"how": found.how, "from": span(self.text, *found.source)}
        aff = affiliation(self.resolver.mentions_in(s, e), head, s, e, self.resolver,
                          entity) if head is not None else None
        body = self.resolver.full_body(aff.entity, body=True) if aff is not None and aff.entity else None
        if body is not None and body != entity:  # "ECZ": the commission it abbreviates
            speaker["affiliation"] = {"entity": body, "name": self.rec.entity(body)["name"],
                                      **span(self.text, aff.start, aff.end)}
        elif aff is not None and aff.entity is None:  # a body's name no entity holds
            speaker["affiliation"] = {"entity": None, "name": aff.name, **span(self.text, aff.start, aff.end)}
        if head is not None and entity is None:  # "the official" after "A senior official at X"
            if "affiliation" in speaker:
                self.resolver.note_affiliation(s, head, speaker["affiliation"])
            else:
                speaker.update(self.resolver.earlier_affiliation(s, head))
        return speaker

    def _subject_outside_quotes(self, tok: Any) -> Any:
        """A speaker token the parser found inside a quoted title ('Kemper, whose videos carry
        the tagline "Fuel Like You Mean It," told ...': "It") is no speaker: the last noun
        before that quote in its sentence that heads a subject or the sentence, outside
        quotes ("Kemper"); else ``tok``."""
        floor = self.sentence_start(tok.idx)
        k = bisect_left(self.tok_starts, tok.idx)
        for t in reversed(self.doc[bisect_left(self.tok_starts, floor):k]):
            if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("ROOT", "nsubj", "nsubjpass") \
                    and t.head.dep_ != "relcl" and not self.resolver.inside_quote(t.idx):
                return t
        return tok

    def _after_dateline(self, rng: tuple[int, int]) -> tuple[int, int]:
        """A speaker phrase the parser ran into the dateline, from the first word after it."""
        k = bisect_left(self.tok_starts, self.dateline_end)
        while k < len(self.doc) and (self.doc[k].is_punct or self.doc[k].is_space):
            k += 1
        start = self.doc[k].idx if k < len(self.doc) else rng[0]
        return (start, rng[1]) if rng[0] < start < rng[1] else rng

    def inherit(self, cands: list[Candidate]) -> None:
        """A quoted sentence with no cue continues the speaker's run it follows: the previous
        quote's speaker (direct or reported, in the same or the paragraph before) when nobody
        else was named in between; otherwise its speaker stays null."""
        ordered = sorted(cands, key=lambda c: c.start)
        for n, c in enumerate(ordered):
            if c.speaker is not None or c.cue is not None:
                continue
            act = self._act_before(c, ordered[n - 1].end if n else 0)
            if act is not None:
                c.speaker = self._speaker(act, note=False)
                c.speaker["resolved"] = {"how": "continuation",
                                         "from": span(self.text, c.speaker["start"], c.speaker["end"])}
                continue
            prev = ordered[n - 1] if n else None
            if self._continues(c, prev):
                c.speaker = dict(prev.speaker)
                c.speaker["resolved"] = {"how": "continuation",
                                         "from": span(self.text, prev.speaker["start"], prev.speaker["end"])}
                continue
            who = self._narrated_before(c, prev.end if prev is not None else 0)
            if who is not None:
                c.speaker = self._speaker(who, note=False)
                c.speaker["resolved"] = {"how": "narrative",
                                         "from": span(self.text, c.speaker["start"], c.speaker["end"])}

    def _continues(self, c: Candidate, prev: Candidate | None) -> bool:
        """Whether the cue-less ``c`` continues the quote before it: that quote has a
        speaker, is in the same paragraph or the one before, and nobody else was named
        in between."""
        if prev is None or prev.speaker is None \
                or self._para_index(c.start) - self._para_index(prev.end) > 1:
            return False
        between = self.resolver.mentions_in(prev.end, c.start)
        return not any(m.type == "PERSON" and not self.resolver.inside_quote(m.start)
                       and m.entity != prev.speaker["entity"]
                       and not prev.speaker["start"] <= m.start < prev.speaker["end"] for m in between)

    def _narrated_before(self, c: Candidate, floor: int) -> Any | None:
        """The person a cue-less quote is about: the subject of the sentence right before
        it, the last of the paragraph before when the quote opens its paragraph ('Wu
        opened the bakery after losing her job.' then '"It was the only thing I knew."'),
        else the one before it in its own paragraph ('Her husband, Robert, shook his head.
        "Everything closes now."'), when that subject is a named person, one in apposition
        to it, or he/she, or when the sentence opens on a named person with "for" ('For
        Gladue, the move ends four years of couch-surfing.'); the sentence must be after the
        quote before (``floor``) and carry no refusal or negation ('Reed declined to
        comment.': words are never credited to someone the article says did not speak)."""
        if not self.parsed or c.kind != "direct":
            return None
        para = self._para_index(c.start)
        ps, pe = self.paras[para]
        if self._first_char(ps) != c.start:
            if self.text[self.sentence_start(c.start):c.start].strip():
                return None  # the quote opens no sentence: its own sentence's words
        elif para == 0:
            return None
        else:
            ps, pe = self.paras[para - 1]
        last = self._last_token(max(ps, floor), min(pe, c.start))
        if last is None or self.resolver.inside_quote(last.idx):
            return None
        root = last.sent.root
        if root.idx < max(ps, floor) or root.pos_ not in ("VERB", "AUX") or self._said_nothing(root) \
                or any(self._said_nothing(t) for t in root.children if t.dep_ == "xcomp"):
            return None
        who = next((t for t in root.children if t.dep_ == "nsubj"), None)
        if who is None or self.resolver.inside_quote(who.idx):
            return None
        if who.lower_ in ("he", "she"):
            return who
        for tok in (who, *(t for t in who.children if t.dep_ == "appos"), self._for_whom(root)):
            if tok is not None and self._names_person(tok):
                return tok
        return None

    def _for_whom(self, root: Any) -> Any | None:
        """The person a sentence opens on with "for" ('For Gladue, the move ends ...')."""
        first = root.sent[0]
        if first.lower_ != "for" or first.head.i != root.i:
            return None
        return next((t for t in first.children if t.dep_ == "pobj"), None)

    def _names_person(self, tok: Any) -> bool:
        """Whether a person's name ends at ``tok`` within its phrase ("Sandra Wu")."""
        return any(m.type == "PERSON" and m.end == tok.idx + len(tok.text)
                   for m in self.resolver.mentions_in(tok.left_edge.idx, tok.idx + len(tok.text)))

    def _act_before(self, c: Candidate, floor: int) -> Any | None:
        """The speaker of the last cue with no content of its own ('Okonkwo rejected that
        argument.') after ``floor`` (the quote before) in the cue-less quote's paragraph or
        the one before, outside any quote: the turn the quote continues."""
        para = self._para_index(c.start)
        for tok, who in reversed(self.acts):
            if floor <= tok.idx < c.start and para - self._para_index(tok.idx) <= 1 \
                    and not self.resolver.inside_quote(tok.idx):
                return who
        return None

    def named_after(self, cands: list[Candidate]) -> None:
        """A quote standing alone whose speaker the next sentence names, pointing back
        at it ('"It's like losing the church." That was how one volunteer put it.',
        '"..." With those words, Lefebvre ended her career.'): that speaker."""
        if not self.parsed:
            return
        for c in cands:
            if c.speaker is None and c.cue is None and c.kind == "direct":
                who = self._back_reference(c.end) or self._introduced_next(c)
                if who is not None:
                    c.speaker = self._speaker(who, note=False)
                    c.speaker["resolved"] = {"how": "following",
                                             "from": span(self.text, c.speaker["start"], c.speaker["end"])}

    def echoes(self, cands: list[Candidate]) -> None:
        """A quote with no cue and no speaker whose words the article quotes again with a
        speaker (a headline's quote, a pull quote: :mod:`.quote_echoes`): that speaker."""
        for c, src in echoed(cands, self.text, lambda c: c.speaker is None and c.cue is None,
                             lambda c: c.speaker):
            c.speaker = dict(src.speaker)
            c.speaker["resolved"] = {"how": "echo", "from": span(self.text, src.speaker["start"],
                                                                  src.speaker["end"])}

    def _introduced_next(self, c: Candidate) -> Any | None:
        """A quote that is a whole paragraph, its speaker not known, followed by a paragraph
        that opens with a named person as its subject ('"I didn't miss the racing."' then
        'Genevieve Aucoin laughs at her own line, ...'): the person the article goes on to
        introduce, as a feature's opening quote is, when that sentence points back at the
        quote (a cue verb, or ``back_reference`` pronouns or nouns as the verb's object:
        'shouted it', 'laughs at her own line')."""
        para = self._para_index(c.start)
        if para + 1 >= len(self.paras) or self._first_char(self.paras[para][0]) != c.start \
                or self.text[c.end:self.paras[para][1]].strip():
            return None
        ps, pe = self.paras[para + 1]
        k = bisect_left(self.tok_starts, self._first_char(ps))
        if k >= len(self.doc) or self.resolver.inside_quote(self.doc[k].idx):
            return None
        root = self.doc[k].sent.root
        who = next((t for t in root.children if t.dep_ == "nsubj"), None)
        if who is None or who.left_edge.i != k or root.pos_ not in ("VERB", "AUX") or self._said_nothing(root):
            return None
        back = self.lang.quote_cues.get("back_reference", {})
        objects = [t for t in root.children if t.dep_ in ("dobj", "obj")]
        objects += [o for t in root.children if t.dep_ == "prep" for o in t.children if o.dep_ == "pobj"]
        if not is_cue_verb(root) and not any(
                o.lower_ in back.get("pronouns", ()) or token_lemma(o).lower() in back.get("nouns", ())
                for o in objects):
            return None  # 'Coach X has coached the team for a decade': not about the quote
        return who if self._names_person(who) else None

    def _back_reference(self, end: int) -> Any | None:
        """The speaker named by the sentence right after ``end`` when it opens by pointing
        back ('That was how X put it', 'With those words, X ...')."""
        k = bisect_left(self.tok_starts, end)
        while k < len(self.doc) and (self.doc[k].is_space or self.doc[k].is_punct):
            k += 1
        if k >= len(self.doc) or self._para_index(self.doc[k].idx) - self._para_index(end - 1) > 1 \
                or self.resolver.inside_quote(self.doc[k].idx):
            return None
        first = self.doc[k]
        toks = self.tokens(first.idx, self._sentence_end(first.idx, self.para_of(first.idx)[1]))
        back = self.lang.quote_cues.get("back_reference", {})
        nxt = toks[1] if len(toks) > 1 else None
        if first.lower_ in back.get("prepositions", ()):  # 'With those words, X ended ...'
            if nxt is None or nxt.lower_ not in back.get("openers", ()):
                return None
            who = next((c for c in first.head.children if c.dep_ == "nsubj"), None)
            return who if who is not None and who.pos_ in ("PROPN", "NOUN") else None
        if first.lower_ not in back.get("openers", ()):
            return None
        for tok in toks:  # 'That was how one volunteer put it'
            if tok.pos_ == "VERB" and (is_cue_verb(tok) or token_lemma(tok).lower() in back.get("verbs", ())):
                who = subject(tok)
                if who is not None and who.i != first.i and who.pos_ in ("PROPN", "NOUN", "PRON"):
                    return who
        return None

    def _para_index(self, pos: int) -> int:
        return max(0, bisect_left(self.para_starts, pos + 1) - 1)

    def run(self) -> list[dict[str, Any]]:
        direct = self.direct()
        cands = direct + self.indirect(direct)
        self.resolve(cands)
        self.inherit(cands)
        self.named_after(cands)
        self.echoes(cands)
        out = []
        for n, c in enumerate(sorted(cands, key=lambda c: c.start), 1):
            quote = {"id": f"Q{n}", "kind": c.kind, "speaker": c.speaker,
                     "cue": span(self.text, *c.cue) if c.cue else None,
                     "content": span(self.text, c.start, c.end)}
            if c.parts:
                quote["parts"] = [span(self.text, s, e) for s, e in c.parts]
            out.append(quote)
        return out


class _Accepted:
    """The quotes accepted so far, for the checks an indirect candidate must pass: its cue
    inside none, no overlap over half with any, no overlap at all with a direct quote.

    Direct quotes do not overlap each other and an accepted candidate overlaps no direct
    quote and no other by half, so no accepted span holds another: sorted by start they
    are sorted by end too, and the spans overlapping a range are one run of the list.
    """

    def __init__(self, direct: list[Candidate]):
        self.direct_starts = [c.start for c in direct]
        self.direct_ends = [c.end for c in direct]
        self.items = sorted(direct, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]
        self.ends = [c.end for c in self.items]

    def blocks(self, cand: Candidate) -> bool:
        if cand.cue is not None:
            p = cand.cue[0]
            if bisect_right(self.ends, p) < bisect_right(self.starts, p):
                return True  # the cue is inside an accepted quote
        for k in range(bisect_right(self.ends, cand.start), bisect_left(self.starts, cand.end)):
            if _overlap(cand, self.items[k]) > 0.5:
                return True
        k = bisect_right(self.direct_ends, cand.start)
        return k < len(self.direct_starts) and self.direct_starts[k] < cand.end

    def add(self, cand: Candidate) -> None:
        k = bisect_left(self.starts, cand.start)
        self.items.insert(k, cand)
        self.starts.insert(k, cand.start)
        self.ends.insert(k, cand.end)


def _introduces(cue: Any, last: Any) -> bool:
    """``said "..."`` or ``told reporters "..."``: a clause verb right before the quote."""
    if cue_kind(cue) != "clause":
        return False
    between = cue.doc[cue.i + 1:last.i + 1]
    return len(between) == 0 or (len(between) == 1 and between[0].dep_ in ("dobj", "dative")
                                 and between[0].pos_ in ("PRON", "PROPN", "NOUN"))


def _supposed(cue: Any) -> bool:
    """A cue verb inside a question or a condition reports nothing said ('a question about
    whether its investors had asked for the cuts', 'if the minister announced a review, ...');
    not 'according to', which the parser hangs on any verb near it."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") and c.i < cue.i for c in cue.children)


def _word_before(tok: Any, floor: int, parsed: bool = True) -> Any | None:
    """The word just before a cue ("Mukan said"), when the parser gave no subject (any
    word, in a language without a parser)."""
    if tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.idx >= floor and (prev.pos_ in ("PROPN", "PRON", "NOUN") if parsed else prev.is_alpha):
        return prev
    if parsed and prev.idx >= floor and prev.pos_ == "ADJ":  # '"...," the 79-year-old said'
        i = prev.i                                           # (the parser made it the verb's
        while i > 0 and tok.doc[i - 1].idx >= floor and (     # modifier, the verb no subject)
                tok.doc[i - 1].pos_ in ("NUM", "NOUN", "ADJ") or tok.doc[i - 1].text == "-"):
            i -= 1
        if i > 0 and i < prev.i and tok.doc[i - 1].idx >= floor and tok.doc[i - 1].pos_ == "DET":
            return prev
    return None


def _clip(doc: Any, rng: tuple[int, int], who: Any, cue: Any = None) -> tuple[int, int] | None:
    """Keep the speaker phrase out of the content (a description between them stays out).
    The phrase ends at its cue: what the parser hung on the speaker past the cue ('X said she
    plans to keep one thing: the sign ...', the sign an apposition of X) is no speaker's."""
    lo, hi = who.left_edge.i, who.right_edge.i + 1
    if cue is not None and who.i < cue.i:
        hi = min(hi, cue.i)
    first = doc[rng[0]]
    if first.i > who.i and any(t.dep_ == "appos" and t.head.i == who.i and t.left_edge.i == first.i
                               for t in who.rights):
        hi = min(hi, first.i)  # 'According to the data, the share ... fell': the content begins there
    start, end = rng
    if start < lo:
        end = _drop_trailing_appositions(doc, start, min(end, lo))
    elif start < hi <= end and lo <= start:
        start = hi
    elif lo <= start and end <= hi:
        return None
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in "\"”’'") or \
            (end > start and doc[end - 1].is_space):
        end -= 1
    while start < end and doc[start].is_punct and doc[start].text not in "\"“‘'":
        start += 1
    return (start, end) if end - start >= 2 else None


def _drop_trailing_appositions(doc: Any, start: int, end: int) -> int:
    """'... the country, IITU's Professor of ..., Saken Mukan told': the description is no content."""
    while True:
        stop = end
        while stop > start and doc[stop - 1].is_punct:
            stop -= 1
        appos = [t for t in doc[start:stop] if t.dep_ == "appos" and t.right_edge.i + 1 == stop]
        if not appos:
            return end
        new_end = min(t.left_edge.i for t in appos)
        while new_end > start and doc[new_end - 1].dep_ == "appos":
            new_end = doc[new_end - 1].left_edge.i
        if new_end <= start or new_end >= end:
            return end
        end = new_end


def _cue_span(tok: Any, kind: str) -> tuple[int, int]:
    if kind == "according":
        to = next(c for c in tok.children if c.lower_ == "to")
        return tok.idx, to.idx + len(to)
    prt = next((c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1), None)
    end = prt if prt is not None else tok
    return tok.idx, end.idx + len(end)


def _overlap(a: Candidate, b: Candidate) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(0, shared) / max(1, min(a.end - a.start, b.end - b.start))


def quoted_words(quote: dict[str, Any]) -> int:
    """Words in a quote's content (its quoted parts for a split quote)."""
    parts = quote.get("parts") or [quote["content"]]
    return sum(len(_WORD.findall(p["text"])) for p in parts)


def count_per_entity(record: Any) -> None:
    """Add ``quotes`` and ``quoted_words`` to every entity (who gets to speak, and how much)."""
    counts: dict[str, list[int]] = {}
    for q in record.quotes:
        who = (q.get("speaker") or {}).get("entity")
        if who:
            c = counts.setdefault(who, [0, 0])
            c[0] += 1
            c[1] += quoted_words(q)
    for e in record.entities:
        e["quotes"], e["quoted_words"] = counts.get(e["id"], [0, 0])


def extract_quotes(record: Any, doc: Any, lang: Any = None) -> list[dict[str, Any]]:
    """The quotes of a parsed record (see the module docstring); ``lang``: its
    :class:`unspun.lang.Language` (English by default)."""
    if doc is None or not record.text.strip():
        return []
    return Extractor(record, doc, lang).run()


@component("quotes", requires=("paragraphs", "layout", "dateline", "entities"), assigns=("quotes", "entities"),
           languages=provides("quote_marks", "quote_cues"))
def quotes(ctx: Context) -> None:
    rec = ctx.record
    try:
        rec.quotes = extract_quotes(rec, ctx.doc, ctx.lang)
    except Exception as exc:  # noqa: BLE001 - odd text must not sink the article
        rec.quotes = []
        rec.warn("W231", message("W231", detail=f"{type(exc).__name__}: {exc}"))
    count_per_entity(rec)
