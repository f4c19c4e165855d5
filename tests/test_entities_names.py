"""People whose tagged "name" is only titles, punctuation or a possessive (the U110 crash class)."""
import pytest

import unspun
from conftest import find, tagged_mentions
from unspun.pipeline.entities import Mention, cluster, name_tokens, name_words


@pytest.mark.parametrize("name", ["Mr.", "President", "Gov.", "Sen. Mr. Gov.", "— '", "“Dr.”",
                                  "President's", "Minister’s", "..."])
def test_titles_and_punctuation_are_no_name(name):
    assert name_tokens(name) == ()


@pytest.mark.parametrize("name, words", [
    ("Mr. John Smith", ["John", "Smith"]),
    ("“Smith”", ["Smith"]),
    ("Smith's", ["Smith"]),
    ("Jones’s", ["Jones"]),
    ("Dr. Saken Mukan,", ["Saken", "Mukan"]),
    ("O'Brien", ["O'Brien"]),
    ("Jean-Luc Picard", ["Jean-Luc", "Picard"]),
])
def test_name_words_keep_the_name_as_written(name, words):
    assert name_words(name) == words


def test_cluster_survives_a_person_mention_without_name_tokens():
    text = "Mr. said so. Smith agreed. John Smith left."
    mentions = [Mention(0, 3, "PERSON", ()), Mention(13, 18, "PERSON", ("smith",)),
                Mention(27, 37, "PERSON", ("john", "smith"))]
    groups = cluster(mentions, text)
    smith = next(g for g in groups if any(m.start == 27 for m in g))
    assert {m.start for m in smith} == {13, 27}


@pytest.mark.parametrize("text", [
    "Sen. Mr. Gov. said so. Smith agreed.",   # spaCy tags "Gov." as a PERSON: was U110
    "Gov. said so on Monday. Smith agreed.",
])
def test_title_only_person_no_longer_fails_the_article(text):
    rec = unspun.analyze(text)
    smith = find(rec, "Smith")
    assert smith is not None and smith["type"] == "PERSON"
    assert all(e["name"].strip(".") not in ("Gov", "Mr", "Sen") for e in rec.entities)


def test_surname_after_a_name_ending_in_punctuation_is_found():
    rec = unspun.analyze("Officials met “John Smith” on Monday in London. Smith said the talks "
                         "went well, and Smith left on Tuesday.")
    smith = find(rec, "Smith")
    assert smith is not None and smith["type"] == "PERSON"
    assert [m["text"] for m in smith["mentions"]].count("Smith") == 2


@pytest.mark.parametrize("headline, person", [
    ("Obama Says New Museum Will Tell of Suffering and Delight", "Barack Obama"),
    ("Trudeau Warns Provinces on Health Funding", "Justin Trudeau"),
    ("Sanders Tells Supporters to Stay Home", "Bernie Sanders"),
])
def test_a_headline_verb_is_not_part_of_the_name_before_it(headline, person):
    """The tagger runs a headline's capitalised verb into the name ("Obama Says"): the name
    stops before the verb, so the headline's mention joins the person the body names."""
    surname = person.split()[-1]
    rec = unspun.analyze(f"{headline}\n\nOTTAWA — {person} spoke on Monday. {surname} said "
                         "the plan would go ahead.\n")
    first = next(e for e in rec.entities if any(m["start"] == 0 for m in e["mentions"]))
    assert first["name"] == person and first["type"] == "PERSON"
    assert len([m for m in first["mentions"] if m["text"] == surname]) == 2


def test_a_name_ending_in_a_word_like_a_verb_keeps_it_outside_headlines():
    """Outside a title-case headline a capitalised word after a name is the name's own
    ("Claire Adds"); the tagger's span is set by hand, as it tags this name."""
    from spacy.tokens import Span

    from unspun.pipeline.entities import spacy_mentions
    from unspun.pipeline.nlp import get_nlp

    text = "The mayor met Claire Adds on Monday, and the bridge will reopen in May."
    doc = get_nlp()(text)
    doc.ents = [Span(doc, 3, 5, "PERSON")]
    assert [text[m.start:m.end] for m in spacy_mentions(doc, text)] == ["Claire Adds"]
    headline = "Hoffer Adds Two Bridges to Spring Repair List"
    doc = get_nlp()(headline)
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    assert [headline[m.start:m.end] for m in spacy_mentions(doc, headline)] == ["Hoffer"]


@pytest.mark.parametrize("text, tagged, name", [
    ("The senator said that Maria Delgado ''would not win the state.''", "Maria Delgado ''", "Maria Delgado"),
    ("The senator said “Maria Delgado would not win the state.”", "“Maria Delgado", "Maria Delgado"),
    ("The senator praised Maria Delgado ' and her team.", "Maria Delgado '", "Maria Delgado"),
])
def test_quotation_marks_at_a_names_edge_are_not_part_of_it(text, tagged, name):
    """A tagger's span that takes in a quotation mark before the name, or one after a space
    (the double apostrophe some papers quote with), names the person without it, so the
    variant joins the person's other mentions; the span is set by hand to the tagger's."""
    from spacy.tokens import Span

    from unspun.pipeline.entities import spacy_mentions
    from unspun.pipeline.nlp import get_nlp

    doc = get_nlp()(text)
    start = text.index(tagged)
    span = doc.char_span(start, start + len(tagged), label="PERSON", alignment_mode="expand")
    doc.ents = [span]
    assert [text[m.start:m.end] for m in spacy_mentions(doc, text)] == [name]


def test_a_possessive_apostrophe_stays_off_the_name_and_inner_ones_stay_on():
    from spacy.tokens import Span

    from unspun.pipeline.entities import spacy_mentions
    from unspun.pipeline.nlp import get_nlp

    text = "Critics of Sean O'Neill' plans met Chris Jones' aides."
    doc = get_nlp()(text)
    spans = [doc.char_span(text.index(n), text.index(n) + len(n), label="PERSON", alignment_mode="expand")
             for n in ("Sean O'Neill'", "Chris Jones'")]
    doc.ents = spans
    assert [text[m.start:m.end] for m in spacy_mentions(doc, text)] == ["Sean O'Neill", "Chris Jones"]


def test_a_surname_stays_with_the_person_the_article_already_calls_by_it():
    """A relative of the same surname named in full later ("her mother, Sylvie Aucoin") does
    not take the bare surname from the person the article has been calling by it."""
    text = ("Genevieve Marchetti won gold in 2022. Marchetti retired in 2024.\n\n"
            "After the race, her mother, Sylvie Marchetti, posted a photo online.\n\n"
            "Asked about the next Games, Marchetti smiled.\n")
    rec = unspun.analyze(text)
    people = {e["name"]: [m["start"] for m in e["mentions"]] for e in rec.entities if e["type"] == "PERSON"}
    last = text.index("Marchetti smiled")
    assert last in people["Genevieve Marchetti"], people
    assert last not in people.get("Sylvie Marchetti", [])


def test_a_surname_first_written_after_the_second_person_goes_to_the_latest():
    text = ("Genevieve Marchetti won gold in 2022.\n\n"
            "Her mother, Sylvie Marchetti, runs a bakery.\n\n"
            "Marchetti opened the bakery in 1998.\n")
    rec = unspun.analyze(text)
    people = {e["name"]: [m["start"] for m in e["mentions"]] for e in rec.entities if e["type"] == "PERSON"}
    assert text.index("Marchetti opened") in people["Sylvie Marchetti"], people


def test_a_surname_right_after_its_given_name_is_that_persons():
    """The tagger tagged only the surname of a name written in full ("Priya [Marchetti],
    the nominee's daughter"): the surname belongs to the person with that given name, not to
    the namesake the article calls by the surname."""
    from unspun.pipeline.entities import Mention, cluster

    text = ("Carlo Marchetti spoke first. Marchetti said little.\n\n"
            "Priya Marchetti, his daughter, spoke next. Priya Marchetti was applauded.\n")
    def at(s, toks):
        i = text.index(s)
        return Mention(i, i + len(s), "PERSON", toks)
    split = text.index("Marchetti, his")
    mentions = [at("Carlo Marchetti", ("carlo", "marchetti")),
                Mention(text.index("Marchetti said"), text.index("Marchetti said") + 9, "PERSON", ("marchetti",)),
                Mention(split, split + 9, "PERSON", ("marchetti",)),
                at("Priya Marchetti was", ("priya", "marchetti"))]
    mentions[-1] = Mention(mentions[-1].start, mentions[-1].start + 15, "PERSON", ("priya", "marchetti"))
    groups = cluster(mentions, text)
    priya = next(g for g in groups if any(text[m.start:m.end] == "Priya Marchetti" for m in g))
    assert split in {m.start for m in priya}


@pytest.mark.parametrize("full, short", [
    ("Quillfeather Mining Ltd.", "Quillfeather Mining"),
    ("Harbourline Foods, Inc.", "Harbourline Foods"),
    ("Norrland Shipping plc", "Norrland Shipping"),
])
def test_a_companys_legal_ending_does_not_make_a_second_organisation(full, short):
    from unspun.pipeline.entities import Mention, cluster

    text = f"The owner, {full}, said the mine would close. {short} said 200 jobs would go."
    a, b = text.index(full), text.rindex(short)
    groups = cluster([Mention(a, a + len(full), "ORG"), Mention(b, b + len(short), "ORG")], text)
    assert len(groups) == 1


def test_a_legal_ending_alone_or_inside_a_name_stays():
    from unspun.pipeline.entities import normalise

    assert normalise("Inc.") == "inc."
    assert normalise("Limited Co. Group") != normalise("Limited")


def test_a_transcript_colon_stays_off_the_name():
    """A tagger's span that takes in a transcript's colon ("Marco Rubio:") names the person
    without it; the span is set by hand to the tagger's."""
    text = "Dana Okafor: We will win this county.\n\nThe crowd cheered."
    assert [text[m.start:m.end] for m in tagged_mentions(text, "Dana Okafor:", "PERSON")] == ["Dana Okafor"]


def test_a_name_is_written_with_plain_spaces_and_no_editors_brackets():
    """The entity's name (what actors and rankings show) is the same whatever space or
    editor's bracket the article wrote inside it; its mention keeps the text as written."""
    from unspun.pipeline.entities import Mention, _name

    text = "Senator Jennifer\u00a0Walsh spoke on Monday."
    rec = unspun.analyze(text)
    (person,) = [e for e in rec.entities if e["type"] == "PERSON"]
    assert person["name"] == "Jennifer Walsh"
    assert person["mentions"][0]["text"] == "Jennifer\u00a0Walsh"
    text = "Former governor Jennifer [Walsh] spoke."  # a tagger's span ending inside the bracket
    start = text.index("Jennifer")
    tagged = Mention(start, text.index("]"), "PERSON", ("jennifer", "walsh"))
    assert _name([tagged], text, "PERSON") == "Jennifer Walsh"


def _people(text):
    rec = unspun.analyze(text)
    return {e["name"]: e["type"] for e in rec.entities}


def test_a_surname_the_tagger_left_off_a_hyphenated_given_name_is_the_persons():
    """The tagger tags "Marc-André" of "Marc-André Lévesque": the surname it hangs on is
    the name's too, so the person is not a given name alone."""
    found = _people("Federation president Marc-André Lévesque said in a statement that the "
                    "strike would go on.\n")
    assert found.get("Marc-André Lévesque") == "PERSON", found
    assert "Marc-André" not in found


def test_a_street_is_no_person():
    found = _people("The rent on her apartment, a walk-up on Rue Lapierre, went from $780 to "
                    "$1,050. She walks to work along Jasper Avenue.\n")
    assert found.get("Rue Lapierre", "FAC") != "PERSON", found
    assert found.get("Jasper Avenue", "FAC") != "PERSON", found


def test_a_one_word_name_listed_with_places_is_a_place_unless_a_person_bears_it():
    found = _people("She negotiated severance packages for laid-off workers in towns such as "
                    "Magog, Louiseville and Valleyfield.\n")
    assert found.get("Valleyfield") != "PERSON", found
    kept = _people("Donald Trump met the prime minister.\n\n"
                   "Talks between Trump, Mexico and Canada went on all night.\n")
    assert kept.get("Donald Trump") == "PERSON", kept
    assert not any(t != "PERSON" for n, t in kept.items() if "Trump" in n), kept


def test_a_body_written_later_by_the_words_its_name_opens_with_is_that_body():
    rec = unspun.analyze("Voltaris Cells Inc. will build a battery plant outside the city.\n\n"
                         "The province gave Voltaris Cells Inc. a grant of $40 million.\n\n"
                         "Voltaris said it remains on track to hire 600 people.\n")
    bodies = [e for e in rec.entities if "Voltaris" in e["name"]]
    assert [e["name"] for e in bodies] == ["Voltaris Cells Inc."], bodies
    assert len(bodies[0]["mentions"]) == 3
    q = next(q for q in rec.quotes if "on track" in q["content"]["text"])
    assert q["speaker"]["entity"] == bodies[0]["id"]


def test_a_short_name_two_longer_names_open_joins_neither():
    rec = unspun.analyze("Harbour Point Hospitality Group owns six hotels.\n\n"
                         "Strikers gathered at Harbour Point Waterfront on Tuesday.\n\n"
                         "Harbour Point Enterprises said on Friday that talks had resumed.\n\n"
                         "Harbour Point did not comment.\n")
    names = [e["name"] for e in rec.entities]
    assert "Harbour Point Hospitality Group" in names and "Harbour Point Waterfront" in names, names
    group = next(e for e in rec.entities if e["name"] == "Harbour Point Hospitality Group")
    assert len(group["mentions"]) == 1, group


def test_a_program_named_after_a_body_does_not_take_the_bodys_name():
    """"Army Drone Program" opens with "Army" but names no body (its last word marks none):
    the Army written alone stays the Army."""
    rec = unspun.analyze("The Army Drone Program has cost $2 billion since 2019.\n\n"
                         "The Army said in a statement that testing would continue.\n")
    program = [e for e in rec.entities if e["name"] == "Army Drone Program"]
    assert all(len(e["mentions"]) == 1 for e in program), program


def test_a_namesakes_given_name_the_tagger_left_out_opens_a_person_of_its_own():
    """"His son, Amarjit Sandhu, said" after "Harjit Sandhu": the tagger tags "Sandhu" alone
    and no lexicon knows "Amarjit"; the son is a person of his own, and says what he said."""
    rec = unspun.analyze("Markoff is accused of killing Harjit Sandhu, 52, on the platform.\n\n"
                         "His son, Amarjit Sandhu, said the family had feared the hearing would end "
                         "with Markoff walking out of jail.\n")
    people = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert {"Harjit Sandhu", "Amarjit Sandhu"} <= people, people
    q = next(q for q in rec.quotes if "feared" in q["content"]["text"])
    assert rec.entity(q["speaker"]["entity"])["name"] == "Amarjit Sandhu"


def test_a_surname_after_a_namesake_named_only_as_an_object_stays_with_the_subject():
    """"Darlene Okafor read her statement ... The crash killed her son, Marcus Okafor ...
    'I will never hear his laugh again,' Okafor said": the son is named as an object, no
    sentence is about him; the bare surname is the mother's, not the latest namesake's."""
    text = ("Darlene Okafor read her statement first. The crash killed her son, Marcus Okafor.\n\n"
            "\"I will never hear his laugh again,\" Okafor said.\n")

    def at(s, toks, prominent=False):
        i = text.index(s)
        return Mention(i, i + len(s), "PERSON", toks, prominent=prominent)
    mentions = [at("Darlene Okafor", ("darlene", "okafor"), prominent=True),
                at("Marcus Okafor", ("marcus", "okafor")), at("Okafor said", ("okafor",))]
    mentions[-1].end = mentions[-1].start + len("Okafor")
    darlene = next(c for c in cluster(mentions, text) if c[0].tokens[0] == "darlene")
    assert text.index("Okafor said") in [m.start for m in darlene]
    with_him = [at("Darlene Okafor", ("darlene", "okafor"), prominent=True),  # the latest one a
                at("Marcus Okafor", ("marcus", "okafor"), prominent=True),    # sentence is about
                mentions[-1]]
    marcus = next(c for c in cluster(with_him, text) if c[0].tokens[0] == "marcus")
    assert text.index("Okafor said") in [m.start for m in marcus]


@pytest.mark.parametrize("pair, first, second", [
    ("Jason and Alicia Ferrante", "Jason Ferrante", "Alicia Ferrante"),
    ("Jason and Alicia Ferrante-Lopez", "Jason Ferrante-Lopez", "Alicia Ferrante-Lopez"),
])
def test_a_given_name_joined_to_a_full_name_shares_its_surname(pair, first, second):
    """"Jason and Alicia Ferrante bought a house": both are Ferrantes, and Jason, written
    alone later, is Jason Ferrante, not a person of his own named "Jason"."""
    text = (f"When {pair} bought their townhouse in Ajax in 2020, rates were low.\n\n"
            "Jason, 41, who manages a hardware store, says the couple has cut costs.\n\n"
            "Alicia says the renewal letter came in March.\n")
    rec = unspun.analyze(text)
    people = {e["name"]: [m["start"] for m in e["mentions"]] for e in rec.entities if e["type"] == "PERSON"}
    assert text.index("Jason, 41") in people[first], people
    assert text.index("Alicia says") in people[second], people
    assert "Jason" not in people


def test_a_name_after_and_with_another_given_name_keeps_its_own_surname():
    """Two people with their own surnames ("Jason Moore and Alicia Ferrante") share nothing."""
    text = "Jason Moore and Alicia Ferrante bought the house. Moore says it needs work.\n"
    rec = unspun.analyze(text)
    names = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert {"Jason Moore", "Alicia Ferrante"} <= names and "Jason Ferrante" not in names


def test_a_given_name_the_census_lacks_joined_to_a_lone_surname_opens_the_name():
    """"Mateus Carvalho" with only "Carvalho" tagged: the parser's compound is his given name,
    so he is a person of his own, not his mother "Fernanda Carvalho" named later."""
    text = ("Mateus Carvalho was working for a framing subcontractor when he fell.\n\n"
            '"He called me on Sunday," his mother, Fernanda Carvalho, told reporters.\n')
    rec = unspun.analyze(text)
    names = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert {"Mateus Carvalho", "Fernanda Carvalho"} <= names, names


@pytest.mark.parametrize("title, owner", [("Mr.", "Daniel Okafor"), ("Ms.", "Grace Okafor")])
def test_a_gendered_title_before_a_bare_surname_picks_the_namesake_it_fits(title, owner):
    text = ("Daniel Okafor fell from the scaffold on Tuesday.\n\n"
            "His mother, Grace Okafor, said he had complained about the railing.\n\n"
            f"The company said it was thinking of {title} Okafor's family.\n")
    rec = unspun.analyze(text)
    people = {e["name"]: [m["start"] for m in e["mentions"]] for e in rec.entities if e["type"] == "PERSON"}
    assert text.index("Okafor's family") in people[owner], people


def test_a_given_name_the_tagger_missed_before_and_a_full_name_shares_its_surname():
    """"Karim and Gulnaz Haidari": the tagger may take "Karim" for a place (or miss it) when it
    does not know "Gulnaz"; a known given name there is a person, Karim Haidari, also where
    written alone, and "He" after him is his."""
    text = ("The church group is now sponsoring its third family: Karim and Gulnaz Haidari and their "
            "four children, who spent six years in Pakistan.\n\n"
            "Karim, 44, was a tailor in Kabul. He said he hopes to open his own shop.\n")
    rec = unspun.analyze(text)
    people = {e["name"]: [m["start"] for m in e["mentions"]] for e in rec.entities if e["type"] == "PERSON"}
    assert text.index("Karim, 44") in people.get("Karim Haidari", []), people
    (q,) = rec.quotes
    assert rec.entity(q["speaker"]["entity"])["name"] == "Karim Haidari"


def test_a_place_before_and_a_full_name_stays_a_place():
    text = "Flights between Jordan and Mary Smith's home town resumed in May. Jordan reopened its airspace.\n"
    rec = unspun.analyze(text)
    assert not any(e["type"] == "PERSON" and e["name"].startswith("Jordan") for e in rec.entities), rec.entities


def test_a_given_name_before_a_surname_with_a_capitalised_particle_opens_the_name():
    """"Marites Dela Rosa, a nurse": the tagger may take only "Dela Rosa"; a surname that opens
    with a particle is no given name, so the proper noun before it, even opening the
    sentence, is the given name."""
    text = ("Rosalind Baptiste, a nurse educator, welcomed the change.\n\n"
            "Marites Dela Rosa, a nurse at Royal University Hospital who arrived from Manila in 2019, "
            "said the licence came through in March.\n\n"
            '"I am a Canadian nurse now," she said.\n')
    rec = unspun.analyze(text)
    names = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert "Marites Dela Rosa" in names, names


def test_a_name_with_an_age_after_it_is_a_whole_person_the_tagger_cut():
    """"Gurdial Singh Bains, 78, has cooked ...": the tagger may take only "Singh Bains" (or
    nothing); the capitalised words before an age are one person's name, and "he said"
    after is his."""
    text = ("Volunteers serve about 900 meals a night at the temple.\n\n"
            "His roommate, Jaskaran, said many students are too proud to use a food bank.\n\n"
            "Gurdial Singh Bains, 78, has cooked in the kitchen every evening for 11 years.\n\n"
            '"When I came to Canada, nobody fed me," he said.\n')
    rec = unspun.analyze(text)
    names = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert "Gurdial Singh Bains" in names and "Singh Bains" not in names, names
    assert rec.entity(rec.quotes[-1]["speaker"]["entity"])["name"] == "Gurdial Singh Bains"


def test_a_known_given_name_the_tagger_missed_with_a_person_s_apposition_is_a_person():
    """"Next was Doreen Kaplan-Ward, a retired nurse ..., who told councillors": the tagger
    tags no name there; a known given name and a capitalised word, then an apposition,
    ", who" or a cue verb, is a person, whom "who" and the next "she said" name."""
    text = ("Amira Haddad runs a drop-in program for youth in McCauley.\n\n"
            '"More officers have not made one kid safer," she said.\n\n'
            "Next was Doreen Kaplan-Ward, a retired nurse from Alberta Avenue, who told councillors "
            "the crisis teams answer calls faster than police.\n\n"
            '"You are funding the most expensive response to every problem," she said.\n')
    rec = unspun.analyze(text)
    speakers = [rec.entity(q["speaker"]["entity"])["name"] for q in rec.quotes]
    assert speakers == ["Amira Haddad", "Doreen Kaplan-Ward", "Doreen Kaplan-Ward"], speakers


@pytest.mark.parametrize("text, people", [
    ("Grace Church, a landmark since 1887, will close in June.", []),
    ("Victoria Park, a green space near the river, reopens.", []),
    ("Rose Street, a quiet road, was closed.", []),
    ("The lawyer, Grace Okafor, who argued the case, said so.", ["Grace Okafor"]),
])
def test_a_given_name_opening_a_place_or_body_s_name_makes_no_untagged_person(text, people):
    from unspun.lang import get
    from unspun.pipeline.entities import _untagged_people
    from unspun.pipeline.nlp import get_nlp
    out = []
    _untagged_people(get_nlp()(text), text, out, set(), get("en"))
    assert [text[m.start:m.end] for m in out] == people


def test_a_known_given_name_the_tagger_missed_after_a_title_is_a_person_and_the_title_nobody():
    """"Coun. Teresa Lindqvist voted against it. She said ...": the tagger may tag nothing
    there, or "Coun" alone; the name after the title is a person, "She" is hers, and the
    title names nobody."""
    text = ("Coun. Aileen Forsythe, who moved the motion, said visitors use city services.\n\n"
            '"Someone who comes here for a weekend uses our roads," Forsythe told council. '
            '"Two per cent is not outrageous."\n\n'
            "Coun. Teresa Lindqvist voted against it. She said the city had not studied the "
            "effect on bookings.\n")
    rec = unspun.analyze(text)
    people = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert people == {"Aileen Forsythe", "Teresa Lindqvist"}, people
    assert rec.entity(rec.quotes[-1]["speaker"]["entity"])["name"] == "Teresa Lindqvist"


def test_a_title_abbreviation_alone_is_nobody():
    """The tagger may take a title abbreviation before a name for a person of its own."""
    text = ('"If a public hearing cannot move a single vote, people will ask why we hold them," '
            "she said.\n\n"
            "Coun. Dale Pritchard, who supported the increase, accused opponents of \"painting every "
            'officer with the same brush" and said the hub would help.\n')
    rec = unspun.analyze(text)
    people = {e["name"] for e in rec.entities if e["type"] == "PERSON"}
    assert people == {"Dale Pritchard"}, people


@pytest.mark.parametrize("text, surnames, people", [
    ("Elisapee Irngaut does not trust the forecast.", {"irngaut"}, ["Elisapee Irngaut"]),
    ("Elisapee Irngaut does not trust the forecast.", set(), []),  # no namesake: no evidence
    ("Chief Sewap invited the minister.", {"sewap"}, []),  # a title, no given name
    ("The Irngaut family moved in 1967.", {"irngaut"}, []),
])
def test_a_proper_noun_before_a_namesake_s_surname_opens_a_person_s_name(text, surnames, people):
    """A lede's "Elisapee Irngaut does not trust ..." that the tagger missed, when it tags
    "Naomi Irngaut" further on: the proper noun before the surname is a given name."""
    from unspun.lang import get
    from unspun.pipeline.entities import _untagged_people
    from unspun.pipeline.nlp import get_nlp
    out = []
    _untagged_people(get_nlp()(text), text, out, surnames, get("en"))
    assert [text[m.start:m.end] for m in out] == people


def test_a_given_name_written_alone_elsewhere_opens_a_full_name_the_tagger_missed():
    """"Zarmina Rahimi stands at the window" in a lede after a byline line, with only a later
    "Zarmina went ..." tagged: her full name, and no name runs over the line break
    ("CBC News" + "Zarmina Rahimi")."""
    from unspun.lang import get
    from unspun.pipeline.entities import Mention, _untagged_people
    from unspun.pipeline.nlp import get_nlp
    text = ("Jordan Beaulieu · CBC News\n\nZarmina Rahimi stands at the window of her apartment.\n\n"
            "Zarmina went to the first session and took notes.\n")
    later = text.rindex("Zarmina")
    for alone, want in [("PERSON", ["Zarmina", "Zarmina Rahimi"]), ("GPE", ["Zarmina"])]:
        out = [Mention(later, later + 7, alone, ("zarmina",))]
        _untagged_people(get_nlp()(text), text, out, set(), get("en"))
        assert [text[m.start:m.end] for m in out] == want, alone
    # a surname written alone is no given name
    out = [Mention(later, later + 7, "PERSON", ("zarmina",))]
    _untagged_people(get_nlp()(text), text, out, {"zarmina"}, get("en"))
    assert [text[m.start:m.end] for m in out] == ["Zarmina"]
