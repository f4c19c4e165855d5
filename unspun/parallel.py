"""Analysis in worker processes: each loads the pipeline once; output keeps input order.

At most ``2 * workers`` batches are in flight, so memory stays bounded however
long the input stream is.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .errors import Problem
from .pipeline.runner import Pipeline, batched
from .readers.article import Article
from .record import Record

_PIPELINE: Pipeline | None = None


def _init(components: Sequence[str] | None, batch_size: int) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline(components, batch_size=batch_size)
    from .pipeline.nlp import get_nlp

    get_nlp()


def _work(batch: list[Article | Problem]) -> list[Record | Problem]:
    assert _PIPELINE is not None
    return _PIPELINE.analyze_batch(batch)


def analyze_parallel(items: Iterable[Article | Problem], workers: int,
                     components: Sequence[str] | None = None,
                     batch_size: int = 16) -> Iterator[Record | Problem]:
    """Like :meth:`Pipeline.analyze_stream`, spread over ``workers`` processes."""
    if workers <= 1:
        yield from Pipeline(components, batch_size=batch_size).analyze_stream(items)
        return
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                             initargs=(components, batch_size)) as pool:
        pending: deque[Future] = deque()
        for batch in batched(items, batch_size):
            pending.append(pool.submit(_work, batch))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
