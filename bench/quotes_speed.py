"""What quotes + voice add to analysis time: the foundation pipeline with and without them.

    .venv/bin/python bench/quotes_speed.py [--articles 150] [--rounds 3]

Runs ``Pipeline(["segment","dateline","agencies","entities"])`` and the same
plus ``"quotes","voice"`` over the same texts (PolNeAR train articles from
../shared/data, else the seed article repeated), alternating the two for
``--rounds`` rounds, and reports the best CPU time of each and their ratio.  Both
include the spaCy parse, as ``unspun analyze`` does.  Then, over one shared
parse, the CPU time of the quotes and voice components alone against the
foundation's parse + components: the steadier figure on a busy machine.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
BASE = ["segment", "dateline", "agencies", "entities"]


def texts(n: int) -> list[str]:
    """``n`` article texts: PolNeAR when present, else the seed article."""
    files = sorted(POLNEAR.glob("*.txt"))[:n] if POLNEAR.is_dir() else []
    if files:
        return [f.read_text(encoding="utf-8") for f in files]
    seed = (ROOT / "examples" / "trend-2023-09-20-karabakh.txt").read_text(encoding="utf-8")
    return [seed.split("\n", 1)[1]] * n


def timed(pipe, articles) -> float:
    """CPU seconds of this process (steadier than wall time on a shared machine)."""
    start = time.process_time()
    for _ in pipe.analyze_stream(articles):
        pass
    return time.process_time() - start


def component_share(articles) -> tuple[float, float, float]:
    """(parse, foundation components, quotes + voice) CPU seconds over one shared parse."""
    from unspun.pipeline.nlp import get_nlp
    from unspun.pipeline.registry import REGISTRY, Context
    from unspun.pipeline.runner import Pipeline

    pipe = Pipeline(BASE)
    t0 = time.process_time()
    docs = list(get_nlp().pipe([a.text for a in articles], batch_size=16))
    t1 = time.process_time()
    ctxs = []
    for article, doc in zip(articles, docs):
        rec = pipe.make_record(article)
        pipe._run_components(rec, doc)
        ctxs.append(Context(rec, doc))
    t2 = time.process_time()
    for ctx in ctxs:
        REGISTRY["quotes"].func(ctx)
        REGISTRY["voice"].func(ctx)
    t3 = time.process_time()
    return t1 - t0, t2 - t1, t3 - t2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import unspun.pipeline.quotes  # noqa: F401  (register the components)
    import unspun.pipeline.voice  # noqa: F401
    from unspun.pipeline.nlp import get_nlp
    from unspun.pipeline.runner import Pipeline
    from unspun.readers.article import Article

    articles = [Article(text=t) for t in texts(args.articles)]
    get_nlp()
    base, full = Pipeline(BASE), Pipeline(BASE + ["quotes", "voice"])
    timed(full, articles[:5])  # warm up
    best = {"base": float("inf"), "full": float("inf")}
    for _ in range(args.rounds):
        best["base"] = min(best["base"], timed(base, articles))
        best["full"] = min(best["full"], timed(full, articles))
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} characters, best of {args.rounds} rounds")
    print(f"foundation pipeline:          {best['base']:.2f} s")
    print(f"with quotes + voice:          {best['full']:.2f} s")
    print(f"ratio (with / without):       {best['full'] / best['base']:.3f}")
    parse, found, extra = component_share(articles)
    print(f"one shared parse: parse {parse:.2f} s, foundation components {found:.2f} s, "
          f"quotes + voice {extra:.2f} s")
    print(f"quotes + voice / foundation (parse + components): {extra / (parse + found):.3f}")


if __name__ == "__main__":
    main()
