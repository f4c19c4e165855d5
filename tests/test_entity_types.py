"""Persons and organisations told apart by the article's evidence (pipeline/entity_types.py).

The first texts are ones spaCy's small model types wrongly (or misses) on its
own; the corrected type must come from the class of evidence, not the name.
The last ones guard precision: evidence that must not overturn the tagger.
"""
import pytest

import unspun
from conftest import find

CASES = [
    # an honorific right before the name
    ("A group of dairy farmers has sued a milk processor over prices.\n\nAgricultural economist "
     "Dr. Nadia Chartrand of Université Laval said price fixing in the dairy sector would be hard "
     "to prove.\n\n\"The prices are already regulated,\" she said.", "Nadia Chartrand", {"PERSON"}),
    # an organisation head noun ending the name
    ("Marlowe Festival said it would cancel two shows.", "Marlowe Festival", {"ORG"}),
    # ", which" / "its" after it
    ("Alberta Wildfire said in its latest update that the fire had grown.", "Alberta Wildfire",
     {"ORG"}),
    ("Laiterie Nordique, which buys milk from 300 farms, said the claims were false.",
     "Laiterie Nordique", {"ORG"}),
    # an organisation noun in apposition
    ("A group of dairy farmers has sued Laiterie Boréale, the province's second-largest milk "
     "processor, over the prices it paid for raw milk.", "Laiterie Boréale", {"ORG"}),
    # precision: a place with a head-noun word, a company named after a first name (which the
    # article calls a company), a police
    # force named after a first name, "who" hanging on another noun, a person described as a
    # developer
    ("Palestinians in the West Bank said the checkpoint had closed.", "West Bank", {"GPE", "LOC"}),
    ("He took over the debts of Walter Energy, another mining company that had declared "
     "bankruptcy.", "Walter Energy", {"ORG"}),
    ("Walter Energy said in its filing that it would sell the mine.", "Walter Energy", {"ORG"}),
    ("Victoria Police said two people had been arrested.", "Victoria Police", {"ORG"}),
    ("\"It is cynical,\" said Kevin Barrett, a lawyer at Bailey & Glasser, who represents the "
     "state.", "Bailey & Glasser", {"ORG"}),
    ("\"Wall Street is cynical,\" said Tim Hess, a real estate developer in Virginia, who "
     "introduced him.", "Tim Hess", {"PERSON"}),
]


@pytest.mark.parametrize("text,name,types", CASES, ids=[c[1] for c in CASES])
def test_entity_type_follows_the_evidence(text, name, types):
    entity = find(unspun.analyze(text), name)
    assert entity is not None and entity["type"] in types


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
