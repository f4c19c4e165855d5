"""Entities, quotes and speakers per language on the multilingual gold (tests/gold/multi/).

    .venv/bin/python bench/multi.py [--lang ru,fr] [--split dev|test|all|tune] [--errors] [--pipeline]

Entities: exact span and type (PER/ORG/LOC) precision, recall and F1, for the
languages whose gold has entities of every type (ru, fr); for the others,
places only: a gold place is found when a predicted place overlaps it.
Quotes: bench/quote_scoring.py's matching (one-to-one, greedy by overlap; a
predicted content matches when shared characters / the longer span's length
reaches 0.3); speaker accuracy over matched pairs: right when the predicted
speaker span, or a mention of its entity, overlaps the gold speaker or a
mention of the gold speaker's entity.  ``spk ent`` is stricter, over the matched
pairs whose gold speaker is an entity: right when the predicted speaker's entity
(a pronoun or role noun resolved to its person) is that entity, so a pronoun
counts only when it was resolved to the right person.  Direct quotes are also scored alone.
Datelines: the place found equals the gold one (or both are none); agencies: the
gold agencies named in the text that were found.
Split: ``dev`` is the first half of each language's articles, which rules were
tuned on; ``test`` the other half, held out; ``tune`` the extra articles of
``tests/gold/multi/tune/`` (written to tune rules on, outside the split).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from multi_gold import TUNE, languages, load  # noqa: E402
from quote_scoring import Gold, Pred, Tally, match  # noqa: E402

FULL = ("ru", "fr")
THRESHOLD = 0.3


def split_of(arts: list[dict], split: str) -> list[dict]:
    half = (len(arts) + 1) // 2
    return {"dev": arts[:half], "test": arts[half:]}.get(split, arts)


def score_entities(gold: dict, ents: list, full: bool) -> tuple[int, int, int, int]:
    """(right predictions, predictions, gold found, gold) for one article."""
    g = {(m["start"], m["end"], e["type"]) for e in gold["entities"] for m in e["mentions"]}
    if full:
        p = {(e.start, e.end, e.label) for e in ents}
        return len(g & p), len(p), len(g & p), len(g)
    gp = [(s, e) for s, e, t in g if t == "LOC"]
    pp = [(e.start, e.end) for e in ents if e.label == "LOC"]
    found = sum(any(a < pe and pa < b for pa, pe in pp) for a, b in gp)
    right = sum(any(a < pe and pa < b for pa, pe in gp) for a, b in pp)
    return right, len(pp), found, len(gp)


def to_golds(art: dict) -> list[Gold]:
    mentions = {e["name"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in art["entities"]}
    out = []
    for q in art["quotes"]:
        c = q["content"]
        src = [(q["speaker"]["start"], q["speaker"]["end"])] + mentions.get(q["entity"] or "", [])
        g = Gold([(c["start"], c["end"])], src, "", c["text"])
        g.kind = q["kind"]  # type: ignore[attr-defined]
        g.entity_mentions = mentions.get(q["entity"] or "", [])  # type: ignore[attr-defined]
        out.append(g)
    return out


def to_preds(quotes: list) -> list[Pred]:
    out = []
    for q in quotes:
        p = Pred(q.content[0], q.content[1], q.kind == "direct", q.speaker)
        p.speaker_mentions = list(q.mentions)
        out.append(p)
    return out


LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def from_record(text: str):
    """The pipeline's record (unspun.analyze) in the shape the scorer reads."""
    from types import SimpleNamespace

    import unspun
    from unspun.langsupport.attribution import Ent, Quote

    rec = unspun.analyze(text)
    ents = [Ent(m["start"], m["end"], LABELS[e["type"]]) for e in rec.entities
            if e["type"] in LABELS for m in e["mentions"]]
    mentions = {e["id"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in rec.entities}
    quotes = []
    for q in rec.quotes:
        sp = q["speaker"]
        quote = Quote(q["kind"], (q["content"]["start"], q["content"]["end"]), None,
                      (sp["start"], sp["end"]) if sp else None)
        quote.mentions = mentions.get(sp["entity"], []) if sp and sp["entity"] else []
        quotes.append(quote)
    d = rec.dateline
    dateline = SimpleNamespace(place=(d["place"]["start"], d["place"]["end"])) \
        if d and d.get("place") else None
    agencies = [SimpleNamespace(start=a["span"]["start"], end=a["span"]["end"]) for a in rec.agencies]
    return SimpleNamespace(ents=ents, quotes=quotes, dateline=dateline, agencies=agencies)


def run(lang: str, arts: list[dict], errors: bool, pipeline: bool = False) -> dict:
    from unspun.langsupport.analysis import analyse

    ent = [0, 0, 0, 0]
    dl = [0, 0, 0, 0]   # datelines right, articles, agencies found, agencies
    tallies = {"any": Tally(), "direct": Tally()}
    strict = [0, 0]   # matched pairs whose gold speaker is an entity: right entity, pairs
    full = lang in FULL
    started = time.perf_counter()
    for art in arts:
        text = art["text"]
        res = from_record(text) if pipeline else analyse(text, lang)
        for i, v in enumerate(score_entities(art, res.ents, full)):
            ent[i] += v
        d = res.dateline
        got = text[d.place[0]:d.place[1]] if d else None
        dl[0] += got == (art["dateline"] or {}).get("text")
        dl[1] += 1
        names = {text[a.start:a.end] for a in res.agencies}
        dl[2] += sum(a in names for a in art["agencies"])
        dl[3] += len(art["agencies"])
        golds, preds = to_golds(art), to_preds(res.quotes)
        pairs = match(golds, preds, THRESHOLD)
        for kind, t in tallies.items():
            want = (lambda g: True) if kind == "any" else (lambda g: g.kind == "direct")
            t.gold += sum(1 for g in golds if want(g))
            matched = {pi for _, pi in pairs}
            for gi, pi in pairs:
                if want(golds[gi]):
                    t.tp += 1
                    ok = _speaker_ok(golds[gi], preds[pi])
                    t.speaker_ok += ok
                    if kind == "any" and golds[gi].entity_mentions:
                        strict[1] += 1
                        right = _entity_ok(golds[gi], preds[pi])
                        strict[0] += right
                        if errors and ok and not right:
                            sp = preds[pi].speaker
                            print(f"  {art['id']} speaker {text[sp[0]:sp[1]] if sp else None!r} stands for "
                                  f"another entity than gold {q_entity(art, golds[gi])!r} for {golds[gi].text[:50]!r}")
                    if errors and not ok and kind == "any":
                        sp = preds[pi].speaker
                        print(f"  {art['id']} speaker {text[sp[0]:sp[1]] if sp else None!r} for "
                              f"{golds[gi].text[:50]!r} (gold {text[golds[gi].source[0][0]:golds[gi].source[0][1]]!r})")
            for pi, p in enumerate(preds):
                if pi not in matched and (kind == "any" or p.direct):
                    t.fp += 1
                    if errors and kind == "any":
                        print(f"  {art['id']} extra {p.direct and 'direct' or 'indirect'}: {text[p.start:p.end][:70]!r}")
            if errors and kind == "any":
                for gi, g in enumerate(golds):
                    if gi not in {a for a, _ in pairs}:
                        print(f"  {art['id']} missed {g.kind}: {g.text[:70]!r}")
    secs = time.perf_counter() - started
    return {"ent": ent, "tallies": tallies, "secs": secs, "n": len(arts), "dateline": dl,
            "strict": strict}


def _speaker_ok(gold: Gold, pred: Pred) -> bool:
    if pred.speaker is None:
        return False
    spans = [pred.speaker] + pred.speaker_mentions
    return any(s < ge and gs < e for s, e in spans for gs, ge in gold.source)


def q_entity(art: dict, gold: Gold) -> str | None:
    return next((q["entity"] for q in art["quotes"] if q["content"]["text"] == gold.text), None)


def _entity_ok(gold: Gold, pred: Pred) -> bool:
    spans = ([pred.speaker] if pred.speaker else []) + pred.speaker_mentions
    return any(s < ge and gs < e for s, e in spans for gs, ge in gold.entity_mentions)


def prf(right: int, n_pred: int, found: int, n_gold: int) -> tuple[float, float, float]:
    p = right / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="")
    ap.add_argument("--split", default="all", choices=["dev", "test", "all", "tune"])
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--pipeline", action="store_true",
                    help="score the records of unspun.analyze (the full pipeline) instead of "
                         "unspun.langsupport.analysis.analyse")
    args = ap.parse_args(argv)
    langs = args.lang.split(",") if args.lang else [c for c in languages() if c != "en"]
    print(f"split: {args.split}; entity scores: exact span+type for {', '.join(FULL)}, "
          "places by overlap for the rest")
    print(f"{'lang':<5}{'arts':>5}{'ent P':>7}{'ent R':>7}{'ent F1':>7}{'quote P':>9}{'quote R':>9}"
          f"{'quote F1':>9}{'spk acc':>8}{'spk ent':>8}{'dir F1':>8}{'dir spk':>8}{'dateln':>7}{'agency':>7}{'s/art':>7}")
    for lang in langs:
        if args.split == "tune" and not (TUNE / f"{lang}.jsonl").exists():
            continue
        arts = load(lang, TUNE) if args.split == "tune" else split_of(load(lang), args.split)
        if args.errors:
            print(f"[{lang}]")
        r = run(lang, arts, args.errors, args.pipeline)
        ep, er, ef = prf(*r["ent"])
        qp, qr, qf, qa = r["tallies"]["any"].prf()
        _, _, df, da = r["tallies"]["direct"].prf()
        dl = r["dateline"]
        print(f"{lang:<5}{r['n']:>5}{ep:>7.2f}{er:>7.2f}{ef:>7.2f}{qp:>9.2f}{qr:>9.2f}{qf:>9.2f}"
              f"{qa:>8.2f}{r['strict'][0] / max(r['strict'][1], 1):>8.2f}{df:>8.2f}{da:>8.2f}{dl[0] / max(dl[1], 1):>7.2f}"
              f"{dl[2] / max(dl[3], 1):>7.2f}{r['secs'] / max(r['n'], 1):>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
