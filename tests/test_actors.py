"""Actors across a corpus: name keys, display names, linking, merges and splits."""
from __future__ import annotations

import pytest

from unspun.actors import Edit, Variant, actor_key, apply_edits, display_name, link, person_key


@pytest.mark.parametrize("name,key", [
    ("DONALD TRUMP", "donald trump"),
    ("Donald J. Trump", "donald trump"),
    ("Mr. Trump", "trump"),
    ("Trump's", "trump"),
    ("President Barack Obama", "barack obama"),
    ("Hillary Rodham Clinton", "hillary clinton"),
    ("Sen. Bernard J. Sanders Jr.", "bernard sanders"),
    ("Martin Luther King Jr.", "martin king"),
    ("Clinton’s", "clinton"),
])
def test_person_keys_set_aside_case_titles_initials_possessives(name, key):
    assert person_key(name) == key


def test_actor_keys_only_for_people_and_organisations():
    assert actor_key("PERSON", "Mr. Trump") == "person:trump"
    assert actor_key("ORG", "the White House") == "org:white house"
    assert actor_key("ORG", "The Associated Press's") == "org:associated press"
    assert actor_key("GPE", "Iowa") is None
    assert actor_key("PERSON", "— '") is None


def test_display_name_prefers_a_cased_full_name():
    forms = ["DONALD TRUMP"] * 9 + ["Donald J. Trump"] * 3 + ["Trump"] * 20 + ["Donald Trump"]
    assert display_name(forms) == "Donald Trump"
    assert display_name(["DONALD TRUMP", "TRUMP"]) == "Donald Trump"
    assert display_name(["NATO", "NATO", "Nato"], "ORG") == "NATO"
    assert display_name(["the Pentagon", "Pentagon", "Pentagon"], "ORG") == "Pentagon"


def _v(article, entity, name, type_="PERSON"):
    return Variant(article, entity, type_, name)


CORPUS = [
    _v("a1", "E1", "Donald J. Trump"), _v("a1", "E2", "Hillary Clinton"),
    _v("a2", "E1", "DONALD TRUMP"), _v("a2", "E2", "Bill Clinton"),
    _v("a3", "E1", "Trump"), _v("a3", "E2", "Clinton"), _v("a3", "E3", "Sanders"),
    _v("a4", "E1", "Bernie Sanders"), _v("a4", "E2", "the White House", "ORG"),
    _v("a5", "E1", "White House", "ORG"), _v("a5", "E2", "Iowa", "GPE"),
    _v("a6", "E1", "Bernie"),
]


def test_variants_of_one_person_are_one_actor():
    actors, of = link(CORPUS)
    trump = of[("a1", "E1")]
    assert of[("a2", "E1")] == of[("a3", "E1")] == trump
    assert actors[trump].name == "Donald Trump"
    assert of[("a3", "E3")] == of[("a4", "E1")] == of[("a6", "E1")]  # surname, first name
    assert of[("a4", "E2")] == of[("a5", "E1")]
    assert ("a5", "E2") not in of  # a place is no actor


def test_ambiguous_surnames_stay_apart():
    actors, of = link(CORPUS)
    hillary, bill, bare = of[("a1", "E2")], of[("a2", "E2")], of[("a3", "E2")]
    assert len({hillary, bill, bare}) == 3
    assert actors[hillary].name == "Hillary Clinton" and actors[bill].name == "Bill Clinton"
    assert actors[bare].name == "Clinton"


def test_ids_are_stable_across_reingest_in_any_order():
    _, first = link(CORPUS)
    _, again = link(list(reversed(CORPUS)))
    assert first == again


def test_merge_split_and_undo():
    actors, of = link(CORPUS)
    hillary, bare = of[("a1", "E2")], of[("a3", "E2")]
    merge = Edit("merge", hillary, [bare])
    apply_edits(actors, of, [merge])
    assert of[("a3", "E2")] == hillary and bare not in actors
    assert set(actors[hillary].forms) == {"Hillary Clinton", "Clinton"}

    split = Edit("split", hillary, name="Clinton")
    apply_edits(actors, of, [split])
    assert of[("a3", "E2")] != hillary
    assert actors[of[("a3", "E2")]].name == "Clinton"

    actors, of = link(CORPUS)  # re-derived, with the merge undone: as before it
    apply_edits(actors, of, [Edit("merge", hillary, [bare], undone=True)])
    assert of[("a3", "E2")] == bare


def test_edits_on_missing_actors_do_nothing():
    actors, of = link(CORPUS)
    before = dict(of)
    apply_edits(actors, of, [Edit("merge", "Anope", [of[("a1", "E1")]]),
                             Edit("split", "Anope", name="x"),
                             Edit("split", of[("a1", "E2")], name="Hillary Clinton")])  # would empty it
    assert of == before


def test_unresolved_pronouns_are_shown_as_such():
    from unspun.actors.speakers import speaker_of

    he = speaker_of("He")
    assert he.unresolved and he.name == "unresolved (he)" and he.key == "unresolved:he"
    assert speaker_of("who").name == "unresolved (who)"
    assert speaker_of("They").unresolved
    desc = speaker_of("A spokesman for the European Commission")
    assert not desc.unresolved and desc.name == "A spokesman for the European Commission"
    assert speaker_of("he", actor="A1", actor_name="Paul Ndlovu").name == "Paul Ndlovu"
    assert speaker_of("Iowa", entity_name="Iowa").key == "text:iowa"
    assert speaker_of(None) is None and speaker_of("  ") is None


def test_a_bare_surname_goes_to_the_one_compatible_full_name():
    corpus = [_v("a1", "E1", "Barack Obama"), _v("a2", "E1", "Michelle Obama"),
              Variant("a1", "E1", "PERSON", "Barack Obama", "m"),
              Variant("a2", "E1", "PERSON", "Michelle Obama", "f"),
              Variant("a3", "E1", "PERSON", "Obama", "m"), Variant("a4", "E1", "PERSON", "Obama", "f"),
              _v("a5", "E1", "Obama")]
    _, of = link(corpus)
    assert of[("a3", "E1")] == of[("a1", "E1")]
    assert of[("a4", "E1")] == of[("a2", "E1")]
    assert of[("a5", "E1")] not in (of[("a1", "E1")], of[("a2", "E1")])  # no gender: ambiguous


def test_a_bare_surname_goes_to_a_full_name_named_ten_times_as_often():
    corpus = [_v(f"t{i}", "E1", "Hillary Clinton") for i in range(20)]
    corpus += [_v("b1", "E1", "Bill Clinton"), _v("b2", "E1", "Bill Clinton"), _v("c", "E1", "Clinton")]
    _, of = link(corpus)
    assert of[("c", "E1")] == of[("t0", "E1")] != of[("b1", "E1")]
    _, of = link(corpus + [_v("b3", "E1", "Bill Clinton")])  # 20 : 3 is not dominant
    assert of[("c", "E1")] not in (of[("t0", "E1")], of[("b1", "E1")])
