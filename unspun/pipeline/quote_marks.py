"""Quotation marks: which pairs open and close, and the quoted spans they make.

Works on characters only (no parser), paragraph by paragraph:

* curly (“ ” ‘ ’), guillemet (« ») and straight (" ') marks; a straight mark
  opens when it follows a space or an opening bracket and precedes a
  non-space, and closes otherwise; two single marks typed for a double one
  (''...'', the language's ``doubled_single``) are one double mark;
* nesting: an opening mark inside an open quote starts an inner quote, which
  stays inside its enclosing span (``"... the so-called "elections" ..."``);
* multi-paragraph quotes: a paragraph that leaves a quote open continues into
  the next paragraph when that one opens with a quotation mark;
* unbalanced marks never raise: an unclosed quote that opens its paragraph or a
  sentence (or follows a colon or comma) runs to the paragraph end, any other
  leftover mark is ignored (what it held stays paired as it was); it never runs
  past its paragraph unless the next paragraph opens with a quotation mark.
  ``Quoted.breaks`` lists where each continuation paragraph's mark re-opens a
  multi-paragraph quote (the extractor splits one whose last paragraph is
  plainly someone else's quote).

Single marks are also apostrophes (``don’t``, ``voters’``, ``’90s``), so a
single mark only opens before a letter or digit after a space, and only
closes when no letter follows; unclosed single quotes are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

_DASHES = set("—–-/:")


@dataclass(frozen=True)
class Marks:
    """A language's quotation marks (``quote_marks.json`` in its folder under ``unspun/lang``)."""

    double_open: str = ""
    double_close: str = ""
    single_open: str = ""
    single_close: str = ""
    straight_double: str = ""
    straight_single: str = ""
    doubled_single: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> Marks:
        return cls(**{k: v for k, v in data.items() if not k.startswith("_")})

    @cached_property
    def all(self) -> str:
        return (self.double_open + self.double_close + self.single_open + self.single_close
                + self.straight_double + self.straight_single)

    @cached_property
    def open_before(self) -> set[str]:
        return set("([{") | set(self.double_open + self.single_open)

    @cached_property
    def close_after(self) -> set[str]:
        return set(" \t\n.,;:!?)]}—–-…") | set(self.double_close + self.single_close
                                                 + self.straight_double + self.straight_single)


def english_marks() -> Marks:
    from ..lang import get

    return get("en").quote_marks


@dataclass
class Quoted:
    """A top-level quoted span: ``start`` is the opening mark, ``end`` is just past the closing one."""

    start: int
    end: int
    closed: bool = True
    inner: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: int = 1
    breaks: list[int] = field(default_factory=list)  # continuation marks of later paragraphs

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


@dataclass
class _Mark:
    pos: int
    double: bool
    role: str  # "open", "close" or "either"
    width: int = 1  # 2: a double mark written as two single ones ('')


def classify(text: str, i: int, marks: Marks | None = None) -> _Mark | None:
    """What the mark at ``text[i]`` does, from the characters around it."""
    m = marks if marks is not None else english_marks()
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c in m.double_open:
        return _Mark(i, True, "open")
    if c in m.double_close:
        # a right mark typed where a left one belongs: space before, word after
        role = "either" if prev.isspace() and not nxt.isspace() else "close"
        return _Mark(i, True, role)
    opens = prev.isspace() or prev in m.open_before or (prev in _DASHES and not nxt.isspace())
    if c in m.straight_double:
        return _straight_double(i, prev, nxt, opens, m)
    if c in m.single_open or c in m.single_close or c in m.straight_single:
        if nxt.isalnum() and prev.isalnum():
            return None  # apostrophe inside a word
        if c in m.single_open or opens:
            if nxt.isalnum() or nxt in m.double_open or nxt in m.straight_double:
                return _Mark(i, False, "open")
            return None
        if not nxt.isalnum():
            return _Mark(i, False, "close")
    return None


def _straight_double(i: int, prev: str, nxt: str, opens: bool, m: Marks, width: int = 1) -> _Mark | None:
    closes = not opens and (nxt in m.close_after or nxt.isspace())
    if opens and nxt.isspace():
        return None  # a lone mark between spaces
    if opens and not closes:
        return _Mark(i, True, "open", width)
    if closes and not opens:
        return _Mark(i, True, "close", width)
    return _Mark(i, True, "either", width)


def _doubled(text: str, i: int, m: Marks) -> _Mark | None:
    """Two single marks written for a double one (\'\'...\'\', in text typed without curly
    marks), read like a straight double mark."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 2] if i + 2 < len(text) else " "
    opens = prev.isspace() or prev in m.open_before or (prev in _DASHES and not nxt.isspace())
    return _straight_double(i, prev, nxt, opens, m, 2)


def _marks_in(text: str, start: int, end: int, m: Marks) -> list[_Mark]:
    """The marks of ``text[start:end]`` in order: a doubled single mark is one double mark;
    three in a row are a single and a double mark (\'\'\'Hey ...: opening both; ...,\'\'\':
    closing both)."""
    out: list[_Mark] = []
    skip = -1
    for i in _positions(text, start, end, m.all):
        if i <= skip:
            continue
        c = text[i]
        if c in m.doubled_single and text[i + 1:i + 2] == c:
            triple = text[i + 2:i + 3] == c
            after = text[i + 3:i + 4] if triple else ""
            if triple and not after.isalnum():  # closing: the single mark, then the double
                out.extend(x for x in (classify(text, i, m), _doubled(text, i + 1, m)) if x is not None)
                skip = i + 2
                continue
            found = _doubled(text, i, m)
            if found is not None:
                out.append(found)
            skip = i + 1
            if triple and found is not None and found.role == "open":  # opening both
                out.append(_Mark(i + 2, False, "open"))
                skip = i + 2
            continue
        found = classify(text, i, m)
        if found is not None:
            out.append(found)
    return out


def _pair_paragraph(text: str, marks: list[_Mark], carried: bool):
    """Pair marks with a stack; returns (pairs, leftover open double mark or None).

    ``carried`` means a double quote is already open from the previous paragraph.
    Pairs are (start, end, depth); a carried quote's pair starts at -1.
    """
    stack: list[_Mark] = [_Mark(-1, True, "open")] if carried else []
    open_count = {True: len(stack), False: 0}  # open marks on the stack, double and single
    pairs: list[tuple[int, int, int]] = []
    for m in marks:
        if m.role == "either":
            m = _Mark(m.pos, m.double, "close" if open_count[True] and m.double else "open")
        if m.role == "open":
            stack.append(m)
            open_count[m.double] += 1
            continue
        if not open_count[m.double]:
            continue  # nothing of its kind to close (no search through the whole stack)
        # a close: find the nearest open mark of the same kind
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].double == m.double:
                opener = stack[k]
                for dead in stack[k:]:  # inner unclosed marks die with it
                    open_count[dead.double] -= 1
                del stack[k:]
                pairs.append((opener.pos, m.pos + m.width, k))
                break
    leftover = next((s for s in stack if s.double), None)
    return pairs, leftover


@lru_cache(maxsize=16)
def _any_of(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]") if chars else re.compile("(?!)")


def _positions(text: str, start: int, end: int, chars: str) -> list[int]:
    """Where any of ``chars`` occurs in ``text[start:end]``."""
    return [m.start() for m in _any_of(chars).finditer(text, start, end)]


def find_quoted(text: str, paragraphs: list[tuple[int, int]],
                marks: Marks | None = None) -> list[Quoted]:
    """All top-level quoted spans in ``text``, in order; never raises on odd marks.

    ``marks``: the language's quotation marks (English's by default)."""
    marks = marks if marks is not None else english_marks()
    out: list[Quoted] = []
    current: Quoted | None = None  # a quote carried over from the previous paragraph
    for n, (ps, pe) in enumerate(paragraphs):
        found = _marks_in(text, ps, pe, marks)
        carried = current is not None
        if carried and not (found and found[0].pos == _first_char(text, ps, pe)
                            and found[0].double and found[0].role != "close"):
            _finish(out, current, text, unclosed=True)  # next paragraph does not continue it
            current, carried = None, False
        if carried:
            current.breaks.append(found[0].pos)
            found = found[1:]  # the continuation mark re-opens the carried quote
        pairs, leftover = _pair_paragraph(text, found, carried)
        if leftover is not None and leftover.pos >= 0 and not _opens_quote(text, ps, leftover.pos):
            leftover = None  # a stray opening mark mid-paragraph: ignored
        for s, e, _ in sorted(pairs):
            if s == -1 and current is not None:
                current.end, current.closed = e, True
                out.append(current)
                current = None
            elif s >= 0:
                out.append(Quoted(s, e))  # nesting is sorted out at the end
        if current is not None:  # carried and still open at the end of this paragraph
            current.end = pe
            current.paragraphs += 1
        elif leftover is not None and leftover.pos >= 0:
            current = Quoted(leftover.pos, pe, closed=False)
        if current is not None and n == len(paragraphs) - 1:
            _finish(out, current, text, unclosed=True)
            current = None
    out.sort(key=lambda q: q.start)
    return _nest(out)


def _first_char(text: str, ps: int, pe: int) -> int:
    i = ps
    while i < pe and text[i].isspace():
        i += 1
    return i


def _opens_quote(text: str, ps: int, pos: int) -> bool:
    """Whether an unclosed mark at ``pos`` is where a quotation plainly starts: at the
    paragraph's or a sentence's start, or after a colon, comma or dash."""
    before = text[ps:pos].rstrip()
    return not before or before[-1] in ":,—–.!?"


def split_last_paragraph(q: Quoted, text: str) -> tuple[Quoted, Quoted]:
    """A multi-paragraph quote cut before its last continuation mark: the paragraphs
    before it (left open at their end) and the last paragraph's quote."""
    cut = q.breaks[-1]
    end = cut
    while end > q.start and text[end - 1].isspace():
        end -= 1
    head = Quoted(q.start, end, closed=False, inner=[i for i in q.inner if i[1] <= end],
                  paragraphs=q.paragraphs - 1, breaks=q.breaks[:-1])
    return head, Quoted(cut, q.end, closed=q.closed, inner=[i for i in q.inner if i[0] >= cut])


def _finish(out: list[Quoted], q: Quoted, text: str, unclosed: bool) -> None:
    q.closed = not unclosed
    end = q.end
    while end > q.start and text[end - 1].isspace():
        end -= 1
    q.end = end
    if q.end - q.start > 1:
        out.append(q)


def _nest(spans: list[Quoted]) -> list[Quoted]:
    """Drop spans that lie inside an earlier one (keeping them as its ``inner``)."""
    top: list[Quoted] = []
    for q in spans:
        if top and q.start < top[-1].end:
            if q.end <= top[-1].end:
                top[-1].inner.append((q.start, q.end))
            continue
        top.append(q)
    return top
