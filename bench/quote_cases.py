"""Quotes and speakers on the project's own written cases (``corpus/quotes/``), scored GGT-style.

    .venv/bin/python bench/quote_cases.py                 # the tuning half, with its errors
    .venv/bin/python bench/quote_cases.py --heldout       # the held-out half: figures only

The scoring follows the Gender Gap Tracker's evaluation in outline (our own
code and reading of it): a predicted quote matches a gold one when their
contents share at least 0.3 of the longer span's characters (one-to-one,
greedy by overlap); quote precision / recall / F1 are given for all quotes and
split by the gold kind (direct; indirect, mixed counted as indirect); speaker
accuracy is over matched quotes.  A speaker is right when

* the gold names who it refers to (``refers``) and the predicted speaker's
  name (its entity's name, else its text) holds the referent's last name and no
  other first name ("Michael Reyes" is not "Sofia Reyes");
* the gold refers to no named entity but gives the speaker phrase: the
  predicted speaker text is that phrase (case and a leading article aside);
* the gold has no speaker: the prediction has none.

The row ``all, GGT`` matches as the Gender Gap Tracker's published evaluation
does (our reading of its method, ``quote_scoring.match_covering``): each gold
quote in order takes the unused prediction that covers the largest share of
the gold's own characters, above 0.3; a prediction longer than the gold quote
is not penalised, so this row reads higher than ``all`` when contents run on.
Its speaker column also follows GGT in taking an overlapping speaker span as
right: a gold speaker that names nobody ("A senior official at the ministry,
who spoke on condition of anonymity") is matched when one phrase holds the
other (``speaker_overlaps``), not only when they are equal.

Figures are also given per class (cue-less, pronoun, non-agent, span cut,
plain: the class each gold quote was written to test) and per case file
(``src/<name>.txt``: ``longform`` holds full-length Canadian-style articles and
``wire`` full-length wire-agency, British, Irish and Australian ones, that mix
every class, each quote still carrying its own class), and the affiliation
of description speakers ("A spokesman for the European Commission") is
counted when a prediction carries one.  Errors are then counted by class as
``bench/quotes.py`` counts them on PolNeAR (``quote_scoring.error_class``:
cue-less, pronoun, non-agent, span cut), a quote of the cueless class being
cue-less.

The held-out half (``corpus/quotes/split.json``) is for reporting only: its
errors are never printed, and nothing is tuned on it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_scoring import (ERROR_CLASSES, Gold, Pred, Tally, words_of, error_class, match, match_covering,  # noqa: E402
                           overlap, print_classes)

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "corpus" / "quotes"
CLASSES = ("cueless", "pronoun", "nonagent", "span", "plain")
_ARTICLES = {"the", "a", "an"}


@dataclass
class Case:
    id: str
    text: str
    quotes: list[dict]
    file: str = ""  # the case file's name, src/<file>.txt


def load_cases(root: Path = CASES) -> list[Case]:
    """Every case of ``root/src/*.txt``, its gold contents located in its text."""
    out = []
    for path in sorted((root / "src").glob("*.txt")):
        for block in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
            head, _, rest = block.partition("\n")
            body, _, gold = rest.partition("--- gold\n")
            text = body.strip("\n") + "\n"
            out.append(Case(head.strip(), text, [_gold_line(text, line, head.strip())
                                                 for line in gold.splitlines() if line.strip()],
                            path.stem))
    return out


def _gold_line(text: str, line: str, case_id: str) -> dict:
    kind, content, *fields = [c.strip() for c in line.split(" | ")]
    meta = dict(f.split("=", 1) for f in fields)
    parts, pos = [], 0
    for piece in content.split(" ++ "):
        start = text.find(piece, pos)
        if start < 0:
            raise ValueError(f"{case_id}: content not in the text: {piece!r}")
        parts.append((start, start + len(piece)))
        pos = start + len(piece)
    none = lambda v: None if v in (None, "-") else v  # noqa: E731
    return {"kind": "direct" if kind == "D" else "indirect", "parts": parts,
            "speaker": none(meta.get("speaker")), "refers": none(meta.get("refers")),
            "affiliation": none(meta.get("affiliation")), "class": meta["class"]}


def heldout_ids(root: Path = CASES) -> set[str]:
    return set(json.loads((root / "split.json").read_text(encoding="utf-8"))["heldout"])


def _norm(s: str | None) -> list[str]:
    words = re.findall(r"[\w'’-]+", (s or "").lower().replace(".", " "))
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return words


def speaker_ok(gold: dict, pred: dict | None) -> bool:
    if gold["refers"] is None and gold["speaker"] is None:
        return pred is None
    if pred is None:
        return False
    if gold["refers"] is not None:
        want = _norm(gold["refers"])
        got = _norm(pred.get("resolved_name") or pred["name"])
        firsts = [w for w in got if w != want[-1]]
        return want[-1] in got and (len(want) == 1 or not firsts or want[0] in got)
    return _norm(pred["text"]) == _norm(gold["speaker"])


def speaker_overlaps(gold: dict, pred: dict | None) -> bool:
    """:func:`speaker_ok`, but an unnamed speaker phrase ("A senior official at the ministry,
    who spoke on condition of anonymity") is right when one phrase holds the other: our
    approximation of GGT's rule, under which a predicted speaker span overlapping the
    annotated one is right."""
    if speaker_ok(gold, pred):
        return True
    if gold["refers"] is not None or gold["speaker"] is None or pred is None:
        return False
    g, p = " ".join(_norm(gold["speaker"])), " ".join(_norm(pred["text"]))
    return bool(p) and (p in g or g in p)


def affiliation_ok(gold: dict, pred: dict | None) -> bool:
    aff = (pred or {}).get("affiliation") or {}
    name = aff.get("name") or aff.get("text") if isinstance(aff, dict) else aff
    return bool(name) and _norm(gold["affiliation"])[-1] in _norm(name)


def score(cases: list[Case], records: list, show: bool) -> tuple[dict[str, Tally], dict[str, int]]:
    """Tallies per subset and class (``_aff``: affiliations), and errors by class."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    classes = dict.fromkeys(ERROR_CLASSES, 0)
    aff = [0, 0]
    for case, rec in zip(cases, records):
        golds = [Gold(q["parts"], [], "", "") for q in case.quotes]
        preds = [Pred(q["content"]["start"], q["content"]["end"], q["kind"] == "direct", None,
                      parts=[(p["start"], p["end"]) for p in q.get("parts", [])])
                 for q in rec.quotes]
        pairs = match(golds, preds, 0.3)
        covering = dict(match_covering(golds, preds, 0.3))
        ggt = tallies["ggt"]
        ggt.gold += len(golds)
        ggt.tp += len(covering)
        ggt.fp += len(preds) - len(covering)
        ggt.speaker_ok += sum(speaker_overlaps(case.quotes[gi], _speaker(rec, rec.quotes[pi]))
                              for gi, pi in covering.items())
        by_gold = dict(pairs)
        matched_preds = set(by_gold.values())
        for pi, p in enumerate(preds):
            if pi not in matched_preds:
                tallies["all"].fp += 1
                tallies["direct" if p.direct else "indirect"].fp += 1
                tallies["file:" + case.file].fp += 1
        for gi, g in enumerate(case.quotes):
            keys = ("all", g["kind"], g["class"], "file:" + case.file)
            pi = by_gold.get(gi)
            pred_q = rec.quotes[pi] if pi is not None else None
            ok = pred_q is not None and speaker_ok(g, _speaker(rec, pred_q))
            for k in keys:
                tallies[k].gold += 1
                tallies[k].tp += pred_q is not None
                tallies[k].speaker_ok += ok
            if pred_q is not None and g["affiliation"]:
                aff[0] += 1
                aff[1] += affiliation_ok(g, pred_q["speaker"])
            cut = pred_q is not None and overlap(golds[gi], preds[pi]) < 0.8
            sp = (pred_q or {}).get("speaker") or {}
            for cls in error_class(pred_q is not None, cut, ok, g["class"] == "cueless",
                                   words_of(sp.get("text", "")), words_of(g["speaker"] or ""),
                                   bool(sp.get("entity"))):
                classes[cls] += 1
            if show and (pred_q is None or not ok or cut):
                _show(case, g, pred_q, golds[gi], preds[pi] if pi is not None else None)
        if show:
            for pi, q in enumerate(rec.quotes):
                if pi not in matched_preds:
                    print(f"  {case.id} FP   {q['kind'][:3]} {q['content']['text'][:100]!r}")
    tallies["_aff"] = Tally(tp=aff[0], gold=aff[0], speaker_ok=aff[1])
    return tallies, classes


def _speaker(rec, q: dict) -> dict | None:
    sp = q.get("speaker")
    if sp is None:
        return None
    out = dict(sp)
    if sp.get("entity"):
        out["resolved_name"] = rec.entity(sp["entity"])["name"]
    return out


def _show(case: Case, g: dict, pred_q: dict | None, gold: Gold, pred: Pred | None) -> None:
    text = " ++ ".join(case.text[s:e] for s, e in g["parts"])[:90]
    if pred_q is None:
        print(f"  {case.id} MISS [{g['class']}] {text!r}")
        return
    sp = pred_q["speaker"]
    got = f"{sp['text']!r}->{sp.get('name')!r}" if sp else None
    print(f"  {case.id} {'CUT ' if overlap(gold, pred) < 0.8 else 'SPK '} [{g['class']}] "
          f"gold {g['speaker']!r}/{g['refers']!r} got {got} in {text[:50]!r}"
          f" (pred {pred_q['content']['text'][:60]!r})")


def run(heldout: bool) -> None:
    import unspun.pipeline.quotes  # noqa: F401  (registers the component)
    from unspun.pipeline.runner import Pipeline
    from unspun.readers.article import Article

    held = heldout_ids()
    cases = [c for c in load_cases() if (c.id in held) == heldout]
    pipe = Pipeline(["segment", "dateline", "agencies", "entities", "quotes"])
    records = pipe.analyze_batch([Article(text=c.text) for c in cases])
    half = "held-out" if heldout else "tuning"
    tallies, classes = score(cases, records, show=not heldout)
    n = sum(len(c.quotes) for c in cases)
    print(f"\nunspun quote cases, {half} half: {len(cases)} articles, {n} gold quotes "
          f"(GGT-style: overlap >= 0.3)\n")
    print(f"{'subset':9} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6}")
    for key in ("all", "direct", "indirect") + CLASSES:
        t = tallies[key]
        p, r, f, acc = t.prf()
        if key in ("all", "direct", "indirect"):
            print(f"{key:9} {t.gold:5} {p:6.3f} {r:6.3f} {f:6.3f} {acc:6.3f}")
        else:  # a class's predictions are not known: recall and speaker accuracy only
            print(f"{key:9} {t.gold:5} {'-':>6} {r:6.3f} {'-':>6} {acc:6.3f}")
    p, r, f, acc = tallies["ggt"].prf()
    print(f"{'all, GGT':9} {tallies['ggt'].gold:5} {p:6.3f} {r:6.3f} {f:6.3f} {acc:6.3f}"
          "   (GGT's matching: gold quote covered > 0.3; unnamed speakers by overlap)")
    print(f"\n{'file':9} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6}")
    for key in sorted(k for k in tallies if k.startswith("file:")):
        p, r, f, acc = tallies[key].prf()
        print(f"{key[5:]:9} {tallies[key].gold:5} {p:6.3f} {r:6.3f} {f:6.3f} {acc:6.3f}")
    aff = tallies["_aff"]
    print(f"description speakers' affiliation: {aff.speaker_ok} of {aff.gold} matched\n")
    print_classes(classes, "all gold quotes; cue-less: the cases' cueless class")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", action="store_true", help="score the held-out half (figures only)")
    run(parser.parse_args().heldout)


if __name__ == "__main__":
    main()
