"""Analysis in worker processes: each loads the pipeline once; output keeps input order.

At most ``2 * workers`` batches are in flight, so memory stays bounded however
long the input stream is.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .errors import Problem
from .pipeline.runner import Pipeline, batched
from .readers.article import Article
from .record import Record

_PIPELINE: Pipeline | None = None


def _init(components: Sequence[str] | None, batch_size: int, models: Sequence[str] = (),
          enable: Sequence[str] = ()) -> None:
    global _PIPELINE
    from .orphan import die_with_parent

    die_with_parent()  # a killed ingest leaves no workers behind
    _PIPELINE = Pipeline(components, batch_size=batch_size, enable=enable, models=models)
    from .pipeline.nlp import get_nlp

    get_nlp()


def _work(batch: list[Article | Problem]) -> list[Record | Problem]:
    assert _PIPELINE is not None
    return _PIPELINE.analyze_batch(batch)


def analyze_parallel(items: Iterable[Article | Problem], workers: int,
                     components: Sequence[str] | None = None,
                     batch_size: int = 16, models: Sequence[str] = (),
                     enable: Sequence[str] = ()) -> Iterator[Record | Problem]:
    """Like :meth:`Pipeline.analyze_stream`, spread over ``workers`` processes.

    ``enable`` adds optional components (plug-ins); ``models`` are paths of trained
    model files (``unspun train``), run as a component (:mod:`unspun.pipeline.models`).
    """
    # built here first: a bad name or model fails with its code, not in every worker
    pipe = Pipeline(components, batch_size=batch_size, enable=enable, models=models)
    if workers <= 1:
        yield from pipe.analyze_stream(items)
        return
    from .orphan import forkserver_context

    ctx = forkserver_context()
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                             initargs=(components, batch_size, tuple(models),
                                       tuple(enable))) as pool:
        pending: deque[Future] = deque()
        for batch in batched(items, batch_size):
            pending.append(pool.submit(_work, batch))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
