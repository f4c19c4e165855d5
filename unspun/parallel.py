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
_MODELS: list = []


def _init(components: Sequence[str] | None, batch_size: int, models: Sequence[str] = ()) -> None:
    global _PIPELINE, _MODELS
    from .orphan import die_with_parent

    die_with_parent()  # a killed ingest leaves no workers behind
    _MODELS = _load_models(models)
    _PIPELINE = Pipeline(_components(components, _MODELS), batch_size=batch_size)
    from .pipeline.nlp import get_nlp

    get_nlp()


def _components(components: Sequence[str] | None, models: list) -> Sequence[str] | None:
    """Without the default learned layer's component when models are applied afterwards."""
    if not models:
        return components
    from .learn import pipeline_components

    return pipeline_components(components, models)


def _load_models(paths: Sequence[str]) -> list:
    if not paths:
        return []
    from .learn import load_models

    return load_models(list(paths))


def _with_models(results: list[Record | Problem], models: list) -> list[Record | Problem]:
    """Apply trained models (``unspun analyze --model``) to the analysed records."""
    if models:
        from .learn import apply_models

        for r in results:
            if isinstance(r, Record):
                apply_models(r, models)
    return results


def _work(batch: list[Article | Problem]) -> list[Record | Problem]:
    assert _PIPELINE is not None
    return _with_models(_PIPELINE.analyze_batch(batch), _MODELS)


def analyze_parallel(items: Iterable[Article | Problem], workers: int,
                     components: Sequence[str] | None = None,
                     batch_size: int = 16, models: Sequence[str] = ()) -> Iterator[Record | Problem]:
    """Like :meth:`Pipeline.analyze_stream`, spread over ``workers`` processes.

    ``models`` are paths of trained model files (``unspun train``) applied to each record.
    """
    if workers <= 1:
        loaded = _load_models(models)
        pipe = Pipeline(_components(components, loaded), batch_size=batch_size)
        for batch in batched(items, batch_size):
            yield from _with_models(pipe.analyze_batch(batch), loaded)
        return
    _load_models(models)  # a bad model fails here with its code, not in every worker
    from .orphan import forkserver_context

    ctx = forkserver_context()
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                             initargs=(components, batch_size, tuple(models))) as pool:
        pending: deque[Future] = deque()
        for batch in batched(items, batch_size):
            pending.append(pool.submit(_work, batch))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
