"""Quotes: each form the issue lists, on small hand-written articles (real parser)."""
from __future__ import annotations

import pytest

import unspun
import unspun.pipeline.quotes  # noqa: F401  (registers the component)
import unspun.pipeline.voice  # noqa: F401
from unspun.record import check_spans

COMPONENTS = ("segment", "dateline", "agencies", "entities", "quotes", "voice")


def run(text: str):
    rec = unspun.analyze(text, components=COMPONENTS)
    assert check_spans(rec) == []
    return rec


def quote_with(rec, fragment: str):
    found = [q for q in rec.quotes if fragment in q["content"]["text"]]
    assert found, f"no quote holds {fragment!r}: {[q['content']['text'] for q in rec.quotes]}"
    return found[0]


def speaker_name(rec, quote) -> str | None:
    sp = quote["speaker"]
    if sp is None or sp["entity"] is None:
        return None
    return rec.entity(sp["entity"])["name"]


def test_direct_quote_with_cue_after():
    rec = run('Anna Petrova is the mayor of Riga.\n\n"We will open the bridge in May," Petrova said.')
    q = quote_with(rec, "open the bridge")
    assert q["kind"] == "direct"
    assert q["content"]["text"] == '"We will open the bridge in May,"'
    assert q["cue"]["text"] == "said"
    assert q["speaker"]["text"] == "Petrova"
    assert speaker_name(rec, q) == "Anna Petrova"


def test_inverted_attribution_and_curly_marks():
    rec = run("“The talks failed,” said John Miller, a spokesman for the union.")
    q = quote_with(rec, "talks failed")
    assert q["kind"] == "direct"
    assert q["content"]["text"] == "“The talks failed,”"
    assert speaker_name(rec, q) == "John Miller"


def test_quote_split_by_attribution_is_one_quote_in_two_parts():
    rec = run('Peter Holm runs the port.\n\n"The measures," he said, "were no surprise to anyone here."')
    direct = [q for q in rec.quotes if q["kind"] == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert [p["text"] for p in q["parts"]] == ['"The measures,"', '"were no surprise to anyone here."']
    assert speaker_name(rec, q) == "Peter Holm"
    voice = {v["text"]: v["voice"] for v in rec.voice}
    assert voice.get("he said,") == "author"


def test_multi_paragraph_quote_continues_into_next_opening_mark():
    text = ("Maria Lopez spoke at the rally.\n\n"
            "“We came here to be heard. Nobody listened for years.\n\n"
            "“Now they will have to listen,” Lopez said.\n\n"
            "The rally ended at noon.")
    rec = run(text)
    q = quote_with(rec, "We came here")
    assert "Now they will have to listen" in q["content"]["text"]
    assert q["content"]["text"].endswith("listen,”")
    assert speaker_name(rec, q) == "Maria Lopez"
    assert [v["voice"] for v in rec.voice if v["text"].startswith("The rally")] == ["author"]


def test_nested_quote_stays_inside():
    rec = run('"The so-called "elections" were a farce and everyone knows it," Tom Reed said.')
    assert len(rec.quotes) == 1
    assert '"elections"' in rec.quotes[0]["content"]["text"]
    assert rec.quotes[0]["content"]["text"].endswith('knows it,"')


@pytest.mark.parametrize("text", [
    'He said "this is unbalanced and never closes.\n\nNext paragraph "here.',
    '"""""',
    '" " " "',
    "Odd ' marks ’ everywhere ‘ and ” none “ pair.",
    '“Open at the start of the paragraph and never closed, said someone.',
    "‘",
    "The 6' 2\" player said it's fine'.",
])
def test_unbalanced_marks_never_raise(text):
    rec = run(text)
    assert isinstance(rec.quotes, list)
    assert not [w for w in rec.warnings if w["code"] == "W231"]


def test_unclosed_quote_opening_a_paragraph_runs_to_its_end():
    rec = run("Sara Berg said on Monday:\n\n“The plan will fail and we all know why.\n\nThe meeting ended.")
    q = quote_with(rec, "The plan will fail")
    assert q["content"]["text"] == "“The plan will fail and we all know why."
    assert "The meeting" not in q["content"]["text"]


def test_single_quotes_in_a_headline():
    rec = run("Obama: 'We will not back down on climate change'\n\nBarack Obama spoke on Monday.")
    q = quote_with(rec, "We will not back down")
    assert q["kind"] == "direct"
    assert speaker_name(rec, q) == "Barack Obama"
    assert q["cue"]["text"] == ":"


def test_indirect_said_that():
    rec = run("Finance Minister Olaf Brandt said that the budget would be balanced by 2025.")
    q = quote_with(rec, "budget would be balanced")
    assert q["kind"] == "indirect"
    assert q["content"]["text"] == "that the budget would be balanced by 2025"
    assert speaker_name(rec, q) == "Olaf Brandt"


def test_indirect_told_x_the_clause():
    rec = run("Saken Mukan told Trend the measures were a response to provocations.")
    q = quote_with(rec, "the measures were a response")
    assert q["kind"] == "indirect"
    assert q["cue"]["text"] == "told"
    assert "Trend" not in q["content"]["text"]
    assert speaker_name(rec, q) == "Saken Mukan"


def test_according_to_front_and_back():
    rec = run("According to Carlos Ruiz, the factory will close next year.\n\n"
              "Prices rose by ten percent, according to the central bank.")
    front = quote_with(rec, "factory will close")
    assert front["content"]["text"] == "the factory will close next year"
    assert speaker_name(rec, front) == "Carlos Ruiz"
    back = quote_with(rec, "Prices rose")
    assert back["content"]["text"] == "Prices rose by ten percent"
    assert back["cue"]["text"] == "according to"


@pytest.mark.parametrize("sentence, cue, fragment", [
    ("Senator Jane Cole accused the governor of hiding the report.", "accused", "the governor of hiding"),
    ("Senator Jane Cole denied any wrongdoing in the affair.", "denied", "any wrongdoing"),
    ("Senator Jane Cole warned that the dam could break.", "warned", "the dam could break"),
])
def test_indirect_object_verbs(sentence, cue, fragment):
    rec = run(sentence)
    q = quote_with(rec, fragment)
    assert q["kind"] == "indirect"
    assert q["cue"]["text"] == cue
    assert speaker_name(rec, q) == "Jane Cole"


def test_mixed_quote():
    rec = run('Opposition leader Ivan Petrov called the vote "a gross violation" of the law.')
    q = quote_with(rec, "gross violation")
    assert q["kind"] == "mixed"
    assert q["content"]["text"].startswith("the vote")
    assert speaker_name(rec, q) == "Ivan Petrov"


def test_colon_and_dash_introduced_quotes():
    rec = run('Lena Fischer told reporters: "We have no plans to leave the coalition."\n\n'
              'Mark Stone was blunt — "The deal is dead and buried for good."')
    colon = quote_with(rec, "no plans to leave")
    assert colon["kind"] == "direct" and speaker_name(rec, colon) == "Lena Fischer"
    dash = quote_with(rec, "The deal is dead")
    assert dash["kind"] == "direct" and speaker_name(rec, dash) == "Mark Stone"


def test_pronoun_speaker_resolves_to_the_person_named_before():
    text = ("Donald Trump attacked Hillary Clinton on Tuesday.\n\n"
            '"She has no stamina and no plan for the economy," he said.')
    rec = run(text)
    q = quote_with(rec, "no stamina")
    assert q["speaker"]["text"] == "he"
    assert speaker_name(rec, q) == "Donald Trump"


def test_description_speaker_resolves_to_the_described_person():
    text = ("Saken Mukan, a professor at the university, spoke on Monday.\n\n"
            '"The region needs peace more than anything else," the professor said.')
    rec = run(text)
    q = quote_with(rec, "needs peace")
    assert q["speaker"]["text"] == "the professor"
    assert speaker_name(rec, q) == "Saken Mukan"


def test_organisation_description_resolves_to_the_organisation():
    text = ("The New York Times published the documents on Sunday.\n\n"
            "The newspaper said the files showed years of losses.")
    rec = run(text)
    q = quote_with(rec, "the files showed")
    assert speaker_name(rec, q) == "New York Times"


def test_quote_without_evidence_of_speaker_has_null_speaker():
    rec = run('"Nobody expected the storm to hit the coast this hard."\n\nThe storm hit on Monday.')
    q = quote_with(rec, "Nobody expected")
    assert q["speaker"] is None
    assert q["cue"] is None


def test_continued_quote_keeps_its_speaker_across_paragraphs():
    text = ('"The vote was fair," Mayor Ana Silva said.\n\n'
            '"Everyone had a chance to take part in it."')
    rec = run(text)
    q = quote_with(rec, "Everyone had a chance")
    assert "Ana Silva" in speaker_name(rec, q)


def test_scare_quotes_and_titles_are_not_quotes():
    rec = run('The film "Casablanca" was shown at the so-called "festival" last week.')
    assert rec.quotes == []


def test_per_entity_counts():
    text = ('"We will win this seat back," Maria Lopez said.\n\n'
            '"Our voters are ready," she said.\n\nPaul Kim did not comment.')
    rec = run(text)
    lopez = next(e for e in rec.entities if e["name"] == "Maria Lopez")
    assert lopez["quotes"] == 2
    assert lopez["quoted_words"] == 6 + 4
    kim = next(e for e in rec.entities if e["name"] == "Paul Kim")
    assert kim["quotes"] == 0 and kim["quoted_words"] == 0


def test_records_with_quotes_validate_against_schema():
    from unspun.schema import validate_record

    rec = run('"The measures," he said, "were no surprise." Olaf Brandt said that taxes rise.')
    validate_record(rec.to_dict())


def test_pronoun_gender_follows_the_article_when_it_marks_it():
    text = ("Tom Hale met Mrs. Anna Berg on Monday.\n\n"
            '"We agreed on nothing at all today," she said.')
    rec = run(text)
    q = quote_with(rec, "agreed on nothing")
    assert speaker_name(rec, q) == "Anna Berg"


def test_attribution_after_a_full_stop_inside_the_marks():
    rec = run('Olga Ivanova runs the clinic.\n\n"We need more doctors." she told reporters.')
    q = quote_with(rec, "more doctors")
    assert q["kind"] == "direct" and q["cue"]["text"] == "told"
    assert speaker_name(rec, q) == "Olga Ivanova"


def test_relative_pronoun_speaker_resolves_to_the_antecedent():
    import unspun

    rec = unspun.analyze("The mayor met Jane Doe, who said that she would run for the council.")
    [quote] = [q for q in rec.quotes if "would run" in q["content"]["text"]]
    assert quote["speaker"]["text"] == "who"
    assert rec.entity(quote["speaker"]["entity"])["name"] == "Jane Doe"
    assert quote["speaker"]["name"] == "Jane Doe"
