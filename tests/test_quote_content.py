"""A reported clause's extent (issue 15, 'who said it'): a verb the parser joined to the cue
that carries its own auxiliary continues the report, a refusal in the cue's past and a
participle of pointing to evidence end it, an adverb before 'that' is the saying's, a
speaker the parser hung on the phrase opening the sentence still speaks, a subject set off by
commas is no object of the cue, 'called on X to ...' keeps X, a colon after the clause says
what it is, a verb inside a reported clause introduces no quote, 'according to X, adding ...'
ends at the participle, 'quoted X as saying', 'asked anyone with information to ...', a
closing 'as' clause is the author's, and a list the parser broke off the clause runs on.  Real
parser, invented sentences."""
from __future__ import annotations

from conftest import quotes_of, speaker_name


def contents(pipe, text: str) -> list[str]:
    return [q["content"]["text"] for q in quotes_of(pipe, text)[1]]


def test_a_verb_with_its_own_auxiliary_continues_the_report(quote_pipe):
    got = contents(quote_pipe, 'In a statement, the bakery said it was "deeply sorry" and was working '
                               '"around the clock" with the council.')
    assert got == ['it was "deeply sorry" and was working "around the clock" with the council']
    got = contents(quote_pipe, 'The ministry said it was "very concerned" and was working "closely" '
                               'with the province.')
    assert got == ['it was "very concerned" and was working "closely" with the province']


def test_a_backshifted_modal_clause_continues_the_report(quote_pipe):
    got = contents(quote_pipe, "Moreau said organizers had booked four new bands for the festival, "
                               "but none would play before August.")
    assert got == ["organizers had booked four new bands for the festival, but none would play before August"]
    got = contents(quote_pipe, "Lindqvist said the city had bought two new snowplows for the east end, "
                               "but neither would arrive before January.")
    assert got == ["the city had bought two new snowplows for the east end, "
                   "but neither would arrive before January"]


def test_a_clause_that_reports_again_is_not_joined(quote_pipe):
    # the narrator's clause about the speakers, itself a report, stays out of the first content
    got = contents(quote_pipe, "The fact-checkers concluded that the senator's figure was accurate, "
                               "but they could not resist pointing out that the trend had reversed.")
    assert all("could not resist" not in c for c in got), got


def test_a_refusal_in_the_cues_past_ends_a_present_report(quote_pipe):
    got = contents(quote_pipe, "The driver's lawyer, reached by phone, said his client intends to fight "
                               "the charge and declined to comment further.")
    assert got == ["his client intends to fight the charge"]


def test_a_refusal_in_the_reports_own_tense_stays(quote_pipe):
    got = contents(quote_pipe, "Officers said the man ran toward them and refused to stop.")
    assert got == ["the man ran toward them and refused to stop"]


def test_pointing_to_evidence_is_the_speakers_act(quote_pipe):
    got = contents(quote_pipe, 'The coach said his team had "every chance" to win the game, pointing '
                               'to three penalties in the final period.')
    assert got == ['his team had "every chance" to win the game']


def test_citing_is_the_speakers_act(quote_pipe):
    got = contents(quote_pipe, "The mill's owner said sales had fallen for a third year, citing cheaper "
                               "imports from overseas.")
    assert got == ["sales had fallen for a third year"]


def test_said_only_that(quote_pipe):
    got = contents(quote_pipe, "The regulator said only that it was aware of the complaint.")
    assert got == ["that it was aware of the complaint"]


def test_a_speaker_hung_on_the_opening_phrase_still_speaks(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, "In a letter to parents seen by the Herald, the principal, "
                                        "Dana Whitcombe, said the gym would stay closed until March.")
    assert [q["content"]["text"] for q in quotes] == ["the gym would stay closed until March"]
    assert speaker_name(rec, quotes[0]) == "Dana Whitcombe"


def test_a_speaker_with_a_relative_clause_after_an_opening_phrase(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, "Speaking by phone from the border town, a volunteer who asked "
                                        "not to be named said the shelter had run out of blankets.")
    assert [q["content"]["text"] for q in quotes] == ["the shelter had run out of blankets"]
    assert quotes[0]["speaker"]["text"].startswith("a volunteer")


def test_a_subject_set_off_by_commas_is_no_object_of_the_cue(quote_pipe):
    got = contents(quote_pipe, 'Marchetti said the club\'s attendance, up 12 per cent from last season, '
                               'was "only the beginning."')
    assert len(got) == 1 and got[0].startswith("the club's attendance, up 12 per cent"), got


def test_called_on_someone_to_act(quote_pipe):
    got = contents(quote_pipe, "The union leader called on the provincial government to reopen the "
                               "rural clinics before winter.")
    assert got == ["the provincial government to reopen the rural clinics before winter"]


def test_a_colon_after_the_reported_clause_says_what_it_is(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, "Castellanos said he intends to keep one thing: the old brass "
                                        "bell that has hung by the door since 1962.")
    assert [q["content"]["text"] for q in quotes] == [
        "he intends to keep one thing: the old brass bell that has hung by the door since 1962"]


def test_a_verb_inside_a_reported_clause_introduces_no_quote(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, 'The retailers\' association said in a statement that stores already '
                                        'run on thin margins and that the rule would add "costs that '
                                        'shoppers will end up paying."')
    assert len(quotes) == 1
    assert quotes[0]["content"]["text"].startswith("that stores already run on thin margins")
    assert quotes[0]["content"]["text"].endswith('shoppers will end up paying."')


def test_according_to_then_a_participle_of_the_author(quote_pipe):
    got = contents(quote_pipe, "Children who slept less than seven hours were twice as likely to miss "
                               "school, according to a survey released Monday, adding to concerns "
                               "about screen time.")
    assert got == ["Children who slept less than seven hours were twice as likely to miss school"]


def test_according_to_a_source_keeps_the_subject_after_it(quote_pipe):
    # (the parser may hang that subject on the source as an apposition)
    got = contents(quote_pipe, "According to Transport Department figures, the number of cyclists "
                               "on the bridge who rode every day rose to 4,000 last spring.")
    assert got == ["the number of cyclists on the bridge who rode every day rose to 4,000 last spring"]


def test_quoted_as_saying(quote_pipe):
    rec, quotes = quotes_of(quote_pipe, "The local radio station quoted a fisherman, Tomas Reyes, as "
                                        "saying the catch was the smallest in 30 years.")
    assert [q["content"]["text"] for q in quotes] == ["the catch was the smallest in 30 years"]
    assert speaker_name(rec, quotes[0]) == "Tomas Reyes"


def test_asked_anyone_with_information_to(quote_pipe):
    got = contents(quote_pipe, "The Halton Police Service asked anyone with information to contact its "
                               "major crime unit.")
    assert got == ["anyone with information to contact its major crime unit"]
    got = contents(quote_pipe, "The fire department asked anyone with video of the blaze to contact "
                               "its investigators.")
    assert got == ["anyone with video of the blaze to contact its investigators"]


def test_a_closing_as_clause_is_the_authors_context(quote_pipe):
    got = contents(quote_pipe, "Northfield Mining says it will close two of its pits next year, as the "
                               "company cuts costs in response to falling copper prices.")
    assert got == ["it will close two of its pits next year"]


def test_an_elliptical_as_comparison_stays(quote_pipe):
    got = contents(quote_pipe, "The senator said her bill would not raise the deficit, as the other "
                               "plan would.")
    assert got == ["her bill would not raise the deficit, as the other plan would"]


def test_adding_a_thing_to_something_is_no_new_report(quote_pipe):
    got = contents(quote_pipe, "The weather office said temperatures would stay high, adding meltwater "
                               "to the rivers.")
    assert got == ["temperatures would stay high, adding meltwater to the rivers"]


def test_a_list_the_parser_broke_off_the_clause_runs_on(quote_pipe):
    got = contents(quote_pipe, "Elders of the Sto:lo Nation say the dam destroyed their fishery, their food "
                               "sources and the burial sites along the shore.")
    assert got == ["the dam destroyed their fishery, their food sources and the burial sites along the shore"]
    got = contents(quote_pipe, "Residents of the valley say the fire destroyed their homes, their barns and "
                               "the orchards along the road.")
    assert got == ["the fire destroyed their homes, their barns and the orchards along the road"]


def test_a_backshifted_have_continues_the_report(quote_pipe):
    got = contents(quote_pipe, 'Manitoba\'s Minister of Families and Communities, Dana Okoro, said she was '
                               '"following the talks closely" but had no plans to intervene.')
    assert got == ['she was "following the talks closely" but had no plans to intervene']
    got = contents(quote_pipe, 'The federal Minister of Labour, Anita Ross, said she was "following the '
                               'negotiations closely" but had no plans to intervene.')
    assert got == ['she was "following the negotiations closely" but had no plans to intervene']


def test_a_long_attribution_between_two_quoted_sentences_splits_one_quote(quote_pipe):
    text = ('"We warned them in writing, more than once," said one inspector who worked on the bridge '
            'survey, speaking on the condition of anonymity because she still works for the ministry and '
            'was not authorized to speak publicly. "Nobody can say they were not told."\n')
    rec, quotes = quotes_of(quote_pipe, text)
    assert len(quotes) == 1
    assert [text[p["start"]:p["end"]] for p in quotes[0]["parts"]] == [
        '"We warned them in writing, more than once,"', '"Nobody can say they were not told."']


def test_a_clause_the_parser_hung_on_the_one_told_is_what_was_told(quote_pipe):
    """'told the inquest (that) the company had ...': the parser may read the reported clause
    as a clause on "inquest"; after a verb whose object is the one told, it is the report.
    A relative clause with a gap ('anything it doesn't already know') is none, nor a clause
    on the object of a verb that does not address anyone."""
    text = ("The plant's safety manager, Oskar Lindahl, told the inquest the company had installed "
            "new fans in every bay.")
    rec, got = quotes_of(quote_pipe, text)
    assert [q["content"]["text"] for q in got] == ["the company had installed new fans in every bay"]
    assert speaker_name(rec, got[0]) == "Oskar Lindahl"
    got = contents(quote_pipe, "Oskar Lindahl told the inquest that the company had installed new fans.")
    assert got == ["that the company had installed new fans"]
    assert contents(quote_pipe, "They would not tell the regulator anything it does not already know.") == []
    assert contents(quote_pipe, "The campaign would do well to court older voters, emphasizing the "
                                "fundamental threat to the towns of their parents that a Morrow "
                                "presidency would constitute.") == []
