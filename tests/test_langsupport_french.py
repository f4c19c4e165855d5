"""French speakers (unspun/langsupport/attribution.py, reference.py): who "il", "elle" and
"la ministre" stand for, apposed names, descriptions, noun phrases, dashes and quotes that run
over paragraphs.  Entities are given, so the rules are tested without the language model."""
from functools import partial

from langsupport_given import who

_who = partial(who, "fr")


def test_elle_and_il_stand_for_the_person_of_their_gender_not_the_nearest():
    text = ("La directrice du CHU, Nathalie Guérin, a rencontré le ministre Hugo Lemaire. "
            "« Nous manquons de lits », a-t-elle déclaré. « Des postes seront ouverts », a-t-il répondu.")
    got = _who(text, ("Nathalie Guérin", "PER"), ("Hugo Lemaire", "PER"))
    assert got == [("« Nous manquons de lits »", "elle", "Nathalie Guérin"),
                   ("« Des postes seront ouverts »", "il", "Hugo Lemaire")]


def test_titles_give_the_gender_and_la_ministre_the_woman():
    text = ("Mme Sylvie Thibodeau a reçu M. Denis Gagnon. M. Gagnon a répondu que les caisses étaient vides. "
            "« Nous ne pouvons pas attendre », a-t-elle insisté. "
            "Les premiers effets sont attendus avant l'été, a précisé la mairesse.")
    got = _who(text, ("Sylvie Thibodeau", "PER"), ("Denis Gagnon", "PER"), ("Gagnon", "PER"))
    assert [g[2] for g in got] == ["Denis Gagnon", "Sylvie Thibodeau", "Sylvie Thibodeau"]


def test_le_ministre_is_the_man_introduced_as_minister():
    text = ("Le ministre de l'Économie, Vincent Roussel, a présenté le budget devant la députée Laure Tessier. "
            "Mme Tessier a dénoncé « un budget sans ambition ». Le ministre a répliqué que la taxe ne serait pas relevée.")
    got = _who(text, ("Vincent Roussel", "PER"), ("Laure Tessier", "PER"), ("Tessier", "PER"))
    assert got[-1] == ("la taxe ne serait pas relevée", "ministre", "Vincent Roussel")


def test_a_name_in_apposition_after_the_verb_is_the_speaker():
    text = ("« Cette ligne changera la vie des habitants », a déclaré le maire, Bernard Coulon, lors de la cérémonie. "
            "Selon la Première ministre, Hélène Castaing, le texte sera voté avant l'été.")
    got = _who(text, ("Bernard Coulon", "PER"), ("Hélène Castaing", "PER"))
    assert got == [("« Cette ligne changera la vie des habitants »", "Bernard Coulon", "Bernard Coulon"),
                   ("le texte sera voté avant l'été", "Hélène Castaing", "Hélène Castaing")]


def test_a_description_keeps_its_organisation_and_takes_no_earlier_person():
    text = ("Le ministre Paul Durand est arrivé à Bamako. "
            "« Cette décision est inacceptable », a déclaré le porte-parole du Quai d'Orsay lors d'un point de presse.")
    got = _who(text, ("Paul Durand", "PER"), ("Quai d'Orsay", "ORG"), ("Bamako", "LOC"))
    assert got == [("« Cette décision est inacceptable »", "porte-parole du Quai d'Orsay", "Quai d'Orsay")]


def test_an_unnamed_body_after_the_verb_is_the_speaker():
    text = "La Pologne va doubler ses dépenses militaires d'ici 2030, a annoncé mardi le gouvernement polonais."
    got = _who(text, ("Pologne", "LOC"))
    assert got == [("La Pologne va doubler ses dépenses militaires d'ici 2030", "le gouvernement polonais", None)]


def test_dialogue_dash_lines_and_a_quote_over_two_paragraphs():
    text = ("Le capitaine Antoine Ribeiro a passé la nuit à Alès.\n"
            "« L'eau montait très vite. Les maisons étaient encerclées.\n"
            "« Nous avons sorti une vieille dame par la fenêtre », raconte-t-il.\n"
            "— Mon chiffre d'affaires a baissé de moitié, soupire Julien Morel, libraire.")
    got = _who(text, ("Antoine Ribeiro", "PER"), ("Alès", "LOC"), ("Julien Morel", "PER"))
    assert got == [("« L'eau montait très vite. Les maisons étaient encerclées.", "il", "Antoine Ribeiro"),
                   ("« Nous avons sorti une vieille dame par la fenêtre »", "il", "Antoine Ribeiro"),
                   ("Mon chiffre d'affaires a baissé de moitié", "Julien Morel", "Julien Morel")]
