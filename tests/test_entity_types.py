"""Persons and organisations told apart by the article's evidence (pipeline/entity_types.py).

Each text is one spaCy's small model types wrongly (or misses) on its own; the
corrected type must come from the class of evidence, not the name.
"""
import unspun
from conftest import find


def test_honorific_before_a_name_makes_a_person():
    rec = unspun.analyze(
        "A group of dairy farmers has sued a milk processor over prices.\n\n"
        "Agricultural economist Dr. Nadia Chartrand of Université Laval said price fixing in "
        "the dairy sector would be hard to prove.\n\n\"The prices are already regulated,\" she said.")
    assert find(rec, "Nadia Chartrand")["type"] == "PERSON"
    assert find(rec, "Université Laval")["type"] == "ORG"


def test_organisation_head_noun_ending_a_name_makes_an_organisation():
    rec = unspun.analyze("Marlowe Festival said it would cancel two shows.")
    assert find(rec, "Marlowe Festival")["type"] == "ORG"


def test_which_or_its_after_a_name_makes_an_organisation():
    rec = unspun.analyze("Alberta Wildfire said in its latest update that the fire had grown.")
    assert find(rec, "Alberta Wildfire")["type"] == "ORG"
    rec = unspun.analyze("Laiterie Nordique, which buys milk from 300 farms, said the claims were false.")
    assert find(rec, "Laiterie Nordique")["type"] == "ORG"


def test_one_name_gets_one_type_across_the_article():
    rec = unspun.analyze(
        "Alberta Wildfire said in its latest update that the fire had grown. "
        "Residents were told to leave. Alberta Wildfire later said crews were on the ground.")
    types = {e["type"] for e in rec.entities if e["name"] == "Alberta Wildfire"}
    assert types == {"ORG"}


def test_missed_organisation_is_recovered_as_subject_of_a_speech_verb():
    rec = unspun.analyze("The Kelowna Jazz Festival said on Friday that it would move to August.")
    festival = find(rec, "Kelowna Jazz Festival")
    assert festival is not None and festival["type"] == "ORG"
    assert [m["text"] for m in festival["mentions"]] == ["Kelowna Jazz Festival"]


def test_lower_case_head_noun_is_not_a_name():
    rec = unspun.analyze("Winnipeg police said they had received a complaint.")
    assert find(rec, "Winnipeg police") is None


def test_evidence_does_not_overturn_places_or_first_name_only_companies():
    rec = unspun.analyze("Palestinians in the West Bank said the checkpoint had closed.")
    assert find(rec, "West Bank")["type"] in ("GPE", "LOC")
    rec = unspun.analyze("Walter Energy said it would sell the mine. The company had debts.")
    assert find(rec, "Walter Energy")["type"] == "ORG"
    rec = unspun.analyze("Victoria Police said two people had been arrested.")
    assert find(rec, "Victoria Police")["type"] == "ORG"


def test_apposition_noun_tells_an_organisation():
    rec = unspun.analyze(
        "A group of dairy farmers has sued Laiterie Boréale, the province's second-largest milk "
        "processor, over the prices it paid for raw milk.")
    assert find(rec, "Laiterie Boréale")["type"] == "ORG"
