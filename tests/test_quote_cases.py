"""The written quote cases (corpus/quotes/): every gold quote is found in its text, the
classes are known, and the held-out split is the one its rule gives."""
from __future__ import annotations

import hashlib

from benchload import bench
from conftest import ROOT

_cases = bench("quote_cases")
CLASSES, heldout_ids, load_cases = _cases.CLASSES, _cases.heldout_ids, _cases.load_cases


def test_cases_load_with_their_gold():
    cases = load_cases()
    assert len(cases) >= 40 and len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert case.quotes, case.id
        for q in case.quotes:
            assert q["class"] in CLASSES, (case.id, q)
            assert all(case.text[s:e].strip() for s, e in q["parts"])
            assert q["speaker"] or q["refers"] or q["class"] == "cueless", (case.id, q)
    found = {q["class"] for c in cases for q in c.quotes}
    assert found == set(CLASSES)


def test_longform_cases_are_whole_articles_with_unambiguous_gold():
    """src/longform.txt (Canadian style), src/wire.txt (wire-agency, British, Irish and
    Australian styles) and src/local.txt (US local papers, TV and public radio): full-length
    articles, each gold content found once in its text; the wire and local gold lists its quotes
    in the order they appear."""
    shapes = {"longform": (24, (400, 900), (8, 20), False), "wire": (20, (350, 800), (8, 18), True),
              "local": (16, (300, 650), (8, 16), True)}
    for name, (at_least, (lo_words, hi_words), (lo_quotes, hi_quotes), ordered) in shapes.items():
        cases = [c for c in load_cases() if c.file == name]
        assert len(cases) >= at_least, name
        for case in cases:
            assert lo_words <= len(case.text.split()) <= hi_words, case.id
            assert lo_quotes <= len(case.quotes) <= hi_quotes, case.id
            starts = [q["parts"][0][0] for q in case.quotes]
            assert not ordered or starts == sorted(starts), case.id
            for q in case.quotes:
                for s, e in q["parts"]:
                    assert case.text.count(case.text[s:e]) == 1, (case.id, case.text[s:e])


def test_heldout_split_follows_its_rule():
    ids = {c.id for c in load_cases()}
    rule = {i for i in ids if int(hashlib.sha1(i.encode()).hexdigest()[:8], 16) % 2 == 0}
    assert heldout_ids() == rule



def test_cueless_is_a_direct_quote_with_no_cue_in_its_sentence():
    from quote_scoring import Gold, is_cueless

    text = ('Mayor Ana Ruiz spoke on Monday. She said: "We will build it."\n\n'
            '"Nobody can stop us now," she said.\n\n"Not the province. Not anyone."\n')

    def span(piece: str, after: int = 0) -> tuple[int, int]:
        s = text.index(piece, after)
        return s, s + len(piece)

    first, second, third = (span('"We will build it."'), span('"Nobody can stop us now,"'),
                            span('"Not the province. Not anyone."'))
    said_before, said_after = span("said"), span("said", second[1])

    def gold(content: tuple[int, int]) -> Gold:
        return Gold([content], [], "said", text[content[0]:content[1]])

    assert not is_cueless(gold(first), text, [said_before])  # 'She said: "..."'
    assert not is_cueless(gold(second), text, [said_after])  # '"...," she said.'
    assert is_cueless(gold(third), text, [said_after])  # its own paragraph, the cue elsewhere
    assert not is_cueless(Gold([span("spoke on Monday")], [], "", "spoke on Monday"), text, [])
    # the cue in the sentence before, in the same paragraph, is not in its sentence
    para = 'Ruiz said the plan was sound. "Not the province. Not anyone."\n'
    q = para.index('"Not')
    assert is_cueless(Gold([(q, len(para) - 1)], [], "said", para[q:-1]), para, [(5, 9)])


def test_ggt_matching_takes_the_covering_prediction_once_per_gold_quote():
    """GGT's own matching: a prediction that covers a gold quote and runs on far past it still
    matches (the symmetric overlap does not); each prediction pairs with one gold quote."""
    scoring = bench("quote_scoring")
    first, second = scoring.Gold([(0, 20)], [], "", ""), scoring.Gold([(30, 50)], [], "", "")
    long_run = scoring.Pred(0, 100, True, None)
    assert scoring.match([first], [long_run], 0.3) == []
    assert scoring.match_covering([first], [long_run], 0.3) == [(0, 0)]
    assert scoring.match_covering([first, second], [long_run], 0.3) == [(0, 0)]
    short = scoring.Pred(0, 5, True, None)  # a quarter of the gold quote: not enough
    assert scoring.match_covering([first], [short], 0.3) == []
    both = [scoring.Pred(35, 50, True, None), scoring.Pred(30, 50, True, None)]
    assert scoring.match_covering([second], both, 0.3) == [(0, 1)]


def test_ggt_speaker_overlap_takes_a_shorter_unnamed_phrase_but_not_another_person():
    gold = {"refers": None, "speaker": "A senior official at the ministry, who spoke on condition of anonymity"}
    assert not _cases.speaker_ok(gold, {"text": "A senior official at the ministry", "name": "x"})
    assert _cases.speaker_overlaps(gold, {"text": "A senior official at the ministry", "name": "x"})
    assert not _cases.speaker_overlaps(gold, {"text": "the minister", "name": "x"})
    named = {"refers": "Ana Ruiz", "speaker": "she"}
    assert not _cases.speaker_overlaps(named, {"text": "she", "name": "she"})
