"""A question put to someone by an unnamed asker (a reporter) is no quote of the one asked:
'When asked whether ...', 'Asked if ...', 'Pressed on whether ...', 'She was asked whether
...', '"...?" she was asked'.  Her answer stays her quote; a question whose asker is the
cue's subject ('Reporters asked whether ...', 'Councillor Brandt asked whether ...') or its
'by' agent stays that asker's report.  Real parser, hand-written sentences."""
from __future__ import annotations

from test_quotes import run, speaker_name


def contents(rec) -> list[str]:
    return [q["content"]["text"] for q in rec.quotes]


def speakers(rec) -> dict[str, str | None]:
    return {q["content"]["text"]: (q["speaker"] or {}).get("text") for q in rec.quotes}


def test_when_asked_whether_gives_only_the_answer():
    rec = run("Nadia Okafor is the mayor. When asked whether the plan would fail, Okafor said "
              "it would not.")
    assert speakers(rec) == {"it would not": "Okafor"}


def test_a_bare_participle_question_is_no_quote():
    rec = run("Rachel Tremblay is a city councillor. Asked if she would run again, Tremblay smiled.")
    assert contents(rec) == []
    rec = run("Rachel Tremblay is a city councillor. Asked if she would run again, Tremblay said "
              "she had not decided.")
    assert speakers(rec) == {"she had not decided": "Tremblay"}


def test_pressed_on_whether_gives_only_the_answer():
    rec = run("Tom Hale runs the agency. Pressed on whether the agency would cut jobs, he said no "
              "decision had been made.")
    assert contents(rec) == ["no decision had been made"]


def test_a_passive_question_is_no_quote_of_its_subject():
    assert contents(run("Lena Voss leads the union. She was asked whether the strike would "
                        "continue.")) == []
    assert contents(run("Lena Voss leads the union. Voss was asked about the strike's cost but "
                        "declined to comment.")) == []
    rec = run("The minister was asked if the ferry would run in winter, and said the decision "
              "lay with the province.")
    assert contents(rec) == ["the decision lay with the province"]


def test_a_quoted_question_put_to_her_is_not_hers_but_her_answer_is():
    rec = run('Lena Voss leads the union.\n\n"Will the strike end soon?" she was asked.\n\n'
              '"Not before spring. We will hold out as long as it takes."')
    assert not any("end soon" in c for c in contents(rec))
    answer = [q for q in rec.quotes if "Not before spring" in q["content"]["text"]]
    assert len(answer) == 1 and speaker_name(rec, answer[0]) == "Lena Voss"


def test_a_question_with_its_asker_as_subject_stays_a_report():
    rec = run("Councillor Ada Brandt asked whether the budget included money for the library.")
    assert len(rec.quotes) == 1
    assert rec.quotes[0]["content"]["text"] == "whether the budget included money for the library"
    assert speaker_name(rec, rec.quotes[0]) == "Ada Brandt"
    assert speakers(run("Reporters asked whether the minister would resign.")) == {
        "whether the minister would resign": "Reporters"}
    rec = run("When a reporter asked whether the ferry would run, the minister said it would.")
    assert speakers(rec) == {"whether the ferry would run": "a reporter", "it would": "the minister"}


def test_a_question_with_a_named_by_asker_is_the_askers():
    rec = run("Lena Voss leads the union. She was asked by reporters whether the strike would "
              "continue.")
    assert speakers(rec) == {"whether the strike would continue": "reporters"}


def test_a_question_under_the_answers_verb_leaves_the_answer_hers():
    rec = run('Lena Voss leads the union.\n\n"Not before spring," she answered when asked '
              'whether the strike would end.')
    assert speakers(rec) == {'"Not before spring,"': "she"}
    rec = run('Lena Voss leads the union.\n\n"Not before spring," she laughed, when asked about '
              'the strike.')
    assert [q["content"]["text"] for q in rec.quotes] == ['"Not before spring,"']
    assert speaker_name(rec, rec.quotes[0]) == "Lena Voss"
