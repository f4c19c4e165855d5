import unspun
from conftest import find, tagged_mentions


def test_surname_joins_person_even_when_mislabelled():
    rec = unspun.analyze(
        "Senator Elizabeth Warren criticised the bank on Tuesday. "
        "Warren said the bank had failed its customers. Later, Warren left Washington.")
    warren = find(rec, "Elizabeth Warren")
    assert warren["type"] == "PERSON"
    assert [m["text"] for m in warren["mentions"]].count("Warren") == 2
    assert find(rec, "Washington")["type"] in ("GPE", "LOC")


def test_country_names_are_places_whatever_the_tagger_says(seed_record):
    assert find(seed_record, "Armenia")["type"] == "GPE"


def test_republic_of_x_joins_x(seed_record):
    azerbaijan = find(seed_record, "Azerbaijan")
    texts = {m["text"] for m in azerbaijan["mentions"]}
    assert "Republic of Azerbaijan" in texts


def test_norp_stays_distinct_from_place(seed_record):
    assert find(seed_record, "Armenian")["type"] == "NORP"
    assert find(seed_record, "Armenia") is not find(seed_record, "Armenian")


def test_title_and_apposition_descriptions():
    rec = unspun.analyze(
        "Republican presidential nominee Donald Trump spoke in Ohio. "
        "John Smith, a professor of politics at Yale University, said the speech was long.")
    trump = find(rec, "Donald Trump")
    assert any("nominee" in d["text"] for d in trump["descriptions"])
    smith = find(rec, "John Smith")
    assert any(d["text"].startswith("a professor of politics") or
               d["text"].startswith("professor of politics") for d in smith["descriptions"])


def test_two_people_with_same_surname_stay_apart():
    rec = unspun.analyze("Hillary Clinton and Chelsea Clinton arrived. Chelsea Clinton spoke first.")
    people = [e for e in rec.entities if e["type"] == "PERSON"]
    assert {e["name"] for e in people} >= {"Hillary Clinton", "Chelsea Clinton"}


def test_descriptions_stay_out_of_the_dateline_and_skip_times():
    rec = unspun.analyze("FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticised "
                         "the law. At 12:30 p.m. Hillary Clinton spoke. Joseph R. Biden, Jr., "
                         "said nothing.", published="2016-10-04")
    bill = find(rec, "Bill Clinton")
    assert [d["text"] for d in bill["descriptions"]] == ["Former President"]
    assert find(rec, "Hillary Clinton")["descriptions"] == []
    biden = find(rec, "Joseph R. Biden")
    assert biden is None or all(d["text"] != "Jr." for d in biden["descriptions"])


def test_a_person_named_like_a_business_is_the_business():
    """The tagger may call "Abreu Bakery" a person (the owner's surname opens it); a name
    ending in a word only organisations end in is an organisation, and the owner's bare
    surname stays a person of its own."""
    text = "Abreu has run Abreu Bakery for 27 years. Abreu said sales fell."
    (m,) = tagged_mentions(text, "Abreu Bakery", "PERSON")
    assert m.label == "ORG"
    rec = unspun.analyze("Teresa Abreu has run Abreu Bakery on the corner for 27 years. "
                         "Abreu said her sales dropped by half.")
    assert not any(e["type"] == "PERSON" and e["name"].endswith("Bakery") for e in rec.entities)


def test_a_titled_surname_goes_to_the_namesake_named_with_that_title():
    """Two people of one surname; "Chief Beardy" is the one introduced as "Chief Gerald
    Beardy", not the nephew named after him."""
    text = ('"My kids have never once drunk from the tap in their own house," said Chief Gerald '
            'Beardy, one of the lead plaintiffs.\n\n"I will believe it when I brush my teeth with '
            'the tap," said Kyle Beardy, 17, the chief\'s nephew, laughing.\n\n'
            'Chief Beardy posted on Facebook Tuesday night: "Thank you to every family."\n')
    rec = unspun.analyze(text)
    start = text.index("Chief Beardy") + len("Chief ")
    owner = next(e for e in rec.entities if any(m["start"] == start for m in e["mentions"]))
    assert owner["name"] == "Gerald Beardy"


def test_a_person_named_like_a_body_it_opens_is_the_body():
    """French and English bodies' names open with their kind ("Clinique médicale Saint-Luc",
    "University of Regina"); a tagged 'person' so named is an organisation."""
    for name in ("Clinique médicale Saint-Luc", "University of Regina"):
        (m,) = tagged_mentions(f"{name} will close its doors on Oct. 31.", name, "PERSON")
        assert m.label == "ORG"


def test_a_titled_surname_that_is_also_a_town_stays_a_person():
    """"Dr. Isabelle Roy" where the tagger found only "Roy" (also a town's name): a person."""
    from types import SimpleNamespace

    from unspun.pipeline.speaker_links import entity_types

    text = "Dr. Isabelle Roy said the rent made it impossible to keep going."
    start = text.index("Roy")
    rec = SimpleNamespace(text=text, entities=[{"id": "E1", "name": "Roy", "type": "PERSON",
                                                "mentions": [{"start": start, "end": start + 3}]}])
    assert entity_types(rec)["E1"] == "PERSON"
    text = "The storm spread to Roy and Ogden overnight."  # no title: the town
    start = text.index("Roy")
    rec = SimpleNamespace(text=text, entities=[{"id": "E1", "name": "Roy", "type": "PERSON",
                                                "mentions": [{"start": start, "end": start + 3}]}])
    assert entity_types(rec)["E1"] == "GPE"


def _tagged(text, tags):
    """Mentions of ``text`` as a tagger that found ``tags`` ((name, nth occurrence, label))
    would give them, after the article's own evidence (``add_evidence``)."""
    from types import SimpleNamespace

    from unspun.pipeline.entities import add_evidence, spacy_mentions
    from unspun.pipeline.nlp import get_nlp

    doc = get_nlp()(text)
    ents = []
    for name, nth, label in tags:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        ents.append(doc.char_span(start, start + len(name), label=label, alignment_mode="expand"))
    doc.ents = ents
    return add_evidence(spacy_mentions(doc, text), text, SimpleNamespace(agencies=[], dateline=None))


def test_a_given_name_and_surname_tagged_a_body_is_the_person_tagged_elsewhere():
    """The tagger called "Meredith Lalonde" an organisation in the lede and a person later;
    the same name, or its surname alone tagged a person, makes both mentions the person's."""
    text = ("The first sign was so ordinary that Meredith Lalonde barely noticed it. "
            '"I was tired," Lalonde recalls. Meredith Lalonde now volunteers.')
    for tags in ([("Meredith Lalonde", 0, "ORG"), ("Lalonde", 1, "PERSON")],
                 [("Meredith Lalonde", 0, "FAC"), ("Meredith Lalonde", 1, "PERSON")]):
        labels = {(m.start, m.label) for m in _tagged(text, tags)}
        assert (text.index("Meredith Lalonde"), "PERSON") in labels


def test_a_body_or_place_whose_first_word_is_no_given_name_stays_what_it_was_tagged():
    """"Borealis Mobile" tagged a person in one place is still a company where tagged one;
    "Neils Harbour" is a village though a "Neils" is tagged a person."""
    text = "Borealis Mobile said on Monday it was hacked. Borealis Mobile shares fell."
    mentions = _tagged(text, [("Borealis Mobile", 0, "ORG"), ("Borealis Mobile", 1, "PERSON")])
    assert mentions[0].label == "ORG"
    text = "The clinic in Neils Harbour closed. Neils said he drove for 90 minutes."
    mentions = _tagged(text, [("Neils Harbour", 0, "GPE"), ("Neils", 1, "PERSON")])
    assert mentions[0].label == "GPE"


def test_a_surname_of_two_words_is_the_person_named_in_full():
    """"Van Loon said" after "Derek Van Loon": the tagger may call the surname a body; it is
    the person, one entity with the full name."""
    text = ("The greenhouse's production manager, Derek Van Loon, told the inquest the company "
            "had provided water stations.\n\n"
            '"We relied on the crew leaders to use their judgment," Van Loon said.\n')
    from unspun.pipeline.entities import cluster

    for tags in ([("Derek Van Loon", 0, "PERSON"), ("Van Loon", 1, "ORG")],
                 [("Derek Van Loon", 0, "PERSON"), ("Van Loon", 1, "PERSON")]):
        mentions = _tagged(text, tags)
        assert [m.label for m in mentions] == ["PERSON", "PERSON"]
        assert len(cluster(mentions, text)) == 1


def test_a_given_name_the_tagger_left_out_opens_the_person_s_name():
    rec = unspun.analyze("In the village of Camar, the mood was different. Ana Cruz Mamani, "
                         "president of the local Indigenous community, said the ruling vindicated "
                         "a decade of protest.")
    assert find(rec, "Ana Cruz Mamani")["type"] == "PERSON"
    rec = unspun.analyze("On Sunday Smith said the vote would go ahead.")
    assert not any(e["name"].startswith("Sunday") for e in rec.entities)


def test_a_full_name_after_a_word_is_no_two_word_surname():
    """"Hillary Clinton" is no surname of "Crooked Hillary Clinton" (a nickname before the
    name): her mentions stay with her own name, the nickname's form is no name of hers."""
    from unspun.pipeline.entities import Mention, cluster, name_tokens

    text = ("Hillary Clinton spoke on Monday. He said it was harder than working Crooked Hillary "
            "Clinton. Hillary Clinton replied.")
    spans = [(0, 15), (text.index("Crooked"), text.index("Clinton.") + 7),
             (text.rindex("Hillary Clinton"), text.rindex("Hillary Clinton") + 15)]
    mentions = [Mention(s, e, "PERSON", name_tokens(text[s:e])) for s, e in spans]
    groups = [sorted(text[m.start:m.end] for m in c) for c in cluster(mentions, text)]
    assert ["Hillary Clinton", "Hillary Clinton"] in groups


def _texts(mentions, text):
    return [text[m.start:m.end] for m in mentions]


def test_a_body_s_name_the_tagger_cut_goes_on_over_the_words_joined_to_it():
    """"Department of Fisheries and" + "Oceans", "Public Health Agency" + "of Canada", a list
    of capitalised words ending with "and": one body's name."""
    for text, tags, whole in [
        ("The Department of Fisheries and Oceans floated the change.",
         [("Department of Fisheries and", 0, "ORG"), ("Oceans", 0, "NORP")], "Department of Fisheries and Oceans"),
        ("More cases were reported, the Public Health Agency of Canada said.",
         [("Public Health Agency", 0, "ORG"), ("Canada", 0, "GPE")], "Public Health Agency of Canada"),
        ("The Ministry of Labour, Immigration, Training and Skills Development said so.",
         [("Ministry of Labour, Immigration", 0, "ORG"), ("Skills Development", 0, "ORG")],
         "Ministry of Labour, Immigration, Training and Skills Development"),
        ("The Ministry of Colleges and Universities said in an email that it would act.",
         [("Ministry of Colleges", 0, "ORG")], "Ministry of Colleges and Universities"),
        ("A tailings pond operated by Northern Sable Energy leaked.",  # a body's word right after
         [("Northern Sable", 0, "ORG")], "Northern Sable Energy"),
        ("Trans-Prairie Railway supplied 58 per cent of the cars.",
         [("Trans-Prairie", 0, "ORG")], "Trans-Prairie Railway"),
        ("Leases expire soon, according to the Pacific Co-operative Housing Association.",
         [("Pacific Co-operative", 0, "ORG"), ("Housing Association", 0, "ORG")],  # words joined after
         "Pacific Co-operative Housing Association"),
        ("The Prairie Grain Producers' Alliance urged Ottawa to act.",  # a plural's apostrophe between
         [("Prairie Grain Producers", 0, "ORG")], "Prairie Grain Producers' Alliance"),
        ("Annapolis District RCMP said in a news release that the thefts began in October.",
         [("Annapolis District", 0, "ORG"), ("RCMP", 0, "ORG")], "Annapolis District RCMP"),
        ("Ski Area Operators of the Interior, which represents 14 hills, said so.",  # a body of operators
         [("Ski Area Operators", 0, "ORG")], "Ski Area Operators of the Interior"),
        ("The Regina Tenants' Committee wrote to the minister.",  # its place, untagged
         [("Tenants' Committee", 0, "ORG")], "Regina Tenants' Committee"),
        ("The Winnipeg Tenants Union met on Monday.",  # the place tagged on its own
         [("Winnipeg", 0, "GPE"), ("Tenants Union", 0, "ORG")], "Winnipeg Tenants Union"),
    ]:
        assert _texts(_tagged(text, tags), text) == [whole]


def test_a_body_the_tagger_missed_is_its_capitalised_words_ending_with_a_body_word():
    """"Summit Ridge Coal", "Acadian Lobster Harvesters' Co-operative" (only "Acadian" tagged):
    an organisation; not a headline in title case, not across a sentence's end, not a
    place's possessive."""
    for text, tags, want in [
        ("Lawyers for Summit Ridge Coal told the court the camp must go.", [], ["Summit Ridge Coal"]),
        ("The Acadian Lobster Harvesters' Co-operative said a December opening makes sense.",
         [("Acadian", 0, "NORP")], ["Acadian Lobster Harvesters' Co-operative"]),
        ("Many Halifax Dairy Farmers Co said prices rose.", [], ["Halifax Dairy Farmers Co"]),
        ("Calgary Nurses Walk Off Job At Foothills Hospital\n\nNurses walked off the job.", [], []),
        ("The scam began in September. Police said the voice was cloned.", [], []),
        ("In its ruling, Chile's Supreme Court said the company failed to consult.", [("Chile", 0, "GPE")],
         ["Chile", "Supreme Court"]),
    ]:
        assert _texts(_tagged(text, tags), text) == want, text


def test_two_bodies_a_place_or_a_person_after_a_body_stay_apart():
    for text, tags in [
        ("Patients moved between Jewish General Hospital and St. Mary's Hospital this week.",
         [("Jewish General Hospital", 0, "ORG"), ("St. Mary's Hospital", 0, "ORG")]),
        ("The Canadian Medical Association and Doctors Nova Scotia said the plan fails.",
         [("Canadian Medical Association", 0, "ORG"), ("Doctors Nova Scotia", 0, "ORG")]),
        ("The Department of Justice and Ottawa police said nothing.",
         [("Department of Justice", 0, "ORG"), ("Ottawa", 0, "GPE")]),
        ("The Ministry of Health, Premier Doug Ford and Mayor Olivia Chow met on Monday.",
         [("Ministry of Health", 0, "ORG"), ("Doug Ford", 0, "PERSON"), ("Olivia Chow", 0, "PERSON")]),
        ("Unifor President Lana Payne said so.",  # a title after a body is no word of its name
         [("Unifor", 0, "ORG"), ("Lana Payne", 0, "PERSON")]),
        ("The Ontario Nurses' Association and Ford Motor Company of Canada met.",  # a body after "and"
         [("Ontario Nurses' Association", 0, "ORG"), ("Ford Motor Company of Canada", 0, "ORG")]),
        ("Ontario's Ministry of Health said so.",  # a possessive place owns a body, is no word of it
         [("Ontario", 0, "GPE"), ("Ministry of Health", 0, "ORG")]),
    ]:
        assert _texts(_tagged(text, tags), text) == [name for name, _, _ in tags]


def test_a_name_after_a_kind_of_organisation_is_that_organisation():
    """"the social-media platform Plazr": the tagger's "person" is the platform, there and in
    every other mention of the name; a known given name after such a noun stays a person."""
    text = ("The minister and the social-media platform Plazr traded accusations. "
            "Plazr said the law was flawed.")
    mentions = _tagged(text, [("Plazr", 0, "PERSON"), ("Plazr", 1, "PERSON")])
    assert [m.label for m in mentions] == ["ORG", "ORG"]
    text = "Rent rose at the bakery Maria Lopez runs. Lopez said costs doubled."
    mentions = _tagged(text, [("Maria Lopez", 0, "PERSON"), ("Lopez", 1, "PERSON")])
    assert {m.label for m in mentions} == {"PERSON"}


def test_a_company_s_short_name_tagged_a_person_is_the_company():
    """"Kestrel Ridge Properties" ... "Kestrel Ridge did not comment" (tagged a person): one
    company, named in full; not a person's surname that opens a body's name."""
    from unspun.pipeline.entities import cluster

    text = ("The vote means Kestrel Ridge Properties can apply for a permit. "
            "Kestrel Ridge did not make anyone available for an interview.")
    mentions = _tagged(text, [("Kestrel Ridge Properties", 0, "ORG"), ("Kestrel Ridge", 1, "PERSON")])
    (company,) = cluster(mentions, text)
    assert [m.label for m in company] == ["ORG", "ORG"]
    text = ("Ottawa Mayor Mark Sutcliffe opened the Sutcliffe Centre on Monday. "
            "Sutcliffe said it would open early.")
    mentions = _tagged(text, [("Mark Sutcliffe", 0, "PERSON"), ("Sutcliffe Centre", 0, "ORG"),
                              ("Sutcliffe", 2, "PERSON")])
    assert len(cluster(mentions, text)) == 2


def test_a_title_before_a_name_marks_a_person_the_tagger_missed_or_took_for_a_body():
    """"Liberal MNA Karine Desjardins-Hall" left untagged, "MNA Nawal Haddad" tagged a body:
    people, named without the title; "General Motors Canada" stays a company."""
    text = ("Liberal MNA Karine Desjardins-Hall, her party's critic, objected. "
            "Québec solidaire MNA Nawal Haddad said her party agrees. "
            "General Motors Canada said it would cut shifts.")
    mentions = _tagged(text, [("MNA Nawal Haddad", 0, "ORG"), ("General Motors Canada", 0, "ORG")])
    assert [(text[m.start:m.end], m.label) for m in mentions] == [
        ("Karine Desjardins-Hall", "PERSON"), ("Nawal Haddad", "PERSON"), ("General Motors Canada", "ORG")]
    text = "Chief Justice Richard Wagner said the court would sit."
    assert [(text[m.start:m.end], m.label) for m in _tagged(text, [])] == [("Richard Wagner", "PERSON")]


def test_a_headline_s_short_name_before_the_full_one_is_that_body():
    """"Northline outage ..." in the headline, "Northline Communications" in the lede: one
    company, named in full."""
    from unspun.pipeline.entities import cluster

    text = ("Northline outage leaves 1.3 million without service\n\n"
            "The regulator gave Northline Communications two weeks to explain the outage.\n")
    mentions = _tagged(text, [("Northline", 0, "GPE"), ("Northline Communications", 0, "ORG")])
    (company,) = cluster(mentions, text)
    assert {m.label for m in company} == {"ORG"} and len(company) == 2


def test_a_given_name_after_a_relation_or_before_an_age_is_a_person_the_tagger_made_a_body():
    """"her partner, Marcus Bell" tagged ORG (Bell the telephone company), then "Bell, a
    33-year-old electrician": the person, by his given name and his relation; a body after
    "her" with no given name stays a body."""
    text = ("Tamsin Wu and her partner, Marcus Bell, toured 46 homes. "
            "Bell, a 33-year-old electrician, says they waited too long. Her bank, Royal Trust, said no.")
    mentions = _tagged(text, [("Tamsin Wu", 0, "PERSON"), ("Marcus Bell", 0, "ORG"), ("Bell", 1, "ORG"),
                              ("Royal Trust", 0, "ORG")])
    labels = {text[m.start:m.end]: m.label for m in mentions}
    assert labels["Marcus Bell"] == "PERSON" and labels["Bell"] == "PERSON" and labels["Royal Trust"] == "ORG"


def test_a_public_body_after_a_places_possessive_is_named_with_the_place():
    """"Saskatchewan's Ministry of Agriculture": every province has one, so the entity is the
    Saskatchewan Ministry of Agriculture, also where the story writes "the Ministry of
    Agriculture" alone; a body of no public kind keeps its name ("Regina's Lakeview Bakery")."""
    text = ("Saskatchewan's Ministry of Agriculture said producers have access to crop insurance.\n\n"
            "The Ministry of Agriculture said payments would flow by March.\n\n"
            "Regina's Lakeview Bakery said flour prices doubled.\n")
    names = {e["name"] for e in unspun.analyze(text).entities if e["type"] == "ORG"}
    assert "Saskatchewan Ministry of Agriculture" in names and "Ministry of Agriculture" not in names, names
    assert not any(n.startswith("Regina") and "Bakery" in n for n in names), names


def test_an_organisation_written_in_full_once_is_named_in_full():
    """"Harrowgate Holdings Ltd." once, then "Harrowgate Holdings" three times: the entity is
    named in full, not by its commonest form; a dateline in capitals names no place."""
    text = ("REGINA — Shares of Harrowgate Holdings Ltd. rose 4 per cent on Monday.\n\n"
            "Analysts at Harrowgate Holdings said demand was strong. Investors in Harrowgate Holdings "
            "cheered the results. The board of Harrowgate Holdings met on Friday in Regina.\n")
    names = {e["name"] for e in unspun.analyze(text).entities}
    assert "Harrowgate Holdings Ltd." in names and "Harrowgate Holdings" not in names, names
    assert "Regina" in names and "REGINA" not in names, names
