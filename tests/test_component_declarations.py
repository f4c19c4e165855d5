"""Each built-in component's requires/assigns match what it really reads and writes.

Every component runs on real articles with a record that notes each field read and
written; what it touches must be declared, and what it declares must be touched.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from conftest import SEED, SHARED
from unspun.pipeline.order import BASE_FIELDS
from unspun.pipeline.registry import Context, load_all
from unspun.pipeline.runner import Pipeline, default_components
from unspun.readers import read_inputs
from unspun.record import Record

FIELDS = {f.name for f in fields(Record)}
MAY_ALWAYS_WRITE = {"warnings", "errors"}


class Traced(Record):
    """A record that notes the fields read (``_reads``) and assigned (``_writes``)."""

    def __getattribute__(self, name):
        if name in FIELDS:
            object.__getattribute__(self, "_reads").add(name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name in FIELDS and "_writes" in self.__dict__:
            self.__dict__["_writes"].add(name)
        object.__setattr__(self, name, value)


def traced(rec: Record) -> Traced:
    t = Traced.__new__(Traced)
    t.__dict__["_reads"], t.__dict__["_writes"] = set(), set()
    for f in FIELDS:
        t.__dict__[f] = json.loads(json.dumps(getattr(rec, f)))
    t.__dict__["_writes"] = set()
    return t


def articles():
    from unspun.readers.article import Article

    out = [next(read_inputs([str(SEED)]))]
    # components for other languages run on the multilingual gold (issue 16)
    gold = Path(__file__).resolve().parent / "gold" / "multi"
    for lang in ("ru", "fr", "tr"):
        line = (gold / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()[0]
        out.append(Article(text=json.loads(line)["text"]))
    # the project's own example corpus (headlines, bylines, slanted opinion) keeps every
    # declared write exercised when ../shared is absent
    examples = sorted((Path(__file__).resolve().parents[1] / "examples" / "corpus").glob("*.txt"))
    polnear = sorted((SHARED / "polnear" / "train" / "text").glob("*.txt"))[:15]
    # text alone (stdin, an API call) with a headline line first: segment fills the title
    out.append(Article(text="Council Approves New Reservoir After Long Debate\n\n"
                            "LARKFORD, March 5 (Reuters) - The county council approved a new "
                            "reservoir on Tuesday. \"It is a good day,\" the mayor said.\n"))
    return out + [next(read_inputs([str(p)])) for p in [*examples, *polnear]]


@pytest.fixture(scope="module")
def touched():
    """component name -> (fields read, fields written or changed), over all articles."""
    names = default_components()
    pipe = Pipeline(names)
    seen: dict[str, tuple[set, set]] = {n: (set(), set()) for n in names}
    for article in articles():
        rec = pipe.make_record(article)
        doc = pipe._parse([rec.text])[0] if rec.language == "en" else None
        for comp in pipe.components:
            if not comp.runs_on(rec.language):
                continue
            t = traced(rec)
            before = {f: json.dumps(getattr(rec, f), sort_keys=True) for f in FIELDS}
            t.__dict__["_reads"].clear()
            comp.func(Context(t, doc))
            reads, writes = set(t.__dict__["_reads"]), set(t.__dict__["_writes"])
            writes |= {f for f in FIELDS
                       if json.dumps(t.__dict__[f], sort_keys=True) != before[f]}
            seen[comp.name][0].update(reads)
            seen[comp.name][1].update(writes)
            rec = Record.from_dict({f: t.__dict__[f] for f in FIELDS})
    return seen


@pytest.mark.parametrize("name", default_components())
def test_declarations_match_reads_and_writes(name, touched):
    comp = load_all()[name]
    reads, writes = touched[name]
    undeclared_reads = reads - set(comp.requires) - set(comp.assigns) - BASE_FIELDS
    assert undeclared_reads == set(), f"{name} reads {undeclared_reads} without requiring them"
    unread = set(comp.requires) - reads
    assert unread == set(), f"{name} requires {unread} but never reads them"
    undeclared_writes = writes - set(comp.assigns) - MAY_ALWAYS_WRITE
    assert undeclared_writes == set(), f"{name} writes {undeclared_writes} without assigning"
    unwritten = set(comp.assigns) - writes
    assert unwritten == set(), f"{name} assigns {unwritten} but never writes them"
