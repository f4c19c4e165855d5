"""Labelled training data: the SemEval-2023 Task 3 layout and a plain JSONL format.

Both give a list of :class:`Example` (``text`` and ``labels``).  Techniques
are labelled per paragraph; frames and genre per article.

SemEval-2023 Task 3 (a folder, or the ``train-``/``dev-`` files in it):
``<split>-articles-subtask-N/article<ID>.txt`` (line 1 the title, then one
paragraph per line); ``<split>-labels-subtask-1.txt`` (``ID<TAB>genre``);
``<split>-labels-subtask-2.txt`` (``ID<TAB>frame,frame``);
``<split>-labels-subtask-3.txt`` (``ID<TAB>line<TAB>technique,technique``).

JSONL: one object per line, ``{"text": "...", "labels": ["...", ...]}``
(``"label": "..."`` is accepted for genre).  For techniques each line is a
paragraph; for frames and genre each line is an article.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline.frames import FRAMES
from ..techniques.base import TECHNIQUES

TASKS = ("techniques", "frames", "genre")
GENRES = ("reporting", "opinion", "satire")
LABELS = {"techniques": TECHNIQUES, "frames": FRAMES, "genre": GENRES}
_SUBTASK = {"genre": 1, "frames": 2, "techniques": 3}


class DataError(ValueError):
    """Training data that cannot be read; the message names the file and line."""


@dataclass
class Example:
    text: str
    labels: list[str] = field(default_factory=list)
    origin: str = ""


def read_examples(path: str | Path, task: str) -> list[Example]:
    """Examples for ``task`` from a SemEval folder or a JSONL file."""
    if task not in TASKS:
        raise DataError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    path = Path(path)
    if path.is_dir():
        return read_semeval(path, task)
    if path.is_file():
        return read_jsonl(path, task)
    raise DataError(f"{path}: no such file or folder")


def _check(labels: list[str], task: str, where: str) -> list[str]:
    known = set(LABELS[task])
    bad = [x for x in labels if x not in known]
    if bad:
        raise DataError(f"{where}: unknown {task} label(s) {bad}")
    return labels


def read_jsonl(path: Path, task: str) -> list[Example]:
    """One example per line: ``{"text", "labels"}`` (or ``"label"``)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{where}: broken JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise DataError(f"{where}: expected an object with a \"text\" string")
            labels = obj.get("labels", obj.get("label", []))
            labels = [labels] if isinstance(labels, str) else list(labels or [])
            out.append(Example(obj["text"], _check(labels, task, where), where))
    if not out:
        raise DataError(f"{path}: no examples")
    return out


def _label_file(folder: Path, task: str) -> Path:
    n = _SUBTASK[task]
    found = sorted(folder.glob(f"*-labels-subtask-{n}.txt"),
                   key=lambda f: (not f.name.startswith("train-"), f.name))
    if not found:
        raise DataError(f"{folder}: no *-labels-subtask-{n}.txt (SemEval-2023 Task 3 layout)")
    return found[0]


def _articles(folder: Path, label_file: Path, task: str) -> Path:
    split = label_file.name.split("-labels-")[0]
    n = _SUBTASK[task]
    for candidate in (folder / f"{split}-articles-subtask-{n}", folder / f"{split}-articles-subtask-3",
                      *sorted(folder.glob(f"{split}-articles-subtask-*"))):
        if candidate.is_dir():
            return candidate
    raise DataError(f"{folder}: no {split}-articles-subtask-{n}/ folder")


def _rows(label_file: Path) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(label_file.read_text("utf-8").splitlines(), 1):
        if line.strip():
            rows.append((n, line.split("\t")))
    return rows


def _split_labels(value: str) -> list[str]:
    return [x.strip() for x in re.split(r",", value) if x.strip()]


def read_semeval(folder: Path, task: str) -> list[Example]:
    """Examples from a SemEval-2023 Task 3 folder (see the module docstring)."""
    label_file = _label_file(folder, task)
    articles = _articles(folder, label_file, task)
    cache: dict[str, list[str]] = {}

    def lines(art_id: str, where: str) -> list[str]:
        if art_id not in cache:
            f = articles / f"article{art_id}.txt"
            if not f.is_file():
                raise DataError(f"{where}: article file {f} not found")
            cache[art_id] = f.read_text("utf-8").split("\n")
        return cache[art_id]

    out = []
    for n, cols in _rows(label_file):
        where = f"{label_file}:{n}"
        if task == "techniques":
            if len(cols) < 2:
                raise DataError(f"{where}: expected ID<TAB>line<TAB>labels")
            art, line_no = cols[0].strip(), cols[1].strip()
            if not line_no.isdigit():
                raise DataError(f"{where}: line number {line_no!r} is not a number")
            text_lines = lines(art, where)
            idx = int(line_no) - 1
            if not 0 <= idx < len(text_lines):
                raise DataError(f"{where}: article {art} has no line {line_no}")
            labels = _split_labels(cols[2]) if len(cols) > 2 else []
            if text_lines[idx].strip():
                out.append(Example(text_lines[idx], _check(labels, task, where), f"{art}:{line_no}"))
        else:
            if len(cols) < 2:
                raise DataError(f"{where}: expected ID<TAB>labels")
            art = cols[0].strip()
            text = "\n".join(lines(art, where))
            out.append(Example(text, _check(_split_labels(cols[1]), task, where), art))
    if not out:
        raise DataError(f"{label_file}: no examples")
    return out


@dataclass
class Article:
    """An article for the learned layer: its text, and per-paragraph or article labels.

    ``paragraphs`` are ``(start, end, labels)`` for techniques, as ``analyze``
    segments the text (:func:`unspun.pipeline.layout.paragraph_layout`); ``labels``
    are the article's frames or genre.
    """

    id: str
    text: str
    paragraphs: list[tuple[int, int, list[str]]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def read_articles(path: str | Path, task: str) -> list[Article]:
    """Articles for ``task`` from a SemEval folder or a JSONL file (a line is an article;
    for techniques, a one-paragraph article)."""
    from ..pipeline.layout import paragraph_layout

    path = Path(path)
    if task not in TASKS:
        raise DataError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    if not path.is_dir():
        out = []
        for e in read_examples(path, task):
            if task == "techniques":
                bounds = paragraph_layout(e.text).paragraphs or [(0, len(e.text))]
                out.append(Article(e.origin, e.text, [(s, t, e.labels) for s, t in bounds]))
            else:
                out.append(Article(e.origin, e.text, labels=e.labels))
        return out
    if task != "techniques":
        return [Article(e.origin, e.text, labels=e.labels) for e in read_semeval(path, task)]
    return _semeval_paragraphs(path)


def _semeval_paragraphs(folder: Path) -> list[Article]:
    """SemEval techniques: each labelled line is mapped to the paragraph ``analyze`` finds
    there; a paragraph's labels are its lines' labels; paragraphs with no scored line are
    left out."""
    from bisect import bisect_right

    from ..pipeline.layout import paragraph_layout

    label_file = _label_file(folder, "techniques")
    articles = _articles(folder, label_file, "techniques")
    scored: dict[str, dict[int, list[str]]] = {}
    for n, cols in _rows(label_file):
        where = f"{label_file}:{n}"
        if len(cols) < 2 or not cols[1].strip().isdigit():
            raise DataError(f"{where}: expected ID<TAB>line<TAB>labels")
        labels = _check(_split_labels(cols[2]) if len(cols) > 2 else [], "techniques", where)
        scored.setdefault(cols[0].strip(), {}).setdefault(int(cols[1]), []).extend(labels)
    out = []
    for art, lines in scored.items():
        f = articles / f"article{art}.txt"
        if not f.is_file():
            raise DataError(f"{label_file}: article file {f} not found")
        text = f.read_text("utf-8")
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        bad = [n for n in lines if not 1 <= n <= len(starts)]
        if bad:
            raise DataError(f"{label_file}: article {art} has no line {bad[0]}")
        paras: dict[int, set[str]] = {}
        bounds = paragraph_layout(text).paragraphs
        para_starts = [s for s, _ in bounds]
        for line, labels in lines.items():
            pos = starts[line - 1]
            nl = text.find("\n", pos)
            body = text[pos:nl if nl >= 0 else len(text)]
            if not body.strip():
                continue  # an empty line carries nothing
            first = pos + len(body) - len(body.lstrip())
            i = bisect_right(para_starts, first) - 1
            if i >= 0 and first < bounds[i][1]:
                paras.setdefault(i, set()).update(labels)
        out.append(Article(art, text, [(bounds[i][0], bounds[i][1], sorted(labs))
                                       for i, labs in sorted(paras.items())]))
    if not out:
        raise DataError(f"{label_file}: no examples")
    return out
