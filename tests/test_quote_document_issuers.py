"""Documents that speak for whoever issued them, brought up under another word or by a
speaker written as an agent noun; offices named after their holder.

Real spaCy parses of short texts written for these tests.
"""
from __future__ import annotations

import pytest

from conftest import valid_quotes_of as _quotes
from conftest import speaker_name as _speaker_name


@pytest.fixture(scope="module")
def pipe(quote_pipe):
    return quote_pipe


def _last(pipe, text):
    rec, quotes = _quotes(pipe, text)
    return rec, quotes[-1]


def test_an_e_mail_brought_up_before_speaks_for_the_one_who_sent_it(pipe):
    text = ("OTTAWA — A federal court has ordered a new review of the pipeline route.\n\n"
            "A spokesperson for Natural Resources Canada said in an e-mail that the department "
            "was studying the ruling.\n\n"
            "\"We will respond within the time the court has set,\" the e-mail said.\n")
    rec, q = _last(pipe, text)
    assert q["speaker"]["text"] == "the e-mail"
    assert _speaker_name(rec, q) == "Natural Resources Canada"
    assert q["speaker"]["resolved"]["how"] == "document"


def test_a_written_response_is_the_statement_quoted_next(pipe):
    text = ("Several tenants of the Birchwood towers say their rent rose 14 per cent.\n\n"
            "Birchwood is managed by Alderline Property Management Inc., which owns 30 buildings "
            "in the region.\n\n"
            "In a written response, Alderline Property Management said the increase was approved "
            "by the board.\n\n"
            "\"We have invested heavily in these buildings,\" the statement said.\n")
    rec, q = _last(pipe, text)
    assert _speaker_name(rec, q) == "Alderline Property Management Inc."
    # no response before it: the statement names nobody
    rec, q = _last(pipe, text.replace("In a written response, Alderline Property Management said",
                                      "Alderline Property Management said"))
    assert q["speaker"]["entity"] is None


def test_an_agent_noun_compounded_with_a_document_noun_is_no_document(pipe):
    text = ("TORONTO — The province's Financial Accountability Office released its review of "
            "transit spending on Tuesday.\n\n"
            "In a report released Tuesday, the budget watchdog said the subway extension "
            "would cost far more than planned.\n\n"
            "\"The estimates assume a pace of work never achieved here,\" the report says.\n")
    rec, q = _last(pipe, text)
    assert q["speaker"]["text"] == "the report"
    assert _speaker_name(rec, q) == "Financial Accountability Office"


def test_a_qualified_body_description_is_the_body_named_later_with_those_words(pipe):
    text = ("VICTORIA — British Columbia's environmental assessment office says the province "
            "must protect two salmon streams if the highway is widened.\n\n"
            "The Transportation Ministry must meet 27 conditions, including fish-passable "
            "culverts.\n\n"
            "Farmers along the route have opposed the plan for years.\n\n"
            "A spokeswoman for the Environmental Assessment Office said the agency received "
            "1,900 comments.\n")
    rec, quotes = _quotes(pipe, text)
    q = quotes[0]
    assert q["speaker"]["text"] == "British Columbia's environmental assessment office"
    assert _speaker_name(rec, q) == "Environmental Assessment Office"


def test_the_office_of_a_named_person_speaks_for_that_person(pipe):
    text = ("BARRIE, Ont. — The mayor says he will not use the new powers.\n\n"
            "In a statement Thursday, the office of Housing Minister Derek Lisgar said the powers "
            "are assigned by regulation.\n\n"
            "\"Strong mayor powers are a tool to get homes built faster,\" the statement said.\n")
    rec, quotes = _quotes(pipe, text)
    assert _speaker_name(rec, quotes[-2]) == "Derek Lisgar"
    assert _speaker_name(rec, quotes[-1]) == "Derek Lisgar"


def test_her_office_speaks_for_her_even_when_she_did_not_speak(pipe):
    text = ("The Maple Street Tenants Collective asked council to send the money to housing.\n\n"
            "Mayor Lisa Tran-Hebert did not speak during the debate but voted in favour. In a "
            "statement afterward, her office said the mayor heard the concerns and would push for "
            "a review next year.\n")
    rec, q = _last(pipe, text)
    assert q["speaker"]["text"] == "her office"
    assert _speaker_name(rec, q) == "Lisa Tran-Hebert"


def test_a_document_under_the_second_of_two_joined_verbs_is_the_first_verb_s_subject_s(pipe):
    text = ("MISSISSAUGA, Ont. — Parents are threatening to pull their children from the ice.\n\n"
            "The Credit Valley Minor Hockey Association's board voted 7-2 for the increase in "
            "September and told families in a letter sent on Sept. 28.\n\n"
            '"Ice costs have gone up, referee costs have gone up," the letter says.\n')
    rec, q = _last(pipe, text)
    assert _speaker_name(rec, q) == "Credit Valley Minor Hockey Association"


def test_a_report_s_author_after_a_time_phrase_or_its_commissioner_speaks_for_it(pipe):
    """"followed a report last month by Auditor General ..." (the parser hangs "by" on the
    verb) and "a report prepared for the ... Network": the later "the report" is theirs."""
    text = ("HALIFAX — The hearing followed a report last month by Auditor General Nadine "
            "Weatherbee, which found the department could not show value for money.\n\n"
            "\"Agency nurses were paid more than double the hourly rate,\" the report says.\n")
    rec, q = _last(pipe, text)
    assert _speaker_name(rec, q).endswith("Nadine Weatherbee")
    text = ("According to a report prepared for the Kootenay Rockies Tourism Network last year, "
            "skiers from Alberta account for most winter visits. The report warned that smaller "
            "hills face \"an existential squeeze\" from rising costs.\n")
    rec, q = _last(pipe, text)
    assert q["speaker"]["text"] == "The report"
    assert _speaker_name(rec, q) == "Kootenay Rockies Tourism Network"
    # a report a reader received is not the reader's
    rec, q = _last(pipe, text.replace("prepared for", "read by"))
    assert _speaker_name(rec, q) != "Kootenay Rockies Tourism Network"
