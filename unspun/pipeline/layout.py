"""How an article file is laid out: its paragraphs, and the lines in front of the body.

Real files come in a few layouts, often mixed in one file:

* blank-line paragraphs (the seed article, PolNeAR, most exports);
* one paragraph per line (trafilatura's output, SemEval's layout, many scrapes), also
  *inside* a blank-line block: a title block, a blank line, then a paragraph a line;
* hard-wrapped lines (~70-80 characters, e-mail and wire feeds), whose line breaks are
  not paragraph breaks.

A line break is a paragraph break unless the line was wrapped: the document has a wrap
width (most lines end within a few characters of one width, mid-sentence) and the line
is full (the next word would not have fitted), or the line stops mid-sentence and the
next one goes on in lower case.  Indented lines always open a paragraph.

Then the front matter: what comes before the body in a scraped file.  The first
paragraph is a *headline* when it is one short line that does not open with a
dateline; after it, *byline* ("By JOHN SMITH, Associated Press"), *date* lines
("Published 10:31 AM EDT, Wed September 20, 2023"), short *label* lines ("FULL TEXT.")
and, when a dateline follows them, a *standfirst*.  Everything here is linear in the
text's length.  The words of bylines and date lines are the text's language's
(:class:`FrontWords`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..lang import get as get_language

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_END_PUNCT = tuple(".!?:;\"”’'»)…。！？")
_MAX_WRAP = 100      # wider "wrapping" is one paragraph per line
_MIN_WRAP = 30
_HEADLINE_CHARS = 250
_FRONT_SCAN = 8      # paragraphs searched for the body's dateline
_STANDFIRST_CHARS = 600
_MAX_STANDFIRSTS = 2

_NAME_WORD = re.compile(r"[^\W\d_][\w.'’\-]*")


class FrontWords:
    """A language's words for the front lines (``patterns.json``: date_month, date_words,
    byline_lead, byline_role, reported_speech; ``words.json``: name_connectives,
    abbreviations)."""

    def __init__(self, lang: Any):
        month, nth = lang.pattern("date_month"), lang.pattern("date_ordinal")
        clock, ago = lang.pattern("date_clock_suffix"), lang.pattern("date_ago")
        self.date_token = re.compile(
            rf"\b{month}\s+\d{{1,2}}(?:{nth})?(?:,?\s+\d{{4}})?"
            rf"|\b\d{{1,2}}(?:{nth})?\s+{month}(?:,?\s+\d{{4}})?"
            rf"|\b\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?Z?)?"
            rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:{clock})?"
            rf"|\b\d{{4}}\b|{ago}", re.IGNORECASE)
        self.date_words = lang.regex("date_words", re.IGNORECASE)
        self.byline_lead = lang.regex("byline_lead")
        self.byline_role = lang.regex("byline_role", re.IGNORECASE)
        self.reported = lang.regex("reported_speech")
        self.media_words = lang.regex("media_words")
        self.connectives = lang.word_set("name_connectives")
        self.abbreviations = lang.word_set("abbreviations")


def front_words(lang: Any = None) -> FrontWords:
    """:class:`FrontWords` of ``lang`` (English when None), made once per language."""
    lang = lang if lang is not None else get_language("en")
    return lang.memo(("front words",), lambda: FrontWords(lang))


_LABEL = re.compile(r"[A-Z][\w\- ]{0,30}[.:]?")


@dataclass
class Front:
    """One line or paragraph in front of the body."""

    kind: str  # headline | byline | date | label | standfirst
    start: int
    end: int


@dataclass
class Layout:
    kind: str  # blank-line | line-per-paragraph | hard-wrapped | mixed | single
    paragraphs: list[tuple[int, int]]
    wrap: int | None = None


# -- paragraphs -------------------------------------------------------------------
def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line in text[start:end], right-trimmed."""
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _trim(text, pos, stop, left=False)
        if text[s:e].strip():
            out.append((s, e))
        pos = stop + 1
    return out


def _trim(text: str, start: int, end: int, left: bool = True) -> tuple[int, int]:
    while left and start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width lines were wrapped at, when the text is hard-wrapped; else None."""
    short = [(s, e) for s, e in lines if _MIN_WRAP <= e - s <= _MAX_WRAP]
    if len(short) < 3:
        return None
    lengths = Counter(e - s for s, e in short)
    # the widest length that several lines reach (a single long outlier does not count)
    width = max(n for n in lengths if sum(c for m, c in lengths.items() if m >= n - 2) >= 2)
    near = [(s, e) for s, e in short if width - 15 <= e - s <= width]
    open_ended = sum(not text[s:e].rstrip().endswith(_END_PUNCT) for s, e in near)
    if len(near) >= 3 and len(near) >= 0.4 * len(short) and open_ended >= 0.5 * len(near):
        return width
    return None


def _first_word(text: str, start: int, end: int) -> str:
    s, _ = _trim(text, start, end)
    m = re.compile(r"\S+").match(text, s, end)
    return m.group() if m else ""


def _soft_break(text: str, line: tuple[int, int], nxt: tuple[int, int], wrap: int | None) -> bool:
    """True when the break after ``line`` only wraps a paragraph that goes on."""
    if text[nxt[0]] in " \t":  # an indented line opens a paragraph
        return False
    body = text[line[0]:line[1]].rstrip()
    word = _first_word(text, *nxt)
    ends_sentence = body.endswith(_END_PUNCT)
    if not ends_sentence and word[:1].islower():
        return True
    if wrap is None:
        return False
    length = line[1] - line[0]
    return length <= wrap + 2 and length + 1 + len(word) > wrap - 1


def paragraph_layout(text: str) -> Layout:
    """Paragraph bounds (whitespace trimmed) and the layout they were found in."""
    blocks, pos = [], 0
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    all_lines = [_lines(text, s, e) for s, e in blocks]
    flat = [ln for lines in all_lines for ln in lines]
    wrap = _wrap_width(text, flat)
    paragraphs: list[tuple[int, int]] = []
    kinds = set()
    for lines in all_lines:
        if not lines:
            continue
        start = lines[0][0]
        for cur, nxt in zip(lines, lines[1:]):
            if _soft_break(text, cur, nxt, wrap):
                kinds.add("wrapped")
                continue
            kinds.add("lines")
            paragraphs.append(_trim(text, start, cur[1]))
            start = nxt[0]
        paragraphs.append(_trim(text, start, lines[-1][1]))
    blank = sum(1 for lines in all_lines if lines) > 1
    return Layout(_kind(blank, kinds, wrap), [p for p in paragraphs if p[1] > p[0]], wrap)


def _kind(blank: bool, kinds: set[str], wrap: int | None) -> str:
    if wrap and "wrapped" in kinds:
        return "hard-wrapped" if not ("lines" in kinds and blank) else "mixed"
    if blank:
        return "mixed" if "lines" in kinds else "blank-line"
    return "line-per-paragraph" if "lines" in kinds else "single"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed."""
    return paragraph_layout(text).paragraphs


# -- front matter -------------------------------------------------------------------
def is_byline(line: str, lang: Any = None) -> bool:
    """'By JOHN SMITH, Associated Press', 'By Jane Doe and Li Wei | Reuters', 'John Smith, Staff Writer',
    'Ruth Ellery-Baptiste, Halifax Examiner' (a name, a comma and an outlet's name)."""
    fw = front_words(lang)
    line = _strip_end(line)
    if not line or len(line) > 160 or "\n" in line:
        return False
    lead = fw.byline_lead.match(line)
    rest = line[lead.end():] if lead else line
    if not lead and _credited(rest, fw, lang):
        return True
    if not lead and not fw.byline_role.search(rest):
        return False
    pieces = re.split(r"[\s,&|/·•]+", rest)
    words = [w for w in pieces if w]
    if not words or len(words) > 14:
        return False
    if any(not _NAME_WORD.fullmatch(w) for w in words):
        return False
    named = sum(w[0].isupper() or w.lower() in fw.connectives for w in words)
    return words[0][0].isupper() and named == len(words)


# "Ruth Ellery-Baptiste, Halifax Examiner", "Jenna Moar · CBC News · Posted: Mar 14, 2024":
# two to four capitalised words, a comma or a middle dot (or bar), the outlet, then the rest
_NAME_CREDIT = re.compile(r"[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*){1,3}(?:,|\s+[·|•])\s+([^·|•]+)(.*)")
_POSTED = re.compile(r"\s*[·|•]\s+(?:Posted|Updated|Published|Last Updated)\b", re.I)


def _credited(line: str, fw: FrontWords, lang: Any = None) -> bool:
    """A writer's name, a comma or a middle dot, and an outlet's name that holds a news word
    (``media_words``), then nothing or a date ("· Posted: Mar 14, 2024 4:12 PM CST"): "Ruth
    Ellery-Baptiste, Halifax Examiner", "Jenna Moar · CBC News"."""
    found = _NAME_CREDIT.fullmatch(line)
    if found is None or fw.media_words.search(found.group(1)) is None:
        return False
    rest = found.group(2)
    return not rest.strip() or bool(_POSTED.match(rest)) or is_date_line(rest.strip(" ·|•"), lang)


def is_date_line(line: str, lang: Any = None) -> bool:
    """A line that gives only a date or time ('Published 10:31 AM EDT, Sept. 20, 2023')."""
    fw = front_words(lang)
    if len(line) > 120 or "\n" in line or not fw.date_token.search(line):
        return False
    rest = fw.date_words.sub(" ", fw.date_token.sub(" ", line))
    return len(rest.split()) <= 1


def _is_label(line: str) -> bool:
    """A short section label such as 'FULL TEXT.', 'ABSTRACT.', 'Correction Appended.'."""
    return len(line) <= 32 and len(line.split()) <= 3 and bool(_LABEL.fullmatch(line))


def _strip_end(line: str) -> str:
    return line.rstrip(" .;|•·-–—")


def _headline_like(line: str, title: str | None = None, strong_next: bool = False,
                   lang: Any = None) -> bool:
    """A short line that reads as a headline rather than a lede.

    Strong signs: it is the input's title, it has no closing punctuation, it is in Title
    Case, or a byline, date line or dateline follows.  A sentence-case line ending with a
    full stop (PolNeAR's titles do) counts when it is short (16 words at most) and not a
    reported sentence ('..., officials said.').
    """
    if "\n" in line or not 2 <= len(line) <= _HEADLINE_CHARS or len(line.split()) > 40:
        return False
    # one sentence at most: a headline may end with a full stop, a lede goes on
    if any(_sentence_end(line, m.start(), lang) for m in _STOP_THEN_CAPITAL.finditer(line)):
        return False
    if title is not None and " ".join(title.split()) == " ".join(line.split()):
        return True
    words = line.split()
    capitalised = sum(w[:1].isupper() for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words) or 1
    if strong_next or not line.rstrip("\"”’'»)").endswith((".", "!", "?", ";")) \
            or capitalised >= 0.7 * long_words:
        return True
    if title is not None:  # the input has its own, different title: only strong signs count
        return False
    return len(words) <= 16 and not front_words(lang).reported.search(line)


_STOP_THEN_CAPITAL = re.compile(r"[.!?](?=\s+[A-Z\"“‘'])")


def _sentence_end(line: str, pos: int, lang: Any = None) -> bool:
    """Whether the stop at ``pos`` ends a sentence (not 'U.S.', 'Mr.', 'J.')."""
    if line[pos] in "!?":
        return True
    word = re.search(r"[\w.]*$", line[:pos]).group()
    return len(word) >= 2 and word[-1].islower() \
        and word.lower() not in front_words(lang).abbreviations


def front_matter(text: str, paragraphs: list[tuple[int, int]], opens_with_dateline,
                 title: str | None = None, lang: Any = None) -> tuple[list[Front], int]:
    """The front lines and the index of the body's first paragraph.

    ``opens_with_dateline(start)`` says whether a dateline opens the text at ``start``;
    ``title`` is the input's own title, if it has one; ``lang`` the text's language (its
    byline and date words; English by default).
    """
    if len(paragraphs) < 2 or opens_with_dateline(paragraphs[0][0]):
        return [], 0
    front: list[Front] = []
    scan = paragraphs[:_FRONT_SCAN]
    dated = next((i for i, (s, _) in enumerate(scan) if i and opens_with_dateline(s)), None)
    first = text[paragraphs[0][0]:paragraphs[0][1]]
    second = text[paragraphs[1][0]:paragraphs[1][1]]
    strong = dated == 1 or is_byline(second, lang) or is_date_line(second, lang)
    if strong and "\n" not in first and len(first) <= _HEADLINE_CHARS:
        pass  # a short line straight before the dateline, a byline or a date line: the
        #       headline, even of two sentences ('History. Again.', 'She spent a decade as a
        #       paramedic. Now she's making Canada laugh about it' over 'By Jordan Feist, ...')
    elif not _headline_like(first, title, strong, lang) and not is_byline(first, lang) \
            and not is_date_line(first, lang):
        return [], 0
    for i, (s, e) in enumerate(scan):
        line = text[s:e]
        if dated is not None and i >= dated:
            return front, dated
        kind = _front_kind(line, i, dated is not None, lang)
        if kind is None and i + 1 < len(scan) and all(f.kind in ("headline", "standfirst") for f in front) \
                and _deck(line) and _furniture(text[scan[i + 1][0]:scan[i + 1][1]], lang):
            kind = "standfirst"  # a deck between the headline and the byline or date
        if kind == "standfirst" and sum(f.kind == "standfirst" for f in front) >= _MAX_STANDFIRSTS:
            kind = None  # more prose than a standfirst: the body started earlier
        if kind is None:
            return front, i
        front.append(Front(kind, s, e))
    return front, len(front)


def _deck(line: str) -> bool:
    """A headline's deck: one line no longer than a standfirst, not ended as a sentence."""
    return "\n" not in line and len(line) <= _STANDFIRST_CHARS and not line.rstrip().endswith((".", "!", "?", '"', "”"))


def _furniture(para: str, lang: Any = None) -> bool:
    """A paragraph of byline and date lines only ("By Priya Venkataraman Courts Bureau" over
    "Wed., Oct. 9, 2024"; "Author of the article: Nadine Ostrowski" over "Published Feb 06,
    2024")."""
    lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
    return 0 < len(lines) <= 4 and all(
        is_byline(ln, lang) or is_date_line(ln, lang) or _AUTHOR.fullmatch(ln) for ln in lines)


# "Author of the article: Nadine Ostrowski", "Author: Jane Doe": a byline's label
_AUTHOR = re.compile(r"(?:Author(?: of the article)?|Written by|Reporter)\s*:\s*[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*){1,3}")


def _front_kind(line: str, index: int, dateline_follows: bool, lang: Any = None) -> str | None:
    if is_byline(line, lang) or _AUTHOR.fullmatch(line.strip()) or "\n" in line and _furniture(line, lang):
        return "byline"
    if is_date_line(line, lang):
        return "date"
    if index == 0:
        return "headline"
    if dateline_follows:
        if _is_label(line):
            return "label"
        if len(line) <= _STANDFIRST_CHARS:
            return "standfirst"
    return None
