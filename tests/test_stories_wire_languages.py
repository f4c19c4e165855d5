"""Wire copy is found within each language: a lightly edited reprint of a Russian, French or
Arabic agency story is linked to it, a translation of it is not (MinHash over word shingles)."""
import pytest

import unspun
from unspun.stories import wire_copies

RU = [
    "МОСКВА, 3 марта. /ТАСС/. Правительство России утвердило программу строительства новых "
    "школ в малых городах, в рамках которой до конца следующего года будут открыты более "
    "двухсот зданий, сообщила пресс-служба кабинета министров во вторник вечером.",
    "Как уточняется в сообщении, на реализацию программы из федерального бюджета выделят "
    "сорок миллиардов рублей, а регионы должны будут подготовить земельные участки и "
    "проектную документацию в течение трех месяцев после подписания соглашений.",
    "Министр просвещения Ольга Лебедева заявила журналистам, что первые школы по новой "
    "программе примут учеников уже в сентябре, а приоритет получат города с населением "
    "менее пятидесяти тысяч человек и переполненными классами.",
]
FR = [
    "PARIS, 3 mars (AFP) - Le gouvernement a adopté mardi un programme de construction de "
    "nouvelles écoles dans les petites villes, qui prévoit l'ouverture de plus de deux cents "
    "bâtiments d'ici la fin de l'année prochaine, a annoncé le service de presse du ministère.",
    "Selon le communiqué, quarante milliards d'euros seront consacrés au programme, et les "
    "régions devront préparer les terrains et les dossiers techniques dans les trois mois "
    "suivant la signature des accords avec l'État et les communes concernées.",
    "La ministre de l'Éducation Claire Martin a déclaré aux journalistes que les premières "
    "écoles accueilleraient des élèves dès septembre, la priorité étant donnée aux villes de "
    "moins de cinquante mille habitants dont les classes sont surchargées.",
]
AR = [
    "القاهرة، 3 مارس (رويترز) - وافقت الحكومة يوم الثلاثاء على برنامج لبناء مدارس جديدة في "
    "المدن الصغيرة، يتضمن افتتاح أكثر من مئتي مبنى بحلول نهاية العام المقبل، وفقا لما أعلنه "
    "المكتب الإعلامي لمجلس الوزراء في بيان صدر مساء اليوم نفسه.",
    "وأوضح البيان أن الميزانية العامة ستخصص أربعين مليار جنيه للبرنامج، وأن على المحافظات "
    "إعداد الأراضي والوثائق الفنية خلال ثلاثة أشهر من توقيع الاتفاقيات مع الوزارات المعنية "
    "والسلطات المحلية في كل مدينة من المدن المشمولة.",
    "وقالت وزيرة التعليم سلمى حسن للصحفيين إن أولى المدارس ستستقبل التلاميذ في سبتمبر، وإن "
    "الأولوية ستكون للمدن التي يقل عدد سكانها عن خمسين ألف نسمة والتي تعاني فصولها من "
    "الاكتظاظ الشديد منذ سنوات طويلة.",
]


def _reprint(paragraphs):
    """An outlet's reprint: its own first line, the agency's paragraphs with one word
    dropped from each (light editing), the last paragraph cut."""
    edited = [" ".join(w for i, w in enumerate(p.split()) if i != 7) for p in paragraphs[:2]]
    return "\n\n".join(edited)


@pytest.mark.parametrize("lang, agency, other", [("ru", RU, FR), ("fr", FR, AR), ("ar", AR, RU)],
                         ids=["ru", "fr", "ar"])
def test_a_reprint_is_linked_to_its_agency_story_and_a_translation_is_not(tmp_path, lang,
                                                                             agency, other):
    store = unspun.open_store(str(tmp_path / "s.db"))
    try:
        recs = [unspun.analyze("\n\n".join(agency), source="agency", published="2024-03-03"),
                unspun.analyze(_reprint(agency), source="reprint", published="2024-03-03"),
                unspun.analyze("\n\n".join(other), source="translation", published="2024-03-03")]
        assert [r.language for r in recs[:2]] == [lang, lang]
        store.add(recs)
        unspun.stories.assign(store)
        linked = [w["article_id"] for w in wire_copies(store, recs[1].id)]
        assert linked == [recs[0].id]
        assert wire_copies(store, recs[2].id) == []
    finally:
        store.close()
