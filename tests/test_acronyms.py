"""Organisations' short names the article defines: the name before a bracketed acronym, and a
word in capitals spelling one organisation's initials (real spaCy parses of invented texts)."""
from __future__ import annotations

import unspun
from conftest import speaker_name
from unspun.pipeline import acronyms


def _owner(rec, text, word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return next((e for e in rec.entities if any(m["start"] == start for m in e["mentions"])), None)


def test_a_name_defined_by_its_bracketed_acronym_is_one_organisation_with_it():
    """The tagger misses "Environment and Climate Change Canada" (or cuts it at "and") and
    calls "ECCC" a place; the bracket says what ECCC stands for."""
    text = ("Environment and Climate Change Canada (ECCC) has issued a special air quality "
            "statement for Winnipeg.\n\n"
            "The index is expected to stay high into Thursday, according to ECCC.\n\n"
            'ECCC said in its statement that "smoke levels can change quickly."\n')
    rec = unspun.analyze(text)
    body = _owner(rec, text, "ECCC", 2)
    assert body is not None and body["type"] == "ORG"
    assert body["name"] == "Environment and Climate Change Canada"
    assert any(m["text"] == "Environment and Climate Change Canada" for m in body["mentions"])
    assert rec.quotes and all(speaker_name(rec, q) == "Environment and Climate Change Canada"
                              for q in rec.quotes)


def test_capitals_spelling_one_organisation_s_initials_are_that_organisation():
    text = ("The Ontario Securities Commission has accused a Toronto firm of running a Ponzi "
            "scheme.\n\n"
            "Instead, the OSC alleges, most of the money was used to pay earlier investors.\n")
    rec = unspun.analyze(text)
    body = _owner(rec, text, "OSC")
    assert body is not None and body["name"] == "Ontario Securities Commission"
    assert rec.quotes and all(speaker_name(rec, q) == "Ontario Securities Commission"
                              for q in rec.quotes)


def test_capitals_spelling_two_organisations_initials_stand_for_neither():
    text = ("The Ontario Securities Commission and the Ontario Safety Council met on Monday. "
            "The OSC said nothing.\n")
    rec = unspun.analyze(text)
    body = _owner(rec, text, "OSC")
    assert body is None or body["name"] == "OSC"


def test_a_bracketed_acronym_of_a_person_s_role_makes_no_organisation():
    text = ("Lisa Gretzky, the Member of Provincial Parliament (MPP) for Windsor West, spoke "
            "on Monday.\n")
    rec = unspun.analyze(text)
    assert not any(e["type"] == "ORG" and "Member" in e["name"] for e in rec.entities)


def test_capitals_spelling_a_name_the_tagger_cut_at_its_and_make_it_one_organisation():
    """"Canadian Radio-television and Telecommunications Commission", tagged as two bodies,
    spells "CRTC" only as a whole: the whole is one organisation, and the CRTC is it."""
    from types import SimpleNamespace

    from unspun.lang import get
    from unspun.pipeline.entities import Mention

    text = ("The Canadian Radio-television and Telecommunications Commission is giving the "
            "carrier two weeks. According to the CRTC, carriers must report outages.")
    first = text.index("Canadian Radio-television")
    second = text.index("Telecommunications Commission")
    mentions = [Mention(first, first + len("Canadian Radio-television"), "ORG"),
                Mention(second, second + len("Telecommunications Commission"), "ORG")]
    out = acronyms.apply(mentions, text, get("en"),
                         lambda s, e, label, full: SimpleNamespace(start=s, end=e, label=label, alias=full))
    spans = {(m.start, m.end) for m in out}
    assert (first, second + len("Telecommunications Commission")) in spans
    crtc = next(m for m in out if text[m.start:m.end] == "CRTC")
    assert crtc.alias == "Canadian Radio-television and Telecommunications Commission"


def test_an_acronym_spells_a_name_the_tagger_missed_without_brackets():
    """"The Special Investigations Unit said ..." (the tagger finds only "SIU") and "the SIU":
    one organisation named in full; a run of capitalised words spelling no acronym the article
    uses stays out."""
    text = ("SIU investigating after man shot by police\n\n"
            "The Special Investigations Unit said officers were called to the plaza at 1:40 a.m.\n\n"
            "The SIU said three officers were interviewed.\n")
    rec = unspun.analyze(text)
    body = _owner(rec, text, "SIU", 1)
    assert body is not None and body["name"] == "Special Investigations Unit"
    assert _owner(rec, text, "SIU", 0) is body
    assert acronyms._untagged_runs("The Big Fun Party Day Parade was held.", {"SIU"}, [],
                                   frozenset({"of", "and"})) == {}


def test_a_bracketed_acronym_is_no_part_of_the_name_the_tagger_ran_into_it():
    """The tagger reads "The Saskatchewan Classroom Teachers' Association (SCTA)" as one name."""
    text = ("The Saskatchewan Classroom Teachers' Association (SCTA) and the province reached a "
            "deal. The SCTA said members would vote.\n")
    rec = unspun.analyze(text)
    body = _owner(rec, text, "SCTA", 1)
    assert body is not None and body["name"] == "Saskatchewan Classroom Teachers' Association"
