"""Language: a non-Latin script is never English, however short; short English stays English."""
import pytest

import unspun
from unspun.pipeline.language import identify, main_script, script_counts

NOT_ENGLISH = [
    ("ar", "قال الوزير"),                                   # "the minister said"
    ("ar", "مرحبا بكم في الأخبار"),
    ("ar", "أعلنت الحكومة اليوم عن خطة جديدة."),
    ("ru", "Привет, как дела?"),
    ("ru", "Правительство объявило о новом плане в понедельник."),
    ("hy", "Բարև ձեզ, ինչպես եք"),
    ("hy", "Կառավարությունը հայտարարեց նոր ծրագրի մասին։"),
    ("el", "Καλημέρα σας"),
    ("el", "Η κυβέρνηση ανακοίνωσε νέο σχέδιο τη Δευτέρα."),
    ("zh", "今天的新闻很重要"),
    ("zh", "政府周一宣布了一项新计划。"),
    ("ja", "東京で会議が開かれた"),
    ("he", "הממשלה הודיעה היום על תוכנית חדשה."),
    ("ka", "მთავრობამ ახალი გეგმა გამოაცხადა."),
]

SHORT_ENGLISH = [
    "Trump said.",
    "Hello there.",
    "BREAKING: Fed hikes rates",
    "Police said two people were hurt.",
    "The minister resigned on Monday.",
    "OK.",
]

MIXED_ENGLISH = [
    'Putin told reporters that the phrase "Мы не отступим" meant the army would not retreat, '
    "and the Kremlin said talks would resume on Monday.",
    "The sign over the door read «Добро пожаловать», a welcome the visitors from Washington "
    "did not expect, officials said on Tuesday.",
    "Protesters chanted الشعب يريد outside the embassy in London on Friday, police said, "
    "and several people were arrested after the march.",
    "The Greek word δημοκρατία was on every banner in Athens, where thousands marched against "
    "the new austerity package on Sunday.",
]


@pytest.mark.parametrize("code, text", NOT_ENGLISH)
def test_short_non_latin_text_is_never_english(code, text):
    rec = unspun.analyze(text)
    assert rec.language == code
    assert [w["code"] for w in rec.warnings].count("W201") == 1
    assert "W205" not in [w["code"] for w in rec.warnings]
    assert rec.entities == [] and rec.quotes == []     # English-only components did not run


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_text_stays_english(text):
    rec = unspun.analyze(text)
    assert rec.language == "en"
    assert "W201" not in [w["code"] for w in rec.warnings]


@pytest.mark.parametrize("text", MIXED_ENGLISH)
def test_english_article_quoting_another_script_stays_english(text):
    rec = unspun.analyze(text)
    assert rec.language == "en"
    assert not {"W201", "W205"} & {w["code"] for w in rec.warnings}


def test_script_counts_and_main_script():
    assert main_script(script_counts("Путин said: «Мы не отступим»")) == "CYRILLIC"
    assert main_script(script_counts("Putin said «Мы» on Monday")) == "LATIN"
    assert main_script(script_counts("東京で")) == "HIRAGANA"     # kanji with kana: Japanese
    assert main_script(script_counts("12345 !!! ©")) == ""


def test_text_without_letters_is_undetermined():
    assert identify("12345 — !!!").code == "und"
