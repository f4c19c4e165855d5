"""Pronoun speakers: gender evidence and the nearest compatible antecedent (pure functions), and
one end-to-end case of a given name that gives no gender."""
from __future__ import annotations

import pytest

import unspun
from conftest import speaker_name
from unspun.pipeline.antecedents import Antecedent, gender_of, pronoun, resolve


def test_gender_from_titles_descriptions_and_given_names():
    assert gender_of(["Evelyn Park"], titles=["Mrs."]) == "f"
    assert gender_of(["Mr. Samuel Okoro"]) == "m"
    assert gender_of(["Claire Dubois"], descriptions=["A spokeswoman for the airport"]) == "f"
    assert gender_of(["Robert Llewellyn"]) == "m"
    assert gender_of(["Fatima Haddad"]) == "f"
    assert gender_of(["Okafor"]) is None  # a surname alone says nothing
    assert gender_of(["Alex Morgan"]) is None  # a given name not in the lexicon says nothing
    # a title beats the given name; contradicting titles give nothing
    assert gender_of(["Robert Smith"], titles=["Ms."]) == "f"
    assert gender_of(["Sam Lee"], titles=["Mr.", "Mrs."]) is None


def test_pronoun_kinds():
    assert pronoun("She").gender == "f" and pronoun("him").kind == "person"
    assert pronoun("it").kind == "thing" and pronoun("They").kind == "group"
    assert pronoun("who") is None and pronoun("I") is None


def A(entity, start, sentence, type_="PERSON", gender=None, subject=False, speaker=False, main=False):
    return Antecedent(entity, start, sentence, type_, gender, subject, speaker, main)


def test_nearest_compatible_person_by_gender():
    # "Mayor Carlos Mendes met the transport minister, Ingrid Solberg. ... she said"
    cands = [A("mendes", 6, 0, gender="m", subject=True), A("solberg", 40, 0, gender="f")]
    assert resolve(pronoun("she"), 120, 1, cands).entity == "solberg"
    assert resolve(pronoun("he"), 120, 1, cands).entity == "mendes"


def test_a_nearer_sentence_wins_and_subjects_first():
    cands = [A("old", 0, 0, subject=True), A("obj", 50, 1), A("subj", 60, 1, subject=True)]
    assert resolve(pronoun("he"), 200, 2, cands).entity == "subj"
    # nothing after the pronoun, nothing beyond the window
    assert resolve(pronoun("he"), 55, 1, cands).entity == "obj"
    assert resolve(pronoun("he"), 900, 20, cands) is None


def test_known_gender_beats_unknown_in_the_same_sentence():
    cands = [A("unknown", 0, 0, subject=True), A("woman", 30, 0, gender="f")]
    assert resolve(pronoun("her"), 100, 1, cands).entity == "woman"
    assert resolve(pronoun("he"), 100, 1, cands).entity == "unknown"


def test_it_and_they_are_organisations_not_people():
    cands = [A("who", 0, 0, "ORG", subject=True), A("diallo", 40, 0, gender="f", subject=True)]
    assert resolve(pronoun("It"), 100, 1, cands).entity == "who"
    assert resolve(pronoun("they"), 100, 1, cands).entity == "who"
    people = [A("diallo", 40, 0, gender="f", subject=True)]
    assert resolve(pronoun("they"), 100, 1, people) is None
    assert resolve(pronoun("it"), 100, 1, people) is None


def test_previous_speaker_when_the_window_has_none():
    speakers = [A("ndlovu", 10, 0, gender="m", speaker=True)]
    assert resolve(pronoun("he"), 900, 8, [], speakers).entity == "ndlovu"
    assert resolve(pronoun("she"), 900, 8, [], speakers) is None


def test_an_earlier_speaker_beats_a_non_subject():
    cands = [A("a", 0, 0), A("b", 20, 0)]
    speakers = [A("b", 20, 0, speaker=True)]
    assert resolve(pronoun("he"), 100, 1, cands, speakers).entity == "b"
    assert resolve(pronoun("he"), 100, 1, cands).entity == "a"


def test_an_earlier_speaker_is_a_candidate_in_its_own_sentence():
    # "The commissioner said ...": no mention in that sentence, but its speaker is Fraser.
    cands = [A("fraser", 0, 0, gender="f", subject=True), A("brandt", 60, 2, subject=True)]
    speakers = [A("fraser", 120, 4, gender="f", speaker=True)]
    assert resolve(pronoun("she"), 200, 5, cands, speakers).entity == "fraser"
    assert resolve(pronoun("she"), 200, 5, cands).entity == "brandt"  # unknown gender, nearer


def test_entity_types_follow_the_article_evidence():
    from types import SimpleNamespace

    from unspun.pipeline.speaker_links import entity_types

    text = "Dr. Nadia Chartrand said so. Colleges Ontario, which represents 24 colleges, did not."
    ents = [{"id": "E1", "type": "ORG", "name": "Nadia Chartrand",
             "mentions": [{"start": 4, "end": 19, "text": "Nadia Chartrand"}]},
            {"id": "E2", "type": "PERSON", "name": "Colleges Ontario",
             "mentions": [{"start": 29, "end": 45, "text": "Colleges Ontario"}]},
            {"id": "E3", "type": "ORG", "name": "Victoria Police", "mentions": [
                {"start": 0, "end": 0, "text": "Victoria Police"}]}]
    types = entity_types(SimpleNamespace(text=text, entities=ents))
    assert types == {"E1": "PERSON", "E2": "ORG", "E3": "ORG"}


def test_a_speaker_beats_a_subject_of_the_reported_clause():
    # "Morrow said Leclerc would announce the details. She said ...": Morrow spoke.
    cands = [A("morrow", 0, 0, gender="f", subject=True), A("leclerc", 20, 0, gender="f", subject=True)]
    speakers = [A("morrow", 0, 0, gender="f", speaker=True)]
    assert resolve(pronoun("she"), 100, 1, cands, speakers).entity == "morrow"
    assert resolve(pronoun("she"), 100, 1, cands).entity == "leclerc"  # nobody spoke: the last subject


def test_a_run_of_quotes_goes_on_past_a_side_mention_not_past_a_subject():
    speakers = [A("morrow", 0, 0, gender="f", speaker=True), A("morrow", 50, 1, gender="f", speaker=True)]
    side = [A("leclerc", 120, 2, gender="f")]  # "... proposed by Leclerc in 2024."
    assert resolve(pronoun("she"), 200, 3, side, speakers).entity == "morrow"
    subject = [A("leclerc", 120, 2, gender="f", subject=True)]  # "Leclerc was not convinced."
    assert resolve(pronoun("she"), 200, 3, subject, speakers).entity == "leclerc"
    # one quote is no run: the side mention, nearer, stays the antecedent
    assert resolve(pronoun("she"), 200, 3, side, speakers[:1]).entity == "leclerc"
    # a run of a man's quotes is no antecedent for "she"
    men = [A("ortiz", 0, 0, gender="m", speaker=True), A("ortiz", 50, 1, gender="m", speaker=True)]
    assert resolve(pronoun("she"), 200, 3, side, men).entity == "leclerc"


def test_a_run_stops_where_the_text_took_the_side_mention_up():
    # "For Lorraine MacNeil, ... the numbers are not abstract. Her husband had ..." then "she says"
    speakers = [A("tremblay", 0, 0, gender="f", speaker=True), A("tremblay", 50, 1, gender="f", speaker=True)]
    side = [A("macneil", 120, 2)]
    assert resolve(pronoun("she"), 300, 4, side, speakers).entity == "tremblay"
    assert resolve(pronoun("she"), 300, 4, side, speakers, taken_up={3}).entity == "macneil"
    # a pronoun before the side mention takes nothing up
    assert resolve(pronoun("she"), 300, 4, side, speakers, taken_up={1}).entity == "tremblay"


def test_a_run_goes_on_past_a_nearer_name_only_when_its_gender_is_known():
    speakers = [A("fontaine", 0, 0, speaker=True), A("fontaine", 50, 1, speaker=True)]
    side = [A("rao", 120, 2)]
    assert resolve(pronoun("she"), 200, 3, side, speakers).entity == "rao"


def test_it_prefers_the_main_clause_subject_over_a_subordinate_one():
    # "Harbourline said the regulator Ofgem had fined it. ... it said": Harbourline, the main
    # clause's subject, not Ofgem, the nearer subject of the clause it holds
    cands = [A("harbour", 0, 0, "ORG", subject=True, main=True), A("ofgem", 40, 0, "ORG", subject=True)]
    assert resolve(pronoun("it"), 120, 1, cands).entity == "harbour"
    # the nearest subject stays when it is also a main clause's ("X sued Y, and Y said")
    cands.append(A("later", 60, 0, "ORG", subject=True, main=True))
    assert resolve(pronoun("it"), 120, 1, cands).entity == "later"


def test_a_run_stops_at_a_side_mention_taken_up_later_in_its_own_sentence():
    # two quotes of Okafor's, then "The coach's sister, Dana Pruitt, said her brother ..."
    # (the parser leaves Pruitt no subject) and '"...," she said.'
    speakers = [A("okafor", 0, 0, gender="f", speaker=True), A("okafor", 50, 1, gender="f", speaker=True)]
    side = [A("pruitt", 120, 2, gender="f")]
    assert resolve(pronoun("she"), 300, 3, side, speakers).entity == "okafor"
    assert resolve(pronoun("she"), 300, 3, side, speakers, taken_at={(2, 150)}).entity == "pruitt"
    # "her" before the mention in its sentence takes nothing up
    assert resolve(pronoun("she"), 300, 3, side, speakers, taken_at={(2, 100)}).entity == "okafor"


@pytest.mark.parametrize("name", ["Patrice Vandal", "Claude Morin", "Dominique Roy", "Nicola Rossi"])
def test_a_given_name_borne_by_men_in_one_language_and_women_in_another_gives_no_gender(name):
    """The US census calls Patrice and Claude women's names; in French they are men's: the
    article must say (a title, a description, "he"), the name alone does not."""
    assert gender_of([name]) is None


def test_he_after_a_speaker_with_such_a_name_is_that_speaker():
    rec = unspun.analyze(
        "Normand Giguère, the borough mayor, said the news confirmed what residents feared.\n\n"
        "He accused the city of ignoring the island.\n\n"
        "Patrice Vandal, a structural engineer who was not involved in the inspection, said "
        "the findings were typical of steel bridges of that era.\n\n"
        "\"De-icing salt is the enemy,\" he said.\n")
    q = next(q for q in rec.quotes if q["content"]["text"].startswith('"De-icing'))
    assert "Vandal" in (speaker_name(rec, q) or q["speaker"]["name"])
