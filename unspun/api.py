"""The Python API: ``unspun.analyze(text, ...)`` and ``unspun.analyze_paths(paths)``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from .errors import Problem, UnspunError
from .parallel import analyze_parallel
from .pipeline.runner import Pipeline
from .readers import DEFAULT_MAX_CHARS, Article, InputStats, read_inputs
from .readers.article import normalise_date
from .record import Record


@lru_cache(maxsize=4)
def _pipeline(components: tuple[str, ...] | None, enable: tuple[str, ...] = (),
              models: tuple[str, ...] = ()) -> Pipeline:
    return Pipeline(components, enable=enable, models=models)


def analyze(text: str, *, published: str | None = None, source: str | None = None,
            title: str | None = None, url: str | None = None,
            components: Sequence[str] | None = None, models: Sequence[str] = (),
            enable: Sequence[str] = ()) -> Record:
    """Analyse one article and return its :class:`~unspun.record.Record`.

    ``models`` are trained model files (``unspun train``) used with the built-in detectors;
    ``enable`` adds optional components (plug-ins, see docs/extending.md).

    ``published`` is an ISO date (``YYYY-MM-DD``; a datetime string is cut to
    its date).  Raises :class:`~unspun.errors.UnspunError` for empty text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        raise UnspunError(Problem.make("U102", "<text>"))
    article = Article(text=text, origin="", published=normalise_date(published),
                      source=source, title=title, url=url)
    if published and article.published is None:
        article.warnings.append(Problem.make("W204", "", value=published))
    pipe = _pipeline(tuple(components) if components is not None else None, tuple(enable),
                     tuple(str(m) for m in models))
    result = pipe.analyze_batch([article])[0]
    if isinstance(result, Problem):
        raise UnspunError(result)
    return result


def analyze_paths(paths: Iterable[str], *, workers: int = 1, input_format: str = "auto",
                  max_chars: int = DEFAULT_MAX_CHARS, components: Sequence[str] | None = None,
                  models: Sequence[str] = (), enable: Sequence[str] = (),
                  stats: InputStats | None = None) -> Iterator[Record | Problem]:
    """Read and analyse files, folders, globs (``-`` for stdin), streaming results in order.

    ``models`` are trained model files (``unspun train``) used with the built-in detectors;
    ``enable`` adds optional components (plug-ins, see docs/extending.md).
    ``stats`` (an :class:`~unspun.readers.InputStats`) counts the files folder walks
    skipped (other types, files already read).
    """
    items = read_inputs(paths, input_format, max_chars, stats=stats)
    yield from analyze_parallel(items, workers, components, models=models, enable=enable)
