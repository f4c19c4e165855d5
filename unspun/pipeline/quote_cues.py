"""Cues of reported speech in the parse: the verb (or "according to"), its speaker, its content.

* clause verbs report a clause: ``Mukan said (that) ...``, ``The plan is
  dead, he said``, ``X told Trend the measures ...``;
* object verbs report their object: ``X accused Y of ...``, ``X denied the
  claims``, ``He called the vote "a gross violation"``;
* ``according to X, ...`` and ``..., according to X`` report the rest of the
  sentence.

Functions take spaCy tokens and return token index ranges (end exclusive).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from ..lang import inflections
from ..lang import lemma as token_lemma
from .quote_speakers import lexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass")
_TIME = re.compile(r"\d:\d\d|^[ap]\.m\.?$", re.IGNORECASE)
_CLIMB_DEPS = ("conj", "xcomp", "advcl", "pcomp", "acl")
_EDGE_PUNCT = set(",;:—–-()[]") | {"''", "``"}
_WH_TAGS = ("IN", "WDT", "WP", "WRB")
_QUOTE_CHARS = set("\"“”‘’«»") | {"''", "``"}


class SentenceIndex:
    """The sentences of a doc, found once: ``tok.sent`` walks the whole sentence (and
    checks every token of the doc) on each call, which adds up in a very long sentence."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.sents = list(doc.sents) if len(doc) else []
        self.starts = [s.start for s in self.sents]
        self._reports: list[int] | None = None

    def of(self, i: int) -> Any:
        """The sentence holding token ``i``."""
        return self.sents[bisect_right(self.starts, i) - 1]

    def next_report(self, lo: int, hi: int) -> int | None:
        """The first token in ``lo:hi`` that starts a new report (:func:`_starts_report`)."""
        if self._reports is None:
            doc = self.doc
            self._reports = [t.i for t in doc if t.dep_ == "advcl" and t.tag_ == "VBG"
                             and t.i > 0 and _starts_report(t)]
        k = bisect_left(self._reports, lo)
        return self._reports[k] if k < len(self._reports) and self._reports[k] < hi else None


def cue_candidates(doc: Any, lang: Any = None) -> list[int]:
    """Indices of tokens whose lemma is a cue word (a fast pre-filter for :func:`cue_kind`).

    The lemma is the backend's, or, for a language whose folder has ``lemmas.json``,
    the form looked up there (a language without a lemmatizer)."""
    if not len(doc):
        return []
    lex = lexicon(lang.code) if lang is not None else lexicon()
    words = lex.get("clause_verbs", frozenset()) | lex.get("object_verbs", frozenset()) \
        | frozenset(lex.get("particle_verbs", {}))
    if lang is not None and lang.lemmas:
        return [t.i for t in doc if lang.lemma(t.lower_) in words]
    strings = doc.vocab.strings
    according = {strings.add(w) for w in lex.get("according", ())}
    lowers = doc.to_array("LOWER").tolist()
    forms = inflections(doc, words)
    if forms is not None:  # lemmas on demand: only for the forms that may have a cue lemma
        maybe = _hashes(strings, forms)
        return [i for i, low in enumerate(lowers) if low in according
                or low in maybe and token_lemma(doc[i]) in words]
    wanted = {strings.add(w) for w in words}
    lemmas = doc.to_array("LEMMA").tolist()
    return [i for i, (lem, low) in enumerate(zip(lemmas, lowers)) if lem in wanted or low in according]


_HASHED: dict[tuple[int, frozenset[str]], frozenset[int]] = {}


def _hashes(strings: Any, forms: frozenset[str]) -> frozenset[int]:
    """The string-store hashes of ``forms``, added once per string store."""
    key = (id(strings), forms)
    if key not in _HASHED:
        _HASHED[key] = frozenset(strings.add(f) for f in forms)
    return _HASHED[key]


def cue_kind(tok: Any) -> str | None:
    """``"clause"``, ``"object"``, ``"according"`` or None for a token that is no cue."""
    lex = lexicon()
    low = tok.lower_
    if low in lex.get("according", ()) and any(c.lower_ == "to" for c in tok.children):
        return "according"
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD":
        return None
    lemma = token_lemma(tok).lower()
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return None
    particle = lex.get("particle_verbs", {}).get(lemma)
    if particle is not None:  # 'shot back that ...'
        return "clause" if any(c.dep_ in ("prt", "advmod") and c.i == tok.i + 1 and c.lower_ == particle
                               for c in tok.children) else None
    if lemma in lex["clause_verbs"]:
        return "clause"
    if lemma in lex["object_verbs"]:
        return "object"
    return None


def _asked(tok: Any) -> bool:
    """A verb whose subject is the one it is put to: passive ('was asked whether ...', 'after
    being questioned about ...') or a bare participle ('Asked if she would run again,
    Tremblay smiled', 'When asked whether ...'); a conjoined participle shares its head's voice."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    if tok.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("nsubj", "aux", "expl", "csubj") for c in tok.children):
        return False
    if tok.dep_ == "conj":
        return tok.tag_ == "VBN" and _asked(tok.head)
    return tok.dep_ in ("advcl", "acl")


def _passive(tok: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _asker(tok: Any) -> Any | None:
    """Who put the question of a passive asking verb: its 'by' agent ('was asked by
    reporters whether ...')."""
    for child in tok.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def asked_by_nobody(tok: Any) -> bool:
    """'When asked whether the plan would fail, Okafor said ...', 'She was asked if ...': the
    question is the unnamed asker's (a reporter's), not words of the one asked; it reports
    nothing said by anyone the article names. A question with its asker as the subject
    ('Reporters asked whether ...') or as its 'by' agent stays a report."""
    return token_lemma(tok).lower() in lexicon().get("asking_verbs", ()) and _asked(tok) \
        and _asker(tok) is None


def told_by_nobody(tok: Any) -> bool:
    """'Residents were told to leave', 'The court was told he had 12 convictions': the passive
    of a verb addressed to someone (``xcomp_verbs``; the asking verbs aside, see
    :func:`asked_by_nobody`) with no 'by' agent: its subject is the one told, not the speaker,
    whom the sentence does not name."""
    lemma = token_lemma(tok).lower()
    lex = lexicon()
    return lemma in lex.get("xcomp_verbs", ()) and lemma not in lex.get("asking_verbs", ()) \
        and _passive(tok) and _asker(tok) is None


def is_cue_verb(tok: Any) -> bool:
    """Whether ``tok`` can attribute a direct quote placed beside it."""
    return cue_kind(tok) in ("clause", "object")


def subject(tok: Any) -> Any | None:
    """The speaker token of a cue: its subject, climbing through conjoined and participle verbs."""
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    quoted = _quoted_as_saying(tok)
    if quoted is not None:
        return quoted
    cur = _reporting_verb(tok)
    addressed = lexicon().get("asking_verbs", ()) if not _passive(tok) \
        else set(lexicon().get("asking_verbs", ())) | set(lexicon().get("xcomp_verbs", ()))
    if token_lemma(tok).lower() in addressed and _asked(tok) and _asker(tok) is not None:
        # 'she was asked by reporters whether ...', 'were warned by the agency that ...': the
        # one who spoke, not the one addressed
        return _asker(tok)
    for _ in range(4):
        subjects = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        # "The study's co-author, Dr. X, said": the parser may make each piece of a hyphenated
        # word a subject; the last piece is the word's head
        subjects = [c for c in subjects if not hyphen_piece(c)] or subjects
        subjects = _apposition_read_as_subject(subjects) or subjects
        if subjects:  # '4:15 p.m. Trump says ...': a live blog's time stamp is nobody
            who = next((c for c in subjects if not _TIME.search(c.text)), None)
            return None if who is None else past_title(who)
        for child in cur.children:
            if child.dep_ == "agent":  # "was quoted by X"
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if cur is tok:
            joined = _subject_read_as_conjunct(tok)
            if joined is not None:
                return joined
        if cur.head.i == cur.i and not child_expl(cur):
            return _subject_in_opener(cur)
        if child_expl(cur) or cur.dep_ not in _CLIMB_DEPS:
            return None
        cur = cur.head
    return None


def _subject_read_as_conjunct(cue: Any) -> Any | None:
    """"... near Miscou Island, Fisheries and Oceans Canada said": the parser joins the
    names after the comma to the name before it and the cue to the sentence's verb, with no
    subject; the names between the comma and the cue, a conjunct ending right before the
    cue, are its subject."""
    if cue.dep_ != "conj" or cue.i < 3:
        return None
    for k in range(cue.i - 2, max(cue.i - 10, 0), -1):
        tok = cue.doc[k]
        if tok.text == ",":
            first = cue.doc[k + 1]
            if first.dep_ == "conj" and first.pos_ in ("PROPN", "NOUN") and first.right_edge.i == cue.i - 1 \
                    and first.head.i < k:
                doc = cue.doc  # a listed name's one-word items before it ("Immigration,
                while k >= 2 and doc[k - 1].pos_ == "PROPN" and doc[k - 2].text == "," \
                        and doc[k - 1].is_title:  # Refugees and Citizenship Canada") are its own
                    k -= 2
                return doc[k + 1]
            return None
        if tok.is_sent_start or tok.pos_ in ("VERB", "AUX"):
            return None
    return None


def _apposition_read_as_subject(subjects: list[Any]) -> list[Any]:
    """"Her former partner on the ambulance, Derek Nakamura, who ..., says": the parser may
    make a name in apposition a second subject of the cue; the name is the speaker (a
    person's name right after a common-noun subject, set off by a comma or not: "Tundra Gold
    chief executive Paul Grenier-Okoye said", the hyphen misleading the parser); else []."""
    if len(subjects) < 2 or subjects[0].pos_ != "NOUN":
        return []
    doc = subjects[0].doc
    after = subjects[0].right_edge.i + 1
    for name in subjects[1:]:
        first = name.left_edge
        if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and first.i > 0 \
                and (first.i == after or doc[first.i - 1].text == "," and first.i - 1 == after) \
                and not any(t.pos_ == "CCONJ" for t in doc[subjects[0].i:first.i]):  # "Police and X"
            return [name]
    return []


def hyphen_piece(tok: Any) -> bool:
    """Whether ``tok`` is a hyphen inside a word or a piece before it ("co" and "-" of
    "co-author", "vice" of "vice-president")."""
    doc = tok.doc
    if tok.text == "-":
        return tok.i > 0 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_ \
            and tok.i + 1 < len(doc)
    return not tok.whitespace_ and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" \
        and not doc[tok.i + 1].whitespace_


def _quoted_as_saying(tok: Any) -> Any | None:
    """'The broadcaster quoted a farmer as saying ...': the one quoted (the object of a
    ``quoting_verbs`` verb) is the speaker of the participle after its 'as'."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as" or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head
    if token_lemma(verb).lower() not in lexicon().get("quoting_verbs", ()):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)


def _subject_in_opener(verb: Any) -> Any | None:
    """A subject the parser hung, as an apposition, on the noun of the phrase that opens the
    sentence ('In a memo seen by the paper, the chief executive, Ana Ruiz, said ...', 'Speaking
    by phone from the capital, an official who asked not to be named said ...'): the
    apposition whose phrase ends right before the verb (or its comma), when the verb has no
    subject of its own."""
    doc = verb.doc
    j = verb.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    tok = doc[j]
    while tok.dep_ != "appos" and tok.head.i < verb.i and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "appos" or tok.right_edge.i != j:
        return None
    while tok.head.dep_ == "appos" and tok.head.i < tok.i:
        tok = tok.head  # 'the chief executive, Ana Ruiz': the first of the chain
    opener = tok.head
    while opener.head.i < verb.i and opener.head.i != opener.i:
        opener = opener.head  # the opening phrase, hung on the verb
    if opener.head.i != verb.i or opener.dep_ not in ("prep", "advcl") or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return tok


def _reporting_verb(tok: Any) -> Any:
    """', adding, "..."' / ', saying ...': a participle cue inside a reported clause
    shares the subject of the cue verb that reports the clause."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl":
        return tok
    cur = tok.head
    for _ in range(4):
        if cue_kind(cur) is not None:
            return cur
        if cur.head is cur:
            break
        cur = cur.head
    return tok


def past_title(tok: Any) -> Any:
    """The name after a title abbreviation the parser took for the speaker ('said Coun.
    Evelyn Marsh': the subject is 'Coun', the sentence split after its period), also a
    compound one ('said Lt.-Cmdr. Brennan Aucoin')."""
    doc = tok.doc
    titles = lexicon().get("title_abbreviations", ())
    parts = [p for p in re.split(r"[.-]+", tok.lower_) if p]  # "Lt.-Cmdr.": each part a title
    if not parts or any(p not in titles for p in parts) or tok.i + 2 >= len(doc) \
            or doc[tok.i + 1].text != "." or doc[tok.i + 2].pos_ != "PROPN":
        return tok
    name = doc[tok.i + 2]
    while name.head.i > name.i and name.head.pos_ == "PROPN" and name.dep_ == "compound":
        name = name.head
    return name


def child_expl(tok: Any) -> bool:
    return any(c.dep_ == "expl" for c in tok.children)


def inverted_subject(tok: Any) -> Any | None:
    """A subject after the cue ("... ," said Mukan), when the parser missed it."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("PROPN", "PRON", "NOUN", "DET"):
        return past_title(nxt) if nxt.pos_ != "DET" else nxt.head
    return None


def content_range(tok: Any, kind: str, index: SentenceIndex | None = None,
                  bounds: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Token range of what the cue reports, inside the cue's sentence; None if none.
    ``index`` (the doc's, when given) finds sentences and reports without rescanning;
    ``bounds`` (token indices: the cue's paragraph) keeps only the clauses inside them."""
    sent = tok.sent if index is None else index.of(tok.i)
    if kind == "according":
        return _according_content(tok, sent)
    found = _verb_content(tok, kind, sent, index, bounds)
    if found is None and kind == "clause" and token_lemma(tok).lower() in lexicon()["object_verbs"]:
        found = _verb_content(tok, "object", sent, index, bounds)
    if found is None and kind in ("clause", "object") and attribution_inside(tok) is not None:
        # the clause the attribution is set in; for one the parser took for a relative clause
        # ('..., a cut of 35 per cent, the department announced.'), the whole sentence's
        head = sent.root if tok.dep_ == "relcl" else tok.head
        found = trim(tok.doc, max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end))
    if found is None and kind == "clause":
        joined = _subject_read_as_conjunct(tok)  # "A whale was seen near Miscou Island,
        if joined is not None:  # Fisheries and Oceans Canada said": up to the comma
            found = trim(tok.doc, max(tok.head.left_edge.i, sent.start), joined.i - 1)
    return found


MAX_ASIDE_TOKENS = 12


def attribution_inside(tok: Any) -> tuple[int, int, int] | None:
    """An attribution set inside (or before, or after) the clause it reports, its cue with
    nothing to report of its own: 'The decision, she said, was final.', 'The plan is dead,
    he said.' (the parser hangs the cue on that clause as ``parataxis``, or, set off by a
    comma after it, as ``ccomp``: 'Instead, Ellis told CBC, the plan ...'), 'As the Post
    reported, ...' (an ``as`` clause), 'X, according to Y, did Z'.  Returns the token range of the attribution (with
    its commas), which the content leaves out, and where the content must end (a
    participle of the cue: '..., citing ...'); None for any other cue."""
    doc = tok.doc
    if cue_kind(tok) == "according":  # 'X, according to Y, did Z'
        start, end = tok.left_edge.i, tok.right_edge.i + 1
        before = start > 0 and doc[start - 1].text == ","
        after = end < len(doc) and doc[end].text == ","
        return start - before, end + after, len(doc)
    if tok.head.pos_ not in ("VERB", "AUX") and tok.dep_ != "relcl" or tok.head is tok:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None:
        return None  # 'as it is written': a passive cue names no speaker
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < subj.i
                                   for c in tok.children):
        start, stop = tok.left_edge.i, tok.right_edge.i + 1  # 'As the Post reported, ...'
    elif tok.dep_ in ("ccomp", "advcl", "relcl") and tok.i > tok.head.i and _closes_sentence(tok, subj):
        # '..., police say' / '..., X confirmed.' (a relative clause has no comma before its
        # subject: '..., a cut of 35 per cent, the department announced.' is an attribution)
        start, stop = subj.left_edge.i, tok.right_edge.i + 1
    elif tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and tok.i < tok.head.i:
        start = subj.left_edge.i
        # the cue's own words after it ('said on Monday') up to its comma; a participle of
        # the cue after that ('..., citing weak orders') is the attribution's, not the content
        stop = next((c.i for c in tok.children if c.i > tok.i and c.dep_ == "advcl"), tok.right_edge.i + 1)
    else:
        return None
    end = tok.i + 1
    while end < stop and doc[end].text != ",":
        end += 1
    after = end < len(doc) and doc[end].text == ","
    before = start > 0 and doc[start - 1].text == ","
    if tok.dep_ == "ccomp" and tok.i < tok.head.i and not after or tok.dep_ == "parataxis" and not before:
        return None  # set off by commas: an aside, not a clause of the sentence
    start, end = start - before, end + after
    if end - start > MAX_ASIDE_TOKENS:
        return None
    return start, end, (stop if stop <= tok.right_edge.i else len(doc))


def _closes_sentence(tok: Any, subj: Any) -> bool:
    """An attribution after the clause it reports, the parser having hung it on that clause
    ('Man charged after stabbing, police say', '... will close, Nova Scotia Health confirmed
    Wednesday.'): a comma before its subject, its subject right before it and nothing after
    its own words but the sentence's end, and no content of its own."""
    doc = tok.doc
    start = subj.left_edge.i
    if start == 0 or doc[start - 1].text != "," or subj.right_edge.i != tok.i - 1 \
            and not all(t.dep_ in ("aux", "advmod") for t in doc[subj.right_edge.i + 1:tok.i]):
        return False
    end = tok.right_edge.i + 1
    while end > tok.i + 1 and doc[end - 1].is_space:
        end -= 1  # a paragraph break the parser hung on the sentence's stop
    while end > tok.i + 1 and doc[end - 1].text in (".", "!", "?"):
        end -= 1
    if end < len(doc) and not (doc[end].is_space or doc[end].text in (".", "!", "?")):
        return False
    return not any(c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in tok.children)


def _verb_content(tok: Any, kind: str, sent: Any, index: SentenceIndex | None = None,
                  bounds: tuple[int, int] | None = None) -> tuple[int, int] | None:
    lex = lexicon()
    parts = []
    # an active cue with nobody addressed before its infinitive: the subject's own wish ('who
    # asked not to be named'); in the passive its subject is the one addressed ('was asked to ...')
    wants = token_lemma(tok).lower() in lex["xcomp_verbs"] and any(c.dep_ == "nsubj" for c in tok.children)
    for child in tok.children:
        dep = child.dep_
        if wants and dep == "xcomp" and not any(c.dep_ in ("dobj", "dative") and tok.i < c.i < child.i
                                                for c in tok.children):
            continue
        if dep == "ccomp" or (dep == "parataxis" and child.i < tok.i):
            parts.append(child)
        elif kind == "object" and child.i > tok.i and dep in lex["object_deps"]:
            if dep == "prep" and child.lower_ not in lex["object_preps"]:
                continue
            parts.append(child)
        elif dep == "xcomp" and child.i > tok.i and token_lemma(tok).lower() in lex["xcomp_verbs"]:
            parts.append(child)
            # 'urged the university to look ...': who is urged belongs to the content
            parts.extend(c for c in tok.children if c.dep_ in ("dobj", "dative") and tok.i < c.i < child.i)
        elif dep == "dobj" and child.i > tok.i and token_lemma(tok).lower() in lex["question_verbs"]:
            parts.append(child)
        elif dep == "prep" and kind == "clause" and child.i > tok.i:
            parts.extend(_that_clause_of_noun(child))
        elif dep == "dobj" and kind == "clause" and child.i > tok.i:
            parts.extend(_that_clause_on(child, token_lemma(tok).lower() in lex.get("addressee_verbs", ())))
        elif dep == "conj" and child.i > tok.i and parts and (
                _that_marked(child) or any(p.dep_ == "ccomp" for p in parts) and _backshifted(tok, child)):
            # 'said that A and that B', 'said it was sorry and was working ...': the parser may
            # join B to the cue
            parts.append(child)
    if not parts and kind == "clause":
        parts = _misread_clause(tok)
    if all(p.dep_ == "dobj" for p in parts) and token_lemma(tok).lower() in lex["xcomp_verbs"]:
        parts = _infinitive_on_object(tok) or parts  # ('asked the mayor' alone is no question)
    parts = parts + _subject_read_as_object(tok, parts)
    xcomp = next((p for p in parts if p.dep_ == "xcomp" and p.i > tok.i), None)
    if xcomp is not None:  # 'called on the government to act': who is called on belongs to it
        parts.extend(c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                     and tok.i < c.i < xcomp.i and c not in parts)
    asked = [c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and _asks_by_mark(c)] \
        if token_lemma(tok).lower() in lex["question_verbs"] else []
    if asked:  # 'asked the workers if they planned to vote': the question, not who was asked
        parts = asked[:1]
    parts = speech_parts(tok, parts)
    if bounds is not None:  # the parser's sentence may run over a paragraph break
        parts = [p for p in parts if p.left_edge.i < bounds[1] and p.right_edge.i >= bounds[0]]
    if not parts:
        return None
    right = [p for p in parts if p.i > tok.i]
    # a clause ended by a semicolon before the cue is the author's own ('Outbreak grows to 61
    # cases; officials urge vaccination')
    left = [p for p in parts if p.i < tok.i
            and not any(t.text == ";" for t in tok.doc[p.right_edge.i + 1:tok.i])]
    chosen = right if right else left
    if not chosen:
        return None
    start = min(p.left_edge.i for p in chosen)
    end = max(_clause_end(p, index) for p in chosen)
    if chosen is right and kind == "clause":
        end = _misattached_tail(tok, end, sent.end)
        start = min(start, _that_before(tok, start))
        if start + 1 < end and tok.doc[start].dep_ == "advmod" and tok.doc[start + 1].dep_ == "mark" \
                and tok.doc[start + 1].lower_ == "that":
            start += 1  # 'said only that ...': the adverb is the saying's
        if end + 1 < sent.end and tok.doc[end].text == ":" and not any(
                t.text in _QUOTE_CHARS or cue_kind(t) is not None for t in tok.doc[end + 1:sent.end]):
            end = sent.end  # 'said she plans to keep one thing: the sign over the door': what it is
    if any(p.i == start and p.dep_ == "prep" and p.i + 1 < end for p in chosen):
        start += 1  # 'warned of a rise in defaults', 'called for an audit': what, not 'of' what
    return trim(tok.doc, max(start, sent.start), min(end, sent.end))


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _misread_clause(tok: Any) -> list[Any]:
    """A reported clause the parser read as the object of a verb that takes none ('said the buns
    sold out in 40 minutes': 'buns' the object, 'sold' a participle on it; 'saying too many
    reached shelves'): the object with a verb of its own, and the cue's words after it. Only
    for a verb that reports nothing but a clause (``clause_only_verbs``); one that takes a noun
    can take it with a participle ('reported capital gains held for two years')."""
    if token_lemma(tok).lower() not in lexicon().get("clause_only_verbs", ()):
        return []
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    if not any(t.tag_ in _FINITE and t.dep_ in ("amod", "compound", "acl", "relcl")
               or t.dep_ == "acl" and t.head.i == obj.i and t.tag_ in ("VBN", "VBD") and t.i > obj.i
               for t in obj.subtree if t is not obj):
        return []
    return [obj] + [c for c in tok.rights if c.i > obj.i and c.dep_ in ("prep", "advmod", "npadvmod")]


def _infinitive_on_object(cue: Any) -> list[Any]:
    """'asked anyone with information to contact police': the parser may hang the infinitive
    of a verb addressed to someone on the addressee's phrase; the addressee and its phrase,
    infinitive included, are what was asked."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None:
        return []
    phrase = [obj] + [c for c in cue.rights if c.i > obj.i and c.dep_ == "prep"]
    if any(t.dep_ == "acl" and t.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
           for p in phrase for t in p.subtree):
        return phrase
    return []


def _misattached_tail(cue: Any, end: int, stop: int) -> int:
    """'say the draining destroyed their fishery, their food sources and the village sites': a
    list the parser broke off the reported clause and hung on the cue as an unlabelled
    ``dep`` right after the clause's comma runs on with it."""
    doc = cue.doc
    after = end + 1 if end < stop and doc[end].text == "," else end
    if after < stop and doc[after - 1].text == ",":
        tail = next((c for c in cue.children if c.dep_ == "dep" and c.left_edge.i == after
                     and c.pos_ in ("NOUN", "PROPN")), None)
        if tail is not None:
            return tail.right_edge.i + 1
    return end


def _subject_read_as_object(cue: Any, parts: list[Any]) -> list[Any]:
    """'said his party's result, up three points, was "a floor"': the parser may take the
    subject of the reported clause for the cue's object when a phrase sets it off; a clause
    with no subject of its own after the cue's object has that object for its subject (not
    after a verb addressed to someone, whose object is the one addressed)."""
    lex = lexicon()
    if token_lemma(cue).lower() in set(lex.get("xcomp_verbs", ())) | set(lex.get("asking_verbs", ())):
        return []  # 'tells staff ...': the object of a verb addressed to someone is who is told
    clause = next((p for p in parts if p.dep_ == "ccomp" and p.i > cue.i), None)
    if clause is None or any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj") for c in clause.children):
        return []
    return [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause.left_edge.i
            and c.pos_ in ("NOUN", "PROPN")]


def speech_parts(cue: Any, parts: list[Any]) -> list[Any]:
    """The parts of a cue's content that report speech (reported speech is a clause or a
    quotation, or the message a verb of saying names; not the thing a verb acts on):

    * a negated or refused cue with a question for its content reports nothing said ('would
      not say whether ...', 'the statement did not say how ...', 'declined to say whether ...');
    * in a relative clause whose object is the relative pronoun (or missing), the thing
      described lies outside the content: what is said of it is no report ('the game,
      which the Jets had called a must-win') unless it quotes words;
    * a target verb (``target_verbs``: rejected, criticized, blamed, accused ...)
      reports speech only through a clause, a gerund ('accused X of hiding ...'), a
      noun's 'that' clause or quoted words, not through the noun it targets ('rejected
      the union's numbers', 'criticized the force for how it handled ...'); nor does an
      asking verb through nothing but nouns: the one it asks, the thing asked about or
      for ('asked the ministry about the appeal', 'asked for more patrols'), nor a cue in the infinitive ('granted anonymity
      to describe private discussions')."""
    if not parts:
        return parts
    if _refused(cue) and any(_asks(p) for p in parts):
        return []
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None and cue.dep_ == "relcl" or obj is not None and obj.tag_ in ("WDT", "WP"):
        parts = [p for p in parts if not _predicates(p) or _quotes(p)]
    lemma = token_lemma(cue).lower()
    if (lemma in lexicon().get("target_verbs", ()) or _infinitive(cue)) \
            and not any(_proposition(p) for p in parts):
        return []
    if lemma in lexicon().get("asking_verbs", ()) and not any(
            _proposition(p) or any(t.pos_ in ("VERB", "AUX") for t in p.subtree) for p in parts):
        return []  # 'asked the ministry about the appeal': whom it asked, about what
    return parts


def _refused(cue: Any) -> bool:
    """A cue negated ('would not say') or under a refusal ('declined to say', ``refusal_verbs``)."""
    return any(c.dep_ == "neg" for c in cue.children) or cue.dep_ == "xcomp" \
        and token_lemma(cue.head).lower() in lexicon().get("refusal_verbs", ())


def _infinitive(cue: Any) -> bool:
    """A cue in the infinitive ('granted anonymity to describe ...'): it names what someone may
    or means to do, not what was done, so a noun it takes is no report (a clause still is:
    'went on to say that ...')."""
    return cue.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def _predicates(part: Any) -> bool:
    """What a cue says of its object ('called it a formality', 'described it as ...')."""
    return part.dep_ in ("oprd", "attr") or part.dep_ == "prep" and part.lower_ == "as"


def _asks_by_mark(clause: Any) -> bool:
    """An embedded question the parser took for an adverbial clause: 'if' or 'whether' marks it."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


def _asks(clause: Any) -> bool:
    """A clause that is an embedded question: it opens with 'whether', 'if' or a wh-word."""
    return clause.dep_ in ("ccomp", "xcomp", "pcomp") and clause.left_edge.tag_ in _WH_TAGS \
        and clause.left_edge.lower_ in lexicon().get("question_words", ())


def _proposition(part: Any) -> bool:
    """A part that reports something said: a clause (a reported question too), a gerund after a
    preposition ('of hiding', 'for not doing'), a noun with its 'that' clause ('the claim
    that ...'), or quoted words."""
    if part.dep_ in ("ccomp", "xcomp", "parataxis"):
        return True
    preps = [part] if part.dep_ == "prep" else [c for c in part.children if c.dep_ == "prep"]
    if any(c.dep_ in ("pcomp", "pobj") and c.tag_ == "VBG" for p in preps for c in p.children):
        return True  # the parser may hang 'of hiding' on the verb or on its object
    if any(c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
           for c in part.children):
        return True
    return _quotes(part)


def _quotes(part: Any) -> bool:
    """Whether quoted words are in ``part`` ('described it as "an intentional act"')."""
    return any(t.text in _QUOTE_CHARS for t in part.subtree)


def _that_clause_of_noun(prep: Any) -> list[Any]:
    """'said in a statement that the agency had ...': the parser may hang the reported
    clause on the preposition's noun (a clause opened by 'that' as its marker)."""
    return [acl for pobj in prep.children if pobj.dep_ == "pobj"
            for acl in pobj.children if acl.i > pobj.i
            and (acl.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in acl.children)
                 or acl.dep_ == "relcl" and _misread_that(acl))]


def _that_clause_on(noun: Any, told: bool) -> list[Any]:
    """'told the inquest that the company had provided water stations': after a verb whose
    object is the one told (``told``), the parser may hang the reported clause on that
    object, as a clause opened by 'that' as its marker with a subject of its own, or as a
    relative clause with a subject of its own, a finite verb, no relative word and no gap
    ('told the inquest the company had provided ...'; not 'tell the I.R.S. anything it
    doesn't already know')."""
    if not told:
        return []
    out = []
    for acl in noun.children:
        if acl.i < noun.i or not any(c.dep_ in SUBJECT_DEPS for c in acl.children):
            continue
        marked = acl.dep_ == "acl" and _that_marked(acl)
        bare = acl.dep_ == "relcl" and acl.left_edge.tag_ not in _WH_TAGS \
            and acl.left_edge.lower_ != "that" and (acl.tag_ in _FINITE or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in acl.children))
        if marked or bare and any(c.dep_ in _COMPLETE for c in acl.children):
            out.append(acl)
    return out


# a verb with one of these has no gap a relative pronoun fills ('the company had provided
# water stations', 'the policy was adequate', 'the workers were warned')
_COMPLETE = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass")


def _misread_that(relcl: Any) -> bool:
    """'said in a news release that several centres would open': the parser may take the
    'that' opening the reported clause for a relative pronoun, the object of the clause's verb;
    a 'that' marking the clause, or a 'that' object with a subject of its own and a modal or
    auxiliary before its verb (a relative clause on the statement, 'the statement that it
    issued', has no auxiliary)."""
    that = relcl.left_edge
    if that.lower_ != "that" or that.head.i != relcl.i or that.dep_ not in ("mark", "dobj"):
        return False
    return that.dep_ == "mark" or any(c.dep_ in SUBJECT_DEPS and c.i > that.i for c in relcl.children) \
        and any(c.dep_ in ("aux", "auxpass") and c.i > that.i for c in relcl.children)


def _clause_end(head: Any, index: SentenceIndex | None = None) -> int:
    """End of a reported clause: its subtree, less a conjoined report of its own
    ("most said A, and 4 in 10 said B": B is another attribution)."""
    end = head.right_edge.i + 1
    refusals = lexicon().get("refusal_verbs", ())
    as_clause = _closing_as_clause(head, end)
    if as_clause is not None:
        end = as_clause
    for child in head.rights:
        if child.dep_ == "conj" and (cue_kind(child) is not None and _own_report(child)
                                     or token_lemma(child).lower() in refusals and child.tag_ == "VBD"
                                     and head.tag_ in ("VBZ", "VBP")):
            # '... his client intends to plead not guilty and declined to comment further': a refusal
            # in the cue's past, not the reported clause's present, is the author's account
            end = min(end, _before_joint(child))
    if index is not None:
        nxt = index.next_report(head.i + 1, end)
        return end if nxt is None else min(end, nxt)
    for tok in head.doc[head.i + 1:end]:
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _starts_report(tok):
            return min(end, tok.i)
    return end


def _closing_as_clause(head: Any, end: int) -> int | None:
    """'said it will cut 600 jobs, as the producer trims spending': an 'as' clause with a subject
    and a verb of its own closing the reported clause after a comma is the author's context
    (its comma's index); not an elliptical comparison ('..., as the other plan would')."""
    doc = head.doc
    for tok in doc[head.i + 1:end]:
        mark = tok.left_edge
        if tok.dep_ == "advcl" and tok.pos_ == "VERB" and tok.tag_ != "MD" and tok.right_edge.i + 1 >= end \
                and mark.lower_ == "as" and mark.dep_ == "mark" and mark.i > head.i + 1 \
                and doc[mark.i - 1].text == "," and any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            return mark.i - 1
    return None


def _that_marked(clause: Any) -> bool:
    """A clause opened by 'that' (its marker): a second reported clause ('and that ...')."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i for c in clause.children)


_SHIFTED_AUX = ("VBD", "VBZ", "VBP", "MD")


def _backshifted(cue: Any, conj: Any) -> bool:
    """A verb the parser joined to the cue that continues the reported clause ('said it was
    sorry and was working with regulators', 'says the plant is safe and will reopen'): no
    subject of its own, an auxiliary of its own (the cue's conjoined act would share the
    cue's plain tense: 'said A and left') or a past 'be' or 'have' of its own ('said she was
    monitoring it but had no plans to act'), active, and no speech act itself ('and would not
    comment'); 'did' is the author's ('said A but did not say B')."""
    children = list(conj.children)
    if any(c.dep_ in ("auxpass", "expl", "csubj") for c in children) \
            or any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return False
    aux = [c for c in children if c.dep_ == "aux" and c.i < conj.i]
    if not aux and conj.tag_ in _SHIFTED_AUX and token_lemma(conj).lower() in ("be", "have") \
            and not any(c.dep_ in SUBJECT_DEPS for c in children):
        aux = [conj]  # 'said she was monitoring it but had no plans to intervene': 'had' is backshifted
    if any(c.dep_ in SUBJECT_DEPS for c in children):
        # 'said A, but none would start before May': a clause of its own, its modal backshifted
        aux = [a for a in aux if a.tag_ == "MD"]
    lex = lexicon()
    return bool(aux) and all(a.tag_ in _SHIFTED_AUX and token_lemma(a).lower() != "do" for a in aux) \
        and token_lemma(conj).lower() not in lex.get("refusal_verbs", ()) \
        and not any(cue_kind(t) is not None for t in conj.subtree)  # 'but could not resist pointing out ...'


def _own_report(conj: Any) -> bool:
    """A conjoined cue that is another report: with a subject of its own ('most said A,
    and 4 in 10 said B') or a finite verb of its own ('she promised A and said B'); not
    one that continues the reported clause ('was reviewing it and would not comment')."""
    if _that_marked(conj):
        return False  # 'said A, but that the city could not guarantee B': the same report
    children = list(conj.children)
    if any(c.dep_ in SUBJECT_DEPS for c in children):
        return True
    return conj.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in children)


def _starts_report(tok: Any) -> bool:
    """', adding, "..."': a participle cue after a comma or quotation mark starts the next
    report; so does the participle of a verb of pointing to evidence (``citing_verbs``:
    '..., pointing to two missed power plays', '..., citing weak orders'), the speaker's act.
    A clause verb with a noun for its object and no clause reports nothing ('..., adding
    snowmelt to the runoff')."""
    if tok.doc[tok.i - 1].text not in (",", "”", '"'):
        return False
    if token_lemma(tok).lower() in lexicon().get("citing_verbs", ()):
        return True
    kind = cue_kind(tok)
    if kind == "clause" and token_lemma(tok).lower() not in lexicon()["object_verbs"] \
            and any(c.dep_ == "dobj" and c.tag_ not in _WH_TAGS for c in tok.children) \
            and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return False
    return kind is not None


def _before_joint(conj: Any) -> int:
    """Index where a conjoined clause starts, including its 'and'/'but' and comma."""
    i = conj.left_edge.i
    doc = conj.doc
    while i > 0 and (doc[i - 1].dep_ == "cc" or doc[i - 1].text == ","):
        i -= 1
    return i


def _that_before(tok: Any, start: int) -> int:
    i = start - 1
    if i > tok.i and tok.doc[i].lower_ == "that":
        return i
    return start


def _according_content(tok: Any, sent: Any) -> tuple[int, int] | None:
    doc = tok.doc
    phrase = list(tok.subtree)
    p_start, p_end = phrase[0].i, phrase[-1].i + 1
    verb = tok.head
    if not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj") for c in verb.children):
        # 'According to the health data, the share of ... fell': the parser hung the subject of
        # the verb on the source as an apposition; the phrase ends at the comma before it
        appos = [t for t in phrase if t.dep_ == "appos" and t.head.dep_ == "pobj"
                 and t.right_edge.i + 1 == verb.i and doc[t.left_edge.i - 1].text == ","]
        if appos:
            p_end = appos[0].left_edge.i - 1
    before = trim(doc, sent.start, p_start)
    after = trim(doc, p_end, sent.end)
    size = lambda r: r[1] - r[0] if r else 0  # noqa: E731
    if size(before) <= 1 and size(after) >= 2:
        return after
    if size(after) <= 1 and size(before) >= 2:
        return before
    if size(before) >= 2 and size(after) >= 2:
        nxt = next((t for t in doc[p_end:sent.end] if not t.is_punct and not t.is_space), None)
        if nxt is not None and nxt.tag_ == "VBG" and nxt.dep_ == "advcl":
            # '..., according to a study, adding to a debate': the author's sentence goes on
            return before
        return trim(doc, sent.start, sent.end)  # "X, according to Y, did Z"
    return None


def trim(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """Drop edge punctuation, conjunctions and spaces (quotation marks stay)."""
    while start < end and (doc[start].text in _EDGE_PUNCT or doc[start].is_space
                           or doc[start].dep_ == "cc" or doc[start].text in (".", "!", "?")):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space
                           or doc[end - 1].text in (".", "!", "?")):
        end -= 1
    return (start, end) if end - start >= 1 else None
