"""Each built-in technique detector on short texts written for these tests (no spaCy needed)."""
import pytest

from unspun.techniques import Source, detect, merge
from unspun.techniques.base import TECHNIQUES, Hit, lexicon, lexicon_regex


def found(text, label=None):
    hits = detect(Source(text))
    return [(h.label, text[h.start:h.end]) for h in hits if label is None or h.label == label]


def labels(text):
    return {h.label for h in detect(Source(text))}


@pytest.mark.parametrize("text,label,span", [
    ("The troops carried out a brutal crackdown on the town.", "Loaded_Language", "brutal"),
    ("It was a gross violation of the ceasefire.", "Loaded_Language", "gross violation"),
    ("The minister called the plan a disgrace.", "Loaded_Language", "disgrace"),
    ("The regime jailed three reporters.", "Name_Calling-Labeling", "regime"),
    ("Only illegal armed formations were hit.", "Name_Calling-Labeling", "illegal armed formations"),
    ("The self-proclaimed republic held a vote.", "Name_Calling-Labeling",
     "self-proclaimed republic"),
    ("They are nothing but thugs.", "Name_Calling-Labeling", "thugs"),
    ("The so-called peace plan collapsed.", "Doubt", "so-called peace plan"),
    ('He spoke about the "humanitarian crisis" in the city.', "Doubt", '"humanitarian crisis"'),
    ('The so-called "elections" were held on Sunday.', "Doubt", 'so-called "elections"'),
    ("They keep spreading false statements about the talks.", "Doubt", "false statements"),
    ("Every true patriot knows the answer.", "Flag_Waving", "true patriot"),
    ("We will defend our homeland.", "Flag_Waving", "our homeland"),
    ("This is about our values and future generations.", "Appeal_to_Values", "our values"),
    ("This is an existential threat to our people.", "Appeal_to_Fear-Prejudice",
     "existential threat"),
    ("The vote was unrecognized by anyone.", "Appeal_to_Popularity", "unrecognized by anyone"),
    ("Everyone knows the plan will fail.", "Appeal_to_Popularity", "Everyone knows"),
    ("We cannot wait any longer.", "Appeal_to_Time", "cannot wait any longer"),
    ("Time is running out for the city.", "Appeal_to_Time", "Time is running out"),
    ("The law is the law. End of story.", "Conversation_Killer", "End of story"),
    ("Her hypocrisy is plain to see.", "Appeal_to_Hypocrisy", "hypocrisy"),
    ("The disgraced former mayor spoke.", "Questioning_the_Reputation", "disgraced"),
    ("This is the worst deal ever signed.", "Exaggeration-Minimisation",
     "the worst deal ever"),
    ("The losses were merely symbolic.", "Exaggeration-Minimisation", "merely"),
    ("Either we build the dam now or the valley will be lost.", "False_Dilemma-No_Choice",
     "Either we build the dam now or the valley will be lost"),
    ("We have no choice but to strike.", "False_Dilemma-No_Choice", "have no choice but"),
    ("But what about their own prisons?", "Whataboutism", "what about their own prisons?"),
    ("Where was the outrage then?", "Whataboutism", "Where was the outrage"),
    ("Prices rose all because of the new tax.", "Causal_Oversimplification",
     "all because of"),
    ("This will inevitably lead to a police state.", "Consequential_Oversimplification",
     "will inevitably lead to"),
    ("They want you to believe that nothing happened.", "Straw_Man", "want you to believe"),
    ("The plan came straight out of the dictator's playbook.", "Guilt_by_Association",
     "straight out of the dictator's playbook"),
    ('Crowds chanted "Freedom now" outside.', "Slogans", "Freedom now"),
    ("Experts say the bridge is unsafe.", "Appeal_to_Authority", "Experts say"),
    ("No, never, never, never will we give up.", "Repetition", "never, never, never"),
])
def test_detector_finds(text, label, span):
    assert (label, span) in found(text, label), found(text)


@pytest.mark.parametrize("text", [
    "The council voted on Monday to close the old bridge for repairs.",
    "Police said the terrorist attack killed four people.",
    "He said the meeting was \"productive\" and left.",
    "The film \"Gone With the Wind\" was shown.",
    "She will either fly or drive to Boston, her aide said.",
    "Officials said the storm had wiped out power lines in the region.",
    "The company reported revenue of $4 billion.",
    "The anti-terrorist unit arrived.",
])
def test_neutral_text_has_no_technique(text):
    assert found(text) == []


def test_every_hit_has_evidence_and_a_known_label():
    text = ("The so-called regime is a gross violation of our values. Either we act or we die. "
            "Everyone knows it. What about them?")
    for h in detect(Source(text)):
        assert h.label in TECHNIQUES
        assert h.evidence and 0 < h.score <= 1
        assert 0 <= h.start < h.end <= len(text)


def test_repetition_needs_three_occurrences_of_a_two_word_phrase():
    two = "The constitutional order matters. They broke the constitutional order."
    three = two + " We restore the constitutional order."
    assert found(two, "Repetition") == []
    reps = found(three, "Repetition")
    assert reps == [("Repetition", "constitutional order")] * 2


def test_repetition_skips_names():
    from unspun.techniques.repetition import repeated_phrases

    text = "the sovereign order rose. the sovereign order fell. the sovereign order slept."
    ents = [{"id": "E1", "type": "ORG", "name": "sovereign order",
             "mentions": [{"start": m, "end": m + 15, "text": "sovereign order"}
                          for m in (4, 30, 56)], "descriptions": []}]
    assert all(text[m["start"]:m["end"]] == "sovereign order" for m in ents[0]["mentions"])
    assert list(repeated_phrases(Source(text))) != []
    assert list(repeated_phrases(Source(text, entities=ents))) == []


def test_topic_phrases_are_not_repetition_but_talking_points_are():
    topic = "The special prosecutor spoke. A special prosecutor was named. The special prosecutor left."
    assert found(topic, "Repetition") == []
    point = topic.replace("special prosecutor", "illegal occupation")
    assert len(found(point, "Repetition")) == 2


def test_repetition_within_a_paragraph():
    text = ("We need a leader with vision, a leader with vision who listens.\n\n"
            "Any leader with vision will do.")
    reps = found(text, "Repetition")
    assert reps == [("Repetition", "leader with vision")]
    assert text.index("leader with vision", 20) == [h.start for h in detect(Source(text))
                                                    if h.label == "Repetition"][0]


def test_scare_quotes_not_after_speech_verbs_or_for_sentences():
    assert found('He said it was "a total disaster".', "Doubt") == []
    assert found('"We will win," she said.', "Doubt") == []


def test_epithet_before_a_person():
    text = "Crooked Jones spoke again."
    ents = [{"id": "E1", "type": "PERSON", "name": "Jones",
             "mentions": [{"start": 8, "end": 13, "text": "Jones"}], "descriptions": []}]
    hits = [h for h in detect(Source(text, entities=ents)) if h.label == "Name_Calling-Labeling"]
    assert [(text[h.start:h.end]) for h in hits] == ["Crooked Jones"]


def test_authority_from_quotes_needs_credentials():
    text = 'Dr. Lee, a professor of law, said: "The ruling settles the matter for good now."'
    q_start = text.index("The ruling")
    q_end = text.index('."') + 1
    ents = [{"id": "E1", "type": "PERSON", "name": "Lee",
             "mentions": [{"start": 4, "end": 7, "text": "Lee"}],
             "descriptions": [{"start": 9, "end": 27, "text": text[9:27]}]}]
    quotes = [{"id": "Q1", "kind": "direct", "speaker": {"entity": "E1", "name": "Lee",
               "start": 4, "end": 7, "text": "Lee"}, "cue": None,
               "content": {"start": q_start, "end": q_end, "text": text[q_start:q_end]}}]
    hits = [h for h in detect(Source(text, entities=ents, quotes=quotes))
            if h.label == "Appeal_to_Authority"]
    assert [(h.start, h.end) for h in hits] == [(q_start, q_end)]
    assert "professor of law" in hits[0].evidence
    ents[0]["descriptions"] = [{"start": 9, "end": 27, "text": "a senator from Ohio"}]
    assert not [h for h in detect(Source(text, entities=ents, quotes=quotes))
                if h.label == "Appeal_to_Authority"]


def test_authority_without_quotes_uses_attributed_sentences():
    text = "The war was a mistake, a professor at the university, Ann Bell, told reporters."
    s = text.index("Ann Bell")
    ents = [{"id": "E1", "type": "PERSON", "name": "Ann Bell",
             "mentions": [{"start": s, "end": s + 8, "text": "Ann Bell"}],
             "descriptions": [{"start": 23, "end": 52, "text": text[23:52]}]}]
    hits = [h for h in detect(Source(text, entities=ents)) if h.label == "Appeal_to_Authority"]
    assert len(hits) == 1 and hits[0].start == 0


def test_merge_joins_overlapping_hits_of_one_label():
    hits = [Hit("Doubt", 0, 5, "a"), Hit("Doubt", 3, 9, "bb", 0.9), Hit("Loaded_Language", 0, 5, "c")]
    merged = merge(hits)
    assert [(h.label, h.start, h.end) for h in merged] == [("Loaded_Language", 0, 5), ("Doubt", 0, 9)]
    assert merged[1].score == 0.9


def test_lexicons_hold_no_names_of_sides():
    from unspun.places import is_country

    for name in ("loaded", "labels", "delegitimizing", "group_nouns", "flag_waving", "values",
                 "fear", "popularity", "time", "conversation_killers", "hypocrisy", "reputation",
                 "doubt", "intensifiers", "credentials", "authority_cues"):
        for entry in lexicon(name):
            assert not is_country(entry.rstrip("*")), (name, entry)
        assert lexicon_regex(name).pattern


def test_label_target_from_the_parse():
    from unspun.pipeline.nlp import get_nlp

    text = "The new governor is a liar, and his aides know it."
    doc = get_nlp()(text)
    hits = [h for h in detect(Source(text, doc=doc)) if h.label == "Name_Calling-Labeling"]
    assert [text[h.start:h.end] for h in hits] == ["liar"]
    assert "applied to 'The new governor'" in hits[0].evidence


def test_capitals_slogans_but_not_headings():
    assert found("He answered: THEY LOSE, WE WIN.", "Slogans") == [("Slogans", "THEY LOSE, WE WIN.")]
    assert found("The crowd roared NO MORE WARS!", "Slogans") == [("Slogans", "NO MORE WARS!")]
    assert found("3. APPLE BOOSTS PHONE SECURITY.\nThe move follows a breach.", "Slogans") == []


def _matches(found):
    return [(m.span(), m.group(0)) for m in found]


def test_lexicon_matcher_finds_what_its_regex_finds():
    """The word-start pre-filter never loses or adds a match, also where case-insensitive
    matching equates non-ASCII letters with ASCII ones (Kelvin sign, long s, dotless i)."""
    from unspun.pipeline.frames import cue_regexes
    from unspun.techniques.base import LexiconMatcher, lexicon_matcher

    names = ("loaded", "labels", "fear", "time", "values", "intensifiers", "doubt",
             "repetition_themes", "credentials", "popularity", "reputation", "flag_waving")
    matchers = [lexicon_matcher(n) for n in names] + list(cue_regexes().values())
    toy = LexiconMatcher(["kill*", "scare", "crisis", "so-called", "un rights", "no"])
    texts = [
        "A brutal crackdown, a \u212aILLING spree and a \u017fcare: the cr\u0131sis is total. "
        "Anti-terror and -terror and terror-ism; TERROR\u2019s reach, _terror, no-one, no one.",
        "\u00c9TERROR \u00e9terror terror \u201cradical\u201d extremists\u2014thugs! so-called  UN  rights",
        "", "k", "-", "x" * 5,
    ]
    for m in matchers + [toy]:
        assert m.heads is not None
        for text in texts:
            assert _matches(m.finditer(text)) == _matches(m.regex.finditer(text))
    assert _matches(toy.finditer(texts[0])) != []


def test_lexicon_matcher_on_real_articles(shared_data):
    from unspun.pipeline.frames import cue_regexes
    from unspun.techniques.base import lexicon_matcher

    files = sorted((shared_data / "polnear" / "dev" / "text").glob("*.txt"))[:20]
    if not files:
        pytest.skip("PolNeAR texts not found under ../shared/data/polnear")
    matchers = [lexicon_matcher(n) for n in ("loaded", "labels", "fear", "values")]
    matchers += list(cue_regexes().values())
    total = 0
    for f in files:
        text = f.read_text("utf-8")
        for m in matchers:
            want = _matches(m.regex.finditer(text))
            assert _matches(m.finditer(text)) == want
            total += len(want)
    assert total > 0
