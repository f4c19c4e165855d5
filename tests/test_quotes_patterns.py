"""News-writing patterns of reported speech (issue 15): where a quote's content starts and ends.

An attribution set off inside the sentence it reports ('The decision, she said, was
final.'); a live blog's time stamp before the speaker; a quotation that the author's
sentence runs on after ('said "it breaks my heart" every time ...'); a quotation after a
possessive; sentence ends and the abbreviations of ``words.json``.
Real parser, hand-written sentences."""
from __future__ import annotations

import re

import pytest

from test_quotes import run, speaker_name  # the same helpers and components
from unspun.lang import get as get_language
from unspun.pipeline.quotes import sentence_end


def only_quote(rec) -> dict:
    assert len(rec.quotes) == 1, [q["content"]["text"] for q in rec.quotes]
    return rec.quotes[0]


@pytest.mark.parametrize("text, before, after, who", [
    ("The decision, Mayor Ann Cole said on Friday, was final and would not be reviewed.",
     "The decision", "was final and would not be reviewed", "Ann Cole"),
    ("Rents in Halifax have doubled since 2015, housing advocate Luis Ortiz says, "
     "and wages have not kept up.",
     "Rents in Halifax have doubled since 2015", "wages have not kept up", "Luis Ortiz"),
    ("The emails covered many topics, the newspaper said, including budgets and hiring.",
     "The emails covered many topics", "including budgets and hiring", None),
])
def test_an_attribution_inside_the_sentence_splits_its_content(text, before, after, who):
    q = only_quote(run(text))
    assert q["kind"] == "indirect"
    assert [p["text"] for p in q["parts"]] == [before, after]
    assert q["content"]["text"].startswith(before) and q["content"]["text"].endswith(after)
    if who:
        assert speaker_name(run(text), q) == who


def test_a_participle_of_the_cue_after_the_attribution_is_no_content():
    rec = run("Bus fares in Winnipeg will rise by 10 per cent, the transit agency said Tuesday, "
              "citing fuel costs.")
    q = only_quote(rec)
    assert q["content"]["text"] == "Bus fares in Winnipeg will rise by 10 per cent"
    assert "citing" not in q["content"]["text"]


def test_an_attribution_closing_the_sentence_leaves_the_whole_clause():
    q = only_quote(run("The old arena will be torn down next spring, the city said."))
    assert q["content"]["text"] == "The old arena will be torn down next spring"
    assert not q.get("parts")


@pytest.mark.parametrize("stamp", ["4:15 p.m.", "11:40 a.m."])
def test_a_live_blog_time_stamp_is_not_the_speaker(stamp):
    rec = run(f"{stamp} Senator Mark Ellis says he will vote against the budget bill.")
    q = only_quote(rec)
    assert q["content"]["text"] == "he will vote against the budget bill"
    assert speaker_name(rec, q) == "Mark Ellis"


@pytest.mark.parametrize("text, content", [
    ('Premier Dana Holt said "it breaks my heart" every time she visits the clinic.',
     '"it breaks my heart" every time she visits the clinic'),
    ('Coach Amir Haddad told reporters "the wind is at our backs" despite the loss in Moncton.',
     '"the wind is at our backs" despite the loss in Moncton'),
    # inside a 'that' clause, after a comma or a colon
    ('Councillor Ray Dunn warned that whatever voters choose, "they should not choose out of fear."',
     'that whatever voters choose, "they should not choose out of fear."'),
    ('Councillor Ray Dunn said that residents have two choices: "Leave or fight."',
     'that residents have two choices: "Leave or fight."'),
])
def test_a_quotation_inside_the_reported_clause_is_part_of_a_mixed_quote(text, content):
    q = only_quote(run(text))
    assert q["kind"] == "mixed"
    assert q["content"]["text"] == content


@pytest.mark.parametrize("text, content", [
    ('Premier Dana Holt said, "We will win this."', '"We will win this."'),
    ('Premier Dana Holt said "we will win" and left the stage.', '"we will win"'),
])
def test_a_quotation_that_ends_the_report_stays_direct(text, content):
    q = only_quote(run(text))
    assert q["kind"] == "direct"
    assert q["content"]["text"] == content


def test_a_quotation_after_a_possessive_continues_the_reported_clause():
    rec = run('Union leader Rosa Imrie said she admires the nurses’ "courage and patience" during the strike.')
    q = only_quote(rec)
    assert q["kind"] == "mixed"
    assert q["content"]["text"] == 'she admires the nurses’ "courage and patience" during the strike'


def test_sentence_ends_skip_the_abbreviations_of_the_language_data():
    en = get_language("en")
    end = sentence_end(en)
    words = [w for w in en.word_set("abbreviations") if w.isalpha()]
    assert {"mr", "gov", "coun", "maj"} <= set(words)
    for w in words:
        text = f"It was {w.capitalize()}. Reyes who spoke."
        assert not end.search(text), w
    assert [m.end() for m in end.finditer("The vote failed. Reyes left. It ended at 5 p.m. Then rain.")] \
        == [17, 29]
    assert end.search("Turnout fell (again). Then it rose.") is not None
    assert re.search(r"\bJan\b", end.pattern)  # read from the data, not a fixed list


def test_a_title_abbreviation_does_not_cut_the_attribution():
    rec = run('"We will hold the line," said Maj. Ruth Adeyemi, who commands the base.')
    q = only_quote(rec)
    assert q["kind"] == "direct"
    assert speaker_name(rec, q) == "Ruth Adeyemi"


@pytest.mark.parametrize("text, content, who", [
    ("As the Winnipeg Free Press reported, the city spent $4 million on the study.",
     "the city spent $4 million on the study", "Winnipeg Free Press"),
    ("But as the auditor general noted, the province has not met its target since 2019.",
     "the province has not met its target since 2019", None),
])
def test_an_as_clause_attributes_the_sentence_it_opens(text, content, who):
    rec = run(text)
    q = only_quote(rec)
    assert q["content"]["text"] == content
    if who:
        assert speaker_name(rec, q) == who


def test_an_as_clause_set_inside_the_sentence_splits_its_content():
    q = only_quote(run("The province, as the auditor noted, has not met its target since 2019."))
    assert [p["text"] for p in q["parts"]] == ["The province", "has not met its target since 2019"]


def test_a_passive_as_clause_is_no_attribution():
    rec = run("The bylaw, as it is currently written, bans food trucks from the waterfront.")
    assert not any("food trucks" in q["content"]["text"] for q in rec.quotes)


@pytest.mark.parametrize("text, who", [
    ('Mayor Dana Holt seemed calm on Tuesday, telling the crowd, "Some people get carried away, '
     'have you noticed that?"', "Dana Holt"),
    ('Coach Amir Haddad did not look pleased, telling reporters, "We have a lot of work to do."',
     "Amir Haddad"),
])
def test_a_participle_cue_before_a_quotation_speaks_for_the_sentence_subject(text, who):
    rec = run(text)
    q = only_quote(rec)
    assert q["kind"] == "direct"
    assert speaker_name(rec, q) == who


def test_a_verb_of_going_on_after_a_quoted_phrase_is_no_cue():
    rec = run('Mayor Ann Holt joked that she enjoys a good, "peaceful protest every once in a while" '
              'since she went to college in the 1970s.')
    q = only_quote(rec)
    assert q["kind"] == "mixed"
    assert q["content"]["text"].startswith("that she enjoys a good")
    assert q["cue"]["text"] == "joked"


def test_a_verb_of_going_on_after_a_closed_utterance_is_a_cue():
    rec = run('Ann Holt spoke first.\n\n"We will rebuild the arena," she went on.')
    q = only_quote(rec)
    assert q["kind"] == "direct" and q["content"]["text"] == '"We will rebuild the arena,"'


@pytest.mark.parametrize("text, content", [
    ('Finance critic Omar Reyes said the budget was "a disaster" — a charge the minister '
     'rejected on Monday.', 'the budget was "a disaster"'),
    ("Premier Lena Faulk said the province would cap rents — a promise she first made in 2022.",
     "the province would cap rents"),
    # a hyphen between spaces typed for a dash
    ("Premier Lena Faulk said delegates are chosen at the party convention - an even more opaque "
     "process.", "delegates are chosen at the party convention"),
])
def test_a_summing_up_phrase_after_a_dash_is_the_authors(text, content):
    q = only_quote(run(text))
    assert q["content"]["text"] == content


def test_a_phrase_between_dashes_stays_in_the_content():
    rec = run("Premier Lena Faulk said that Mark Ode — a former banker — would lead the review.")
    q = only_quote(rec)
    assert q["content"]["text"] == "that Mark Ode — a former banker — would lead the review"


def test_a_quote_in_doubled_single_marks_is_direct_with_its_attribution():
    rec = run("''Swaps are tricky,'' said Mayor Ann Holt. ''In this case, I am glad it took place.''")
    q = only_quote(rec)
    assert q["kind"] == "direct"
    assert [p["text"] for p in q["parts"]] == ["''Swaps are tricky,''", "''In this case, I am glad it took place.''"]
    assert speaker_name(rec, q) == "Ann Holt"


def test_a_phrase_in_doubled_single_marks_stays_inside_the_reported_clause():
    q = only_quote(run("Mayor Ann Holt said ''it breaks my heart'' every time she visits the clinic."))
    assert q["kind"] == "mixed"
    assert q["content"]["text"] == "''it breaks my heart'' every time she visits the clinic"


@pytest.mark.parametrize("text, first, second", [
    ('"I see lights everywhere," Ann Holt said. The streets were empty, she added, '
     '"but people need to connect somehow."',
     '"I see lights everywhere,"', '"but people need to connect somehow."'),
    ('"It is a hard call," said Paul Okafor, a historian at Dalhousie University. But he added, '
     '"I think the conventional wisdom is wrong."',
     '"It is a hard call,"', '"I think the conventional wisdom is wrong."'),
])
def test_two_attributions_between_quotations_make_two_quotes(text, first, second):
    rec = run(text)
    assert [q["content"]["text"] for q in rec.quotes if q["kind"] == "direct"] == [first, second]
    assert all(not q.get("parts") for q in rec.quotes)


def test_one_attribution_between_quotations_still_splits_one_quote():
    q = only_quote(run('"The measures," said Coun. Ann Holt on Monday, "were no surprise."'))
    assert [p["text"] for p in q["parts"]] == ['"The measures,"', '"were no surprise."']


def test_according_to_inside_the_sentence_splits_its_content():
    rec = run("At the heart of the dispute, according to Dennis Roy, a former mediator, was a "
              "decision by the premier to keep his distance.")
    q = only_quote(rec)
    assert [p["text"] for p in q["parts"]] == ["At the heart of the dispute",
                                              "was a decision by the premier to keep his distance"]
    assert speaker_name(rec, q) == "Dennis Roy"


def test_a_closing_according_to_is_no_part_of_another_report():
    rec = run("Mayor Ann Holt said the bridge would reopen in May, according to a city statement.")
    assert [q["content"]["text"] for q in rec.quotes] == ["the bridge would reopen in May"]


@pytest.mark.parametrize("text, content, who", [
    ("The fare changes, which officials said will take effect in May, will not apply to students.",
     "will take effect in May", "officials"),
    ("He spoke of his daughters, who he said were living in Halifax and starting careers.",
     "were living in Halifax and starting careers", "he"),
])
def test_a_relative_clause_report_is_the_clause_after_its_cue(text, content, who):
    q = only_quote(run(text))
    assert q["content"]["text"] == content
    assert q["speaker"]["text"] == who


def test_what_a_relative_clause_calls_its_noun_stays_no_content():
    rec = run("The final, which coach Dana Wright had called a formality, ended in a 3-0 defeat.")
    assert not any("formality" in q["content"]["text"] for q in rec.quotes)


def test_a_short_quoted_sentence_closing_the_paragraph_continues_the_quote_before():
    rec = run('"He has lived the story of the immigrant," said Javier Ortiz, the president of the '
              'chamber. "Marco gets it."')
    q = only_quote(rec)
    assert [p["text"] for p in q["parts"]] == ['"He has lived the story of the immigrant,"', '"Marco gets it."']
    assert speaker_name(rec, q) == "Javier Ortiz"


def test_a_short_quoted_word_inside_the_authors_sentence_is_no_continuation():
    rec = run('"We won," she said. "Barely." Then she left the hall.')
    assert [q["content"]["text"] for q in rec.quotes] == ['"We won,"']


@pytest.mark.parametrize("text, content", [
    ("Central bank governor Lise Aubin warned of a rise in mortgage defaults among young buyers.",
     "a rise in mortgage defaults among young buyers"),
    ("The nurses' union called for an independent audit of the program.",
     "an independent audit of the program"),
    ("Councillor Ray Dunn accused the mayor of hiding the cost of the arena.",
     "the mayor of hiding the cost of the arena"),
])
def test_an_object_verbs_content_leaves_out_its_leading_preposition(text, content):
    q = only_quote(run(text))
    assert q["content"]["text"] == content


def test_according_to_keeps_its_content_over_a_cue_inside_a_subordinate_clause():
    rec = run("After a reporter asked about it in an interview, the couple became angry once the "
              "cameras were off, according to a source at the station.")
    q = only_quote(rec)
    assert q["cue"]["text"] == "according to"
    assert q["content"]["text"].endswith("the couple became angry once the cameras were off")


def test_according_to_gives_way_to_the_report_it_sources():
    rec = run("According to court documents, the province argued that the contract was void.")
    q = only_quote(rec)
    assert q["cue"]["text"] == "argued"
    assert q["content"]["text"] == "that the contract was void"


@pytest.mark.parametrize("text, content", [
    ("The mayor shook hands and asked workers if they planned to attend the meeting.",
     "if they planned to attend the meeting"),
    ("During an interview this week, the Chronicle asked the candidate if he has been preparing "
     "himself for the possibility that he could win.",
     "if he has been preparing himself for the possibility that he could win"),
])
def test_an_asked_question_is_the_content_not_who_was_asked(text, content):
    q = only_quote(run(text))
    assert q["content"]["text"] == content


@pytest.mark.parametrize("text, content", [
    ('Campaign manager Jeff Weaver called that "beyond preposterous."', 'that "beyond preposterous."'),
    ('Mayor Ann Holt called the plan "a gift to developers."', 'the plan "a gift to developers."'),
])
def test_what_an_object_verb_calls_its_object_in_quotation_marks_is_content(text, content):
    q = only_quote(run(text))
    assert q["kind"] == "mixed"
    assert q["content"]["text"] == content


@pytest.mark.parametrize("title", ["Lt.-Cmdr.", "Maj.-Gen.", "Capt.", "Cst."])
def test_a_compound_or_military_title_before_the_name_is_not_the_speaker(title):
    rec = run(f'"The crew did everything right," said {title} Brennan Aucoin, a spokesperson '
              "for the rescue centre.")
    q = only_quote(rec)
    assert q["speaker"]["text"] == "Brennan Aucoin"
