"""Paragraph layouts and front matter (headline, byline, date lines) of files as users have them."""
import textwrap

import pytest

from unspun.pipeline.dateline import find_dateline
from unspun.pipeline.layout import front_matter, is_byline, is_date_line, paragraph_layout

# five paragraphs of ordinary news prose (written for this test)
PARAS = [
    "The city council voted on Monday to close the old river bridge for repairs, a decision "
    "that will force thousands of commuters onto a longer route for at least six months.",
    "Engineers who inspected the bridge in the spring found corrosion in two of its main "
    "girders and recommended that heavy vehicles be kept off it until the work is done.",
    "\u201cWe had no choice,\u201d the mayor said after the vote. \u201cThe safety of the people "
    "who cross that bridge every day comes before everything else.\u201d",
    "Shop owners on both banks said they feared losing customers. Several asked the council to "
    "run a free shuttle bus across the new temporary footbridge while the repairs last.",
    "The council will publish a timetable for the works next week, officials said.",
]


def texts(text, layout):
    return [" ".join(text[s:e].split()) for s, e in layout.paragraphs]


def test_blank_line_paragraphs():
    text = "\n\n".join(PARAS)
    lay = paragraph_layout(text)
    assert texts(text, lay) == PARAS
    assert lay.kind == "blank-line"


def test_one_paragraph_per_line_without_blank_lines():
    text = "\n".join(PARAS)
    lay = paragraph_layout(text)
    assert texts(text, lay) == PARAS
    assert lay.kind == "line-per-paragraph"


def test_title_block_then_one_paragraph_per_line():
    # the layout of SemEval's files and many scrapes: title, blank line, a paragraph a line
    text = "Council votes to close the old bridge\n\n" + "\n".join(PARAS)
    lay = paragraph_layout(text)
    assert texts(text, lay) == ["Council votes to close the old bridge"] + PARAS


@pytest.mark.parametrize("width", [60, 68, 72, 76, 80])
def test_hard_wrapped_lines_inside_blank_line_paragraphs(width):
    text = "\n\n".join(textwrap.fill(p, width) for p in PARAS)
    assert max(len(line) for line in text.splitlines()) <= width
    lay = paragraph_layout(text)
    assert texts(text, lay) == PARAS
    assert lay.kind == "hard-wrapped"


def test_mixture_of_wrapped_blocks_and_line_per_paragraph_block():
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in PARAS[:3])
    text = "Bridge to close\n\n" + wrapped + "\n\n" + "\n".join(PARAS[3:])
    lay = paragraph_layout(text)
    assert texts(text, lay) == ["Bridge to close"] + PARAS
    assert lay.kind == "mixed"


def test_wrapped_line_ending_mid_sentence_before_lower_case_joins():
    text = "The talks went on\nlate into the night, officials said.\n\nA second paragraph."
    assert texts(text, paragraph_layout(text)) == [
        "The talks went on late into the night, officials said.", "A second paragraph."]


def test_indented_line_opens_a_paragraph():
    wrapped = [textwrap.fill(p, 70) for p in PARAS[:3]]
    text = "\n".join("    " + w for w in wrapped)
    lay = paragraph_layout(text)
    assert texts(text, lay) == PARAS[:3]


def test_crlf_line_ends():
    text = "\r\n\r\n".join(PARAS)
    lay = paragraph_layout(text)
    assert texts(text, lay) == PARAS
    assert all(not text[s:e].endswith("\r") for s, e in lay.paragraphs)


@pytest.mark.parametrize("line", [
    "By JOHN SMITH, Associated Press", "By Jane Doe and Li Wei | Reuters",
    "BY MARIA GARCIA", "Written by Tom O'Neill", "Anna Kowalski, Staff Writer",
    "Lauren Whitfield, CTV News Toronto Videojournalist", "Dev Mehta, Digital Producer",
    "Ruth Ellery-Baptiste, Halifax Examiner", "Nadia Lévesque, Global News", "Jenna Moar · CBC News",
    "Alicia Bremner · CBC News · Posted: Mar 14, 2024 4:12 PM CST"])
def test_bylines(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", [
    "By the time the bill passed, the Senate had left.", "Bernie Sanders, the senator",
    "By 2030 the plant will close", "The Latest: Trump urges supporters",
    "Producers say the film will open in May", "Trudeau, Poilievre clash over the news",
    "Ottawa Sentinels, Montreal Comets advance", "Maple Leafs, Canadiens", "Maple Leafs · Canadiens",
    "Storm · Weather News · Toronto floods"])
def test_not_bylines(line):
    assert not is_byline(line)


@pytest.mark.parametrize("line", [
    "Published 10:31 AM EDT, Wed September 20, 2023", "September 20, 2023",
    "Updated: 2023-09-20 10:00 GMT", "20 Sep 2023 | 12:04", "Published 3 hours ago",
    "Sept. 20, 2023 / 10:00 a.m."])
def test_date_lines(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "September 20, 2023 was the day the talks collapsed", "2016 Election: Trump wins Ohio"])
def test_not_date_lines(line):
    assert not is_date_line(line)


def front(text):
    lay = paragraph_layout(text)
    found, body = front_matter(text, lay.paragraphs, lambda s: find_dateline(text, s) is not None)
    start = lay.paragraphs[body][0] if body < len(lay.paragraphs) else len(text)
    return [(f.kind, text[f.start:f.end]) for f in found], text[start:start + 20]


def test_headline_byline_date_then_dateline():
    text = ("Bridge to close for six months\n\nBy JOHN SMITH, Associated Press\n"
            "Published 10:31 AM EDT, Wed September 20, 2023\n\n"
            "SPRINGFIELD, Ill. (AP) — " + PARAS[0] + "\n\n" + PARAS[1])
    kinds, body = front(text)
    assert kinds == [("headline", "Bridge to close for six months"),
                     ("byline", "By JOHN SMITH, Associated Press"),
                     ("date", "Published 10:31 AM EDT, Wed September 20, 2023")]
    assert body.startswith("SPRINGFIELD, Ill.")


def test_a_headline_of_two_sentences_over_a_byline():
    """A web headline may be two sentences; with a byline (or a date line) under it, it is
    still the headline, so the byline's name is front matter (no antecedent of "she")."""
    headline = "She fixed engines for 30 years. Now she teaches welding to teens"
    text = f"{headline}\n\nBy Ruth Okonjo, Daily Ledger\n\n{PARAS[0]}\n\n{PARAS[1]}"
    kinds, body = front(text)
    assert kinds == [("headline", headline), ("byline", "By Ruth Okonjo, Daily Ledger")]
    assert body.startswith(PARAS[0][:20])
    # without the byline a two-sentence first paragraph is still the lede
    assert front(f"{headline}\n\n{PARAS[0]}\n\n{PARAS[1]}")[0] == []


def test_standfirst_only_before_a_dateline():
    standfirst = "Engineers found corrosion in two girders; the work will take six months."
    with_dateline = f"Bridge to close\n\n{standfirst}\n\nSPRINGFIELD, Ill. — {PARAS[0]}"
    assert front(with_dateline)[0] == [("headline", "Bridge to close"),
                                       ("standfirst", standfirst)]
    without = f"Bridge to close\n\n{standfirst}\n\n{PARAS[0]}"
    kinds, body = front(without)
    assert kinds == [("headline", "Bridge to close")]
    assert body.startswith("Engineers found")


def test_no_front_matter_when_the_text_opens_with_a_dateline():
    text = "LONDON (Reuters) - Talks go on.\n\nA second paragraph follows here."
    assert front(text) == ([], "LONDON (Reuters) - T")


def test_a_long_first_paragraph_is_no_headline():
    text = "\n\n".join(PARAS)
    assert front(text)[0] == []


@pytest.fixture(scope="module")
def pipe():
    from unspun.pipeline import Pipeline

    return Pipeline()


def analyze(pipe, text, **kw):
    from unspun.readers import Article

    (rec,) = pipe.analyze_batch([Article(text=text, origin="t", **kw)])
    return rec


def test_record_layout_dateline_agency_and_title(pipe):
    text = ("Green Party candidate removed from debate site by police.\n\n"
            "By Jane Doe, United Press International\n\n"
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party presidential candidate Jill Stein was "
            "escorted off the premises of Hofstra University on Monday afternoon.\n\n" + PARAS[1])
    rec = analyze(pipe, text, published="2016-09-27")
    assert rec.layout["headline"]["text"].startswith("Green Party candidate removed")
    assert rec.layout["byline"]["text"] == "By Jane Doe, United Press International"
    assert rec.title == rec.layout["headline"]["text"]
    assert rec.dateline["place"]["text"] == "HEMPSTEAD, N.Y."
    assert rec.dateline["resolved_date"] == "2016-09-26"
    assert [a["name"] for a in rec.agencies if a["role"] == "wire"][:1] == [
        "United Press International"]
    # the headline is analysed prose in the author's voice
    assert any(s["start"] == 0 for s in rec.sentences)
    assert any(v["voice"] == "author" and v["start"] == 0 for v in rec.voice)


def test_input_title_is_kept(pipe):
    rec = analyze(pipe, "Bridge to close\n\n" + PARAS[0], title="Given title")
    assert rec.title == "Given title"
    assert rec.layout["headline"]["text"] == "Bridge to close"


def test_no_techniques_in_byline_and_date_lines(pipe):
    # a byline name that a detector would flag in prose ('Loyal Patriot' style words)
    text = ("Bridge to close\n\nBy Evil Radical, Staff Writer\n\nSPRINGFIELD — " + PARAS[0]
            + "\n\nThe evil radical thugs destroyed the bridge, the evil radical thugs said.")
    rec = analyze(pipe, text)
    byline = rec.layout["byline"]
    assert byline is not None
    assert not [t for t in rec.techniques
                if byline["start"] <= t["start"] and t["end"] <= byline["end"]]
    assert [t for t in rec.techniques if t["start"] > byline["end"]]


def test_transcript_cue_is_no_dateline_and_prose_is_no_standfirst():
    text = ("Governor: the candidate is trying to heal\n\n"
            "Sunday, on a morning show, the governor said the candidate was trying to heal.\n\n"
            "Partial transcript as follows:\n\nHOST: The candidate released a video.\n\n"
            "(BEGIN VIDEO CLIP.)\n\nCANDIDATE: The deaths were a tragedy.")
    kinds, body = front(text)
    assert kinds == [("headline", "Governor: the candidate is trying to heal")]
    assert body.startswith("Sunday")
    assert find_dateline(text, text.index("(BEGIN")) is None


@pytest.mark.parametrize("deck, furniture", [
    ("Crown seeks 8 years for hit-and-run driver; defence asks for 5",
     "Alicia Bremner · CBC News · Posted: Mar 14, 2024 4:12 PM CST"),
    ("Two tenants died in a basement with barred windows",
     "By Priya Venkataraman Courts Bureau\nWed., Oct. 9, 2024"),
    ("Judge says releasing the accused would undermine public confidence",
     "Author of the article: Nadine Ostrowski\nPublished Feb 06, 2024"),
])
def test_a_deck_between_the_headline_and_the_byline_is_front_matter(deck, furniture):
    """Real pages put a deck (a second headline) and then a byline paragraph, perhaps with its
    date on a line of its own, before the story; none of it is the story's first paragraph."""
    text = "Landlord guilty in deadly rooming-house fire\n\n" + deck + "\n\n" + furniture + "\n\n" + \
        PARAS[0] + "\n\n" + PARAS[1]
    kinds, body = front(text)
    assert kinds[:2] == [("headline", "Landlord guilty in deadly rooming-house fire"), ("standfirst", deck)]
    assert {k for k, _ in kinds[2:]} <= {"byline", "date"} and any(k == "byline" for k, _ in kinds[2:])
    assert body == PARAS[0][:20]


def test_a_second_sentence_of_prose_is_no_deck():
    """A lede ending as a sentence, then the story: no deck, no byline; the lede is the body."""
    text = "Landlord guilty in deadly rooming-house fire\n\n" + PARAS[0] + "\n\n" + PARAS[1]
    kinds, body = front(text)
    assert kinds == [("headline", "Landlord guilty in deadly rooming-house fire")]
    assert body == PARAS[0][:20]
