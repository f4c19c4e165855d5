"""Language support beyond English: the natasha adapter, the gazetteer, rule-based attribution."""
import pytest

from unspun.langsupport.attribution import Ent, attribute, cluster
from unspun.langsupport.gazetteer import find_places
from unspun.langsupport.natasha_doc import build_doc


def test_doc_from_offsets_keeps_the_text_exactly():
    text = "  МОСКВА, 20 сентября.\n\nМинистр  Сергей Лавров заявил:\t«Да»."
    tokens = [(2, 8), (8, 9), (10, 12), (13, 21), (21, 22), (24, 31), (33, 39), (40, 46),
              (47, 53), (53, 54), (55, 56), (56, 58), (58, 59), (59, 60)]
    doc = build_doc(text, tokens, [(2, 22), (24, 60)], [(2, 8, "LOC"), (33, 46, "PER")])
    assert doc.text == text
    assert [(e.text, e.label_, e.start_char) for e in doc.ents] == [
        ("МОСКВА", "LOC", 2), ("Сергей Лавров", "PER", 33)]
    assert [s.text.strip() for s in doc.sents if s.text.strip()][-1].startswith("Министр")


def test_natasha_doc_offsets_match_the_text():
    pytest.importorskip("natasha")
    from unspun.langsupport.natasha_doc import to_doc

    text = "БАКУ, 5 июня. /Интерфакс/. Министр энергетики Рауф Мамедов прибыл в Рим.\n\nДа."
    doc = to_doc(text)
    assert doc.text == text
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Рауф Мамедов", "PER") in found and ("Рим", "LOC") in found
    for e in doc.ents:
        assert text[e.start_char:e.end_char] == e.text


def _blas_threads():
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_natasha_runs_with_one_blas_thread_and_gives_the_setting_back():
    """The tagger runs with one BLAS thread (small products); threads analysing at once
    share the limit, and the last to finish restores BLAS's own setting."""
    pytest.importorskip("natasha")
    pytest.importorskip("threadpoolctl")
    import threading

    from threadpoolctl import threadpool_limits

    from unspun.langsupport import natasha_doc

    text = "БАКУ, 5 июня. /Интерфакс/. Министр энергетики Рауф Мамедов прибыл в Рим."
    with threadpool_limits(limits=2, user_api="blas"):
        natasha_doc.natasha_spans(text)                    # models loaded
        assert set(_blas_threads()) == {2}
        seen, spans, gate = [], [], threading.Barrier(4)

        def work():
            with natasha_doc.one_blas_thread():
                gate.wait(timeout=30)                        # all four inside at once
                seen.append(set(_blas_threads()))
                spans.append(natasha_doc.natasha_spans(text))
                gate.wait(timeout=30)

        workers = [threading.Thread(target=work) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert seen == [{1}] * 4
        assert set(_blas_threads()) == {2}                 # given back
        assert all(s == spans[0] for s in spans)
        assert ("PER" in {label for _, _, label in spans[0][2]})


@pytest.mark.parametrize("lang, text, places", [
    ("ru", "Соболезнования Анкаре выразили Баку и Москва, из Берлина в Санкт-Петербург.",
     ["Анкаре", "Баку", "Москва", "Берлина", "Санкт-Петербург"]),
    ("uk", "Делегація з Києва прибула до Берліна.", ["Києва", "Берліна"]),
    ("az", "Bakıda və Cenevrədə görüşlər keçirilib.", ["Bakıda", "Cenevrədə"]),
    ("tr", "Van'da ve Cenevre'de toplantı yapıldı.", ["Van", "Cenevre"]),
    ("hy", "ԺՆԵՎ. Նախարարները Ժնևում են, իսկ Թուրքիայի պատվիրակությունը՝ Երևանում։",
     ["ԺՆԵՎ", "Ժնևում", "Թուրքիայի", "Երևանում"]),
    ("ar", "وصل الوزير إلى باكو وبرلين", ["باكو", "برلين"]),
    ("de", "Die Gespräche in Genf und Berlin gehen weiter.", ["Genf", "Berlin"]),
])
def test_gazetteer_finds_inflected_place_names(lang, text, places):
    assert [p.text for p in find_places(text, lang)] == places


def test_a_surname_that_is_also_a_town_is_no_place():
    text = "Губернатор края Андрей Соколов прибыл в Краснодар."
    assert [p.text for p in find_places(text, "ru")] == ["Краснодар"]


def _sents(text):
    """Sentences ending at '. ' (as a sentencizer would cut these test texts)."""
    out, start = [], 0
    for i in range(len(text)):
        if text[i] == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append((start, i + 1))
            start = i + 2
    return out or [(0, len(text))]


def _quotes(text, ents, lang, sents=None):
    sents = sents or _sents(text)
    return [(q.kind, text[q.content[0]:q.content[1]],
             text[q.speaker[0]:q.speaker[1]] if q.speaker else None)
            for q in attribute(text, sents, [Ent(*e) for e in ents], lang)]


def _ent(text, name, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return (start, start + len(name), label)


def test_russian_direct_quote_with_speaker_after_the_dash():
    text = "«Мы готовы к диалогу», — заявил министр Сергей Лавров."
    got = _quotes(text, [_ent(text, "Сергей Лавров", "PER")], "ru")
    assert got == [("direct", "«Мы готовы к диалогу»", "Сергей Лавров")]


def test_russian_pronoun_speaker_and_po_slovam():
    text = "Глава МИД Сергей Лавров прибыл в Анкару. «Это важный шаг», — сказал он. " \
           "По его словам, переговоры продолжатся завтра."
    ents = [_ent(text, "Сергей Лавров", "PER"), _ent(text, "Анкару", "LOC")]
    got = attribute(text, _sents(text), [Ent(*e) for e in ents], "ru")
    assert [(q.kind, text[q.speaker[0]:q.speaker[1]]) for q in got] == [("direct", "он"), ("indirect", "его")]
    assert all(q.mentions == [ents[0][:2]] for q in got)      # both resolved to Lavrov


def test_dialogue_dash_line_is_a_quote():
    text = "— Правительство игнорирует наши предупреждения, — сказала Софи Маршан."
    got = _quotes(text, [_ent(text, "Софи Маршан", "PER")], "ru")
    assert got == [("direct", "Правительство игнорирует наши предупреждения", "Софи Маршан")]


def test_french_forms():
    text = ("Selon Aram Sarkissian, les deux pays ont convenu de créer des commissions. "
            "« Nous n'attendions pas de résultat rapide », a-t-il dit. "
            "Plus de 200 bâtiments ont été endommagés, a-t-il précisé.")
    got = _quotes(text, [_ent(text, "Aram Sarkissian", "PER")], "fr")
    assert got == [("indirect", "les deux pays ont convenu de créer des commissions", "Aram Sarkissian"),
                   ("direct", "« Nous n'attendions pas de résultat rapide »", "il"),
                   ("indirect", "Plus de 200 bâtiments ont été endommagés", "il")]


def test_a_name_in_quote_marks_without_a_verb_is_no_quote():
    text = "Хакеры атаковали сеть клиники «Шарите» в Берлине."
    assert _quotes(text, [_ent(text, "Берлине", "LOC")], "ru") == []


def test_speaker_without_a_model_is_the_capitalised_name_beside_the_verb():
    text = 'AFAD sözcüsü Mehmet Yıldız, "Arama çalışmaları sürüyor" dedi.'
    assert _quotes(text, [], "tr") == [("direct", '"Arama çalışmaları sürüyor"', "Mehmet Yıldız")]


def test_arabic_speaker_is_the_name_before_the_colon():
    text = "وقال المتحدث باسم الشرطة توماس بيكر: \"لم تتم سرقة بيانات المرضى\"."
    assert _quotes(text, [], "ar") == [("direct", "\"لم تتم سرقة بيانات المرضى\"", "توماس بيكر")]


def test_inflected_mentions_cluster_into_one_person():
    text = "Арам Саркисян прибыл. По словам Саркисяна, всё хорошо."
    ents = cluster(text, [Ent(*_ent(text, "Арам Саркисян", "PER")), Ent(*_ent(text, "Саркисяна", "PER"))])
    assert ents[0].cluster == ents[1].cluster


@pytest.mark.parametrize("lang, text, place, agency", [
    ("ru", "МОСКВА, 20 сентября. /ТАСС/. Правительство одобрило законопроект.", "МОСКВА", "ТАСС"),
    ("ru", "ЖЕНЕВА, 2 ноября — РИА Новости. Министры встретились.", "ЖЕНЕВА", "РИА Новости"),
    ("fr", "PARIS (AFP) - Le gouvernement a présenté un projet.", "PARIS", "AFP"),
    ("fr", "BAKOU, 5 juin (Reuters) - L'accord a été signé.", "BAKOU", "Reuters"),
    ("az", "Bakı, 2 noyabr, AZƏRTAC. Görüş keçirilib.", "Bakı", "AZƏRTAC"),
    ("hy", "ԺՆԵՎ, 2 նոյեմբերի. /Արմենպրես/. Նախարարները հանդիպել են։", "ԺՆԵՎ", "Արմենպրես"),
    ("es", "PARÍS, 12 ago (EFE).- Un incendio forestal.", "PARÍS", "EFE"),
    ("fa", "آنکارا - ایرنا - زلزله‌ای استان وان را لرزاند.", "آنکارا", "ایرنا"),
    ("ar", "أنقرة (رويترز) - قتل تسعة أشخاص.", "أنقرة", "رويترز"),
])
def test_datelines_in_the_regions_house_styles(lang, text, place, agency):
    from unspun.langsupport.dateline import find_dateline

    d = find_dateline(text, lang)
    assert text[d.place[0]:d.place[1]] == place and text[d.agency[0]:d.agency[1]] == agency


@pytest.mark.parametrize("lang, text", [("az", "Bakı və Yerevan arasında danışıqlar davam edir."),
                                        ("fr", "Moscou et Paris ont signé un accord."),
                                        ("ru", "Путин заявил, что Москва готова.")])
def test_an_opening_place_without_date_or_agency_is_no_dateline(lang, text):
    from unspun.langsupport.dateline import find_dateline

    assert find_dateline(text, lang) is None


def test_agencies_in_any_language_get_their_canonical_name():
    from unspun.langsupport.dateline import find_agencies

    text = "сообщает Интерфакс; informa Europa Press; قالت رويترز"
    assert [a.name for a in find_agencies(text)] == ["Interfax", "Europa Press", "Reuters"]


def _techniques(text, lang, quotes=()):
    from unspun.langsupport.techniques import detect

    return [(h.label, text[h.start:h.end], h.voice) for h in detect(text, _sents(text), list(quotes), lang)]


def test_russian_distancing_and_labels_from_the_lexicon():
    text = "Так называемые власти провели «выборы». Самопровозглашенной республикой правит хунта."
    got = _techniques(text, "ru")
    assert ("Doubt", "«выборы»", "author") in got
    assert ("Doubt", "Так называемые власти", "author") in got
    assert ("Name_Calling-Labeling", "Самопровозглашенной республикой", "author") in got
    assert ("Name_Calling-Labeling", "хунта", "author") in got


def test_a_quoted_term_after_a_naming_verb_is_no_scare_quote():
    assert _techniques("Министр назвал переговоры «спектаклем».", "ru") == []
    assert _techniques("Il a qualifié les discussions de « difficiles ».", "fr") == []


def test_french_scare_quotes_and_soi_disant():
    got = _techniques("Les soi-disant experts ont organisé des « élections ».", "fr")
    assert ("Doubt", "soi-disant experts", "author") in got
    assert ("Doubt", "« élections »", "author") in got
