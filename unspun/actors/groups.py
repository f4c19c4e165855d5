"""Group speakers: "Democrats", "officials", "critics", "local residents", "his aides".

A speaker that is no actor may still stand for many people.  It is a
**group** when the phrase, tagged by the English model, has a plural noun for
its head (the last noun before a preposition, a relative word, a verb or a
comma: "officials familiar with the matter" -> "officials") and names no
person or organisation:

* a plural common noun (tag ``NNS``: "officials", "Critics", "the two
  lawmakers") is a group;
* a plural proper noun (``NNPS``) is one only when the speaker's entity is a
  nationality, religious or political group (``NORP``: "Democrats",
  "Saudis"); "the Clintons" is not;
* a speaker that is an entity of its own is a group only as a ``NORP``
  (never a place: "Benghazi said"), judged by its tags alone;
* no capitalised word may be a word of a person's name in the article, or
  its plural ("Tomas" beside Tomas Reyes, "the Khans" beside Khizr Khan),
  whatever the tagger took it for;
* in a phrase that is no entity, no name of a person or organisation of the
  article may occur capitalised, no capitalised word may be spelled like a
  name ("HuffPo"), and a capitalised proper noun must be named there as a
  place, nationality or the like: "Iowa voters", "Critics" and "Democratic
  party officials" are groups, "White House officials", "Clinton aides" and
  "officials at the State Department" are not, and a proper noun the article
  gives no entity for ("F.A.A. records") counts as a name.

A plural noun need not name people: "polls" and "court documents" are groups
too, of things; they are no person or organisation either.

A speaker linked to an actor (a person or organisation) is never a group; the
caller does not ask.  Phrases are matched the English way whatever the
article's language, as actor names are (:mod:`.names`); without an English
model that tags, nothing is a group.

The judgement needs the tagger, so it runs when the actors are linked (a
write: :func:`.store.relink`), which stores it (``actor_groups``); readers
only look it up and never load a model.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["GroupJudge", "NAMED_TYPES", "can_judge"]

NAMED_TYPES = frozenset({"PERSON", "ORG"})
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_CUT = frozenset({"IN", "WDT", "WP", "WP$", "TO", ",", ":", "MD", "VB", "VBD", "VBG", "VBN",
                  "VBP", "VBZ", "-LRB-"})
_CACHE_MAX = 50_000
_POSSESSIVE = re.compile(r"['’]s?$")
_tags: dict[str, tuple[tuple[str, str], ...]] = {}


def _tagger() -> Any:
    """The English model's tokenizer, tok2vec and tagger (no parser or entities), or None."""
    try:
        from ..lang import get as get_language

        nlp = get_language("en").nlp
    except Exception:  # noqa: BLE001 - no model installed: no phrase is judged a group
        return None
    if "tagger" not in nlp.pipe_names:
        return None
    return nlp


def can_judge() -> bool:
    """Whether the English model that tags is installed (else nothing is judged a group)."""
    return _tagger() is not None


def tag(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """``phrase -> ((word, tag), ...)`` for each phrase, tagged once per process."""
    phrases = list(phrases)
    wanted = {p for p in phrases if p not in _tags}
    if wanted:
        nlp = _tagger()
        if nlp is None:
            for p in wanted:
                _tags[p] = ()
        else:
            if len(_tags) + len(wanted) > _CACHE_MAX:
                _tags.clear()
            order = sorted(wanted)
            docs = (nlp.make_doc(p) for p in order)
            for name in ("tok2vec", "tagger"):  # the pipes themselves: the shared model is
                if name in nlp.pipe_names:      # never reconfigured (a server's other threads)
                    docs = nlp.get_pipe(name).pipe(docs)
            for p, doc in zip(order, docs):
                _tags[p] = tuple((t.text, t.tag_) for t in doc)
    return {p: _tags.get(p, ()) for p in phrases}


def _plural_head(tokens: tuple[tuple[str, str], ...]) -> tuple[int, str] | None:
    """The index and tag of the head noun when it is plural (``NNS``/``NNPS``), else None."""
    head = None
    for i, (_, t) in enumerate(tokens):
        if t in _CUT:
            break
        if t in _NOUNS:
            head = i
    if head is None or tokens[head][1] not in ("NNS", "NNPS"):
        return None
    return head, tokens[head][1]


def _words(name: str) -> list[str]:
    """Case-folded words without edge punctuation or a possessive ending."""
    out = []
    for raw in name.split():
        w = _POSSESSIVE.sub("", raw.strip(".,;:'’\"()")).strip(".,;:'’\"()").casefold()
        if w:
            out.append(w)
    return out


def _contains(words: list[str], capital: list[bool], name: tuple[str, ...]) -> bool:
    """``name`` occurs in ``words`` as a run of words that starts capitalised."""
    n = len(name)
    return any(capital[i] and tuple(words[i:i + n]) == name for i in range(len(words) - n + 1))


def _singulars(word: str) -> set[str]:
    """What a word in ``-s`` may be the plural of ("Khans" -> "khan", "Joneses" -> "jones")."""
    out = {word[:-1]} if word.endswith("s") else set()
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    return out


def _camel(word: str) -> bool:
    """A capital inside a word part ("HuffPo", "RealClearPolitics"): a name's spelling."""
    return any(any(c.isupper() for c in part[1:]) and any(c.islower() for c in part)
               for part in word.split("-"))


class _Names:
    """One article's names: those of its people and organisations (entity names and
    mention texts, as word tuples), the words of its people's names, and the words of
    its other entities' names (places, nationalities)."""

    def __init__(self) -> None:
        self.named: set[tuple[str, ...]] = set()
        self.people: set[str] = set()
        self.other: set[str] = set()


class GroupJudge:
    """Judges phrases of one store: ``judge(items)`` with ``(article_id, phrase,
    entity_type)`` triples returns the set of those that are groups; :meth:`signatures`
    says what the judgements of an article's phrases depend on besides the phrases."""

    def __init__(self, store: Any, page: int = 500):
        self.store = store
        self.page = page
        self._names: dict[str, _Names] = {}

    def _load(self, articles: Iterable[str]) -> None:
        todo = sorted({a for a in articles if a not in self._names})
        for a in todo:
            self._names[a] = _Names()
        for i in range(0, len(todo), self.page):
            chunk = todo[i:i + self.page]
            marks = ", ".join("?" * len(chunk))
            rows = self.store.query(
                "SELECT e.article_id, e.name, e.type FROM entities e "
                f"WHERE e.article_id IN ({marks}) AND e.name IS NOT NULL "
                "UNION SELECT m.article_id, m.text, e.type FROM mentions m JOIN entities e "
                "ON e.article_id = m.article_id AND e.eid = m.eid "
                f"WHERE m.article_id IN ({marks}) AND m.text IS NOT NULL", chunk + chunk)
            for art, name, etype in rows:
                names = self._names[art]
                words = _words(name)
                if not words:
                    continue
                if etype in NAMED_TYPES:
                    names.named.add(tuple(words))
                    if etype == "PERSON":
                        names.people.update(words)
                else:
                    names.other.update(words)

    def signatures(self, articles: Iterable[str]) -> dict[str, str]:
        """A short hash of each article's names (all the judgement reads of the article):
        a judgement stored with another signature is out of date (the article changed)."""
        articles = set(articles)
        self._load(articles)
        out = {}
        for a in articles:
            names = self._names[a]
            text = json.dumps([sorted(names.named), sorted(names.people), sorted(names.other)])
            out[a] = hashlib.sha1(text.encode()).hexdigest()[:16]
        return out

    def judge(self, items: Iterable[tuple[str, str, str | None]]) -> set[tuple[str, str, str | None]]:
        # a speaker entity of its own must be a nationality or such group (NORP), not a place
        items = [i for i in set(items) if i[1] and i[2] in (None, "NORP")]
        tagged = tag(p for _, p, _ in items)
        heads = {p: _plural_head(tagged[p]) for p in tagged}
        self._load(a for a, p, t in items if heads[p] and any(
            w[:1].isupper() for w, _ in tagged[p]))
        out = set()
        for item in items:
            article, phrase, etype = item
            head = heads[phrase]
            if head is None or (head[1] == "NNPS" and etype != "NORP"):
                continue
            if self._no_person(article, tagged[phrase]) and (
                    etype or self._unnamed(article, tagged[phrase])):
                out.add(item)
        return out

    def _no_person(self, article: str, tokens: tuple[tuple[str, str], ...]) -> bool:
        """No capitalised word is a word of the name of a person of the article, or its
        plural ("Tomas" beside Tomas Reyes, "the Khans" beside Khizr Khan), whatever the
        tagger took it for (a plural noun, a nationality)."""
        people = (self._names.get(article) or _Names()).people
        for raw, _ in tokens:
            word = (_words(raw) or [""])[0]
            if raw[:1].isupper() and ({word} | _singulars(word)) & people:
                return False
        return True

    def _unnamed(self, article: str, tokens: tuple[tuple[str, str], ...]) -> bool:
        """A phrase that is no entity of its own names no person or organisation: no name
        of one in the article occurs in it capitalised, no capitalised word is spelled
        like a name ("HuffPo"), and each
        capitalised proper noun is named there as a place, nationality or the like ("Iowa
        voters"); a capitalised common noun or adjective is only capitalised ("Critics",
        "Democratic officials")."""
        names = self._names.get(article) or _Names()
        words = [(_words(w) or [""])[0] for w, _ in tokens]
        capital = [w[:1].isupper() for w, _ in tokens]
        if any(_contains(words, capital, name) for name in names.named):
            return False
        for (raw, t), w, c in zip(tokens, words, capital):
            if not c:
                continue
            if _camel(raw):
                return False
            if t in ("NNP", "NNPS") and w not in names.other:
                return False
        return True

    def is_group(self, article: str, phrase: str | None, entity_type: str | None) -> bool:
        return bool(phrase) and (article, phrase, entity_type) in self.judge(
            [(article, phrase or "", entity_type)])
