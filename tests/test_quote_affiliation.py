"""The organisation a speaker speaks for (``speaker.affiliation``): the body's full name, the
body a description's own phrase names, none where only a place is named.

Real spaCy parses of short texts written for these tests.
"""
from __future__ import annotations

import pytest

from conftest import valid_quotes_of as _quotes
from unspun.schema import validate_record as validate


@pytest.fixture(scope="module")
def pipe(quote_pipe):
    return quote_pipe


def _affiliation(quotes, speaker_text):
    q = next(q for q in quotes if q["speaker"] and speaker_text in q["speaker"]["text"])
    return (q["speaker"].get("affiliation") or {}).get("name")


def test_an_acronym_affiliation_takes_the_name_it_abbreviates(pipe):
    text = ("The Coastal Fisheries Council (CFC) voted on Monday to close the northern grounds.\n\n"
            '"We had no choice," CFC chairperson Maria Lund said.\n\n'
            "The Northern Nurses Federation announced a strike vote for next week.\n\n"
            '"Our members are exhausted," NNF president Dana Olsen said.\n')
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "Lund") == "Coastal Fisheries Council"
    assert _affiliation(quotes, "Olsen") == "Northern Nurses Federation"


def test_a_short_name_affiliation_takes_the_full_name(pipe):
    text = ("Brightwater Mining Ltd. said on Tuesday it would close two pits in the spring.\n\n"
            '"The market has turned against us," Brightwater\'s chief executive, Paul Anders, '
            "told reporters.\n")
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "Anders") == "Brightwater Mining Ltd."


def test_the_body_after_the_preposition_not_the_place_that_owns_it(pipe):
    text = ("A spokesperson for Manitoba's Ministry of Rural Transport said the detour "
            "would stay in place until June.\n\n"
            "A spokesperson for Norway's fisheries ministry said the quota would not change.\n")
    _, quotes = _quotes(pipe, text)
    # the body, named with the place that owns it (entities: place_owned_bodies), not the place
    assert _affiliation(quotes, "Manitoba") == "Manitoba Ministry of Rural Transport"
    assert _affiliation(quotes, "Norway") == "Norway's fisheries ministry"


def test_an_untagged_body_name_in_the_description_is_its_affiliation(pipe):
    text = ("A Lakeview Transit spokesperson said the buses would run on a holiday schedule.\n\n"
            "A spokesperson for the Valley Harvest Relief Society, which runs the food bank, said "
            "demand had doubled since the spring.\n")
    _, quotes = _quotes(pipe, text)
    first, second = quotes
    assert first["speaker"]["affiliation"]["name"] == "Lakeview Transit"
    assert second["speaker"]["affiliation"]["name"] == "Valley Harvest Relief Society"


def test_no_place_or_local_office_is_an_affiliation(pipe):
    text = ("Orchard Point resident Helen Marsh said the water had reached her porch by noon.\n\n"
            "One engineer in the Leeds office said the staff had been told nothing.\n")
    _, quotes = _quotes(pipe, text)
    assert all("affiliation" not in q["speaker"] for q in quotes)


def test_who_after_the_body_in_a_description_leaves_it_a_body(pipe):
    # ", who" belongs to the official, not to "the Provincial Treasury" inside the phrase
    text = ("A senior official at the Provincial Treasury, who spoke on condition of anonymity because "
            "she was not authorised to speak publicly, said the berths would reopen in March.\n")
    _, (q,) = _quotes(pipe, text)
    assert q["speaker"]["affiliation"]["name"] == "Provincial Treasury"


def test_the_same_noun_again_keeps_the_earlier_description_affiliation(pipe):
    text = ("A senior official at the Ministry of Coastal Affairs said the sea wall would be "
            "finished by June.\n\n"
            "Residents have heard that before. \"We have the money this time,\" the official said.\n\n"
            "The Harbourview Water Authority raised its rates on Friday. A manager at one regional "
            "office said the increase was too small.\n")
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "the official") == "Ministry of Coastal Affairs"
    assert _affiliation(quotes, "one regional office") is None  # "one": no body named before


def test_a_body_named_with_a_place_in_it_and_titles_joined_to_the_name(pipe):
    text = ('"The river will crest on Friday," Environment Yukon meteorologist Lena Hart told the briefing.\n\n'
            '"Nobody should drive tonight," Highways Manitoba engineer Paul Roy told reporters.\n\n'
            "The pilots' union said its Northway Air council had voted to strike.\n\n"
            '"We remain hopeful," Northway Air president and CEO Dario Venn said.\n')
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "Hart") == "Environment Yukon"
    assert _affiliation(quotes, "Roy") == "Highways Manitoba"
    assert _affiliation(quotes, "Venn") == "Northway Air"  # not the union's "Northway Air council"


def test_a_telecom_description_points_back_to_a_company_not_an_office(pipe):
    text = ("Ridgeline Telecom Inc. said a server holding customer records was breached in May. It said it "
            "told the Office of the Consumer Ombudsman a week later.\n\n"
            "A spokesperson for the telecom, Mara Quinn, told reporters the delay was needed to "
            "identify the customers.\n")
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "Quinn") == "Ridgeline Telecom Inc."


def _quotes_untagged(pipe, text, missed):
    """The quotes of ``text`` as if the entity tagger had missed the organisations named
    ``missed`` (their entities dropped before the quotes component runs)."""
    from unspun.pipeline.registry import Context
    from unspun.readers.article import Article

    rec = pipe.make_record(Article(text=text))
    doc = pipe._parse([text])[0]
    ctx = Context(rec, doc)
    for comp in pipe.components:
        if comp.name == "quotes":
            rec.entities = [e for e in rec.entities if e["name"] not in missed]
        comp.func(ctx)
    validate(rec.to_dict())
    return rec.quotes


def test_the_body_a_person_s_description_names_after_its_preposition(pipe):
    text = ("Anders Holm, chief executive of Swedish manufacturer Varmeco, said the rules had "
            "cost the company orders.\n\n"
            '"One good season proves nothing," said Dr Ines Moreau, a crop geneticist at the '
            "Denmark-based Institute for Saline Crops.\n")
    quotes = _quotes_untagged(pipe, text, {"Varmeco", "Institute for Saline Crops"})
    assert _affiliation(quotes, "Holm") == "Varmeco"
    assert _affiliation(quotes, "Moreau") == "Institute for Saline Crops"  # not Denmark


def test_a_capitalised_common_word_opening_the_sentence_is_no_affiliation(pipe):
    text = ("The governor's office has stayed out of the dispute. Press secretary Dana Ruiz said on "
            "Tuesday that the governor expected both sides to reach a deal.\n")
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "Ruiz") is None


def test_an_officer_with_no_body_named_speaks_for_the_company_that_just_spoke(pipe):
    text = ("TORONTO — Shares of Lakefield Outfitters Inc. fell 9 per cent Thursday after the retailer cut "
            "its forecast.\n\n"
            "The company said it now expects lower earnings for the year.\n\n"
            '"We chose to protect our prices," chief executive Dana Whitcombe said on a call with '
            "analysts.\n\n"
            "Northwind Airlines said it had cancelled forty flights because of a software fault.\n\n"
            "A spokeswoman for the airport, Claire Dubois, said queues had cleared by the evening.\n\n"
            "The Justice Ministry delivered the files on Friday. \"They came far too late,\" Oversight "
            "Chairman Peter Lang said.\n")
    _, quotes = _quotes(pipe, text)
    assert _affiliation(quotes, "Whitcombe") == "Lakefield Outfitters Inc."
    assert _affiliation(quotes, "Dubois") is None  # the airport's, not the airline's
    assert _affiliation(quotes, "Lang") is None  # a committee's chairman, not the ministry's


def test_a_body_a_place_or_body_owns_is_the_affiliation(pipe):
    text = ("A spokesperson for the City of Halden's Parks and Recreation Department said the "
            "pool would reopen in May.\n")
    _, (q,) = _quotes(pipe, text)
    # the department, named with the city that owns it (entities: place_owned_bodies)
    assert q["speaker"]["affiliation"]["name"] == "City of Halden Parks and Recreation Department"
