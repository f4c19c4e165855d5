"""Speakers that are not names: pronouns, relative pronouns, descriptions, documents, continuations.

Real spaCy parses of short texts written for these tests; the record must say how each
speaker was resolved and from which mention, and stay valid against the record schema.
"""
from __future__ import annotations

import pytest

from conftest import quotes_of
from conftest import valid_quotes_of as _quotes
from conftest import speaker_name as _speaker_name
from unspun.pipeline.runner import Pipeline
from unspun.readers.article import Article

COMPONENTS = ["segment", "dateline", "agencies", "entities", "quotes"]  # a pipeline of its own


@pytest.fixture(scope="module")
def pipe(quote_pipe):
    return quote_pipe


def test_pronouns_take_the_antecedent_of_their_gender(pipe):
    text = ("Mayor Carlos Mendes met the transport minister, Ingrid Solberg, on Tuesday.\n\n"
            "After the meeting, she said the government would cover half of the cost.\n\n"
            "He said the city could find the other half without raising taxes.\n")
    rec, quotes = _quotes(pipe, text)
    she, he = quotes
    assert _speaker_name(rec, she) == "Ingrid Solberg"
    assert she["speaker"]["resolved"]["how"] == "pronoun"
    assert she["speaker"]["resolved"]["from"]["text"] == "Ingrid Solberg"
    assert _speaker_name(rec, he) == "Carlos Mendes"
    # the same wording with the roles swapped resolves the same way (no side is special)
    swapped = text.replace("Mayor Carlos Mendes", "Mayor Ingrid Solberg").replace(
        "minister, Ingrid Solberg", "minister, Carlos Mendes")
    rec, (she, he) = _quotes(pipe, swapped.replace("she said", "he said").replace("He said", "She said"))
    assert _speaker_name(rec, she) == "Carlos Mendes" and _speaker_name(rec, he) == "Ingrid Solberg"


def test_according_to_him_and_it_said(pipe):
    text = ("Union representative Paul Ndlovu disagreed. According to him, the company had refused "
            "to invest in repairs for a decade.\n\n"
            "The World Health Organization issued new guidance on Wednesday. It said routine use "
            "should end within five years.\n")
    rec, quotes = _quotes(pipe, text)
    names = [_speaker_name(rec, q) for q in quotes]
    assert names == ["Paul Ndlovu", "World Health Organization"]
    assert all(q["speaker"]["resolved"]["how"] == "pronoun" for q in quotes)


def test_a_description_speaker_keeps_its_phrase_and_affiliation(pipe):
    text = ("A spokesman for the European Commission said on Tuesday that the proposal would be "
            "published in the autumn.\n")
    _, (q,) = _quotes(pipe, text)
    sp = q["speaker"]
    assert sp["text"] == "A spokesman for the European Commission"
    assert sp["entity"] is None
    assert sp["affiliation"]["name"] == "European Commission"


def test_a_statement_speaks_for_whoever_issued_it(pipe):
    text = ("The Ministry of Finance said in a statement on Monday that the deficit would narrow "
            "to two percent next year.\n\n"
            "The statement added that spending on pensions would rise in line with prices.\n")
    rec, (first, second) = _quotes(pipe, text)
    assert second["speaker"]["text"] == "The statement"
    assert second["speaker"]["entity"] == first["speaker"]["entity"] is not None
    assert second["speaker"]["resolved"]["how"] == "document"


def test_relative_pronouns_name_the_noun_they_hang_on(pipe):
    text = ("The bill was attacked by Senator Howard Lin, who said it would double the cost of "
            "insurance for young drivers.\n")
    rec, (q,) = _quotes(pipe, text)
    assert q["speaker"]["text"] == "who"
    assert _speaker_name(rec, q) == "Howard Lin"
    assert q["speaker"]["resolved"] == {"how": "relative", "from": q["speaker"]["resolved"]["from"]}
    assert q["speaker"]["resolved"]["from"]["text"] == "Howard Lin"



@pytest.mark.parametrize("text, name", [
    ("Marta Quill is a retired nurse who said the clinic had saved her life.", "Marta Quill"),
    ("Councillor Ivo Brandt opened the meeting and is a former engineer, planner and critic "
     "who has said the bridge must close.", "Ivo Brandt"),
])
def test_who_after_a_predicate_noun_is_the_subject_it_describes(pipe, text, name):
    rec, quotes = _quotes(pipe, text)
    assert len(quotes) == 1
    assert name in (_speaker_name(rec, quotes[0]) or "")


@pytest.mark.parametrize("text, name", [
    ("Outside the hall stood Teodor Vasko, 74, who has farmed the valley since 1971 and who said "
     "the new dam would flood his fields.", "Teodor Vasko"),
    ("The mayor thanked Grace Umeh, who runs the shelter and who told reporters the beds were "
     "full every night.", "Grace Umeh"),
])
def test_who_in_a_second_joined_relative_clause_is_the_same_noun(pipe, text, name):
    rec, quotes = _quotes(pipe, text)
    assert len(quotes) == 1
    assert quotes[0]["speaker"]["text"] == "who"
    assert _speaker_name(rec, quotes[0]) == name


def test_who_after_an_object_noun_stays_that_noun(pipe):
    rec, quotes = _quotes(pipe, "Marta Quill hired a nurse who said the wait was too long.")
    assert len(quotes) == 1
    assert _speaker_name(rec, quotes[0]) != "Marta Quill"


def test_which_hung_on_a_place_in_a_body_s_description_is_the_body(pipe):
    text = ("The expedition is funded in part by Polar Knowledge Canada, a federal agency "
            "headquartered in Cambridge Bay, which said in a news release that the project would "
            "fill critical gaps.")
    rec, quotes = _quotes(pipe, text)
    assert len(quotes) == 1 and _speaker_name(rec, quotes[0]) == "Polar Knowledge Canada"
    rec, quotes = _quotes(pipe, "The mayor moved the meeting to Winnipeg, which said it would "
                                "host the delegates.")
    assert len(quotes) == 1 and quotes[0]["speaker"]["name"] == "Winnipeg"  # no body above it

def test_a_cue_less_paragraph_continues_its_speaker(pipe):
    text = ("\"We did not take this decision lightly,\" said Councillor Ruth Adebayo.\n\n"
            "\"Every branch we keep open has to be one we can keep safe and staffed.\"\n\n"
            "\"The wind took the roof off the barn in ten seconds.\"\n")
    rec, quotes = _quotes(pipe, text)
    first, second = quotes[0], quotes[1]
    assert _speaker_name(rec, second) == _speaker_name(rec, first)
    assert _speaker_name(rec, first).endswith("Ruth Adebayo")
    assert second["speaker"]["resolved"]["how"] == "continuation"


def test_a_document_speaks_for_the_issuer_its_phrase_names(pipe):
    text = ("Residents of Slave Lake were evacuated on Saturday.\n\n"
            "Mayor Leanne Costa said the order had come six hours too late.\n\n"
            "A statement from the office of Public Safety Minister Raymond Tait said the order "
            "had been issued as soon as the fire changed direction.\n")
    rec, quotes = _quotes(pipe, text)
    q = quotes[-1]
    assert q["speaker"]["text"].startswith("A statement from the office")
    assert _speaker_name(rec, q) == "Raymond Tait"  # not the mayor, who spoke last
    assert q["speaker"]["resolved"]["how"] == "document"
    assert q["speaker"]["resolved"]["from"]["text"] == "Raymond Tait"


def test_a_document_with_no_issuer_names_nobody(pipe):
    text = ("Mayor Leanne Costa said the ferry would run again in May.\n\n"
            "A leaked memo said the ferry would not run before August.\n")
    rec, quotes = _quotes(pipe, text)
    memo = quotes[-1]
    assert memo["speaker"]["text"] == "A leaked memo"
    assert memo["speaker"]["entity"] is None and "resolved" not in memo["speaker"]


def test_it_after_a_document_is_the_document_and_speaks_for_its_issuer(pipe):
    text = ("The report, released on Tuesday by Halifax Water, said 6,000 homes still had lead "
            "pipes.\n\n"
            "It said children in those homes faced the greatest risk.\n")
    rec, (first, second) = _quotes(pipe, text)
    assert _speaker_name(rec, first) == "Halifax Water"
    assert second["speaker"]["text"] == "It"
    assert _speaker_name(rec, second) == "Halifax Water"
    assert second["speaker"]["resolved"]["how"] == "document"


def test_a_pronoun_takes_a_description_speaker_and_learns_gender(pipe):
    # "Tyler" says nothing of gender here; the "He" that resolves to him does.
    text = ("Commissioner Naomi Fraser said the app had broken the law.\n\n"
            "The company's founder, Tyler Brandt, wrote that the app had always been free. "
            "He said users could now pay for a version with no ads.\n\n"
            "The commissioner said she had no power to fine the company. "
            "She said Parliament should pass the privacy bill this year.\n")
    rec, quotes = _quotes(pipe, text)
    by_content = {q["content"]["text"]: q for q in quotes}
    q = by_content["Parliament should pass the privacy bill this year"]
    assert _speaker_name(rec, q) == "Naomi Fraser"
    assert q["speaker"]["resolved"]["how"] == "pronoun"
    assert _speaker_name(rec, by_content["users could now pay for a version with no ads"]) == "Tyler Brandt"


def test_they_after_an_unnamed_group_keeps_that_phrase(pipe):
    text = ("The researchers said their next step would be a study of people who moved.\n\n"
            "They said the results would be published next year.\n")
    rec, (first, second) = _quotes(pipe, text)
    assert second["speaker"]["entity"] is None
    assert second["speaker"]["name"] == "The researchers"
    assert second["speaker"]["resolved"]["from"]["text"] == "The researchers"


def test_an_organisation_description_stands_for_a_body_of_its_kind(pipe):
    text = ("Officers of the Kelburn Regional Police arrested two men after a break-in at a "
            "pharmacy on Monday.\n\n"
            "The Marsh Valley Credit Union said its branch next door had not been damaged.\n\n"
            "Police said the men would appear in court on Friday.\n")
    rec, quotes = _quotes(pipe, text)
    police = quotes[-1]
    assert police["speaker"]["text"] == "Police"
    # the force named earlier, not the credit union that spoke in between
    assert _speaker_name(rec, police) == "Kelburn Regional Police"
    assert police["speaker"]["resolved"]["how"] == "description"
    # with no police force named, "police" is no other body: the phrase stays, no entity
    rec, quotes = _quotes(pipe, text.replace("Officers of the Kelburn Regional Police arrested",
                                             "Two men were arrested"))
    assert quotes[-1]["speaker"]["text"] == "Police" and quotes[-1]["speaker"]["entity"] is None


def test_the_city_and_the_province_are_the_places_of_their_level(pipe):
    text = ("Alberta will spend $30 million on wildfire crews this year, Premier Dana Kowalski said.\n\n"
            "The province said the crews would be hired by April.\n\n"
            "Calgary's mayor, Ian Shaw, said the city needed more firefighters of its own. "
            "The city said it would ask for a share of the money.\n")
    rec, quotes = _quotes(pipe, text)
    by_speaker = {q["speaker"]["text"]: q for q in quotes}
    assert _speaker_name(rec, by_speaker["The province"]) == "Alberta"
    assert _speaker_name(rec, by_speaker["The city"]) == "Calgary"


def test_a_dateline_place_is_no_company_and_an_untagged_company_is_named(pipe):
    text = ("BRANDON, Man. — Prairie Grain Handlers will shut its elevator in Brandon in June, "
            "cutting 60 jobs, the company said on Monday.\n\n"
            "Union steward Carla Mendes said workers had been given no warning.\n\n"
            "The company said it would offer transfers to its other sites.\n")
    rec, quotes = _quotes(pipe, text)
    companies = [q for q in quotes if q["speaker"]["text"].lower() == "the company"]
    assert len(companies) == 2
    for q in companies:
        # never the dateline's place (nor the town), whatever the tagger made of them
        assert q["speaker"]["name"] == "Prairie Grain Handlers"
        assert q["speaker"]["entity"] is None or _speaker_name(rec, q) == "Prairie Grain Handlers"
    # with no company named at all, the phrase stays and nothing is guessed
    rec, quotes = _quotes(pipe, text.replace("Prairie Grain Handlers will shut its elevator",
                                             "The elevator will close"))
    last = quotes[-1]
    assert last["speaker"]["text"] == "The company"
    assert last["speaker"]["entity"] is None and last["speaker"]["name"] == "The company"


def test_the_accused_is_the_person_described_by_the_participle(pipe):
    # the parser tags "accused" a verb, in "X, accused of ..." and in "The accused said"
    text = ("Former school board treasurer Mark Dunlop, accused of taking $400,000 from a "
            "student lunch fund, told the court on Monday that he had never signed the cheques.\n\n"
            "Crown prosecutor Alison Reid said the bank records showed otherwise.\n\n"
            "The accused said he had been on holiday in Portugal when most of the payments were made.\n")
    rec, quotes = _quotes(pipe, text)
    dunlop = next(e for e in rec.entities if e["name"] == "Mark Dunlop")
    assert any(d["text"].startswith("accused of taking") for d in dunlop["descriptions"])
    accused = quotes[-1]
    assert accused["speaker"]["text"] == "The accused"
    assert _speaker_name(rec, accused) == "Mark Dunlop"
    assert accused["speaker"]["resolved"]["how"] == "description"
    # "the accused man's lawyer" describes the lawyer, who is no "accused"
    text = ("The accused man's lawyer, Peter Walsh, said his client had co-operated with police.\n\n"
            "The accused said he would plead not guilty.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes[-1]["speaker"]["text"] == "The accused"
    assert quotes[-1]["speaker"]["entity"] is None


def test_a_participle_modifier_is_part_of_a_title(pipe):
    text = "Convicted fraudster Ray Dunn said he had repaid every cent.\n"
    rec, (q,) = _quotes(pipe, text)
    assert _speaker_name(rec, q) == "Ray Dunn"
    dunn = rec.entity(q["speaker"]["entity"])
    assert [d["text"] for d in dunn["descriptions"]] == ["Convicted fraudster"]


def test_a_pronoun_continues_a_run_of_one_speakers_quotes(pipe):
    text = ("Premier Linda Morrow said the province would hire 200 nurses this year.\n\n"
            "\"We have heard the nurses, and we are acting,\" Morrow said.\n\n"
            "The plan was first proposed by Health Minister Anne Leclerc in 2024.\n\n"
            "She said the new nurses would be placed in rural hospitals first.\n")
    rec, quotes = _quotes(pipe, text)
    assert _speaker_name(rec, quotes[-1]) == "Linda Morrow"
    # a woman who is the subject of the sentence before is the antecedent, run or not
    rec, quotes = _quotes(pipe, text.replace("The plan was first proposed by Health Minister Anne "
                                             "Leclerc in 2024.",
                                             "Opposition critic Anne Leclerc was not convinced."))
    assert _speaker_name(rec, quotes[-1]) == "Anne Leclerc"


def test_a_name_coordinated_with_a_bare_title_is_the_speaker(pipe):
    text = "Liberal leadership candidate and former banker Ruth Tam said on Sunday that she would run.\n"
    rec, (q,) = _quotes(pipe, text)
    assert q["speaker"]["text"] == "Ruth Tam"
    assert _speaker_name(rec, q) == "Ruth Tam"


def test_an_indefinite_body_is_no_body_named_before(pipe):
    text = ("Premier Linda Morrow met the leaders of Nova Scotia and Ohio on Monday.\n\n"
            "A province said it would join the plan.\n")
    rec, quotes = _quotes(pipe, text)
    q = quotes[-1]
    assert q["speaker"]["text"] == "A province" and q["speaker"]["entity"] is None
    rec, quotes = _quotes(pipe, text.replace("A province said", "The province said"))
    assert _speaker_name(rec, quotes[-1]) in ("Nova Scotia", "Ohio")  # the definite one was named


def test_a_lede_description_is_the_person_named_bare_in_the_next_paragraph(pipe):
    text = ("REGINA — The former chief engineer of the Prairie Bridge Authority told a provincial "
            "inquiry on Tuesday that she had warned her superiors about the cracked girders.\n\n"
            "Marta Kowalczyk testified for three hours. She said nobody answered her letters.\n")
    rec, quotes = _quotes(pipe, text)
    first = quotes[0]
    assert first["speaker"]["text"].startswith("The former chief engineer")
    assert _speaker_name(rec, first) == "Marta Kowalczyk"
    assert first["speaker"]["resolved"]["how"] == "description"
    # someone introduced with a description of their own is someone else
    rec, quotes = _quotes(pipe, text.replace("Marta Kowalczyk testified",
                                             "Marta Kowalczyk, a lawyer for the authority, spoke"))
    assert quotes[0]["speaker"]["entity"] is None


def test_a_description_mid_article_is_the_person_named_bare_in_the_next_paragraph(pipe):
    """Not only a lede: a description speaking further down ("said the team's head coach") is
    the person the next paragraph opens with, named there for the first time."""
    text = ("Brandon Heights Soccer Club learned on Monday that its field permit was cancelled.\n\n"
            "Parents gathered at the clubhouse that evening.\n\n"
            "\"We found out from a memo,\" said the team's head coach, standing by the fence.\n\n"
            "Rashid Farouk, who has coached the under-13 girls for six years, said the club would "
            "appeal.\n")
    rec, quotes = _quotes(pipe, text)
    first = next(q for q in quotes if "memo" in q["content"]["text"])
    assert first["speaker"]["text"] == "the team's head coach"
    assert _speaker_name(rec, first) == "Rashid Farouk"
    # someone named before is no newcomer: the description stays unresolved
    rec, quotes = _quotes(pipe, text.replace("Parents gathered", "Rashid Farouk and parents gathered"))
    first = next(q for q in quotes if "memo" in q["content"]["text"])
    assert first["speaker"]["entity"] is None


def test_a_definite_epithet_is_the_person_the_previous_sentence_is_about(pipe):
    """"the Toronto author", "the elder": a description no one is described with is the
    person the sentence before is about (its subject, or the name in apposition to it), or
    the subject of an earlier clause of its own sentence; not a body, not another gender."""
    text = ("Priya Venkataraman began her speech by thanking the waiters.\n\n"
            "\"I promise I'll be quicker than the jury was,\" the Toronto author told the audience.\n")
    for epithet in ("the Toronto author", "the Toronto farmer"):
        rec, quotes = _quotes(pipe, text.replace("the Toronto author", epithet))
        assert _speaker_name(rec, quotes[0]) == "Priya Venkataraman", epithet
    rec, quotes = _quotes(pipe, "Her mother-in-law, Oopah Akpalialuk, sleeps on a couch. Speaking through "
                                "an interpreter, the elder said the crowding makes it hard to rest.\n")
    assert _speaker_name(rec, quotes[0]) == "Oopah Akpalialuk"
    rec, quotes = _quotes(pipe, "When Shauna Greenidge signed the contract, the Halifax commissioner says "
                                "she was promised a fixed price.\n")
    assert _speaker_name(rec, quotes[0]) == "Shauna Greenidge"
    # a body's noun, and a description of the other gender, are someone else
    for other in ("the pantry", "the grandfather"):
        rec, quotes = _quotes(pipe, text.replace("the Toronto author", other))
        assert quotes[0]["speaker"]["text"] == other and quotes[0]["speaker"]["entity"] is None, other


def test_the_union_is_the_subject_of_its_sentence_not_the_company_beside_it(pipe):
    # the tagger misses "Unifor"; "Stellantis", an object in the same sentence, is no union
    text = ("Unifor has reached a tentative deal with Stellantis that would raise wages by 20 per "
            "cent over three years, the union said on Sunday.\n\n"
            "Members will vote on the deal next week.\n\n"
            "The company said the agreement secured the future of its Windsor plant.\n")
    rec, quotes = _quotes(pipe, text)
    union, company = quotes[0], quotes[-1]
    assert union["speaker"]["text"] == "the union" and union["speaker"]["name"] == "Unifor"
    assert _speaker_name(rec, company) == "Stellantis"
    # the same with the roles of subject and object swapped
    text = ("Stellantis has reached a tentative deal with Unifor that would raise wages by 20 per "
            "cent over three years, the company said on Sunday.\n")
    rec, (q,) = _quotes(pipe, text)
    assert _speaker_name(rec, q) == "Stellantis" or q["speaker"]["name"] == "Stellantis"


def test_someone_who_did_not_speak_is_no_antecedent_of_he_said(pipe):
    text = ("Coach Dave Marchand said the team would appeal the suspension.\n\n"
            "\"We think the league got this wrong,\" Marchand said. \"Two games is too much.\"\n\n"
            "Defenceman Michael Ortiz, who was suspended on Friday, declined to comment.\n\n"
            "He said the team would also pay the fan's medical bills.\n")
    for silent in ("declined to comment", "did not speak to reporters", "could not be reached"):
        rec, quotes = _quotes(pipe, text.replace("declined to comment", silent))
        assert _speaker_name(rec, quotes[-1]) == "Dave Marchand", silent
    # one who acted otherwise is still the nearer antecedent
    rec, quotes = _quotes(pipe, text.replace("declined to comment", "did not play on Friday"))
    assert _speaker_name(rec, quotes[-1]) == "Michael Ortiz"


def test_a_byline_and_a_photo_credit_are_nobodys_antecedent(pipe):
    text = ("Flood crews work through the night\n\n"
            "By Kevin Tran, Global News\n\n"
            "ABBOTSFORD, B.C. — Crews worked through the night to shore up the Sumas dike.\n\n"
            "\"We've learned a lot since 2021,\" Mayor Ravi Sandhu said.\n\n"
            "A volunteer fills sandbags at a public works yard on Monday. (Kevin Tran/Global News)\n\n"
            "Dairy farmer Hendrik Vos said he moved his 180 cows to a neighbour's barn.\n\n"
            "\"Last time, I lost 40 animals,\" Vos said.\n\n"
            "He said the water had not reached his fields yet.\n")
    rec, quotes = _quotes(pipe, text)
    by_content = {q["content"]["text"]: q for q in quotes}
    # the parser runs the caption into the next sentence: the speaker stays in its paragraph
    vos = next(q for c, q in by_content.items() if c.startswith("he moved"))
    assert vos["speaker"]["text"] == "Hendrik Vos"
    assert _speaker_name(rec, vos) == "Hendrik Vos"
    assert _speaker_name(rec, quotes[-1]) == "Hendrik Vos"
    assert all("Tran" not in (_speaker_name(rec, q) or "") for q in quotes)


def test_entity_types_from_the_article_for_speakers(pipe):
    # a person the tagger took for an organisation: "Her classmate, Leah Cardinal" and a title
    # without a full stop ("Mayor Ravi Sandhu" ... "Sandhu")
    text = ("Third-year nursing student Jasmine Obi said she supports the professors.\n\n"
            "Her classmate, Leah Cardinal, was more blunt. She said she had no sympathy for "
            "either side.\n")
    rec, quotes = _quotes(pipe, text)
    assert _speaker_name(rec, quotes[-1]) == "Leah Cardinal"
    # after a run of Obi's quotes too: the name in apposition to the subject is the subject
    rec, quotes = _quotes(pipe, text.replace(
        "supports the professors.\n\n",
        "supports the professors.\n\n\"I can't afford an extra semester,\" Obi said.\n\n"))
    assert _speaker_name(rec, quotes[-1]) == "Leah Cardinal"


def test_a_one_word_name_only_written_where_something_runs_is_nobody(pipe):
    """"a special streaming on Crave": a one-word name the tagger calls a person, with no
    given name, written only after "on", is no antecedent of "the 34-year-old"."""
    text = ("Tamsin Achebe-Ward told her first joke on a stage in Hamilton in 2019.\n\n"
            "Five years later, she has a half-hour special streaming on Crave and a sold-out tour.\n\n"
            '"People assume I left because I burned out," the 34-year-old says.\n')
    rec, quotes = _quotes(pipe, text)
    assert _speaker_name(rec, quotes[-1]) == "Tamsin Achebe-Ward"


def test_the_subject_of_a_who_clause_is_nearer_than_a_run_of_another_woman_s_quotes(pipe):
    """"Okafor also named ... Priya Venkatesan, who takes over a file": Venkatesan is the
    subject of her own relative clause, so the next "she said" is hers, not the previous
    run of Noor Haddad's quotes."""
    text = ("The shuffle comes as many in Ottawa expect an election within 18 months.\n\n"
            '"This is a campaign cabinet," said Noor Haddad, a professor of political science at '
            'Laurentian Ridge University. "You put your best communicators in the economic jobs."\n\n'
            "She said the decision to keep the health minister in place suggested the prime "
            "minister did not want to disrupt talks with the provinces.\n\n"
            "Okafor also named a new minister of housing, former Mississauga city councillor Priya "
            "Venkatesan, who takes over a file that has dogged the government for two years.\n\n"
            '"We are going to get shovels in the ground," she said.\n')
    rec, quotes = _quotes(pipe, text)
    assert [_speaker_name(rec, q) for q in quotes] == ["Noor Haddad", "Noor Haddad", "Priya Venkatesan"]


def test_a_headline_speaker_is_the_person_the_story_describes_so(pipe):
    text = ("Agreement comes with apology; chief says 'the lake is still in our stories'\n\n"
            "CHILLIWACK, B.C. — Ottawa has agreed to pay $90 million to a First Nation whose "
            "lake was drained in the 1920s.\n\n"
            "\"They never got to say goodbye to it,\" said Chief Andrea Kelly of Qwó:ltel First "
            "Nation.\n\n"
            "\"The money will not bring the lake back. But the lake is still in our stories.\"\n")
    rec, quotes = _quotes(pipe, text)
    head = next(q for q in quotes if q["content"]["start"] < 80)
    assert head["speaker"]["text"] == "chief"
    assert _speaker_name(rec, head) == "Andrea Kelly"


def test_the_constable_is_the_person_titled_const(pipe):
    text = ("Const. Lindsay Hargreaves said the suspect was arrested a few blocks away.\n\n"
            "Witnesses said the crowd had been leaving a club at closing time.\n\n"
            "\"It's very early. We're still speaking with witnesses,\" the constable said.\n")
    rec, quotes = _quotes(pipe, text)
    assert quotes[-1]["speaker"]["text"] == "the constable"
    assert _speaker_name(rec, quotes[-1]) == "Lindsay Hargreaves"


def test_a_report_speaks_for_the_body_its_possessive_names(pipe):
    text = ("HALIFAX — Nova Scotia Health has published its December schedule of emergency room "
            "closures.\n\n"
            "Rural residents say the closures leave them hours from care.\n\n"
            "Nova Scotia Health’s latest quarterly report says emergency departments across the "
            "province were closed for 1,912 hours between July and September.\n")
    rec, quotes = _quotes(pipe, text)
    q = quotes[-1]
    assert q["speaker"]["text"].endswith("quarterly report")
    assert _speaker_name(rec, q) == "Nova Scotia Health"
    assert q["speaker"]["resolved"]["how"] == "document"


def test_a_lede_body_description_is_the_body_of_its_kind_named_next(pipe):
    text = ("A 27-year-old man has been charged after three people were stabbed outside a "
            "nightclub early Sunday, police say.\n\n"
            "The Marsh Valley Credit Union said its branch next door was closed.\n\n"
            "Surrey Police Service officers arrested the suspect a few blocks away.\n")
    rec, quotes = _quotes(pipe, text)
    police = quotes[0]
    assert police["speaker"]["text"] == "police"
    assert _speaker_name(rec, police) == "Surrey Police Service"  # not the credit union between
    # nothing of its kind named after: the phrase stays
    rec, quotes = _quotes(pipe, text.replace("Surrey Police Service officers", "Officers"))
    assert quotes[0]["speaker"]["entity"] is None


def test_a_part_of_a_group_and_a_document_someone_read(pipe):
    text = ("Kestrel Labs has laid off about a third of its employees, according to an internal "
            "memo viewed by CBC News.\n\n"
            "Two of them said they were told in a 10-minute video call.\n\n"
            "\"At 10:40 I was gone,\" one of them said.\n")
    rec, quotes = _quotes(pipe, text)
    memo, two, one = quotes
    # the outlet that read the memo did not issue it
    assert memo["speaker"]["text"] == "an internal memo viewed by CBC News"
    assert memo["speaker"]["entity"] is None
    assert two["speaker"]["text"] == "Two of them" and two["speaker"]["entity"] is None
    assert one["speaker"]["text"] == "one of them"
    # a memo released by the company is the company's
    rec, quotes = _quotes(pipe, text.replace("viewed by CBC News", "released by Kestrel Labs"))
    assert _speaker_name(rec, quotes[0]) == "Kestrel Labs"


# (what the case tests, the text, the name of its last quote's speaker)
LAST_SPEAKER = [
    # the one who spoke beats the subject of what she reported
    ("a speaker beats the subject of her report",
     "Premier Linda Morrow said the province would hire 200 nurses this year.\n\n"
     "Morrow said Health Minister Anne Leclerc would announce the details next week.\n\n"
     "She said the new nurses would be placed in rural hospitals first.\n", "Linda Morrow"),
    # a known place the tagger took for a person is no "she"
    ("a known place is no she",
     "Dr. Elaine Ng said 11 people had been admitted to hospital.\n\n"
     "Ng said the outbreak had spread to Calgary, Medicine Hat and several rural "
     "communities. She said teams had found more than 40 exposure sites.\n", "Elaine Ng"),
    # a run of quotes stops at a person the text goes on about ("Her husband ...")
    ("run stops at a side mention taken up",
     "Premier Linda Morrow said the province would hire 200 nurses this year.\n\n"
     "\"We have heard the nurses, and we are acting,\" Morrow said.\n\n"
     "For Anne Leclerc, who lives in Ingonish, the numbers are not abstract. Her husband "
     "had a heart attack on a night when the local emergency room was closed.\n\n"
     "\"We drove 90 minutes with him in the passenger seat,\" she says.\n", "Anne Leclerc"),
    # the parser runs "... wrote on X." into the next paragraph's sentence, where Rao is no
    # subject; the paragraph is hers, and Fontaine's gender is not known to be hers
    ("a paragraph break ends a sentence",
     "Premier Gilles Fontaine said the province still wants full control over family "
     "reunification.\n\n"
     "\"Quebec has said it clearly, and we will keep saying it: we decide who comes to "
     "Quebec,\" Fontaine wrote on X.\n\n"
     "Immigration lawyer Sunita Rao, who practises in Vancouver, says the biggest impact "
     "will be on people already in Canada on temporary permits.\n\n"
     "\"My phone hasn't stopped ringing,\" she says.\n", "Sunita Rao"),
    # a body written as where something is ("hospitals in Neils Harbour") does not speak
    ("a located body is no speaker",
     "HALIFAX — Nova Scotia Health has published its December schedule.\n\n"
     "The closures at hospitals in Neils Harbour, Inverness and Glace Bay are mostly "
     "overnight, according to the health authority.\n", "Nova Scotia Health"),
]


@pytest.mark.parametrize("text,name", [c[1:] for c in LAST_SPEAKER], ids=[c[0] for c in LAST_SPEAKER])
def test_the_last_quotes_speaker(pipe, text, name):
    rec, quotes = _quotes(pipe, text)
    assert _speaker_name(rec, quotes[-1]) == name


# (what the case tests, the text, each quote's speaker as written and the name it resolves to)
SPEAKERS = [
    # a bare singular noun is a headline's speaker ("sister says"), named in the story after
    ("a headline's bare noun is named after",
     "Family of Winnipeg man pleads for witnesses\n\n"
     "'Somebody saw something,' sister says\n\n"
     "Renata Kos · CBC News · Posted: Nov 28, 2026\n\n"
     "The family of Jordan Spence is asking witnesses to come forward.\n\n"
     "Spence's older sister, Destiny Spence, spoke to reporters on Thursday.\n",
     [("sister", "Destiny Spence"), ("The family of Jordan Spence", None)]),
    # a city is no province: with only a city named, "the province" names nobody
    ("a city is no province",
     "Saskatoon will close three outdoor pools this summer because it cannot hire enough "
     "lifeguards, the city said on Tuesday.\n\n"
     "The province said it would not cover the cost of training new guards.\n",
     [("the city", "Saskatoon"), ("The province", None)]),
    # the tagger makes "Halifax" an organisation as the subject of "will sell"
    ("a place is never a company's antecedent",
     "Halifax will sell two ferries, the city said on Monday.\n\n"
     "The company that runs the ferries said it had not been told.\n",
     [("the city", "Halifax"), ("The company", None)]),
]


@pytest.mark.parametrize("text,speakers", [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS])
def test_the_speakers(pipe, text, speakers):
    rec, quotes = _quotes(pipe, text)
    assert [(q["speaker"]["text"], _speaker_name(rec, q)) for q in quotes] == speakers


def test_a_named_speaker_takes_the_affiliation_of_their_description(pipe):
    text = ("Tomasz Wierzbicki, a spokesman for the Baltic Ferry Alliance, said on Monday that "
            "two crossings would be cancelled.\n\n"
            "Later, Wierzbicki said the ships would return to service in March.\n")
    _, quotes = _quotes(pipe, text)
    assert quotes and all(q["speaker"]["affiliation"]["name"] == "Baltic Ferry Alliance"
                          for q in quotes)


def test_a_description_that_points_back_takes_the_body_named_before(pipe):
    text = ("The Harbourview Water Authority raised its rates by 6 per cent on Friday.\n\n"
            "A spokeswoman for the authority said the increase would pay for new pipes.\n")
    _, quotes = _quotes(pipe, text)
    sp = quotes[-1]["speaker"]
    assert sp["text"] == "A spokeswoman for the authority"
    assert sp["affiliation"]["name"] == "Harbourview Water Authority"
    assert sp["affiliation"]["text"] == "the authority"


def test_a_place_in_a_description_is_no_affiliation(pipe):
    text = ("Rosa Delgado, a nurse in Halifax, said the ward had been short of staff all winter.\n")
    _, (q,) = _quotes(pipe, text)
    assert "affiliation" not in q["speaker"]


def test_a_named_speaker_takes_the_organisation_of_their_own_phrase(pipe):
    text = ('"The land was taken from us," said Chief Mara Tallow of Brookfield Lake First Nation.\n\n'
            '"We remain at the table," Northway Airlines president and CEO Dario Venn said.\n')
    rec, (kelly, venn) = _quotes(pipe, text)
    assert "Brookfield Lake First Nation" in kelly["speaker"]["affiliation"]["name"]
    assert venn["speaker"]["affiliation"]["name"] == "Northway Airlines"
    assert _speaker_name(rec, venn) == "Dario Venn"


def test_a_proper_name_the_tagger_missed_is_the_whole_name(pipe):
    text = ("Rents rose again, a report said.\n\n"
            "The housing charity Open Door Ireland said in a statement that rents in Dublin had "
            "risen by 9 per cent.\n\n"
            "Environment and Climate Change Canada warned that up to 150 millimetres of rain "
            "could fall by Wednesday.\n")
    _, quotes = _quotes(pipe, text)
    texts = [q["speaker"]["text"] for q in quotes]
    assert "The housing charity Open Door Ireland" in texts
    assert "Environment and Climate Change Canada" in texts


def test_a_person_apposed_to_an_untagged_phrase_stays_the_speaker(pipe):
    text = ("Outside Leinster House, Fr Tom Geraghty, who runs a drop-in centre, says the true "
            "numbers are worse than the official count.\n")
    rec, (q,) = _quotes(pipe, text)
    assert _speaker_name(rec, q).endswith("Tom Geraghty")
    assert "affiliation" not in q["speaker"]  # a place phrase before the name is no employer


def test_its_in_a_description_is_the_organisation_it_stands_for(pipe):
    text = ("Harbourline Shipping Ltd. said on Monday that the Port Authority had fined it for late filings.\n\n"
            "Its spokesperson said the fine would be appealed. Its chief executive, Aoife Brennan, said "
            "the company had done nothing wrong.\n")
    rec, quotes = _quotes(pipe, text)
    spokesperson, chief = quotes[1:]
    for q in (spokesperson, chief):  # "its": the company that spoke, not the authority in its clause
        assert rec.entity(q["speaker"]["affiliation"]["entity"])["name"] == "Harbourline Shipping Ltd."
    assert _speaker_name(rec, chief) == "Aoife Brennan"


def test_it_is_the_main_clause_speaker_not_a_body_in_its_clause(pipe):
    # the speaker's name may be one the tagger misses: "it" still names it
    text = ("LONDON, Dec 1 (Reuters) - Northbridge Energy, one of Britain's largest gas suppliers, cut its "
            "forecast on Tuesday and said the energy regulator Ofgem had opened an investigation.\n\n"
            "The company now expects lower profit for the year, it said in a statement.\n")
    rec, quotes = _quotes(pipe, text)
    it = [q for q in quotes if q["speaker"] and q["speaker"]["text"] == "it"][0]
    assert "Northbridge" in (it["speaker"].get("name") or "")


def test_a_role_before_a_name_keeps_the_name_as_speaker():
    """"<organisation> <role> <name> said": the name heads the phrase, even where the
    tagger took the name for an organisation (forced here); the organisation before the
    role only qualifies it."""
    pipe = Pipeline(COMPONENTS)
    comp = next(c for c in pipe.components if c.name == "quotes")
    run = comp.func

    def mistagged(ctx):  # the small model's mistake, made on purpose
        for e in ctx.record.entities:
            if e["name"].endswith("Vandermeer"):
                e["type"] = "ORG"
        return run(ctx)

    text = ("OTTAWA — Tamsin Ridge Capital analyst Ilse Vandermeer said the merger was "
            "overpriced by at least 15 per cent.\n")
    object.__setattr__(comp, "func", mistagged)  # the registry's component: put it back after
    try:
        rec = pipe.analyze_batch([Article(text=text)])[0]
    finally:
        object.__setattr__(comp, "func", run)
    (q,) = rec.quotes
    assert "Vandermeer" in q["speaker"]["text"], q["speaker"]


def test_the_union_far_into_a_story_is_the_union_named_before(pipe):
    """An organisation noun whose body was named before the look-back's reach is the body
    whose name ends in that noun, not a place named nearer."""
    filler = ("Bakeries in Manitoba open at four in the morning and close by noon. "
              "Flour prices in Manitoba rose through the spring and summer. ") * 14
    text = ("The Prairie Bakers Union says its members will stop work on Friday.\n\n"
            + filler + "\n\nThe union says picket lines will go up at dawn.\n")
    rec, quotes = _quotes(pipe, text)
    q = next(q for q in quotes if "picket lines" in q["content"]["text"])
    assert _speaker_name(rec, q) == "Prairie Bakers Union", q["speaker"]


@pytest.mark.parametrize("attribution, speaker", [
    ("Tomasz Wierzbicki, the chair of the riverside tenants' association, told reporters on Friday",
     "Tomasz Wierzbicki"),
    ("Halima Osei-Bonsu, a spokeswoman for the regional transit authority, said in an interview",
     "Halima Osei-Bonsu"),
])
def test_a_cue_after_a_long_apposition_to_the_speaker_still_attributes_the_quote(
        quote_pipe, attribution, speaker):
    """'"...," NAME, DESCRIPTION, told X': the cue comes more than eight words after the
    quote, but its subject opens the attribution, so the quote is the subject's."""
    text = ("The hearing opened on Tuesday.\n\n"
            f"\"The plan was drawn up without asking a single resident,\" {attribution}. "
            "\"Nobody here was consulted.\"\n")
    rec, quotes = quotes_of(quote_pipe, text)
    first = next(q for q in quotes if q["content"]["text"].startswith('"The plan'))
    assert first["cue"] is not None
    assert first["speaker"]["text"].startswith(speaker)


def test_a_cue_far_after_a_quote_with_another_subject_is_not_the_quotes(quote_pipe):
    """Far words after a quote whose cue's subject is someone written later ('... and then
    the mayor said') do not attribute the quote."""
    text = ("Council met on Monday.\n\n"
            "\"Not in my ward,\" read a hand-painted sign outside the hall on the corner of "
            "King Street and Second Avenue while inside the mayor said the vote would wait.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    sign = [q for q in quotes if q["content"]["text"].startswith('"Not in my ward')]
    assert not sign or sign[0]["speaker"] is None or "mayor" not in sign[0]["speaker"]["text"]


def test_of_two_tagged_people_in_a_subject_the_speaker_is_the_one_its_head_word_is_in(quote_pipe):
    """A party or region the tagger made a person ahead of the title and name ("Manitoba
    Conservative caucus chair Mirela Dunsmore") is not the speaker: the subject's head word is in
    the name."""
    text = ("The vote was called at 9 p.m.\n\n"
            "Manitoba Conservative caucus chair Mirela Dunsmore said the result was no surprise.\n\n"
            "Manitoba Conservative caucus chair Mirela Dunsmore, who knocked on doors all week, wrote on X: "
            "\"Every vote was earned.\"\n")
    rec, quotes = quotes_of(quote_pipe, text)
    assert quotes and all(q["speaker"]["text"] == "Mirela Dunsmore" for q in quotes), \
        [q["speaker"] for q in quotes]


def test_an_age_the_parser_left_without_a_subject_still_speaks(quote_pipe):
    """'"...," the 81-year-old said' parsed with "old" as the verb's modifier: the age phrase is
    the speaker, and it resolves to the person named last before."""
    text = ("The storm hit on Monday.\n\n"
            "Homeowner Agathe Brindlecombe said she had just left the kitchen when it hit.\n\n"
            "\"I heard this crack like a rifle, and then the whole ceiling came in where I had been "
            "standing,\" the 81-year-old said.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    crack = next(q for q in quotes if q["content"]["text"].startswith('"I heard'))
    assert crack["speaker"] is not None and "81-year-old" in crack["speaker"]["text"]
    assert _speaker_name(rec, crack) == "Agathe Brindlecombe"


@pytest.mark.parametrize("surname", ["Tremblay-Nkosi", "Lindqvist-Oyelaran"])
def test_a_hyphenated_surname_the_parser_cut_is_the_whole_name(quote_pipe, surname):
    text = ("The club closed on Friday.\n\n"
            f"Owner Amélie {surname} said the rent had tripled.\n\n"
            f"\"You could play anything here,\" {surname} said.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    assert [q["speaker"]["text"] for q in quotes] == [f"Amélie {surname}", surname]
    assert {_speaker_name(rec, q) for q in quotes} == {f"Amélie {surname}"}


def test_a_word_inside_a_quoted_title_is_never_the_speaker(quote_pipe):
    """'X, whose videos carry the tagline "Lift Like You Mean It," told his followers: "..."':
    the parser may make the title's last word the verb's subject; the speaker is X."""
    text = ("Much of that demand is coming from social media. Fitness influencer Corwin Tadd, whose "
            "videos carry the tagline \"Fuel Like You Mean It,\" told his 900,000 TikTok followers in "
            "October: \"If you are not hitting 200 grams a day, you are leaving gains on the table.\"\n")
    rec, quotes = quotes_of(quote_pipe, text)
    real = next(q for q in quotes if q["content"]["text"].startswith('"If you'))
    assert real["speaker"] is not None and "Corwin Tadd" in real["speaker"]["text"]


def test_a_cue_the_parser_hung_on_the_subject_is_not_part_of_the_speaker(quote_pipe):
    """'The Harriers' official account posted on X moments after the kick:' parsed with
    "posted" as a modifier of "account": the speaker phrase stops before the cue."""
    text = ("The kick was good.\n\n"
            "The Harriers official account posted on X moments after the kick:\n\n"
            "\"WE ARE GOING TO THE FINAL.\"\n")
    rec, quotes = quotes_of(quote_pipe, text)
    assert quotes and quotes[0]["speaker"] is not None
    assert quotes[0]["speaker"]["text"] == "The Harriers official account"


@pytest.mark.parametrize("text, speaker, name", [
    ("Harbourline's vice-president of sales, Odile Brassard, said the plant would stay open.",
     None, "Odile Brassard"),
    ("The report's co-author, Dr. Kwame Asante, said the sample was small.", None, "Kwame Asante"),
    ("The bakery's co-founder said the oven had been running since 1962.",
     "The bakery's co-founder", None),
    ("Her ex-husband said the house had been sold in March.", "Her ex-husband", None),
    # the role's words before the name, no comma: the hyphen made the parser read two subjects
    ('"But the answer is not to stand still," she said.\n\nTundra Gold chief executive Paul '
     'Grenier-Okoye said integration teams had been meeting weekly.', None, "Paul Grenier-Okoye"),
    # a long role after a long quote: its hyphenated words each count as one
    ('"Small businesses are drowning in admin work, and most of the tools they use were built for '
     'accountants, not for the owner of a bakery," co-founder and chief executive Farah '
     'Qureshi-Lindqvist said in an interview.', None, "Farah Qureshi-Lindqvist"),
])
def test_a_hyphenated_role_word_is_read_whole(pipe, text, speaker, name):
    """The parser may hang the pieces of "co-author" apart, each a subject of the cue: the
    speaker is the whole word with what it holds, or the name in apposition to it."""
    rec, quotes = _quotes(pipe, text)
    q = quotes[-1]  # the one after the role
    if speaker is not None:
        assert q["speaker"]["text"] == speaker
    if name is not None:
        assert _speaker_name(rec, q) == name


@pytest.mark.parametrize("party", ["Republican", "Democrat"])
def test_one_member_of_a_group_is_a_person_not_the_group(pipe, party):
    """"said a New Hampshire Republican": an unnamed person, not the party's voters as a group
    (the same for either party); "the Wisconsin Republican, who" after a named senator is
    a description of him, so "He said" after it is that senator, not the group."""
    rec, quotes = _quotes(pipe, f'"He will not fold in a week," said a Vermont {party}, who '
                                f'asked not to be named.\n')
    (q,) = quotes
    assert q["speaker"]["text"] == f"a Vermont {party}"
    assert q["speaker"]["entity"] is None
    rec, quotes = _quotes(pipe, (
        f"Senator Amos Whitlock on Monday said he could not back the bill.\n\n"
        f"It was a reversal for the Ohio {party}, who had voted for it twice. He said on Monday "
        f"that the bill had changed too much.\n"))
    assert _speaker_name(rec, quotes[-1]) == "Amos Whitlock"


@pytest.mark.parametrize("document", ["review", "decision", "settlement"])
def test_more_documents_speak_for_whoever_issued_them(pipe, document):
    """"The review, prepared by X, warned": a review, a decision or a settlement is a
    document, and its issuer (here its participle's agent) is the speaker."""
    rec, quotes = _quotes(pipe, (
        f"The {document}, prepared by Halvorsen Marsh Consulting, warned that the bridge "
        f"could close within a year.\n"))
    (q,) = quotes
    assert q["speaker"]["text"] == f"The {document}"
    assert _speaker_name(rec, q) == "Halvorsen Marsh Consulting"
    assert q["speaker"]["resolved"]["how"] == "document"


def test_a_name_in_apposition_the_parser_made_a_second_subject_is_the_speaker():
    """The parser (in some contexts) reads "Her old partner, Omar Baptiste, who ..., says"
    as two subjects of "says"; the name set off by the comma is the speaker, not the
    description before it.  The parse is written out as the parser gave it."""
    from spacy.tokens import Doc

    from unspun.pipeline.nlp import get_nlp
    from unspun.pipeline.quote_cues import subject

    words = ["Her", "old", "partner", ",", "Omar", "Baptiste", ",", "who", "works", "nights",
             ",", "says", "he", "laughed", "."]
    heads = [2, 2, 11, 11, 5, 11, 5, 8, 5, 8, 5, 11, 13, 11, 11]
    deps = ["poss", "amod", "nsubj", "punct", "compound", "nsubj", "punct", "nsubj", "relcl",
            "dobj", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PRON", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "NOUN",
           "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    spaces = [True, True, False, True, True, False, True, True, True, False, True, True, True,
              False, False]
    doc = Doc(get_nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 9)
    assert subject(doc[11]).text == "Baptiste"
    # a second subject with no comma before it is left alone
    doc = Doc(get_nlp().vocab, words=["Police", "and", "Omar", "Baptiste", "said", "no"],
              heads=[4, 0, 3, 4, 4, 4], deps=["nsubj", "cc", "compound", "nsubj", "ROOT", "dobj"],
              pos=["NOUN", "CCONJ", "PROPN", "PROPN", "VERB", "DET"],
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert subject(doc[4]).text == "Police"


def test_a_letter_from_someone_the_parser_hung_on_its_addressee_speaks_for_its_sender(pipe):
    rec, quotes = _quotes(pipe, (
        "The federal offer, set out last month in a letter to provinces from federal Transport "
        "Minister Odile Brassard, would raise the grant by 4 per cent a year.\n\n"
        "The letter says cities must \"report every quarter\" on the work.\n"))
    q = quotes[-1]
    assert q["speaker"]["text"] == "The letter"
    assert _speaker_name(rec, q) == "Odile Brassard"


def test_an_offices_report_speaks_for_the_office_named_before(pipe):
    """"the budget officer's report": the office named earlier whose name ends in the noun
    and holds its qualifier (an organisation, not a person)."""
    rec, quotes = _quotes(pipe, (
        "The Provincial Budget Officer reviewed the fund this spring.\n\n"
        "Critics cited the budget officer's report, tabled last week. The report said the "
        "fund had approved fewer than 200 projects.\n"))
    q = quotes[-1]
    assert q["speaker"]["text"] == "The report"
    assert _speaker_name(rec, q) == "Provincial Budget Officer"


@pytest.mark.parametrize("body", ["office", "campaign"])
def test_a_persons_office_speaks_for_the_person(pipe, body):
    """"Brassard's office said": the minister's own office speaks for her, not for a body
    the tagger found in her title ("Health")."""
    rec, quotes = _quotes(pipe, (
        "Federal Health Minister Odile Brassard sent the offer in March.\n\n"
        f"In a statement, Brassard's {body} said the offer was \"generous and fair.\"\n"))
    q = quotes[-1]
    assert q["speaker"]["text"] == f"Brassard's {body}"
    assert _speaker_name(rec, q) == "Odile Brassard"


def test_a_statement_after_an_unnamed_spokesperson_is_the_bodys(pipe):
    """"In a statement, a spokesperson for Santé Mauricie said ..." then "the statement
    said": the body the spokesperson speaks for (a name after "a spokesperson for" is a
    body's, whatever the tagger made of it)."""
    rec, quotes = _quotes(pipe, (
        "In a statement, a spokesperson for Santé Mauricie said the patients would be "
        "\"prioritized\" for appointments.\n\n"
        "\"No patient will be left without care,\" the statement said.\n"))
    first, last = quotes
    assert first["speaker"]["affiliation"]["name"] == "Santé Mauricie"
    assert last["speaker"]["text"] == "the statement"
    assert _speaker_name(rec, last) == "Santé Mauricie"


def test_a_statement_whose_issuer_is_a_description_speaks_for_that_description(pipe):
    """"In a statement, the college said ... The statement noted ...": the college, a phrase
    naming no entity, is who the statement speaks for; nothing named is guessed."""
    rec, quotes = _quotes(pipe, (
        "Students marched across the campus on Monday to protest a fee increase.\n\n"
        "In a statement released after the vote, the college said the board would revisit the "
        "fees in April.\n\n"
        "The statement noted that fees remain below the provincial average.\n"))
    last = next(q for q in quotes if q["content"]["text"].startswith(("fees remain", "that fees")))
    assert last["speaker"]["text"] == "The statement"
    assert last["speaker"]["entity"] is None
    assert last["speaker"]["name"] == "the college"
    assert last["speaker"]["resolved"]["how"] == "document"
    assert last["speaker"]["resolved"]["from"]["text"] == "the college"


def test_a_ruling_speaks_for_whoever_issued_the_decision(pipe):
    """One document written as "the decision" and then "the ruling": the ruling is the
    board's, found where the article called it the board's decision."""
    rec, quotes = _quotes(pipe, (
        "The Prairie Labour Relations Board released its decision on Thursday after a "
        "two-year hearing.\n\n"
        "Drivers gathered outside the depot to celebrate. The board's decision is the first of "
        "its kind in the province.\n\n"
        "The company must post the order in every depot within ten days, according to the "
        "ruling.\n"))
    q = next(q for q in quotes if "post the order" in q["content"]["text"])
    assert q["speaker"]["text"] == "the ruling"
    assert _speaker_name(rec, q) == "Prairie Labour Relations Board"


def test_a_report_card_names_its_untagged_issuer(pipe):
    """"a report card published by the Réseau québécois pour l'enfance": a compound of a
    document noun is a document, and its issuer's proper name is the speaker's name even
    where the tagger tagged no part of it, or only a word."""
    rec, quotes = _quotes(pipe, (
        "One in six children in the region lives in poverty, according to a report card "
        "published Tuesday by the Réseau québécois pour l'enfance.\n\n"
        "\"The tools have not kept pace with the cost of food,\" the report card says.\n"))
    q = next(q for q in quotes if q["content"]["text"].startswith('"The tools'))
    assert q["speaker"]["text"] == "the report card"
    assert q["speaker"]["name"] == "Réseau québécois pour l'enfance"
    assert q["speaker"]["resolved"]["how"] == "document"


@pytest.mark.parametrize("text, name", [
    ('"The rebate works," said Odile Brassard, policy director at the Green Valleys Alliance, '
     "who urged Ottawa to print the amount on every receipt.", "Odile Brassard"),
    ("Next to speak was Tomas Riedel, director of emergency operations for the Kettle River "
     "Regional District, who said the order covers about 480 properties.", "Tomas Riedel"),
])
def test_who_after_a_persons_role_at_a_body_is_the_person(pipe, text, name):
    """The parser hangs "who" on the body the person's role names; "who" is the person."""
    rec, quotes = _quotes(pipe, text)
    q = next(q for q in quotes if q["speaker"]["text"] == "who")
    assert _speaker_name(rec, q) == name


def test_who_hung_on_the_street_in_a_persons_role_is_the_person(pipe):
    """"Doreen Kaplan-Ward, a retired nurse from Alberta Avenue, who told councillors": the
    parser hangs "who" on the street (and the tagger may call the street a person); "who" is
    the woman the role is in apposition to, named or not by the tagger, never the street."""
    rec, quotes = _quotes(pipe, (
        "Next was Doreen Kaplan-Ward, a retired nurse from Alberta Avenue, who told councillors "
        "the city's crisis teams answer calls faster.\n"))
    q = next(q for q in quotes if q["speaker"]["text"] == "who")
    assert q["speaker"]["name"] == "Doreen Kaplan-Ward"
    assert "Avenue" not in (_speaker_name(rec, q) or "")
