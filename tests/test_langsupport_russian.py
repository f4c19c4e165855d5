"""Russian speakers (unspun/langsupport/attribution.py, reference.py, unspun/lang/ru/attribution.json):
gender from the agreeing past-tense verb, inflected role nouns, words for a body, unnamed
descriptions, "Об этом заявил X", quoted names and scare quotes, dialogue and quotes over
paragraphs.  Entities are given, so the rules are tested without the language model."""
from functools import partial

from langsupport_given import who

_who = partial(who, "ru")


def test_ona_follows_the_verb_agreement_not_the_ending_of_a_name():
    # Ларсен does not end in -а, Никита Сова does: the verbs say who is a woman
    text = ("Судья Ингрид Ларсен заявила, что заседание переносится на месяц. "
            "Адвокат Никита Сова сообщил, что защита подаст жалобу. "
            "«Решение окончательное», — сказала она.")
    got = _who(text, ("Ингрид Ларсен", "PER"), ("Никита Сова", "PER"))
    assert got[-1] == ("«Решение окончательное»", "она", "Ингрид Ларсен")
    assert [g[2] for g in got] == ["Ингрид Ларсен", "Никита Сова", "Ингрид Ларсен"]


def test_a_role_noun_takes_its_gender_from_the_verb_and_may_be_inflected():
    text = ("Экономист Любовь Гладких заявила, что дефицита нет. "
            "Губернатор Григорий Шульга пообещал поддержать фермеров. "
            "Экономист также отметила, что цены стабилизируются к осени. "
            "По словам губернатора, субсидии выплатят в мае.")
    got = _who(text, ("Любовь Гладких", "PER"), ("Григорий Шульга", "PER"))
    by_content = {c: (sp, ent) for c, sp, ent in got}
    assert by_content["цены стабилизируются к осени"] == ("Экономист", "Любовь Гладких")
    assert by_content["субсидии выплатят в мае"] == ("губернатора", "Григорий Шульга")


def test_words_for_a_body_stand_for_the_organisation():
    text = ("Сбербанк опубликовал отчет за квартал. В ведомстве отметили, что прибыль выросла на 8%. "
            "«Спрос на ипотеку остается высоким», — добавили там.")
    got = _who(text, ("Сбербанк", "ORG"))
    assert got == [("прибыль выросла на 8%", "ведомстве", "Сбербанк"),
                   ("«Спрос на ипотеку остается высоким»", "там", "Сбербанк")]


def test_an_unnamed_description_keeps_its_organisation_and_she_stands_for_it():
    text = ("Москва ответит на эти меры, заявила официальный представитель МИД России. "
            "«Подобные шаги не останутся без ответа», — подчеркнула она.")
    got = _who(text, ("МИД России", "ORG"))
    assert [g[2] for g in got] == ["МИД России", "МИД России"]
    assert got[0][1].startswith("представитель МИД России")


def test_a_description_followed_by_a_name_is_that_person():
    text = "Вода поднялась на 40 сантиметров, сообщил глава управления МЧС Виктор Лозовой."
    got = _who(text, ("МЧС", "ORG"), ("Виктор Лозовой", "PER"))
    assert got == [("Вода поднялась на 40 сантиметров", "Виктор Лозовой", "Виктор Лозовой")]


def test_ob_etom_attributes_the_sentence_before_to_a_person_not_to_a_reporting_body():
    person = ("Кремль не получал приглашения на саммит. "
              "Об этом заявил пресс-секретарь президента Игорь Валуев.")
    assert _who(person, ("Игорь Валуев", "PER")) == [
        ("Кремль не получал приглашения на саммит", "Игорь Валуев", "Игорь Валуев")]
    body = ("В результате паводка подтоплены 300 домов. "
            "Об этом сообщило Главное управление МЧС по региону.")
    assert _who(body, ("Главное управление МЧС по региону", "ORG")) == []


def test_a_quoted_name_is_no_quote_and_scare_quotes_leave_the_claim_whole():
    text = ("Футбольный клуб «Спартак» объявил о смене тренера. "
            "Министр Павел Дымов пообещал поддержать аграриев, пострадавших от так называемой „зеленой засухи“.")
    got = _who(text, ("Спартак", "ORG"), ("Павел Дымов", "PER"))
    assert got == [("поддержать аграриев, пострадавших от так называемой „зеленой засухи“",
                    "Павел Дымов", "Павел Дымов")]


def test_dialogue_after_the_incise_and_a_quote_over_two_paragraphs_keep_their_speaker():
    text = ("— Работы нет, молодежь уезжает, — говорит горняк Виктор Шадрин. — Остались одни старики.\n"
            "Глава поселка Людмила Кравец уверена, что его можно спасти. «Мы просим помощи у края.\n"
            "«Без нее здесь никого не останется», — сказала она.")
    got = _who(text, ("Виктор Шадрин", "PER"), ("Людмила Кравец", "PER"))
    speakers = {c: ent for c, _, ent in got}
    assert speakers["Остались одни старики."] == "Виктор Шадрин"
    assert speakers["«Мы просим помощи у края."] == "Людмила Кравец"


def test_a_quote_broken_by_its_attribution_gives_two_parts_with_one_speaker():
    text = ("Министр Инна Беккер сообщила о карантине. "
            "«Пик мы, по всей видимости, прошли, — сказала министр. — Но расслабляться рано».")
    got = _who(text, ("Инна Беккер", "PER"))
    assert got[-2:] == [("«Пик мы, по всей видимости, прошли,", "министр", "Инна Беккер"),
                        ("Но расслабляться рано»", "министр", "Инна Беккер")]


def test_a_body_named_in_quote_marks_is_the_body_the_word_company_stands_for():
    text = ("Профсоюз провел встречу с руководством компании «Северный никель». "
            "В компании сообщили, что готовы обсуждать индексацию. "
            "Руководитель профсоюза Валентина Зуева рассказала в эфире телеканала «Россия 24», "
            "что переговоры продолжатся.")
    got = _who(text, ("Северный никель", "ORG"), ("Валентина Зуева", "PER"), ("Россия 24", "ORG"))
    assert got == [("готовы обсуждать индексацию", "компании", "Северный никель"),
                   ("переговоры продолжатся", "Валентина Зуева", "Валентина Зуева")]
