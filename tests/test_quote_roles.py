"""Speakers written as roles: organisation nouns, places, descriptions that name their speaker.

Real spaCy parses of short invented texts; each test checks the rule of one class of speaker.
"""
from __future__ import annotations

import pytest

import unspun

from conftest import quotes_of as _quotes
from conftest import speaker_name as _speaker_name
from unspun.places import is_place, is_state


@pytest.fixture(scope="module")
def pipe(quote_pipe):
    return quote_pipe


@pytest.mark.parametrize("name", ["B.C.", "Ont.", "P.E.I.", "Alberta", "Nova Scotia", "Punjab", "Gauteng"])
def test_provinces_and_other_first_level_regions_are_places_of_province_level(name):
    assert is_place(name) and is_state(name)


@pytest.mark.parametrize("name", ["Central", "Western", "Unity", "Health Workers Council"])
def test_region_names_that_are_common_words_are_no_provinces(name):
    assert not is_state(name)


def test_a_union_is_an_organisation_not_the_province_in_its_name(pipe):
    text = ("Paramedics at 11 B.C. stations to strike Friday\n\n"
            "About 900 paramedics at 11 B.C. stations will walk off the job on Friday, their union says.\n\n"
            "The Coastal Paramedics Guild Union says its members have worked without a contract for a year.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes and all(_speaker_name(rec, q) == "Coastal Paramedics Guild Union" for q in quotes)


@pytest.mark.parametrize("text, speaker", [
    ("Two officials familiar with the negotiations said the deal could be signed in March.\n",
     "Two officials familiar with the negotiations"),
    ("Technicians inspecting the bridge said the cracks had widened since the spring.\n",
     "Technicians inspecting the bridge"),
    ("A spokesperson for the Ministry of Fisheries, Oceans and Coastal Affairs said the quota "
     "would not change.\n", "A spokesperson for the Ministry of Fisheries, Oceans and Coastal Affairs"),
])
def test_a_description_speaker_keeps_what_belongs_to_its_noun(pipe, text, speaker):
    rec, (q,) = _quotes(pipe, text)
    assert q["speaker"]["text"] == speaker


def test_a_description_speaker_ends_before_a_clause_set_off_by_commas(pipe):
    text = ("A nurse, who asked not to be named because she was not allowed to speak to reporters, "
            "said the ward had been short-staffed for weeks.\n")
    rec, (q,) = _quotes(pipe, text)
    assert q["speaker"]["text"] == "A nurse"


def test_a_person_described_by_age_is_the_person_named_before(pipe):
    text = ("River floods low-lying streets\n\n"
            "Margaret Doyle has lived on the same street in Winnipeg for 50 years. On Sunday, "
            "Doyle watched the water rise from her porch.\n\n"
            "\"We have never seen it come this high,\" the 81-year-old said.\n")
    rec, (q,) = _quotes(pipe, text)
    assert _speaker_name(rec, q) == "Margaret Doyle"
    assert q["speaker"]["resolved"]["how"] == "description"


def test_a_person_described_by_age_is_the_one_whose_age_was_given(pipe):
    text = ("Families wait out the storm\n\n"
            "Marta Kowalski, 34, and her neighbour Dennis Albright waited outside the shelter.\n\n"
            "Albright said he had packed only a toothbrush.\n\n"
            "\"I left everything else behind,\" the 34-year-old told reporters.\n")
    rec, quotes = _quotes(pipe, text)
    assert _speaker_name(rec, quotes[-1]) == "Marta Kowalski"


def test_a_capitalised_headline_role_is_the_person_the_story_gives_it(pipe):
    text = ("Chief says the new clinic is still years away\n\n"
            "Chief Daniel Whitehorse says he has asked Ottawa for funding three times.\n\n"
            "Whitehorse said the band council would keep asking.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes[0]["speaker"]["text"] == "Chief"
    assert _speaker_name(rec, quotes[0]) == "Daniel Whitehorse"


def test_a_body_s_own_part_speaks_for_the_body_that_owns_it(pipe):
    text = ("Observers praise calm vote\n\n"
            "The Commonwealth Secretariat’s observer mission said on Tuesday that voting had been "
            "orderly in most districts.\n\n"
            "\"We urge all parties to accept the count,\" the mission said.\n")
    rec, quotes = _quotes(pipe, text)
    assert [_speaker_name(rec, q) for q in quotes] == ["Commonwealth Secretariat"] * 2


def test_a_place_s_party_is_not_the_place(pipe):
    text = ("Vote disputed\n\n"
            "Kenya’s main opposition party said on Monday that the count had been rigged.\n")
    rec, (q,) = _quotes(pipe, text)
    assert _speaker_name(rec, q) != "Kenya"


def test_a_bracketed_short_name_is_the_organisation_it_abbreviates(pipe):
    text = ("Dock workers walk out\n\n"
            "The Coastal Port Workers Federation (CPWF) called the strike on Friday after talks "
            "with operators broke down.\n\n"
            "The CPWF said its members would stay out until wages were raised.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes and _speaker_name(rec, quotes[-1]) == "Coastal Port Workers Federation"


def test_a_bracketed_name_that_is_no_abbreviation_is_left_alone(pipe):
    text = ("Dock workers walk out\n\n"
            "The Coastal Port Workers Federation (Halifax) called the strike on Friday.\n\n"
            "Halifax said the port would stay open.\n")
    rec, quotes = _quotes(pipe, text)
    assert all(_speaker_name(rec, q) != "Coastal Port Workers Federation" for q in quotes)


def test_a_role_with_its_qualifier_is_the_person_described_so_next(pipe):
    text = ("Province posts surplus\n\n"
            "Manitoba will post a surplus of $200 million this year, the province's health minister "
            "said on Tuesday.\n\n"
            "Health Minister Priya Raman told reporters the surplus came from higher tax revenue.\n\n"
            "Opposition critic Dan Fell said the figures were optimistic.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes[0]["speaker"]["text"] == "the province's health minister"
    assert _speaker_name(rec, quotes[0]) == "Priya Raman"


def test_a_bare_role_is_not_guessed_from_a_person_named_after(pipe):
    text = ("Province posts surplus\n\n"
            "Manitoba will post a surplus of $200 million this year, the minister said on Tuesday.\n\n"
            "Health Minister Priya Raman told reporters the surplus came from higher tax revenue.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes[0]["speaker"]["text"] == "the minister" and _speaker_name(rec, quotes[0]) is None


@pytest.mark.parametrize("noun", ["dietitian", "paramedic", "pharmacist"])
def test_a_role_given_in_apposition_with_a_place_after_it_names_the_person_later(pipe, noun):
    # the noun is no listed role and the apposition ends in a place's name, not a common noun
    text = (f"Ruth Okafor, a {noun} in Calgary, has seen the trend for years. Dan Fell, who runs "
            "a gym nearby, agrees.\n\n"
            f'"Most people are already eating more protein than they need," said the {noun}.\n')
    rec, quotes = _quotes(pipe, text)
    assert quotes and _speaker_name(rec, quotes[0]) == "Ruth Okafor"


def test_a_role_written_as_a_title_before_the_name_names_the_person_later(pipe):
    """"Justice Lionel Baptiste" is the judge ("the judge said" later), as "Const. Lindsay
    Hargreaves" is the constable: a full title word as an abbreviated one."""
    title, role = "Justice", "judge"
    text = (f"{title} Lionel Baptiste said releasing the accused would undermine confidence in "
            "the courts. Crown counsel Dana Pruitt agreed.\n\n"
            f'"I have no doubt that his mother is sincere," the {role} said.\n')
    rec, quotes = _quotes(pipe, text)
    assert quotes and _speaker_name(rec, quotes[-1]) == "Lionel Baptiste"


@pytest.mark.parametrize("body", ["Fisheries and Oceans Canada",
                                  "Immigration, Refugees and Citizenship Canada"])
def test_a_body_named_for_what_it_does_and_its_country_is_one_speaker(pipe, body):
    """The tagger cuts these names at "and" ("Oceans Canada"); the speaker is the whole name,
    after another body's sentence as before none."""
    for before in ("", "Global Affairs Canada condemned the attack.\n\n"):
        text = f"{before}{body} said in a statement that nationals can apply to extend their stay.\n"
        rec, quotes = _quotes(pipe, text)
        assert quotes and quotes[-1]["speaker"]["text"] == body
        assert _speaker_name(rec, quotes[-1]) == body


@pytest.mark.parametrize("body", ["Fisheries and Oceans Canada",
                                  "Immigration, Refugees and Citizenship Canada"])
def test_such_a_body_right_after_another_name_is_one_speaker(pipe, body):
    """The content ends in a name ("... in the Gulf of St. Lawrence, Fisheries and Oceans
    Canada said"): the body's name starts after that name and its comma, and the parser's
    reading (the body's first words joined to that name, the cue to the sentence's verb, with
    no subject) still gives the content and the speaker."""
    # (the tagger runs "the Gulf of St. Lawrence" on over the comma into the second name)
    for place in ("in the Gulf of St. Lawrence", "near Miscou Island")[body.count(","):]:
        text = f"A right whale was seen entangled {place}, {body} said on Saturday.\n"
        rec, quotes = _quotes(pipe, text)
        assert [q["content"]["text"] for q in quotes] == [f"A right whale was seen entangled {place}"]
        assert quotes[-1]["speaker"]["text"] == body
        assert _speaker_name(rec, quotes[-1]) == body


def test_a_body_named_once_is_no_piece_of_the_next_bodys_name():
    """"Google and Apple Canada": Google, written on its own too, stays a body of its own."""
    rec = unspun.analyze("Google said it would comply.\n\nGoogle and Apple Canada said no such talks "
                         "had taken place.\n")
    assert {e["name"] for e in rec.entities} >= {"Google", "Apple Canada"}


def test_two_places_joined_by_and_stay_two_names(pipe):
    rec, quotes = _quotes(pipe, "Canada and Mexico said they would resume talks in March.\n")
    assert not any(" and " in e["name"] for e in rec.entities)


def test_a_measure_named_like_a_body_is_not_the_agency_that_speaks(pipe):
    """The tagger calls "Air Quality Health Index" an organisation; a name ending in "Index"
    (or "Act", "Bill") is a measure or a law: "the agency" is the body named before it."""
    text = ("Environment Canada has issued a special air quality statement for Winnipeg.\n\n"
            "The Air Quality Health Index in Winnipeg reached 10 on Wednesday morning, according "
            "to Environment Canada.\n\n"
            '"Smoke levels can change quickly," the agency said in its statement.\n')
    rec, quotes = _quotes(pipe, text)
    assert not any(e["name"].endswith("Index") for e in rec.entities)
    assert quotes and _speaker_name(rec, quotes[-1]) == "Environment Canada"


def test_a_workers_body_named_like_a_team_is_a_union(pipe):
    """"United Rideshare Workers of Ontario": "United" names teams too, but "Workers" says
    union, so "the union" is that body, not another named after it."""
    text = ("Drivers who formed the United Rideshare Workers of Ontario filed for certification. "
            "The vote covers drivers across the Greater Toronto Area.\n\n"
            "The union said waiting time accounts for 40 per cent of a shift.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes and _speaker_name(rec, quotes[-1]) == "United Rideshare Workers of Ontario"
