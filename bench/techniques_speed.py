"""What techniques, frames and genre add to analysis time, without and with trained models.

One run, same articles, same process: the pipeline without the three
components (base), with them (default `unspun analyze`), and with them plus
trained techniques, frames and genre models (`--model`).  Models are trained
here on the articles' paragraphs labelled by the built-in detectors and on
made-up frame/genre labels, only to have models of realistic size to time.
Prints seconds (best of --repeat) and ratios to base, then CPU seconds per
step measured article by article (the steady figure on a busy machine).

    python bench/techniques_speed.py [--articles 80] [--repeat 2]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data"))


def articles(n: int) -> list:
    from unspun.readers import read_inputs

    files = sorted((SHARED / "polnear" / "train" / "text").glob("*.txt"))[:n]
    if not files:
        files = [ROOT / "examples" / "trend-2023-09-20-karabakh.txt"] * n
    return [a for a in read_inputs([str(f) for f in files]) if hasattr(a, "text")]


def train_models(arts: list, folder: Path) -> list[str]:
    from unspun.learn import train
    from unspun.pipeline.segment import paragraph_bounds
    from unspun.techniques import Source, detect

    paras, docs = [], []
    for i, a in enumerate(arts):
        for s, e in paragraph_bounds(a.text):
            text = a.text[s:e]
            paras.append({"text": text, "labels": sorted({h.label for h in detect(Source(text))})})
        docs.append({"text": a.text, "labels": ["Political", "Economic"] if i % 2 else ["Political"],
                     "label": "opinion" if i % 3 == 0 else "reporting"})
    (folder / "t.jsonl").write_text("".join(json.dumps(p) + "\n" for p in paras))
    (folder / "d.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    out = []
    for task, data in (("techniques", "t.jsonl"), ("frames", "d.jsonl"), ("genre", "d.jsonl")):
        path = folder / f"{task}.model"
        if task == "genre":
            rows = [json.loads(x) for x in (folder / data).read_text().splitlines()]
            (folder / "g.jsonl").write_text("".join(json.dumps({"text": r["text"], "label": r["label"]})
                                                    + "\n" for r in rows))
            data = "g.jsonl"
        train(task, folder / data, path)
        out.append(str(path))
    return out


def timed(fn, repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of this process over ``repeat`` runs (CPU time is
    the figure to compare on a machine shared with other work)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu


def per_component(arts: list, models: list) -> dict[str, float]:
    """CPU seconds per step, interleaved article by article so that load from other processes
    falls on every step alike: spaCy's parse, each component, and applying the models."""
    from unspun.learn import apply_models
    from unspun.pipeline.nlp import get_nlp
    from unspun.pipeline.registry import Context
    from unspun.pipeline.runner import Pipeline

    pipe, nlp = Pipeline(), get_nlp()
    spent: dict[str, float] = {"parse": 0.0, **{c.name: 0.0 for c in pipe.components}, "models": 0.0}
    for article in arts:
        c = time.process_time()
        doc = nlp(article.text)
        spent["parse"] += time.process_time() - c
        rec = pipe.make_record(article)
        ctx = Context(rec, doc)
        for comp in pipe.components:
            c = time.process_time()
            comp.func(ctx)
            spent[comp.name] += time.process_time() - c
        c = time.process_time()
        apply_models(rec, models)
        spent["models"] += time.process_time() - c
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    from unspun.learn import apply_models, load_models
    from unspun.pipeline.runner import Pipeline, default_components

    arts = articles(args.articles)
    full_names = default_components()
    base_names = tuple(n for n in full_names if n not in ("techniques", "frames", "genre"))
    base, full = Pipeline(base_names), Pipeline(full_names)
    with tempfile.TemporaryDirectory() as tmp:
        models = load_models(train_models(arts, Path(tmp)))
    base.analyze_batch(arts[:2]), full.analyze_batch(arts[:2])  # load spaCy, warm caches

    def with_models() -> None:
        for r in full.analyze_stream(arts):
            apply_models(r, models)

    t_base = timed(lambda: list(base.analyze_stream(arts)), args.repeat)
    t_full = timed(lambda: list(full.analyze_stream(arts)), args.repeat)
    t_model = timed(with_models, args.repeat)
    words = sum(len(a.text.split()) for a in arts)
    print(f"{len(arts)} articles, {words:,} words; components: {', '.join(full_names)}")
    print(f"{'':36} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6}")
    for name, (wall, cpu) in (("base (no techniques/frames/genre)", t_base),
                              ("+ techniques, frames, genre", t_full),
                              ("+ the same with --model (3 models)", t_model)):
        print(f"{name:36} {wall:7.2f} {wall / t_base[0]:6.3f} {cpu:7.2f} {cpu / t_base[1]:6.3f}")
    spent = per_component(arts, models)
    ours = spent["techniques"] + spent["frames"] + spent["genre"]
    rest = sum(v for k, v in spent.items() if k not in ("techniques", "frames", "genre", "models"))
    print("per step, CPU s (interleaved): " + ", ".join(f"{k} {v:.2f}" for k, v in spent.items()))
    print(f"ratio without models {1 + ours / rest:.3f}; with models {1 + (ours + spent['models']) / rest:.3f}")


if __name__ == "__main__":
    main()
