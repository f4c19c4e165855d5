"""Quotes without a cue of their own, unbalanced marks and object-verb contents (issue 15),
on small hand-written articles (real parser)."""
from __future__ import annotations

import pytest

import unspun

from test_quotes import quote_with, run, speaker_name  # the same helpers and components
from conftest import quotes_of


def test_cueless_paragraph_after_a_reported_quote_takes_its_speaker():
    rec = run("Nurses at the clinic stopped work for an hour on Monday.\n\n"
              "Union president Hanna Lindgren said nurses had worked double shifts all winter.\n\n"
              '"Our members are exhausted. Some have not had a day off since Christmas."\n\n'
              "The clinic did not comment.")
    q = quote_with(rec, "Our members are exhausted")
    assert q["kind"] == "direct" and q["cue"] is None
    assert speaker_name(rec, q) == "Hanna Lindgren"
    assert q["speaker"]["resolved"]["how"] == "continuation"


def test_standalone_quote_without_evidence_has_null_speaker_and_a_quoted_voice():
    rec = run("A storm flooded the valley road on Saturday.\n\n"
              "Crews worked through the night to clear the mud.\n\n"
              '"The water came up to the windows in ten minutes. We had nowhere to go."\n\n'
              "The road reopened on Sunday.")
    q = quote_with(rec, "The water came up")
    assert q["speaker"] is None
    voices = {seg["voice"] for seg in rec.voice if "windows" in seg["text"] or "nowhere" in seg["text"]}
    assert voices == {q["id"]}  # its sentences are the quote's voice, not the author's
    assert [seg["voice"] for seg in rec.voice if "reopened" in seg["text"]] == ["author"]


def test_quote_after_someone_elses_named_in_between_is_not_continued():
    rec = run('"We will appeal," said lawyer Ruth Okafor.\n\n'
              "Prosecutor Daniel Meyer said the ruling was fair.\n\n"
              "Reporters waited outside the courthouse until dark.\n\n"
              '"Nobody here expected this verdict at all."')
    assert quote_with(rec, "Nobody here expected")["speaker"] is None


def test_unclosed_mark_at_a_sentence_start_stops_at_its_paragraph_end():
    rec = run('Mayor Lena Holt said the budget was balanced. "We cut nothing that matters.\n\n'
              "The council meets again in March. Councillor Ivo Brandt voted against it.")
    q = quote_with(rec, "We cut nothing")
    assert q["content"]["text"] == '"We cut nothing that matters.'
    assert all("March" not in x["content"]["text"] for x in rec.quotes)


def test_unclosed_quote_meeting_someone_elses_quote_is_split():
    rec = run("The council approved the stadium on Tuesday.\n\n"
              'Mayor Lena Holt said the deal was sound. "We got a share of every ticket.\n\n'
              '"This is a good day for the city," said Coun. Marta Jensen, who also voted for it.')
    first = quote_with(rec, "share of every ticket")
    assert "good day" not in first["content"]["text"]
    second = quote_with(rec, "good day for the city")
    assert second["content"]["text"] == '"This is a good day for the city,"'
    assert speaker_name(rec, second) == "Marta Jensen"


def test_multi_paragraph_quote_after_a_split_attribution_stays_one_quote():
    rec = run('"The road was gone for five months," Chief Ana Torres said on Monday. "Our kids '
              'missed school.\n\n"Today a court said this did not have to happen."')
    q = quote_with(rec, "Our kids missed school")
    assert "did not have to happen" in q["content"]["text"]
    assert q["speaker"]["text"].endswith("Ana Torres")


def test_object_verb_contents_keep_the_object_and_the_complement():
    rec = run("Senator Clara Voss urged the ministry to publish the full report before the vote.\n\n"
              "She accused the minister of hiding the cost of the bridge from voters.")
    urged = quote_with(rec, "publish the full report")
    assert urged["content"]["text"] == "the ministry to publish the full report before the vote"
    accused = quote_with(rec, "hiding the cost")
    assert accused["content"]["text"] == "the minister of hiding the cost of the bridge from voters"


@pytest.mark.parametrize("text, content", [
    # a conjoined verb that continues the reported clause stays in it
    ("A spokesperson for the ministry said the department was reviewing the decision and would "
     "not comment further while an appeal was possible.",
     "the department was reviewing the decision and would not comment further while an appeal "
     "was possible"),
    # a finite one of its own is another report
    ("Premier Nora Quist said she would order a full review of the province's computer systems "
     "and warned against hackers from abroad.",
     "she would order a full review of the province's computer systems"),
])
def test_a_conjoined_cue_ends_the_content_only_when_it_is_another_report(text, content):
    assert quote_with(run(text), content[:20])["content"]["text"] == content


def test_reported_content_stays_in_its_paragraph():
    rec = run("Justice Maria Lund wrote that the city had \"every chance to act.\"\n\n"
              '"The letters were all answered. None was acted upon," she wrote.')
    q = quote_with(rec, "every chance to act")
    assert "letters" not in q["content"]["text"]
    assert speaker_name(rec, quote_with(rec, "letters were all answered")) == "Maria Lund"



def test_a_retort_with_its_particle_reports_a_clause():
    rec = run("Councillor Jonas Berg fired back that the plan had never been costed.\n\n"
              "The team fired back in the third period.")
    q = quote_with(rec, "never been costed")
    assert q["content"]["text"] == "that the plan had never been costed"  # as for "said that"
    assert speaker_name(rec, q).endswith("Jonas Berg")
    assert not any("third period" in x["content"]["text"] for x in rec.quotes)


@pytest.mark.parametrize("turn, speaker", [
    ("declined to comment on Tuesday", None),
    ("refused to comment", None),
    ("did not comment on Tuesday", None),
    ("would not comment", None),
    ("rejected that argument", "Councillor Tom Reed"),
])
def test_a_refusal_to_comment_gives_no_speaker_to_the_quote_after_it(turn, speaker):
    """Words are never credited to someone the article says did not speak."""
    text = ("The city's transit director, Maria Lopez, said the contract was fair.\n\n"
            f"Councillor Tom Reed {turn}.\n\n"
            '"This deal was rushed through and nobody read it."\n\nResidents packed the hall.')
    rec = unspun.analyze(text)
    [quote] = [q for q in rec.quotes if q["kind"] == "direct"]
    assert (quote["speaker"] or {}).get("text") == speaker


@pytest.mark.parametrize("before, narration, quote, person, found_at", [
    ("The bakery on Elm Street turned 20 this week.",
     "Sandra Wu opened it in 2006, a year after the mill where she worked closed.",
     "It was the only thing I knew how to do. I still get up at four.", "Sandra Wu", "Sandra Wu"),
    ("Marcus Bell has coached the team for eleven seasons.",  # narrated by a pronoun
     "Last spring he nearly quit after his father fell ill.",
     "I thought about walking away every single day that spring.", "Marcus Bell", "he"),
    ("Sandra Wu sold the bakery on Elm Street last month.",  # a sentence opening on her with 'for'
     "For Wu, the sale ends twenty years of alarms set for four in the morning.",
     "Tomorrow I sleep in. I have not done that since 2006.", "Sandra Wu", "Wu"),
])
def test_quote_opening_a_paragraph_after_narration_takes_its_subject(before, narration, quote,
                                                                     person, found_at):
    """The person the paragraph before ends narrating speaks the cue-less quote after it."""
    rec = run(f'{before}\n\n{narration}\n\n"{quote}"\n\nThe next meeting is on Friday.')
    q = quote_with(rec, quote[:20])
    assert speaker_name(rec, q) == person
    assert q["speaker"]["resolved"]["how"] == "narrative"
    assert rec.text[q["speaker"]["resolved"]["from"]["start"]:].startswith(found_at)


@pytest.mark.parametrize("narration", [
    "Sandra Wu did not answer questions about the sale.",
    "Sandra Wu declined to discuss the sale.",
    "The sale closed on Friday.",  # a thing, not a person
    "For the neighbourhood, the sale ends twenty years of fresh bread.",  # 'for' a place
])
def test_no_narrative_speaker_without_a_person_who_speaks(narration):
    rec = run("The bakery on Elm Street was sold this week.\n\n"
              f"{narration}\n\n"
              '"Nobody on this street wanted it to end like that."\n\n'
              "The new owners take over in May.")
    assert quote_with(rec, "Nobody on this street")["speaker"] is None


def test_quote_after_narration_in_its_own_paragraph_takes_the_person_narrated():
    """'Her husband, Robert Tan, shook his head. "..."': the quote opening the sentence after
    one whose subject (or the name in apposition to it) is a person is that person's; a quote
    inside someone else's sentence is not."""
    rec = run("Shoppers picked through the clearance tables on Monday.\n\n"
              'Marisol Tan, 62, bought a lamp. Her husband, Robert Tan, shook his head. '
              '"Everything closes now. Everything goes online."\n\n'
              'The chain sold its tables, "the last of the stock," to a liquidator.')
    q = quote_with(rec, "Everything closes now")
    assert speaker_name(rec, q) == "Robert Tan" and q["speaker"]["resolved"]["how"] == "narrative"
    assert all(q["speaker"] is None for q in rec.quotes if "the last of the stock" in q["content"]["text"])


@pytest.mark.parametrize("repeated, speaker", [
    ("The water took everything. The trails, the camp. Gone,\" Alfred Spence says.", "Alfred Spence"),
    ("The river is low this year,\" Alfred Spence says.", None),  # other words: no evidence
])
def test_a_headline_quote_takes_the_speaker_of_the_same_words_in_the_body(repeated, speaker):
    rec = run("'The water took everything': Cree Nation takes utility to court over flood\n\n"
              "By Lee Park\n\n"
              "The First Nation filed its claim on Monday.\n\n"
              f'"{repeated}\n\nThe utility said it would respond in court.')
    head = rec.quotes[0]
    assert head["content"]["start"] == 0 and head["cue"] is None
    if speaker is None:
        assert head["speaker"] is None
    else:
        assert head["speaker"]["name"] == speaker and head["speaker"]["resolved"]["how"] == "echo"


@pytest.mark.parametrize("text, how", [
    ("'Tonight we cry again': community mourns\n\nThe vigil was held on Sunday.\n\n"
     '"Tonight we cry again, and tomorrow we act," said Rev. Jean Desir.', "echo"),
    ("Sandra Wu opened the bakery in 2006.\n\n\"It was the only thing I knew.\"\n\nIt employs six.",
     "narrative"),
    ('"It\'s like losing the church." That was how one volunteer, Ana Ruiz, put it.', "following"),
    ('Ana Ruiz said the hall would close. "We tried everything."\n\n"Nobody listened to us."',
     "continuation"),
])
def test_resolved_cueless_speakers_validate_against_the_schema(text, how):
    from unspun.schema import validate_record
    rec = run(text)
    assert how in {(q["speaker"] or {}).get("resolved", {}).get("how") for q in rec.quotes}
    validate_record(rec.to_dict())


@pytest.mark.parametrize("next_paragraph", [
    "Orla Brennigan laughs at her own line, sitting in a café near the rink, but she isn't joking.",
    "Orla Brennigan shouted it into a megaphone on Saturday, and the crowd cheered.",
    "Orla Brennigan said it twice on Saturday, to make sure the crowd heard.",
])
def test_an_opening_quote_is_the_person_the_next_paragraph_introduces_pointing_back(
        quote_pipe, next_paragraph):
    text = ("Skater returns to the ice\n\nBy Lee Park\n\n"
            "\"I never missed the racing. I missed the cold.\"\n\n"
            f"{next_paragraph}\n\nThe season opens in November.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    opening = next(q for q in quotes if q["content"]["text"].startswith('"I never missed'))
    assert opening["speaker"] is not None and opening["speaker"]["text"] == "Orla Brennigan"
    assert opening["speaker"]["resolved"]["how"] == "following"


def test_a_quote_standing_alone_before_a_paragraph_not_about_it_has_no_speaker(quote_pipe):
    """'Coach X has coached the team for a decade' introduces someone but says nothing of
    the quote before it: no evidence, so no speaker."""
    text = ("Arena closes for the winter\n\n"
            "Parents said they would now drive 45 minutes to the next town for practices.\n\n"
            "\"Three times a week, in January, on those roads.\"\n\n"
            "Coach Piet Vandersloot has coached the under-13 team for a decade.\n")
    rec, quotes = quotes_of(quote_pipe, text)
    alone = next(q for q in quotes if q["content"]["text"].startswith('"Three times'))
    assert alone["speaker"] is None or "Vandersloot" not in alone["speaker"]["text"]
