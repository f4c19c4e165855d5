"""English's part-of-speech and lemmas without running spaCy's attribute_ruler and lemmatizer.

In ``en_core_web_sm`` the tagger predicts Penn tags (``tag_``); the
``attribute_ruler`` then sets ``pos_`` (a tag-to-UD table plus exceptions on
word, tag and dependency) and ``morph``, and the rule ``lemmatizer`` sets
``lemma_`` for every token.  Both cost about a fifth of the model's time, and
unspun reads lemmas of only a few tokens (cue-word candidates, description
heads).  So the backend loads both pipes disabled and runs :class:`PosPipe`
in their place:

* ``pos_`` of every token from the ruler's own patterns (the model's, read at
  load, applied in its order: later patterns win), evaluated on whole arrays;
  whitespace tokens get the ruler's ``_SP`` tag and ``dep`` label too;
* :func:`lemma` gives a token's lemma on demand, exactly as the two pipes would:
  the ruler's lemma patterns first, else the lemmatizer's own rules with the
  morphology the ruler would set (morphology decides what is a base form).

``tests/test_pos_lemma.py`` and ``bench/pos_check.py`` compare both with the
full model.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

RULER_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def _value(tok: Any, key: str) -> Any:
    if key == "TAG":
        return tok.tag_
    if key == "LOWER":
        return tok.lower_
    if key == "DEP":
        return tok.dep_
    return tok.is_space


def _matches(spec: dict, tok: Any) -> bool:
    """Whether one token fits one token pattern of the ruler (keys TAG, LOWER, DEP, IS_SPACE)."""
    return _fits(spec, {key: _value(tok, key) for key in spec})


def _fits(spec: dict, values: dict) -> bool:
    for key, want in spec.items():
        got = values[key]
        if isinstance(want, dict):
            if "IN" in want and got not in want["IN"]:
                return False
            if "NOT_IN" in want and got in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], got):
                return False
        elif got != want:
            return False
    return True


class Ruler:
    """The model's attribute_ruler patterns, split by what they set."""

    def __init__(self, nlp: Any):
        ruler = nlp.get_pipe("attribute_ruler")
        self.patterns = ruler.patterns  # in the ruler's order: later ones win
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        for p in self.patterns:
            for token_patterns in p["patterns"]:
                for spec in token_patterns:
                    if set(spec) - set(RULER_ATTRS):
                        raise ValueError(f"attribute_ruler pattern not understood: {spec}")
        self.pos_rules = self._compile(nlp.vocab, "POS")
        self.space_rules = [p for p in self.patterns if {"TAG", "DEP"} & set(p["attrs"])]

    def _compile(self, vocab: Any, attr: str) -> list[tuple[list[list[tuple]], int, int]]:
        """Each pattern setting ``attr`` as (alternatives of token tests on hashes, index, value)."""
        from spacy.parts_of_speech import IDS

        out = []
        for p in self.patterns:
            if attr not in p["attrs"]:
                continue
            alts = []
            for token_patterns in p["patterns"]:
                alts.append([self._tests(vocab, spec) for spec in token_patterns])
            out.append((alts, p.get("index", 0), IDS[p["attrs"][attr]]))
        return out

    @staticmethod
    def _tests(vocab: Any, spec: dict) -> list[tuple[int, str, Any]]:
        tests = []
        for key, want in spec.items():
            col = RULER_ATTRS.index(key)

            def h(v: Any) -> int:
                return int(v) if isinstance(v, bool) else vocab.strings.add(v)

            if isinstance(want, dict):
                if "REGEX" in want:
                    raise ValueError("REGEX in a part-of-speech pattern is not supported")
                if "IN" in want:
                    tests.append((col, "in", np.array([h(v) for v in want["IN"]], dtype=np.uint64)))
                if "NOT_IN" in want:
                    tests.append((col, "not_in",
                                  np.array([h(v) for v in want["NOT_IN"]], dtype=np.uint64)))
            else:
                tests.append((col, "eq", np.uint64(h(want))))
        return tests

    def pos_array(self, doc: Any) -> tuple[np.ndarray, np.ndarray]:
        """``pos`` of every token, as the ruler would set it, and the whitespace tokens."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        cols = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).astype(np.uint64)
        n = len(doc)
        pos = doc.to_array("POS").astype(np.uint64)
        for alts, index, value in self.pos_rules:
            for tokens in alts:
                width = len(tokens)
                if n < width:
                    continue
                mask = np.ones(n - width + 1, dtype=bool)
                for k, tests in enumerate(tokens):
                    part = cols[k:n - width + 1 + k]
                    for col, op, want in tests:
                        values = part[:, col]
                        if op == "eq":
                            mask &= values == want
                        elif op == "in":
                            mask &= np.isin(values, want)
                        else:
                            mask &= ~np.isin(values, want)
                pos[np.flatnonzero(mask) + index] = value
        return pos, np.flatnonzero(cols[:, 3])

    def token_attrs(self, tok: Any, attr: str) -> Any:
        """The value the ruler's patterns give ``tok`` for ``attr`` (None when none applies)."""
        best = self._single(attr, tok.tag_, tok.lower_, tok.dep_, tok.is_space)
        doc = tok.doc
        for n, p in self._multi:
            if attr not in p["attrs"] or (best is not None and best[0] > n):
                continue
            index = p.get("index", 0)
            for token_patterns in p["patterns"]:
                start = tok.i - (index if index >= 0 else len(token_patterns) + index)
                if start < 0 or start + len(token_patterns) > len(doc):
                    continue
                if all(_matches(spec, doc[start + k]) for k, spec in enumerate(token_patterns)):
                    best = (n, p["attrs"][attr])
        return best[1] if best is not None else None

    @cached_property
    def _multi(self) -> list[tuple[int, dict]]:
        return [(n, p) for n, p in enumerate(self.patterns)
                if any(len(tp) > 1 for tp in p["patterns"])]

    @lru_cache(maxsize=100_000)  # noqa: B019 - one Ruler per loaded model, kept for the process
    def _single(self, attr: str, tag: str, lower: str, dep: str, space: bool) -> Any:
        """(pattern number, value) of the last one-token pattern setting ``attr`` that fits."""
        values = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": space}
        best = None
        for n, p in enumerate(self.patterns):
            if attr not in p["attrs"]:
                continue
            for token_patterns in p["patterns"]:
                if len(token_patterns) == 1 and _fits(token_patterns[0], values):
                    best = (n, p["attrs"][attr])
        return best


class PosPipe:
    """Sets ``pos`` (and the ruler's whitespace ``tag``/``dep``) in place of attribute_ruler."""

    def __init__(self, ruler: Ruler):
        self.ruler = ruler

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import POS

        if not len(doc):
            return doc
        pos, spaces = self.ruler.pos_array(doc)
        doc.from_array([POS], pos)
        for i in spaces.tolist():  # the ruler's last patterns: whitespace is _SP, attached as dep
            tok = doc[i]
            if tok.dep_:
                tok.dep_ = "dep"
            tok.tag_ = "_SP"
        return doc

    def pipe(self, docs: Any, batch_size: int = 1000) -> Any:
        for doc in docs:
            yield self(doc)


_RULERS: dict[int, Ruler] = {}


def install(nlp: Any) -> Any:
    """Disable attribute_ruler and lemmatizer in ``nlp`` and run :class:`PosPipe` instead."""
    _register_factory()
    ruler = Ruler(nlp)
    _RULERS[id(nlp.vocab)] = ruler
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    nlp.add_pipe("unspun_pos", after="parser")
    from .. import register_lemmatizer

    register_lemmatizer(nlp.vocab, lemma, lambda lemmas: inflections(ruler, lemmas))
    return nlp


@lru_cache(maxsize=1)
def _register_factory() -> None:
    from spacy.language import Language

    @Language.factory("unspun_pos")
    def _make(nlp: Any, name: str) -> PosPipe:
        return PosPipe(_RULERS[id(nlp.vocab)])


def lemma(tok: Any) -> str:
    """The lemma spaCy's attribute_ruler + lemmatizer would give ``tok`` (its ``lemma_``
    when those pipes ran, or when the doc is not from this backend)."""
    if tok.lemma != 0:
        return tok.lemma_
    ruler = _RULERS.get(id(tok.doc.vocab))
    if ruler is None:
        return tok.lemma_
    return _lemma(ruler, tok)


def _lemma(ruler: Ruler, tok: Any) -> str:
    found = ruler.token_attrs(tok, "LEMMA")
    if found is not None:
        return found
    morph = ruler.token_attrs(tok, "MORPH")
    if morph is not None and str(tok.morph) != morph:
        tok.set_morph(morph)
    return ruler.lemmatizer.rule_lemmatize(tok)[0]


def inflections(ruler: Ruler, lemmas: frozenset[str]) -> frozenset[str]:
    """Every lower-case form that the ruler or the lemmatizer could give one of ``lemmas``
    (a superset: the lemma itself, the lemmatizer's exceptions, its suffix rules run
    backwards, and the ruler's lemma patterns); a cheap pre-filter before :func:`lemma`."""
    lookups = ruler.lemmatizer.lookups
    forms = set(lemmas)
    for table in lookups.get_table("lemma_exc", {}).values():
        forms.update(f for f, targets in table.items() if set(targets) & lemmas)
    for rules in lookups.get_table("lemma_rules", {}).values():
        for old, new in rules:
            forms.update(w[:len(w) - len(new)] + old for w in lemmas if w.endswith(new))
    for p in ruler.patterns:
        if p["attrs"].get("LEMMA") in lemmas:
            for tp in p["patterns"]:
                want = tp[p.get("index", 0)].get("LOWER")
                forms.update(want.get("IN", ()) if isinstance(want, dict) else [want] if want else ())
    return frozenset(f.lower() for f in forms)
