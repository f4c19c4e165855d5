"""Quote extraction quality on PolNeAR: unspun and textacy's direct_quotations, same scorer, same run.

    .venv/bin/python bench/quotes.py --split dev            # the reported figures
    .venv/bin/python bench/quotes.py --split train --limit 200 --errors 40

Prints precision / recall / F1 of content spans at overlap >= 0.3 and >= 0.8
and speaker accuracy on matched quotes, for all attributions and the
speech-cued subset, each split into direct and indirect (see
bench/quote_scoring.py for the exact rules, including the annotator choice),
then unspun's errors by class: cue-less (a direct quote with no cue in its
sentence), pronoun, non-agent, span cut (``error_classes``), so a change shows
which class moved.
Each document is parsed once with unspun's spaCy model; both systems read
that parse.  textacy (the ``bench`` extra; skipped when absent) raises on some
documents (an odd number of quotation marks): those count as documents where
it found nothing, and are counted.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_scoring import (ERROR_CLASSES, KINDS, SUBSETS, Pred, Tally, error_classes,  # noqa: E402
                           load_split, print_classes, score_article)

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
COMPONENTS = ["segment", "dateline", "agencies", "entities", "quotes"]


def unspun_preds(pipe, text: str, doc) -> list[Pred]:
    """unspun's quotes for one parsed text."""
    from unspun.readers.article import Article

    rec = pipe.make_record(Article(text=text))
    pipe._run_components(rec, doc)  # reuse the parse shared with textacy
    mentions = {e["id"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in rec.entities}
    out = []
    for q in rec.quotes:
        sp = q["speaker"]
        names: set[str] = set()
        if sp:
            names = {w.lower() for w in sp["name"].replace(".", " ").split()}
        out.append(Pred(q["content"]["start"], q["content"]["end"], q["kind"] == "direct",
                        (sp["start"], sp["end"]) if sp else None, names,
                        mentions.get(sp["entity"], []) if sp and sp["entity"] else [],
                        [(p["start"], p["end"]) for p in q.get("parts", [])]))
    return out


def have_textacy() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True


def textacy_preds(doc) -> tuple[list[Pred], bool]:
    """textacy's direct quotations for one parsed text; (preds, raised)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # noqa: BLE001 - textacy raises on unbalanced quotation marks
        return [], True
    out = []
    for t in triples:
        speaker = None
        names: set[str] = set()
        if t.speaker:
            speaker = (t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1]))
            names = {tok.lower_ for tok in t.speaker}
        out.append(Pred(t.content.start_char, t.content.end_char, True, speaker, names))
    return out, False


def run(split: str, limit: int | None, errors: int) -> None:
    from unspun.pipeline.nlp import get_nlp
    import unspun.pipeline.quotes  # noqa: F401  (registers the component)
    from unspun.pipeline.runner import Pipeline

    articles = load_split(POLNEAR, split, limit)
    nlp = get_nlp()
    pipe = Pipeline(COMPONENTS)
    systems = ("unspun", "textacy") if have_textacy() else ("unspun",)
    tallies: dict[str, dict] = {name: defaultdict(Tally) for name in systems}
    classes = dict.fromkeys(ERROR_CLASSES, 0)
    raised = 0
    shown = 0
    texts = [t for _, t, _ in articles]
    for (name, text, golds), doc in zip(articles, nlp.pipe(texts, batch_size=8)):
        ours = unspun_preds(pipe, text, doc)
        for cls, n in error_classes(text, golds, ours).items():
            classes[cls] += n
        runs = [("unspun", ours)]
        if "textacy" in systems:
            theirs, failed = textacy_preds(doc)
            raised += failed
            runs.append(("textacy", theirs))
        for system, preds in runs:
            for thr in (0.3, 0.8):
                for key, t in score_article(text, golds, preds, thr).items():
                    tallies[system][(thr,) + key].add(t)
        if shown < errors:
            shown += show_errors(name, text, golds, ours)
    note = (f"textacy raised on {raised} of {len(articles)} documents" if "textacy" in systems
            else "textacy not installed (the bench extra): unspun only")
    print(f"PolNeAR {split}: {len(articles)} articles (first annotator per article); {note}\n")
    header = f"{'system':8} {'subset':7} {'kind':9} {'thr':>4} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6}"
    print(header)
    print("-" * len(header))
    for subset in SUBSETS:
        for kind in KINDS:
            for thr in (0.3, 0.8):
                for system in systems:
                    t = tallies[system][(thr, subset, kind)]
                    p, r, f, acc = t.prf()
                    print(f"{system:8} {subset:7} {kind:9} {thr:>4} {t.gold:>5} {p:6.3f} {r:6.3f} {f:6.3f} {acc:6.3f}")
        print()
    print_classes(classes, "speech-cued gold and cue-less direct gold")


def show_errors(name: str, text: str, golds, preds) -> int:
    """Print missed speech-cued gold quotes and unmatched predictions of one article."""
    from quote_scoring import match, overlap

    pairs = match(golds, preds, 0.3)
    mg = {g for g, _ in pairs}
    mp = {p for _, p in pairs}
    lines = []
    for gi, g in enumerate(golds):
        if gi not in mg and g.speech:
            lines.append(f"  MISS [{g.cue_text}] {g.text[:150]!r}")
    from quote_scoring import speaker_right

    for gi, pi in pairs:
        g, p = golds[gi], preds[pi]
        if g.speech and overlap(g, p) < 0.8:
            lines.append(f"  CUT  [{g.cue_text}] gold {g.text[:110]!r}\n"
                         f"       got {text[p.start:p.end][:110]!r}")
        if g.speech and not speaker_right(g, p, text):
            src = " ".join(text[s:e] for s, e in g.source)
            got = text[p.speaker[0]:p.speaker[1]] if p.speaker else None
            lines.append(f"  SPK  gold {src!r} got {got!r} ({sorted(p.speaker_names)}) in {g.text[:60]!r}")
    for pi, p in enumerate(preds):
        if pi not in mp:
            lines.append(f"  FP   {'D' if p.direct else 'I'} {text[p.start:p.end][:150]!r}")
    if lines:
        print(f"== {name}")
        print("\n".join(lines))
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print up to N error lines (development)")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"PolNeAR not found at {POLNEAR}")
    run(args.split, args.limit, args.errors)


if __name__ == "__main__":
    main()
