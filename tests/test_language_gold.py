"""Language detection on the project's own multilingual set (tests/gold/language/).

Targets from issue 16: for each of en, ru, uk, fr, de, es, tr, az, hy, ar, fa,
accuracy >= 0.95 on texts of 200+ characters and >= 0.85 on 50-199 characters,
counting the language a record gets (an unsure guess is analysed as English).
"""
import pytest

import unspun
from benchload import bench
from unspun.pipeline.language import decide, evidence

_language = bench("language")
TARGETS, load_gold, score = _language.TARGETS, _language.load_gold, _language.score

LANGS = ["en", "ru", "uk", "fr", "de", "es", "tr", "az", "hy", "ar", "fa"]


@pytest.fixture(scope="module")
def hits():
    found, _ = score(load_gold(), lambda text: decide(text).code)
    return found


def test_gold_set_covers_every_language_in_both_bands(hits):
    for code in LANGS:
        assert hits[code, "short"][1] >= 10 and hits[code, "long"][1] >= 7, code


@pytest.mark.parametrize("code", LANGS)
def test_accuracy_per_language_and_band(hits, code):
    for band, floor in TARGETS.items():
        ok, n = hits[code, band]
        assert ok / n >= floor, (code, band, ok, n)


@pytest.mark.parametrize("code, text", [
    ("fr", "Le Premier ministre démissionne après le vote au Sénat"),
    ("es", "El Gobierno aprueba la reforma de las pensiones"),
    ("az", "Prezident Bakıda xarici jurnalistlərlə görüşüb"),
    ("ar", "قال الوزير"),
    ("fa", "وزیر گفت که مذاکرات ادامه دارد"),
    ("uk", "Президент підписав закон про бюджет"),
])
def test_short_headlines_get_their_language(code, text):
    assert unspun.analyze(text).language == code


@pytest.mark.parametrize("text", ["Trump said.", "OK.", "Hello there.", "Macron said on Monday.",
                                  "Paris, Berlin and Madrid agreed."])
def test_short_english_with_foreign_names_stays_english(text):
    assert decide(text).code == "en"


def test_function_word_evidence_counts_words_and_letters():
    assert evidence("der Mann und die Frau", "de") == 3   # der, und, die
    assert evidence("Straße", "de") == 1          # no word, one typical letter
    assert evidence("The cat", "fr") == 0
