"""Speakers written as a role or organisation noun that the article ties to a named body or
person elsewhere (nominal coreference): invented sentences."""
from __future__ import annotations

from conftest import quotes_of, speaker_name, tagged_mentions


def _by_text(rec, quotes, start):
    """The quote whose content starts with ``start`` and its speaker's resolved name (or name)."""
    q = next(q for q in quotes if q["content"]["text"].lstrip("\"“'").startswith(start))
    return speaker_name(rec, q) or (q["speaker"] or {}).get("name")


def test_headline_body_noun_is_the_body_the_story_names(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Clinic hours reduced at three rural hospitals, health authority says\n\n"
        "Sunrise Valley Health said Tuesday that the overnight emergency shifts at three hospitals "
        "would be cut through January.\n\n"
        "The closures are caused by a shortage of nurses, according to the health authority.\n"))
    assert _by_text(rec, quotes, "Clinic hours") == "Sunrise Valley Health"


def test_headline_company_noun_is_the_company_in_the_headline(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Coastal ferry sailings cut for winter as fuel costs climb, company says\n\n"
        "By Jordan Pike\n\n"
        "HALIFAX — Bluewater Marine Holdings said Monday it would cancel a third of its winter "
        "sailings between Halifax and Saint John.\n"))
    assert _by_text(rec, quotes, "Coastal ferry") == "Bluewater Marine Holdings"


def test_capitalised_municipality_name_is_no_place_description(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Crews cleared fallen trees in Toronto overnight.\n\n"
        "Riverton Regional Municipality said in a news release that four warming centres would "
        "open at 8 a.m. Thursday.\n"))
    assert _by_text(rec, quotes, "that four warming") == "Riverton Regional Municipality"


def test_agency_is_the_untagged_body_that_spoke_before(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Rivers rose across the valley on Monday, and the Town of Millbrook opened a shelter.\n\n"
        "Environment and Climate Change Canada warned that up to 90 millimetres of rain could fall "
        "by Wednesday. The agency said freezing levels would stay high.\n"))
    assert _by_text(rec, quotes, "freezing levels") == "Environment and Climate Change Canada"


def test_qualified_body_noun_takes_the_body_whose_name_holds_the_qualifier(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "A case of mumps was confirmed at a school on Monday, the Lakeview County Health District "
        "said.\n\n"
        "A spokeswoman for the Northgate School District said classrooms had been cleaned over the "
        "weekend.\n\n"
        "Parents said they were worried about the outbreak.\n\n"
        "The health district said anyone with symptoms should stay home.\n"))
    assert _by_text(rec, quotes, "anyone with symptoms") == "Lakeview County Health District"


def test_document_from_a_body_noun_speaks_for_that_body(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "A case of mumps was confirmed at a school on Monday, the Lakeview County Health District "
        "said.\n\n"
        "The student attended classes on Monday and Tuesday while contagious, according to a "
        "statement from the health district.\n"))
    assert _by_text(rec, quotes, "The student attended") == "Lakeview County Health District"


def test_place_as_modifier_is_no_regulator(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "A stroller sold by major UK retailers is being recalled after reports that its brakes "
        "failed, the government's consumer safety regulator has said.\n\n"
        "About 12,000 of the strollers have been sold since 2024, according to the Office for "
        "Consumer Product Safety.\n"))
    assert _by_text(rec, quotes, "A stroller") == "Office for Consumer Product Safety"


def test_person_in_apposition_after_a_role_is_the_speaker(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Civil servants will return to the office in March, the board announced.\n\n"
        "In a memo to managers, the clerk of the Privy Council, Marion Delacroix, wrote that "
        "\u201cshared workplaces remain essential\u201d to the public service.\n"))
    assert _by_text(rec, quotes, "that") == "Marion Delacroix"


def test_the_minister_is_the_earlier_speaker_titled_minister(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "The singer died on Sunday at her home.\n\n"
        "Minister for Culture Brona Nic Fhlannchadha described her as \"a guardian of a tradition\".\n\n"
        "\"She carried songs that might otherwise have been lost,\" the minister said.\n"))
    assert "Fhlannchadha" in _by_text(rec, quotes, "She carried")


def test_bare_police_is_the_earlier_place_police_speaker(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Floodwater reached the main road on Monday night.\n\n"
        "Millbrook police said officers would go door to door through the night. Police asked "
        "residents who are leaving to leave a porch light on.\n"))
    assert _by_text(rec, quotes, "residents who") == "Millbrook police"


def test_short_name_of_a_company_is_the_company(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "TORONTO — Shares of Copper Ridge Outfitters Inc. fell 9 per cent Thursday after the "
        "retailer cut its forecast.\n\n"
        "Copper Ridge also said it would close 14 stores next year.\n"))
    name = _by_text(rec, quotes, "it would close")
    assert name.startswith("Copper Ridge Outfitters")


def test_short_name_of_two_longer_names_is_the_body_whose_name_shows_its_kind(quote_pipe):
    """"Harbour Point" after "Harbour Point Hospitality Group" and "Harbour Point
    Waterfront": the company (its name says it is one), not the hotel it owns."""
    rec, quotes = quotes_of(quote_pipe, (
        "Cleaners walked off the job at six hotels owned by Harbour Point Hospitality Group "
        "on Monday.\n\n"
        "Strikers gathered at Harbour Point Waterfront on Tuesday.\n\n"
        "Harbour Point said its offer would make its cleaners the best paid in the city.\n"))
    name = _by_text(rec, quotes, "its offer")
    assert name == "Harbour Point Hospitality Group"


def test_body_noun_before_its_name_is_that_body(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "The harvest was the largest on record, the variety known as QR-7 yielding 8 tonnes a "
        "hectare.\n\n"
        "That compares with a national average of about 6 tonnes, state news agency Xinhua "
        "reported.\n"))
    assert _by_text(rec, quotes, "That compares") == "Xinhua"


def test_police_in_the_lede_is_the_force_named_after(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "A 41-year-old man faces nine charges after a string of thefts from parked cars in "
        "downtown Vernon, police say.\n\n"
        "Vernon RCMP said in a news release that officers arrested the man early Sunday.\n"))
    assert _by_text(rec, quotes, "A 41-year-old") == "Vernon RCMP"


CHANCELLOR = (
    "Chancellor rejects calls for a fuel duty freeze\n\n"
    "By Tom Reddy\n\n"
    "The Chancellor has rejected calls for a fuel duty freeze, saying it would \"blow a hole\" in "
    "the public finances.\n\n"
    "Speaking in the Commons on Tuesday, Miriam Oakes said the government's own figures showed "
    "duty receipts had fallen for two years.\n\n"
    "\"A freeze sounds simple. It is not,\" the Chancellor said.\n")


def test_lede_title_is_the_person_named_next_after_an_opening_phrase(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, CHANCELLOR)
    assert _by_text(rec, quotes, "it would") == "Miriam Oakes"


def test_the_same_title_again_is_the_same_person(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, CHANCELLOR)
    assert _by_text(rec, quotes, "A freeze sounds") == "Miriam Oakes"


def test_body_noun_with_an_untagged_name_in_apposition_is_that_name(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "The new barley variety could reach farmers within three years.\n\n"
        "A seed company, Hebei Jinlong Agritech Holdings, said in a filing on Monday that it had "
        "signed an agreement for exclusive rights to the variety.\n"))
    name = _by_text(rec, quotes, "that it had") or ""
    assert "Jinlong" in name and "seed company" not in name


def test_a_one_word_short_name_is_the_organisation_it_opens(quote_pipe):
    """"Birchmount said" after "Birchmount Residential Holdings": the company, also when its
    first word is some town's name; "it" then takes the company too."""
    text = ("Tenants rally against renovation plan\n\n"
            "The building was sold in March to Birchmount Residential Holdings, which applied to "
            "end every tenancy.\n\n"
            "Birchmount said in a statement that the plumbing was at the end of its life. It said "
            "tenants could return.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    assert [speaker_name(rec, q) for q in quotes] == ["Birchmount Residential Holdings"] * 2


def test_a_short_name_the_tagger_made_a_person_is_the_organisation_it_opens(quote_pipe):
    """"Ashcombe" after "Ashcombe Property Group", tagged a person (no known given name,
    no person's name ends with it): the company, one entity with its full name."""
    text = ("Tenants at 14 towers owned by Ashcombe Property Group stopped paying rent on "
            "Monday.\n\nIn a letter to tenants, Ashcombe said the increase was permitted under "
            "provincial law and reflected rising costs.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    (company,) = [e for e in rec.entities if any(m["text"] == "Ashcombe" for m in e["mentions"])]
    assert (company["name"], company["type"]) == ("Ashcombe Property Group", "ORG")
    assert [speaker_name(rec, q) for q in quotes] == ["Ashcombe Property Group"]


def test_an_untagged_short_name_is_the_organisation_it_opens(quote_pipe):
    """"Tamarack Western said", which the tagger left untagged, after "Tamarack Western
    Railway": the railway."""
    rec, quotes = quotes_of(quote_pipe, (
        "The strike at Union Station began after Tamarack Western Railway and its workers "
        "failed to reach a deal.\n\n"
        "Tamarack Western said it had offered \"industry-leading\" wages and that the union "
        "walked away.\n"))
    assert _by_text(rec, quotes, "it had offered") == "Tamarack Western Railway"


def test_a_facility_named_like_a_company_is_an_organisation():
    text = "Crews at Kettle Valley Railway stopped work on Monday."
    (m,) = tagged_mentions(text, "Kettle Valley Railway", "FAC")
    assert m.label == "ORG"


def test_a_body_noun_far_into_a_story_is_the_body_whose_name_it_heads(quote_pipe):
    """"the museum" long after "Lakeview Museum of Natural History" was named: the noun heads
    the name before its "of", so it is that body; not the organisation named nearest."""
    filler = "".join(f"Elder {n} spoke about the songs her family sang by the lake.\n\n"
                     for n in ("Rose Cardinal", "Anne Beaver", "Mary Gladue", "June Auger"))
    rec, quotes = quotes_of(quote_pipe, (
        "The Lakeview Museum of Natural History will return 40 sacred items to the Bigstone "
        "Cree Nation, officials announced on Monday.\n\n" + filler +
        "The Northern Arts Foundation paid for the ceremony.\n\n"
        "The museum said it is reviewing about 2,300 other items in its collection.\n"))
    assert _by_text(rec, quotes, "it is reviewing") == "Lakeview Museum of Natural History"


def test_an_airport_is_no_airline(quote_pipe):
    """"the airport" is a body of its own strict kind: never the airline named before it."""
    rec, quotes = quotes_of(quote_pipe, (
        "Northwind Airlines said it had cancelled forty flights because of a software fault.\n\n"
        "The airport said queues had cleared by the evening.\n"))
    assert _by_text(rec, quotes, "queues had") != "Northwind Airlines"


def test_the_company_is_not_the_outlet_the_byline_names(quote_pipe):
    """"In a statement emailed to the Halifax Examiner, the company said": the outlet of the
    byline ("Name, Outlet") reports the story; the company is the one named before."""
    rec, quotes = quotes_of(quote_pipe, (
        "Council clears the way for demolition of an 1890s building\n"
        "Ruth Ellery-Baptiste, Halifax Examiner\n\n"
        "Halifax regional council voted 10-6 on Tuesday to refuse heritage status for the block, "
        "which Kestrel Ridge Properties wants to replace with a tower.\n\n"
        "Kestrel Ridge Properties did not make anyone available for an interview. In a statement "
        "emailed to the Halifax Examiner, the company said it had explored keeping the facade.\n"))
    assert _by_text(rec, quotes, "it had explored") == "Kestrel Ridge Properties"


def test_a_document_brought_up_far_back_speaks_for_its_issuer(quote_pipe):
    """"The Department of Fisheries and Oceans floated the change in a letter to harvesters"
    and, many paragraphs on, "The consultation letter says ...": the department's."""
    filler = "".join(f"Harvester number {n} said the season had been long and the prices low.\n\n"
                     for n in range(1, 25))
    rec, quotes = quotes_of(quote_pipe, (
        "The Department of Fisheries and Oceans floated the change in a letter to harvesters "
        "last month.\n\n" + filler +
        "The consultation letter says the department is also considering a staggered opening.\n"))
    assert _by_text(rec, quotes, "the department is also") == "Department of Fisheries and Oceans"


def test_a_town_in_a_list_of_places_is_no_body_that_speaks(quote_pipe):
    """"hospitals in Windsor, Chatham, Sarnia and Wallaceburg": every item of the list is where
    something is, not "the group" that issued a statement."""
    rec, quotes = quotes_of(quote_pipe, (
        "Five hospitals in southwestern Ontario were forced to reschedule surgeries on Monday.\n\n"
        "The attack on Lakeshore Health Partners, a shared-services organization that runs IT, "
        "payroll and patient records for hospitals in Windsor, Chatham, Sarnia, Leamington and "
        "Wallaceburg, was detected around 2 a.m. Sunday, according to a statement from the group.\n"))
    assert _by_text(rec, quotes, "The attack on") == "Lakeshore Health Partners"


def test_an_indefinite_lede_description_is_the_person_the_next_paragraph_introduces(quote_pipe):
    """"A former defenceman ... told an inquiry" // "Ryan Castellano, now 23, played ...":
    him; but not a man for "The mother of a cyclist", and not someone named with a role of
    their own ("Margaret Ellery, the judge leading the inquiry, ...")."""
    lede = ("SUDBURY — A former defenceman with the Timmins Northmen told an independent inquiry "
            "Monday that older players forced rookies into a locked sauna.\n\n")
    rec, quotes = quotes_of(quote_pipe, lede + "Ryan Castellano, now 23, played two seasons in "
                            "Timmins before quitting hockey at 18.\n")
    assert _by_text(rec, quotes, "that older players") == "Ryan Castellano"
    rec, quotes = quotes_of(quote_pipe, lede + "Margaret Ellery, the retired judge leading the "
                            "inquiry, opened the hearings in a hotel ballroom.\n")
    assert _by_text(rec, quotes, "that older players") == "A former defenceman with the Timmins Northmen"
    rec, quotes = quotes_of(quote_pipe, (
        "The mother of a Regina cyclist told a courtroom Thursday that her family has been "
        "\"sentenced to a lifetime without him.\"\n\n"
        "Tyler Wachowich, 31, pleaded guilty in December to impaired driving causing death.\n"))
    assert "Wachowich" not in _by_text(rec, quotes, "that her family")


def test_a_lede_description_is_the_person_quoted_in_the_next_paragraph(quote_pipe):
    """"The chief of Kitaskino Dene First Nation says ..." // "\"We drink from that river. ...,\"
    said Chief Rosalie Tourangeau": the chief."""
    rec, quotes = quotes_of(quote_pipe, (
        "Fort Chipewyan chief demands answers after tailings seepage\n"
        "Jenna Moar · CBC News · Posted: Sep 9, 2025 4:00 AM MT\n\n"
        "The chief of Kitaskino Dene First Nation says her community learned about a tailings leak "
        "from a Facebook post.\n\n"
        "\"We drink from that river. We fish from that river,\" said Chief Rosalie Tourangeau in "
        "an interview Tuesday.\n"))
    assert _by_text(rec, quotes, "her community") == "Rosalie Tourangeau"


def test_the_city_is_a_known_city_the_tagger_called_a_location(quote_pipe):
    """"A change to Regina's green-bin schedule ... the city announced" (the tagger reads
    "Regina" as a location, not a place with a government): Regina, and "It said" after it."""
    text = ("A change to Regina's green-bin schedule has some residents worried.\n\n"
            "Starting Nov. 1, carts will be collected every three weeks, the city announced Monday. "
            "It said the change would save $640,000 a year.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    regina = next(e for e in rec.entities if e["name"] == "Regina")
    assert regina["type"] == "GPE"
    assert _by_text(rec, quotes, "Starting Nov. 1") == "Regina"
    assert _by_text(rec, quotes, "the change would") == "Regina"


def test_a_lede_s_role_is_the_person_next_named_with_that_role_as_title(quote_pipe):
    """"..., an Ontario judge has ruled." // "In a written decision released Tuesday, Superior
    Court Justice Helen Marchetti found ...": the judge; a title of another role is not."""
    lede = ("A Scarborough landlord who packed 14 tenants into a bungalow is guilty of criminal "
            "negligence, an Ontario judge has ruled.\n\n")
    rec, quotes = quotes_of(quote_pipe, lede + "In a 62-page written decision released Tuesday, "
                            "Superior Court Justice Helen Marchetti found the landlord reckless.\n")
    assert _by_text(rec, quotes, "A Scarborough landlord") == "Helen Marchetti"
    rec, quotes = quotes_of(quote_pipe, lede + "In a statement released Tuesday, Housing Minister "
                            "Helen Marchetti called the ruling a warning to landlords.\n")
    assert _by_text(rec, quotes, "A Scarborough landlord") != "Helen Marchetti"


def test_a_lede_s_she_is_the_woman_named_next_though_a_byline_names_its_writer(quote_pipe):
    """The byline's "Darnell Whitford, Calgary Herald" names the writer, not a person of the
    story: the lede's "she says" is still the nurse named next; and the outlet is no person."""
    rec, quotes = quotes_of(quote_pipe, (
        "Foreign-trained nurses wait years for a licence\n"
        "Darnell Whitford, Calgary Herald\n\n"
        "\"I can read a heart monitor in my sleep,\" she says, laughing.\n\n"
        "Funmilayo Adeyemi-Clarke, 38, worked in a Lagos cardiac unit for nine years.\n"))
    assert _by_text(rec, quotes, "I can read") == "Funmilayo Adeyemi-Clarke"
    outlet = next(e for e in rec.entities if e["name"] == "Calgary Herald")
    assert outlet["type"] == "ORG"


def test_a_warning_speaks_for_whoever_issued_it(quote_pipe):
    """"Environment and Climate Change Canada issued a heat warning ..." then "the warning
    says": a warning is a document, its issuer the speaker; not the city the headline has
    "swelter under" it."""
    rec, quotes = quotes_of(quote_pipe, (
        "Toronto swelters under first extended heat warning of the summer\n\n"
        "Environment and Climate Change Canada issued a heat warning for Toronto on Sunday, saying "
        "highs near 34 C would persist until Thursday.\n\n"
        "\"Extreme heat affects everyone,\" the warning says.\n"))
    assert _by_text(rec, quotes, "Extreme heat") == "Environment and Climate Change Canada"


def test_a_document_from_a_body_the_tagger_took_for_a_building_speaks_for_it(quote_pipe):
    """"a report from Regina Transit", the tagger calling the transit service a facility: the
    report, and "the report" after it, speak for Regina Transit."""
    rec, quotes = quotes_of(quote_pipe, (
        "The increase would help close a $9-million gap, according to a report from Regina Transit.\n\n"
        "\"Without new revenue, routes will be cut,\" the report said.\n"))
    assert _by_text(rec, quotes, "Without new revenue") == "Regina Transit"


def test_a_statement_of_claim_speaks_for_whoever_filed_it(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, (
        "Marisol Dube, 61, filed a statement of claim in Federal Court on Monday against the band.\n\n"
        "The claim alleges that the chorus of the hit copies her song.\n"))
    assert _by_text(rec, quotes, "that the chorus") == "Marisol Dube"


def test_a_document_someone_received_or_obtained_is_not_theirs(quote_pipe):
    """"council received a letter from X's lawyer": the letter is X's side, not council's;
    "The Star obtained a copy of the report": the report is not the Star's."""
    rec, quotes = quotes_of(quote_pipe, (
        "Before the vote, council received a letter from Prairie Plow Services' lawyer warning "
        "that the company would sue.\n\n"
        "\"Our client has met its obligations,\" the letter said.\n"))
    assert _by_text(rec, quotes, "Our client") == "Prairie Plow Services"
    rec, quotes = quotes_of(quote_pipe, (
        "The Star obtained a copy of the report.\n\n\"Staff were not trained,\" the report said.\n"))
    (q,) = quotes
    assert speaker_name(rec, q) is None  # (the report itself, no entity: its issuer is not named)
