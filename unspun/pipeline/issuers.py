"""Who issued a document that speaks ("The statement said", "According to the report").

A document is no speaker: it speaks for whoever issued it.  Helpers of
:mod:`.quote_speakers` over a spaCy parse, each giving the tokens where the
article names the issuer:

* :func:`issuer_parts`: the document's own phrase names it, as a possessive
  ("the ministry's statement", "her report"), after "by", "from" or "of" ("A
  statement from the office of Minister Raymond Tait", "a report by Halifax
  Water") or as the agent of a participle ("a study published on Tuesday by
  researchers at McGill University");
* :func:`issuing_subject`: the document hangs on a verb whose subject issued
  it ("The ministry said in a statement", "In her annual report, Auditor
  General Shelley Lam found", "The union filed a complaint"), not as a
  circumstance ("Toronto swelters under a heat warning");
* :func:`earlier_mentions`: the same document noun (or one of its kind,
  ``document_kinds``: "decision", "ruling") written before, where the article may have
  named its issuer ("The ministry said in a statement ... The statement said ...");
* :func:`root_subject`: the subject of a sentence's main verb, for "it"
  after a document ("The lawsuit seeks $85 million. It says ...").

When none names an issuer the document stays the speaker's text, with no
entity: nothing is guessed.
"""
from __future__ import annotations

from typing import Any

from ..lang import get as get_language
from ..lang import lemma as token_lemma

ISSUER_PREPS = frozenset({"by", "from", "of"})
# "a memo viewed by CBC News", "documents obtained by the Star": who read it, not who issued it
READING_VERBS = frozenset({"view", "see", "obtain", "review", "read", "receive", "examine", "acquire",
                           "access", "leak", "share", "cite", "quote"})
# "a report prepared for the tourism network": made for whoever it speaks for
MAKING_VERBS = frozenset({"prepare", "produce", "commission", "write", "draft", "conduct"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# "Toronto swelters under a heat warning", "fined despite the ruling": the document is a
# circumstance of the verb, whose subject did not issue it
CIRCUMSTANCE_PREPS = frozenset({"under", "amid", "despite", "after", "before", "during", "against",
                                "about", "over", "following", "since"})


def issuer_parts(noun: Any) -> list[Any]:
    """The tokens heading the parts of a document's phrase that may name its issuer,
    in order: a possessive, then "by / from / of" phrases (also a "by / from" phrase the
    parser hung on the object of another of its prepositions), then a participle's agent."""
    poss, preps, agents = [], [], []
    for child in noun.children:
        if child.dep_ == "poss":
            poss.append(child)
        elif child.dep_ == "prep" and child.lower_ in ISSUER_PREPS:
            preps.append(child)
        elif child.dep_ == "prep":  # "a letter to provinces from the minister": the parser may
            preps += [p for o in child.children if o.dep_ == "pobj"  # hang the sender on the
                      for p in o.children if p.dep_ == "prep" and p.lower_ in ("by", "from")]  # addressee
        elif child.dep_ == "acl" and token_lemma(child).lower() not in READING_VERBS:
            agents += [c for c in child.children
                       if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                       or (c.dep_ == "prep" and c.lower_ == "for" and token_lemma(child).lower() in MAKING_VERBS)]
    verb = noun.head
    if noun.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in verb.children):
        # "followed a report last month by Auditor General ...": the parser's agent of an
        # active verb is the object's
        agents += [c for c in verb.children if c.dep_ == "agent" and c.i > noun.i]
    return poss + preps + agents


def issuing_subject(noun: Any, is_kind: Any = lambda tok: False) -> Any | None:
    """The subject of the verb a document hangs on, as the object of a preposition
    ("said in a statement") or as its object ("released a report"), else None; a document
    named as "of" another (``is_kind``: "a statement of claim") hangs on it; a reading verb
    ("obtained", ``READING_VERBS``) has no issuer for its subject, but the object of its
    "from" ("council received a letter from Red River's lawyer")."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" \
            and is_kind(noun.head.head):
        noun = noun.head.head  # "filed a statement of claim": the statement's issuer is the claim's
    verb = None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ not in CIRCUMSTANCE_PREPS:
        verb = noun.head.head
    elif noun.dep_ == "dobj":
        verb = noun.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if token_lemma(verb).lower() in READING_VERBS:  # who read it did not issue it ("the Star
        return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"  # obtained
                     for o in c.children if o.dep_ == "pobj"), None)  # a copy"); "received a letter
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)  # from X": X
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "The board voted 7-2 ... and told families in a letter": the first verb's subject
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
    return subject


def earlier_mentions(noun: Any, lemmas: frozenset[str], lemma_of: Any, since: int) -> list[Any]:
    """Tokens before ``noun`` (from character ``since``) whose lemma is one of ``lemmas``
    (the noun's and the nouns of its kind: "decision" for "the ruling"), nearest first."""
    out = []
    for tok in reversed(noun.doc[:noun.i]):
        if tok.idx < since:
            break
        if tok.pos_ == "NOUN" and lemma_of(tok).lower() in lemmas:
            out.append(tok)
    return out


def document_kind(lemma: str, lang: str = "en") -> frozenset[str]:
    """The document nouns an article may use for the same document as ``lemma``
    (``document_kinds`` of ``words.json``), ``lemma`` among them."""
    for group in get_language(lang).words.get("document_kinds", []):
        if lemma in group:
            return frozenset(group)
    return frozenset({lemma})


def root_subject(sent: Any) -> Any | None:
    """The subject of a sentence's main verb, or None."""
    root = sent.root
    return next((c for c in root.children if c.dep_ in SUBJECTS), None)
