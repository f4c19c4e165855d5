"""Quality gate: quotes and speakers on the project's own written cases (corpus/quotes/, both
halves), scored by bench/quote_cases.py; fails below the recorded floors.

The cases ship with the project, so this gate runs everywhere, also where ../shared is absent.
Floors sit just under the figures measured when the gate was set (see the comments); raise
them when quality improves, never lower them to let a change through.
"""
from __future__ import annotations

import pytest

from benchload import bench

CLASS_FILES = ("cueless", "nonagent", "pronoun", "span")  # one error class each
FLOORS = {  # floor: measured when set (2026-12-01, the 78 cases of the four class files)
    ("all", "f1"): 0.97,            # 0.984
    ("direct", "f1"): 0.98,         # 1.000
    ("indirect", "f1"): 0.96,       # 0.976
    ("all", "speaker"): 0.96,       # 0.973 on 2026-12-02, sixth session (0.954 when set)
    ("cueless", "speaker"): 0.95,   # 0.974
    ("pronoun", "speaker"): 0.95,   # 0.983
    ("nonagent", "speaker"): 0.93,  # 0.944 on 2026-12-02, sixth session (0.865 when set)
}
# The whole-article files, written blind to the rules, are harder; floors of their own.
WHOLE_ARTICLE_FLOORS = {  # floor: measured when set (2026-12-01, both halves)
    # 24 Canadian-style articles
    "longform": {("all", "f1"): 0.95,           # 0.962
                 ("all", "speaker"): 0.93},  # 0.942 on 2026-12-02 (0.924 when set)
    # 20 wire-agency, British, Irish and Australian articles
    "wire": {("all", "f1"): 0.92,  # 0.936 on 2026-12-02 (0.927 when set)
             ("all", "speaker"): 0.90},  # 0.916 at the seventh session's end (0.843 when set)
    # 16 US local papers', TV stations' and public radio's articles
    "local": {("all", "f1"): 0.94,              # 0.957
              ("all", "speaker"): 0.93},  # 0.944 on 2026-12-02 (0.927 when set)
    # 12 Canadian broadcast, CP, question-period, court and feature articles (2026-12-01, third session)
    "broadcast": {("all", "f1"): 0.95,          # 0.966
                  ("all", "speaker"): 0.92},  # 0.935 on 2026-12-02, sixth session (0.843 when set)
    # 12 US and UK national outlets' articles (2026-12-01, third session)
    "national": {("all", "f1"): 0.92,  # 0.939 on 2026-12-02 (0.912 when set)
                 ("all", "speaker"): 0.87},  # 0.882 on 2026-12-02, sixth session (0.812 when set)
    # 12 Canadian regional papers' and stations' articles (2026-12-02, written blind; first
    # scored with the code of that day: no rule was tuned on them)
    "regional": {("all", "f1"): 0.93,  # 0.945 on 2026-12-02 (0.939 when set)
                 ("all", "speaker"): 0.90},  # 0.921 on 2026-12-02 (0.870 when set)
    # 10 international English-language outlets' articles (2026-12-02, written blind, as above)
    "intl": {("all", "f1"): 0.94,  # 0.958 on 2026-12-02 (0.948 when set)
             ("all", "speaker"): 0.83},  # 0.846 on 2026-12-02 (0.735 when set)
    # 10 Canadian big-city dailies' and broadcasters' articles (2026-12-02, fourth session,
    # written blind; first scored with the code of 9bea44c: no rule was tuned on them)
    "metro": {("all", "f1"): 0.91,              # 0.934
              ("all", "speaker"): 0.88},  # 0.901 at the seventh session's end (0.846 when set)
    # 10 Canadian national digital outlets' articles (2026-12-02, fifth session, written blind;
    # first scored with the code of f34a398: no rule was tuned on them; four quotes running on
    # over two paragraphs joined into one each, as in the other files, before that score)
    "digital": {("all", "f1"): 0.94,            # 0.965
                ("all", "speaker"): 0.92},  # 0.935 on 2026-12-02, sixth session (0.863 when set)
    # 10 Canadian national outlets' business, sports, arts, science, health and obituary
    # articles (2026-12-02, fifth session, written blind; first scored with the code of b3b09f0,
    # after that session's rules: none was tuned on them)
    "sections": {("all", "f1"): 0.96,           # 0.980
                 ("all", "speaker"): 0.88},     # 0.893 on 2026-12-02, sixth session (0.852 when set)
    # 10 Canadian community and specialist outlets' articles: a weekly, a farm paper, an
    # Indigenous, a campus, a francophone, a multicultural, a northern and a trade outlet
    # (2026-12-02, sixth session, written blind; first scored with the code of 6d9b964)
    "community": {("all", "f1"): 0.95,          # 0.969
                  ("all", "speaker"): 0.93},    # 0.948 at the end of that session (0.910 when set)
    # 10 Canadian mainstream features, explainers, a trial day, an inquiry, a news conference,
    # a debate, a profile (2026-12-02, sixth session, written blind; first scored on 6d9b964)
    "features": {("all", "f1"): 0.92,           # 0.937
                 ("all", "speaker"): 0.85},     # 0.865 at the seventh session's end (0.824 when set)
    # 10 Canadian political articles: question period, a budget, a by-election, a leadership
    # debate, an ethics report, a Senate committee, a council vote, sanctions (2026-12-02,
    # sixth session, written blind; first scored with the code of 9dc18de, after that
    # session's rules: none was tuned on them)
    "politics": {("all", "f1"): 0.94,           # 0.959
                 ("all", "speaker"): 0.90},     # 0.920 at the end of that session (0.890 when set)
    # 10 Canadian policy-beat articles: immigration, schools, a spill, a carbon rebate,
    # doctors, a drug pilot, a rent strike, a water settlement, a rail strike, jobs data
    # (2026-12-02, sixth session, written blind; first scored on 9dc18de, as politics)
    "policy": {("all", "f1"): 0.96,             # 0.982
               ("all", "speaker"): 0.93},       # 0.945 at the end of that session (0.902 when set)
    # 40 articles written blind in the seventh session (2026-12-02) and first scored on 733ff15:
    # world news in Canadian outlets, business, courts and crime, health and science
    "world": {("all", "f1"): 0.96,              # 0.975
              ("all", "speaker"): 0.78},        # 0.797 at that session's end (0.778 when set)
    "business": {("all", "f1"): 0.96,           # 0.977
                 ("all", "speaker"): 0.93},     # 0.947 at that session's end (0.927 when set)
    "justice": {("all", "f1"): 0.90,            # 0.922
                ("all", "speaker"): 0.83},      # 0.850 at that session's end (0.830 when set)
    "health": {("all", "f1"): 0.95,             # 0.969
               ("all", "speaker"): 0.86},       # 0.878 at that session's end (0.808 when set)
    # 30 articles written blind later in that session and first scored on 5741f3b (after its
    # rules): education, technology and digital policy, sports
    "education": {("all", "f1"): 0.93,          # 0.949
                  ("all", "speaker"): 0.87},    # 0.892 when set
    "tech": {("all", "f1"): 0.93,               # 0.953
             ("all", "speaker"): 0.82},         # 0.843 at that session's end (0.817 when set)
    "sports": {("all", "f1"): 0.96,             # 0.981
               ("all", "speaker"): 0.92},       # 0.942 when set
    # 10 arts and culture articles, written blind at that session's end, first scored on ccde103
    "arts": {("all", "f1"): 0.93,               # 0.950
             ("all", "speaker"): 0.87},         # 0.894 when set
    # 30 articles written blind in the eighth session (2026-12-03) and first scored on 57fe446,
    # before that session's rules: labour and workplace, social affairs, environment and energy
    "labour": {("all", "f1"): 0.94,             # 0.965 (0.965 when first scored)
               ("all", "speaker"): 0.83},       # 0.854 at that session's end (0.829 when first scored)
    "social": {("all", "f1"): 0.93,             # 0.952 (0.952 when first scored)
               ("all", "speaker"): 0.83},       # 0.852 at that session's end (0.832 when first scored)
    "environment": {("all", "f1"): 0.93,        # 0.959 (0.956 when first scored)
                    ("all", "speaker"): 0.83},  # 0.859 at that session's end (0.846 when first scored)
    # 50 more articles written blind in that session, first scored on 57fe446: transportation
    # (its errors read while tuning), and Indigenous affairs, consumer news, city hall and
    # police, on which no rule of that session was tuned (their errors unread until landed)
    "transport": {("all", "f1"): 0.92,          # 0.942 (0.942 when first scored)
                  ("all", "speaker"): 0.83},    # 0.852 when set (0.826 when first scored)
    "indigenous": {("all", "f1"): 0.93,         # 0.958 (0.958 when first scored)
                   ("all", "speaker"): 0.89},   # 0.918 when set (0.918 when first scored)
    "consumer": {("all", "f1"): 0.93,           # 0.952 (0.952 when first scored)
                 ("all", "speaker"): 0.81},     # 0.834 when set (0.834 when first scored)
    "cityhall": {("all", "f1"): 0.92,           # 0.946 (0.946 when first scored)
                 ("all", "speaker"): 0.85},     # 0.873 when set (0.854 when first scored)
    "police": {("all", "f1"): 0.93,             # 0.957 (0.957 when first scored)
               ("all", "speaker"): 0.85},       # 0.879 when set (0.879 when first scored)
    # 40 articles written blind in the ninth session (2026-12-03) and first scored on 1477c60,
    # before that session's rules: housing, rural, defence and provincial legislatures (see
    # corpus/quotes/README.md for which errors were read when)
    "housing": {("all", "f1"): 0.93,            # 0.960 (0.960 when first scored)
                ("all", "speaker"): 0.86},      # 0.892 when set (0.892 when first scored)
    "rural": {("all", "f1"): 0.95,              # 0.977 (0.977 when first scored)
              ("all", "speaker"): 0.86},        # 0.893 when set (0.887 when first scored)
    "defence": {("all", "f1"): 0.95,            # 0.978 (0.978 when first scored)
                ("all", "speaker"): 0.82},      # 0.847 when set (0.841 when first scored)
    "legislature": {("all", "f1"): 0.93,        # 0.960 (0.960 when first scored)
                    ("all", "speaker"): 0.85},  # 0.880 when set (0.880 when first scored)
    # 30 articles written blind in the tenth session (2026-12-03) and first scored on 35decf5,
    # before that session's rules: science and universities, weather emergencies, immigration
    "science": {("all", "f1"): 0.93,            # 0.951 (0.951 when first scored)
                ("all", "speaker"): 0.83},      # 0.859 when set (0.865 when first scored)
    "weather": {("all", "f1"): 0.97,            # 0.994 (0.994 when first scored)
                ("all", "speaker"): 0.88},      # 0.907 when set (0.895 when first scored)
    "immigration": {("all", "f1"): 0.92,        # 0.947 (0.947 when first scored)
                    ("all", "speaker"): 0.80},  # 0.829 when set (0.829 when first scored)
    # 20 articles written blind in the eleventh session (2026-12-03) and first scored on e81efa7,
    # before that session's rules: energy and utilities, families, seniors and faith communities
    "energy": {("all", "f1"): 0.94,             # 0.963 (0.963 when first scored)
               ("all", "speaker"): 0.86},       # 0.885 when set (0.885 when first scored)
    "families": {("all", "f1"): 0.91,           # 0.938 (0.938 when first scored)
                 ("all", "speaker"): 0.87},     # 0.900 when set (0.886 when first scored)
    # 20 articles written blind in the twelfth session (2026-12-03) and first scored on dba9e88,
    # before that session's rules: tourism and hospitality, emergency services, the North, amateur sport
    "tourism": {("all", "f1"): 0.93,            # 0.958 (0.958 when first scored)
                ("all", "speaker"): 0.91},      # 0.938 when set (0.938 when first scored)
    "emergency": {("all", "f1"): 0.93,          # 0.956 (0.956 when first scored)
                  ("all", "speaker"): 0.84},    # 0.870 when set (0.870 when first scored)
    "north": {("all", "f1"): 0.96,              # 0.985 (0.985 when first scored)
              ("all", "speaker"): 0.82},        # 0.854 when set (0.854 when first scored)
    "amateursport": {("all", "f1"): 0.90,       # 0.927 (0.927 when first scored)
                     ("all", "speaker"): 0.77},  # 0.804 when set (0.804 when first scored)
}
# Description speakers' affiliation ("A spokeswoman for the authority": the body named before),
# both halves: matched / gold affiliations of the found quotes, over the files the floor was set
# on, and over each file written later on its own.
AFFILIATION_FLOOR = 0.73  # 0.742 (49 of 66) at the eighth session's end; 0.727 (48 of 66) at the seventh's; 0.712 (47 of 66) on 2026-12-02, sixth session (0.632, 36 of 57, when set; 0.158 before)
# Files whose description speakers' affiliations are measured (printed) but not yet guarded:
# cityhall had 0 of 9 when it was added (2026-12-03), nothing a floor could hold.
AFFILIATION_UNGUARDED = {"cityhall"}
LATER_AFFILIATION_FLOORS = {"broadcast": 0.72,  # 0.760 (19 of 25) on 2026-12-02 (0.440 when the file was added)
                            "national": 0.66,   # 0.688 (22 of 32) at the seventh session's end (0.400 when added)
                            "regional": 0.62,   # 0.667 (14 of 21) on 2026-12-02 (0.381 when added)
                            "intl": 0.45,       # 0.500 (12 of 24) at the seventh session's end (0.174 when added)
                            "metro": 0.33,      # 0.500 (3 of 6) when the file was added
                            "digital": 0.42,    # 0.571 (4 of 7) when the file was added
                            "sections": 0.45,   # 0.500 (5 of 10) on 2026-12-02 (0.400 when added)
                            "community": 0.45,  # 0.500 (5 of 10) at the session's end (0.400 when added)
                            "features": 0.5,    # 0.750 (3 of 4) when the file was added
                            "politics": 0.2,    # 0.300 (3 of 10) when the file was added
                            "policy": 0.6,      # 0.800 (4 of 5) at the session's end (0.600 when added)
                            "world": 0.3,       # 0.333 (6 of 18) when the file was added
                            "business": 0.45,   # 0.500 (4 of 8) at the session's end (0.375 when added)
                            "justice": 0.5,     # 0.600 (3 of 5) when the file was added
                            "health": 0.5,      # 1.000 (2 of 2) when the file was added
                            "education": 0.6,   # 0.714 (5 of 7) when the file was added
                            "tech": 0.33,       # 0.387 (12 of 31) when the file was added
                            "sports": 0.5,      # 1.000 (1 of 1) when the file was added
                            "arts": 0.45,       # 0.500 (2 of 4) when the file was added
                            "labour": 0.45,     # 0.500 (2 of 4) when the file was added
                            "social": 0.65,     # 0.714 (5 of 7) when the file was added
                            "environment": 0.7,  # 0.778 (7 of 9) when the file was added
                            "transport": 0.6,   # 0.667 (6 of 9) when the file was added
                            "indigenous": 0.8,  # 0.875 (7 of 8) when the file was added
                            "consumer": 0.5,    # 0.556 (5 of 9) when the file was added
                            "police": 0.9,      # 1.000 (3 of 3) when the file was added
                            "housing": 0.9,     # 1.000 (6 of 6) when the file was added
                            "rural": 0.3,       # 0.333 (1 of 3) when the file was added
                            "defence": 0.6,     # 0.636 (7 of 11) when the file was added
                            "legislature": 0.55,  # 0.600 (3 of 5) when the file was added
                            "science": 0.3,     # 0.400 (4 of 10) when the file was added
                            "weather": 0.45,    # 0.500 (3 of 6) when the file was added
                            "immigration": 0.85,  # 0.900 (9 of 10) when the file was added
                            "energy": 0.75,     # 0.800 (4 of 5) when the file was added
                            "families": 0.45,   # 0.500 (1 of 2) when the file was added
                            "tourism": 0.6,     # 0.667 (2 of 3) when the file was added
                            "emergency": 0.8,   # 0.833 (5 of 6) when the file was added
                            "north": 0.9,       # 1.000 (3 of 3) when the file was added
                            "amateursport": 0.9}  # 1.000 (5 of 5) when the file was added


@pytest.mark.slow
def test_quote_quality_on_the_written_cases():
    import unspun.pipeline.quotes  # noqa: F401  (registers the component)
    from unspun.pipeline.runner import Pipeline
    from unspun.readers.article import Article

    cases_mod = bench("quote_cases")
    cases = cases_mod.load_cases()
    pipe = Pipeline(["segment", "dateline", "agencies", "entities", "quotes"])
    records = pipe.analyze_batch([Article(text=c.text) for c in cases])
    low = {}
    aff_ok = aff_n = 0
    unknown = {c.file for c in cases} - set(CLASS_FILES) - set(WHOLE_ARTICLE_FLOORS)
    assert not unknown, f"case files with no floors: {unknown} (add them to WHOLE_ARTICLE_FLOORS)"
    groups = [("class files", FLOORS, lambda c: c.file in CLASS_FILES)]
    groups += [(name, floors, lambda c, name=name: c.file == name)
               for name, floors in WHOLE_ARTICLE_FLOORS.items()]
    for name, floors, member in groups:
        pairs = [(c, r) for c, r in zip(cases, records) if member(c)]
        assert pairs, f"no cases in {name}"
        tallies, _ = cases_mod.score([c for c, _ in pairs], [r for _, r in pairs], show=False)
        aff = tallies["_aff"]
        if name in AFFILIATION_UNGUARDED:
            print(name, "affiliation (not guarded)", aff.speaker_ok, "of", aff.gold)
        elif name in LATER_AFFILIATION_FLOORS:
            print(name, "affiliation", aff.speaker_ok, "of", aff.gold)
            if aff.speaker_ok / max(aff.gold, 1) < LATER_AFFILIATION_FLOORS[name]:
                low[(name, "affiliation", "matched")] = (round(aff.speaker_ok / max(aff.gold, 1), 3),
                                                          LATER_AFFILIATION_FLOORS[name])
        else:
            aff_ok, aff_n = aff_ok + aff.speaker_ok, aff_n + aff.gold
        for (subset, what), floor in floors.items():
            p, r, f, acc = tallies[subset].prf()
            got = f if what == "f1" else acc
            print(name, subset, what, round(got, 3))
            if got < floor:
                low[(name, subset, what)] = (round(got, 3), floor)
    print("affiliation", aff_ok, "of", aff_n)
    if aff_ok / max(aff_n, 1) < AFFILIATION_FLOOR:
        low[("all files", "affiliation", "matched")] = (round(aff_ok / max(aff_n, 1), 3), AFFILIATION_FLOOR)
    assert not low, f"quote quality on corpus/quotes below the floor (measured, floor): {low}"
