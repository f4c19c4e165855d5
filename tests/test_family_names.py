"""A relative named by a given name alone takes the family's surname (family_names.py)."""
import unspun


def _people(text: str) -> dict[str, list[int]]:
    rec = unspun.analyze(text)
    return {e["name"]: [m["start"] for m in e["mentions"]] for e in rec.entities if e["type"] == "PERSON"}


def test_a_daughter_named_by_her_given_name_takes_her_mothers_surname():
    text = ("Leila Haddadi arrived in Moncton from Beirut in 2021. She spoke to reporters through "
            "her teenage daughter, Yasmin.\n\n"
            "Yasmin, 15, said she now tutors younger students in math.\n")
    people = _people(text)
    assert text.index("Yasmin, 15") in people.get("Yasmin Haddadi", []), people
    assert "Yasmin" not in people


def test_a_relative_of_a_person_named_by_possessive_takes_that_surname():
    text = ("Derek Okafor bought his first condo last spring.\n\n"
            "Okafor's older brother, Samuel, bought a house in 2018.\n\n"
            '"It was timing, not brains," Samuel says.\n')
    people = _people(text)
    assert text.index("Samuel says") in people.get("Samuel Okafor", []), people


def test_his_is_the_nearest_man_not_the_woman_named_in_between():
    text = ("Trevor Lindgren grabbed his children and ran to the basement. His neighbour, Carla "
            "Moreau, said the wind sounded like a train.\n\n"
            "His daughter Nora, 8, said she was not scared.\n")
    people = _people(text)
    assert "Nora Lindgren" in people and "Nora Moreau" not in people, people


def test_a_friend_or_a_lawyer_shares_no_surname():
    text = ("Priya Raman moved to Halifax in 2019. Her friend, Jolene, helped her find work, and "
            "her lawyer, Maya, filed the claim.\n")
    people = _people(text)
    assert not any(n in people for n in ("Jolene Raman", "Maya Raman")), people


def test_the_bylines_writer_is_no_one_s_relative():
    """Nobody in the story is named before "her husband, Farid": the byline's writer is no
    relative of his, so he stays "Farid"."""
    text = ("Snow, soup and borrowed boots: a first winter in Winnipeg\n\n"
            "By Jordan Whitlock\n\n"
            "She and her husband, Farid, arrived in Winnipeg in August with their three children.\n\n"
            '"Everything we had, we left there," Farid says.\n')
    people = _people(text)
    assert "Farid Whitlock" not in people, people


def test_a_full_name_the_article_writes_wins_over_the_relatives_surname():
    """A sister may not bear her sister's married name: when the story writes "Nadia Sarkis",
    "her sister, Nadia" is Nadia Sarkis, not Nadia Sarkis-Lowe."""
    text = ("Rania Sarkis-Lowe opened the cafe in 2016 with her sister, Nadia, after years in hotel "
            "kitchens.\n\n"
            "Nadia Sarkis, 44, handles the books. \"Everything went up,\" Nadia says.\n")
    people = _people(text)
    assert "Nadia Sarkis-Lowe" not in people and text.index("Nadia says") in people.get("Nadia Sarkis", []), people
