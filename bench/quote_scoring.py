"""Scoring quotes against PolNeAR (brat standoff): the loader and the scorer of bench/quotes.py.

Gold: every ``Attribution`` event of an article's annotation file, with its
Content (possibly discontinuous), Cue and Source spans.  Several annotators
annotated some articles (``NAME_XXXX.ann``): the rule here is **the first
file in sorted order of the annotator code** for each article.

Scoring: a predicted content span matches a gold one when
``shared characters / length of the longer`` reaches the threshold (0.3 or
0.8; a discontinuous gold content counts its fragments' characters only, and
so does a predicted quote split by its attribution, through its ``parts``);
matching is one-to-one, greedy by overlap.  Speaker accuracy is over matched
pairs: right when the predicted speaker span overlaps the gold Source, or a
mention of the predicted speaker's entity does, or the gold Source's last word
is one of the predicted speaker name's words; when the gold has no Source, a
null speaker is right.

Subsets: ``all`` attributions, and ``speech``: those whose Cue holds a verb of
speech or writing (say, tell, add, according to, state, write, ask, ...) or
is a colon.  For a subset, recall is over its gold quotes; precision counts a
prediction matched to a gold quote outside the subset as neither right nor
wrong.  Direct gold quotes are those whose content starts and ends with a
quotation mark; everything else (indirect and mixed) is ``indirect``; a
prediction's kind is its own (``mixed`` counts as indirect).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

QUOTE_CHARS = "\"“”'‘’«»"
SPEECH_FORMS = set("""
say says said saying tell tells told telling add adds added adding state states stated stating
write writes wrote written writing ask asks asked asking announce announces announced announcing
note notes noted noting explain explains explained explaining claim claims claimed claiming insist
insists insisted insisting argue argues argued arguing tweet tweets tweeted tweeting report reports
reported declare declares declared reply replies replied respond responds responded responding
answer answered warn warns warned warning comment comments commented suggest suggests suggested
suggesting acknowledge acknowledged acknowledges admit admits admitted confirm confirmed confirms deny
denies denied allege alleged alleges assert asserted asserts contend contended predict predicted
promise promised vow vowed stress stressed emphasize emphasized recall recalled remark remarked
reiterate reiterated repeat repeated testify testified complain complained joke joked observe
observed conclude concluded urge urged urging demand demanded call called calling calls describe
described describing accuse accused accusing criticize criticized criticised blame blamed quote
quoted speak spoke speaking talk talked mention mentioned post posted continue continued
according statement told shout shouted exclaim exclaimed whisper whispered yell yelled
""".split())


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue_text: str
    text: str
    cue: list[tuple[int, int]] = field(default_factory=list)

    @property
    def chars(self) -> set[int]:
        return {i for s, e in self.content for i in range(s, e)}

    @property
    def direct(self) -> bool:
        t = self.text.strip().rstrip(".,;:—–-)")
        return len(t) > 2 and t[0] in QUOTE_CHARS and t[-1] in QUOTE_CHARS

    @property
    def speech(self) -> bool:
        words = re.findall(r"[a-z]+|:", self.cue_text.lower())
        return any(w in SPEECH_FORMS for w in words)


@dataclass
class Pred:
    start: int
    end: int
    direct: bool
    speaker: tuple[int, int] | None
    speaker_names: set[str] = field(default_factory=set)
    speaker_mentions: list[tuple[int, int]] = field(default_factory=list)
    parts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def chars(self) -> set[int]:
        return {i for s, e in (self.parts or [(self.start, self.end)]) for i in range(s, e)}


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        s, e = part.split()[-2:]
        out.append((int(s), int(e)))
    return out


def load_split(root: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold quotes) per article of a PolNeAR split, first annotator per article."""
    ann_dir, text_dir = root / split / "attributions", root / split / "text"
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, path)
    out = []
    for name in sorted(chosen)[:limit]:
        text_path = text_dir / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        out.append((name, text, parse_ann(chosen[name].read_text(encoding="utf-8"), text)))
    return out


def parse_ann(ann: str, text: str) -> list[Gold]:
    """The Attribution events of one brat file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label = cols[1].split()[0]
            spans[cols[0]] = (label, _spans(cols[1][len(label):]), cols[2] if len(cols) > 2 else "")
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cols[1].split()[1:] if ":" in arg))
    golds = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if not content:
            continue
        source = spans.get(ev.get("Source", ""), ("", [], ""))[1]
        _, cue_spans, cue = spans.get(ev.get("Cue", ""), ("", [], ""))
        ctext = " ".join(text[s:e] for s, e in content[1])
        golds.append(Gold(content[1], source, cue, ctext, cue_spans))
    return golds


def overlap(gold: Gold, pred: Pred) -> float:
    g, p = gold.chars, pred.chars
    return len(g & p) / max(len(g), len(p), 1)


def speaker_right(gold: Gold, pred: Pred, text: str) -> bool:
    if not gold.source:
        return pred.speaker is None
    if pred.speaker is None:
        return False
    spans = [pred.speaker] + pred.speaker_mentions
    if any(s < ge and gs < e for s, e in spans for gs, ge in gold.source):
        return True
    words = re.findall(r"\w+", " ".join(text[s:e] for s, e in gold.source).lower())
    return bool(words) and words[-1] in pred.speaker_names and len(words[-1]) > 2


def match(golds: list[Gold], preds: list[Pred], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), greedy by overlap."""
    scored = []
    for gi, g in enumerate(golds):
        gs, ge = min(s for s, _ in g.content), max(e for _, e in g.content)
        for pi, p in enumerate(preds):
            if p.start < ge and gs < p.end:
                ov = overlap(g, p)
                if ov >= threshold:
                    scored.append((ov, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for ov, gi, pi in sorted(scored, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def match_covering(golds: list[Gold], preds: list[Pred], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs as the Gender Gap Tracker's own evaluation pairs them (our reading of
    its published method): each gold quote in order takes the unused prediction covering
    the largest share of the gold's characters, when that share exceeds ``threshold``.
    Asymmetric: a prediction running on past the gold quote is not penalised."""
    pairs, used = [], set()
    for gi, g in enumerate(golds):
        best, best_pi = threshold, None
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            cover = len(g.chars & p.chars) / max(len(g.chars), 1)
            if cover > best:
                best, best_pi = cover, pi
        if best_pi is not None:
            used.add(best_pi)
            pairs.append((gi, best_pi))
    return pairs


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    gold: int = 0
    speaker_ok: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.gold += other.gold
        self.speaker_ok += other.speaker_ok

    def prf(self) -> tuple[float, float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_ok / self.tp if self.tp else 0.0
        return p, r, f, acc


SUBSETS = ("all", "speech")
KINDS = ("any", "direct", "indirect")


def score_article(text: str, golds: list[Gold], preds: list[Pred], threshold: float
                  ) -> dict[tuple[str, str], Tally]:
    """Tallies per (subset, kind) for one article."""
    pairs = match(golds, preds, threshold)
    gold_of = {pi: gi for gi, pi in pairs}
    out: dict[tuple[str, str], Tally] = {}
    for subset in SUBSETS:
        in_subset = [subset == "all" or g.speech for g in golds]
        for kind in KINDS:
            t = Tally()
            want = (lambda d: True) if kind == "any" else (lambda d, k=kind: d == (k == "direct"))
            t.gold = sum(1 for g, ok in zip(golds, in_subset) if ok and want(g.direct))
            for gi, pi in pairs:
                if in_subset[gi] and want(golds[gi].direct):
                    t.tp += 1
                    t.speaker_ok += speaker_right(golds[gi], preds[pi], text)
            for pi, p in enumerate(preds):
                if pi not in gold_of and want(p.direct):
                    t.fp += 1
            out[(subset, kind)] = t
    return out


# -- per-class errors (issue 15) -------------------------------------------------
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "its"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
ERROR_CLASSES = ("cue-less", "pronoun", "non-agent", "span cut", "other miss", "other speaker")


def words_of(s: str) -> list[str]:
    return re.findall(r"[\w'’]+", s.lower())


_SENT_BREAK = re.compile(r"[.!?][\"'”’]*\s+|\n\s*\n")


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``text[start:end]``, by punctuation and paragraph breaks
    (a quote's sentence runs on to the attribution after it: '"...," he said.')."""
    s = 0
    for m in _SENT_BREAK.finditer(text, 0, start):
        s = m.end()
    m = _SENT_BREAK.search(text, max(start, end - 1))
    return s, (m.start() + 1 if m else len(text))


def is_cueless(gold: Gold, text: str, cue: list[tuple[int, int]]) -> bool:
    """A direct gold quote with no cue in its sentence: a speaker's next paragraph, a
    quote after a lead-in sentence ('She wrote on Twitter:' closing the paragraph
    before), a quote standing alone."""
    if not gold.direct:
        return False
    s, e = sentence_of(text, min(a for a, _ in gold.content), max(b for _, b in gold.content))
    return not any(cs < e and s < ce for cs, ce in cue)


def error_class(matched: bool, cut: bool, speaker_ok: bool, cueless: bool,
                ours: list[str], theirs: list[str], ours_named: bool) -> list[str]:
    """The error classes of one gold quote (none when it is right): missed or
    mis-attributed and cue-less; a wrong speaker that is a relative pronoun or an
    unresolved non-name phrase (non-agent); a wrong speaker where a pronoun is involved,
    the gold's or ours; a matched span overlapping by less than 0.8 (span cut); the rest.
    ``ours``/``theirs``: the predicted and gold speaker's words; ``ours_named``: the
    prediction links its speaker to a named entity."""
    if not matched:
        return ["cue-less" if cueless else "other miss"]
    out = ["span cut"] if cut else []
    if speaker_ok:
        return out
    if cueless:
        out.append("cue-less")
    elif ours and ours[-1] in RELATIVE or (ours and not ours_named and ours[-1] not in PRONOUNS):
        out.append("non-agent")
    elif (ours and ours[-1] in PRONOUNS) or (len(theirs) == 1 and theirs[0] in PRONOUNS):
        out.append("pronoun")
    else:
        out.append("other speaker")
    return out


def error_classes(text: str, golds: list[Gold], preds: list[Pred]) -> dict[str, int]:
    """Errors of one article by class (:func:`error_class`), counted over the
    speech-cued gold quotes and the cue-less direct ones."""
    pairs = match(golds, preds, 0.3)
    out = dict.fromkeys(ERROR_CLASSES, 0)
    matched = dict(pairs)
    for gi, g in enumerate(golds):
        cueless = is_cueless(g, text, g.cue)
        if not (g.speech or cueless):
            continue  # beliefs and other sourcing: not what the classes are about
        p = preds[matched[gi]] if gi in matched else None
        found = error_class(
            p is not None, p is not None and overlap(g, p) < 0.8,
            p is not None and speaker_right(g, p, text), cueless,
            words_of(text[p.speaker[0]:p.speaker[1]]) if p is not None and p.speaker else [],
            words_of(" ".join(text[s:e] for s, e in g.source)),
            bool(p is not None and p.speaker_mentions))
        for cls in found:
            out[cls] += 1
    return out


def print_classes(classes: dict[str, int], counted: str) -> None:
    """Errors by class (:func:`error_class`); ``counted``: which gold quotes count."""
    print(f"unspun errors by class ({counted}; a quote can count twice):")
    for cls in ERROR_CLASSES:
        print(f"  {cls:14} {classes[cls]:5}")
