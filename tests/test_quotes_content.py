"""What a reported quote's content is in whole news articles (issue 15): headlines before the
dateline, an attribution the parser hung on the clause it reports, 'said A, but that B', an
infinitive nobody is addressed by, noun objects that are no report, a clause before a
semicolon, a quotation closing inside a quote, 'said that A and that B', a cue inside a
question or condition.  Real parser, hand-written sentences."""
from __future__ import annotations

from typing import Any

import pytest

from test_quotes import run


def contents(rec) -> list[str]:
    return [q["content"]["text"] for q in rec.quotes]


def test_a_headline_before_the_dateline_keeps_its_attributed_content():
    rec = run("Man charged after 3 people stabbed outside Kelowna nightclub, police say\n\n"
              "KELOWNA, B.C. — A 27-year-old man has been charged with assault, police say.")
    got = contents(rec)
    assert "Man charged after 3 people stabbed outside Kelowna nightclub" in got
    assert "police say" not in got  # the attribution is no content of the headline's verb
    assert any(c.startswith("A 27-year-old man has been charged") for c in got)


def test_a_headline_the_parser_ran_into_the_lead_gives_both_reports():
    rec = run("Rural clinics in Cape Breton face 40 closures this month, health authority says\n\n"
              "SYDNEY, N.S. — Emergency departments in three towns will be closed for 40 shifts "
              "in December, the Nova Scotia Health Authority confirmed Wednesday.")
    got = contents(rec)
    assert "Rural clinics in Cape Breton face 40 closures this month" in got
    assert any(c.startswith("Emergency departments in three towns will be closed") for c in got), got


def test_an_attribution_closing_the_sentence_reports_the_clause_before_it():
    rec = run("The sawmill will close in March, the company confirmed Tuesday.")
    assert contents(rec) == ["The sawmill will close in March"]


def test_but_that_continues_the_same_report():
    rec = run("Sandhu said crews had been reinforcing the dike since Saturday, "
              "but that the city could not guarantee it would hold.")
    assert contents(rec) == ["crews had been reinforcing the dike since Saturday, "
                             "but that the city could not guarantee it would hold"]


def test_an_infinitive_nobody_is_addressed_by_is_no_report():
    rec = run("A neighbour, who asked not to be named, said she was woken by screaming.")
    assert contents(rec) == ["she was woken by screaming"]
    # in the passive the subject is the one addressed: the request is still reported
    rec = run("The senator was asked by reporters to release the transcripts.")
    assert contents(rec) == ["to release the transcripts"]


def test_advice_to_someone_reports_the_infinitive():
    rec = run("Travel agent Raj Bhatia advised travellers not to cancel their plans yet.")
    assert contents(rec) == ["travellers not to cancel their plans yet"]


def test_a_noun_that_threaten_acts_on_is_no_report():
    assert contents(run("A second storm in a week pushed creeks over their banks and "
                        "threatened a key dike.")) == []
    assert contents(run("The union threatened that its members would strike in June.")) == [
        "that its members would strike in June"]


def test_a_clause_before_a_semicolon_is_the_authors():
    rec = run("Outbreak in southern Alberta grows to 61 cases; officials urge vaccination")
    assert not any("61 cases" in c for c in contents(rec))


def test_a_quotation_inside_a_quote_does_not_hide_the_cue_after_it():
    rec = run("Chaisson remembered her first bonspiel.\n\n"
              "“She said, ‘Don’t get scared of the big shots. Get excited,’” Chaisson recalled. "
              "“I’m going to write that on my hand.”")
    assert len(rec.quotes) == 1, contents(rec)
    q = rec.quotes[0]
    assert q["cue"]["text"] == "recalled"
    assert [p["text"] for p in q["parts"]] == [
        "“She said, ‘Don’t get scared of the big shots. Get excited,’”",
        "“I’m going to write that on my hand.”"]
    assert q["speaker"]["text"] == "Chaisson"


def test_said_that_a_and_that_b_is_one_report():
    rec = run("The students' union said in a statement that it was calling on both sides to "
              "\"get back to the table today,\" and that it would ask the college to refund "
              "part of the fees.")
    assert len(rec.quotes) == 1, contents(rec)
    text = rec.quotes[0]["content"]["text"]
    assert "calling on both sides" in text and text.endswith("refund part of the fees")


def test_a_cue_inside_a_question_or_condition_reports_nothing():
    assert contents(run("The company did not respond to a question about whether its investors "
                        "had asked for the cuts.")) == []
    assert contents(run("If the mayor said the plan was dead, nobody heard it.")) == []
    # a report inside a clause of the author's, not itself questioned, is still one
    assert contents(run("If we read his plan correctly when he says he intends to win every "
                        "delegate, the race will be long.")) == ["he intends to win every delegate"]


def test_a_refused_question_reports_nothing():
    rec = run("Spokeswoman Mira Castell declined to say whether the council would raise fares.")
    assert contents(rec) == []


def test_a_noun_after_a_cue_in_the_infinitive_is_no_report():
    rec = run("A senior official, who spoke on condition of anonymity to describe the talks, "
              "said they would resume in April.")
    assert contents(rec) == ["they would resume in April"]
    # a clause after an infinitive cue is still reported
    rec = run("The coach went on to say that the team had played its best game of the year.")
    assert contents(rec) == ["that the team had played its best game of the year"]


def test_an_event_announced_is_no_report():
    assert contents(run("The bakery chain announced its closure on Friday.")) == []
    assert contents(run("The bakery chain announced that all nine stores would close.")) == [
        "that all nine stores would close"]


def test_an_attribution_closing_a_paragraph_reports_the_clause_before_it():
    # the parser hangs the paragraph break on the sentence's stop, inside the cue's subtree
    rec = run("Transit cuts\n\n"
              "SUDBURY, Ont. — Bus routes in three northern towns will be suspended for at least 20 "
              "days in February, the most since the city began publishing the figures, Greater "
              "Sudbury Transit confirmed Wednesday.\n\nDrivers are in short supply.")
    assert any(c.startswith("Bus routes in three northern towns") and c.endswith("publishing the figures")
               for c in contents(rec)), contents(rec)


def test_an_attribution_the_parser_took_for_a_relative_clause():
    # '..., a cut of about 20 per cent, the department announced': no relative word, a comma
    # before the subject: the attribution of the whole sentence, not a clause on 'cut'
    rec = run("Federal officials will cap the number of new visas for seasonal workers at 50,000 "
              "next year, a cut of about 20 per cent, the Department of Immigration announced on "
              "Monday.")
    assert contents(rec) == ["Federal officials will cap the number of new visas for seasonal workers "
                             "at 50,000 next year, a cut of about 20 per cent"]


def _parsed(rows: list[tuple[str, int, str, str, str, str]]):
    """A doc parsed by hand: (word, head, dep, tag, pos, lemma) per token (a misparse the
    model makes only in some contexts, fixed here so the rule is what is tested)."""
    import spacy
    from spacy.tokens import Doc

    words, heads, deps, tags, pos, lemmas = (list(c) for c in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas)


def test_a_clause_the_parser_read_as_the_object_of_said():
    from unspun.pipeline.quote_cues import content_range

    doc = _parsed([("Ruiz", 1, "nsubj", "NNP", "PROPN", "Ruiz"),
                   ("said", 1, "ROOT", "VBD", "VERB", "say"),
                   ("the", 4, "det", "DT", "DET", "the"),
                   ("plum", 4, "compound", "NN", "NOUN", "plum"),
                   ("tarts", 1, "dobj", "NNS", "NOUN", "tart"),
                   ("sold", 4, "acl", "VBN", "VERB", "sell"),
                   ("out", 5, "prt", "RP", "ADP", "out"),
                   ("by", 5, "prep", "IN", "ADP", "by"),
                   ("noon", 7, "pobj", "NN", "NOUN", "noon"),
                   (".", 1, "punct", ".", "PUNCT", ".")])
    rng = content_range(doc[1], "clause")
    assert rng is not None and doc[rng[0]:rng[1]].text == "the plum tarts sold out by noon"
    # a verb that takes a noun keeps it: 'reported capital gains held for two years'
    doc = _parsed([("Filers", 1, "nsubj", "NNS", "NOUN", "filer"),
                   ("reported", 1, "ROOT", "VBD", "VERB", "report"),
                   ("gains", 1, "dobj", "NNS", "NOUN", "gain"),
                   ("held", 2, "acl", "VBN", "VERB", "hold"),
                   ("briefly", 3, "advmod", "RB", "ADV", "briefly"),
                   (".", 1, "punct", ".", "PUNCT", ".")])
    assert content_range(doc[1], "clause") is None


def _said_in_a_notice(that_dep: str, that_tag: str, aux: bool) -> Any:
    rows = [("Officials", 1, "nsubj", "NNS", "NOUN", "official"),
            ("said", 1, "ROOT", "VBD", "VERB", "say"),
            ("in", 1, "prep", "IN", "ADP", "in"),
            ("a", 4, "det", "DT", "DET", "a"),
            ("notice", 2, "pobj", "NN", "NOUN", "notice"),
            ("that", 9 if aux else 8, that_dep, that_tag, "SCONJ", "that"),
            ("the", 7, "det", "DT", "DET", "the"),
            ("pool", 9 if aux else 8, "nsubj", "NN", "NOUN", "pool")]
    if aux:
        rows.append(("would", 9, "aux", "MD", "AUX", "would"))
    rows += [("reopen" if aux else "posted", 4, "relcl", "VB" if aux else "VBD", "VERB",
              "reopen" if aux else "post"),
             (".", 1, "punct", ".", "PUNCT", ".")]
    return _parsed(rows)


@pytest.mark.parametrize("that_dep, that_tag", [("mark", "IN"), ("dobj", "WDT")])
def test_a_that_clause_the_parser_hung_on_the_statement_as_a_relative_clause(that_dep, that_tag):
    """'said in a notice that the pool would reopen': the parser may make the reported clause a
    relative clause of 'notice' ('that' its marker, or its object); it is still what was said."""
    from unspun.pipeline.quote_cues import content_range

    doc = _said_in_a_notice(that_dep, that_tag, aux=True)
    rng = content_range(doc[1], "clause")
    assert rng is not None and doc[rng[0]:rng[1]].text == "that the pool would reopen"


def test_a_relative_clause_on_the_statement_is_no_content():
    """'said in a notice that the pool posted': 'that' the object of a verb with no auxiliary
    is a relative pronoun; the clause describes the notice, it reports nothing."""
    from unspun.pipeline.quote_cues import content_range

    doc = _said_in_a_notice("dobj", "WDT", aux=False)
    assert content_range(doc[1], "clause") is None


@pytest.mark.parametrize("text, fragment, speaker", [
    # the passive of a verb addressed to someone: its subject is the one told, no speaker
    ("Campers at Pine Bluff were told to leave their tents before dark.", "to leave their tents", None),
    ("The jury was told the van had been seen twice near the depot.", "the van had been seen", None),
    # with a 'by' agent the agent spoke
    ("Growers were warned by the weather office that frost could return on Friday.",
     "frost could return", "the weather office"),
    # the active verb keeps its subject (a person's name the title marks: the name, as for a
    # name the tagger found, "NDP finance critic Amrit Sandhu")
    ("Mayor Ines Falk told the council that the pool would reopen in June.", "the pool would reopen",
     "Ines Falk"),
])
def test_the_one_told_is_no_speaker(text, fragment, speaker):
    rec = run(text)
    found = [q for q in rec.quotes if fragment in q["content"]["text"]]
    assert found, contents(rec)
    got = found[0]["speaker"]
    assert (got and got["text"]) == speaker


def test_an_asking_verb_with_only_nouns_reports_nothing():
    # whom it asked and what about: no words of anyone
    assert contents(run("The Courier asked the Department of Fisheries about the closure.")) == []
    assert contents(run("Neighbours asked the council for more street lights.")) == []
    # what was asked, or what someone was asked to do, is still reported
    got = contents(run("The Courier asked the department whether the closure would last."))
    assert got and "whether the closure would last" in got[0]
    got = contents(run("Police asked drivers who are heading north to avoid the bridge."))
    assert got and "to avoid the bridge" in got[0]
