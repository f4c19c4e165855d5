"""The Pipeline: language detection, spaCy in batches, then each component in order."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..errors import ComponentError, Problem
from ..lang import available
from ..lang import get as get_language
from ..readers.article import Article
from ..record import Record
from .language import NON_ENGLISH_CONFIDENCE, identify  # noqa: F401  (re-exported)
from .nlp import get_nlp
from .order import BASE_FIELDS, run_order  # noqa: F401  (BASE_FIELDS re-exported)
from .registry import Component, Context, load_all


def default_components() -> tuple[str, ...]:
    """The default pipeline: unspun's own components not marked optional, in run order."""
    registry = load_all()
    return tuple(c.name for c in run_order(c for c in registry.values() if c.in_default))


def __getattr__(name: str) -> object:
    if name == "DEFAULT_COMPONENTS":  # computed from the registry, not written by hand
        return default_components()
    raise AttributeError(name)


def select(components: Sequence[str] | None = None, enable: Sequence[str] = (),
           extra: Sequence[Component] = ()) -> list[Component]:
    """The components to run, in run order: ``components`` (default: the default pipeline)
    plus ``enable``d ones plus ``extra`` (unregistered, e.g. trained models); E001 for an
    unknown name."""
    registry = load_all()
    names = list(components) if components is not None else list(default_components())
    names += [n for n in enable if n not in names]
    unknown = [n for n in names if n not in registry]
    if unknown:
        from .registry import PLUGIN_ERRORS

        broken = "".join(f"; {PLUGIN_ERRORS[n]}" for n in unknown if n in PLUGIN_ERRORS)
        raise ComponentError("E001", names=unknown, known=", ".join(sorted(registry)) + broken)
    return run_order([registry[n] for n in names] + list(extra))


class Pipeline:
    """Runs the components over articles; spaCy is loaded once per process.

    ``components``: the names to run (default: the default pipeline); ``enable``:
    optional components to add; ``models``: trained model files (``unspun train``),
    applied by one ``models`` component (see :mod:`unspun.pipeline.models`).  The run order
    follows what each component requires and assigns.
    """

    def __init__(self, components: Sequence[str] | None = None, batch_size: int = 16, *,
                 enable: Sequence[str] = (), models: Sequence[str] = ()):
        extra: list[Component] = []
        if models:
            from .models import model_components

            components, extra = model_components(components, models)
        self.components: list[Component] = select(components, enable, extra)
        self.batch_size = batch_size

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def make_record(self, article: Article) -> Record:
        rec = Record(text=article.text, published=article.published, source=article.source,
                     title=article.title, url=article.url, meta=dict(article.meta))
        if article.origin:
            rec.meta.setdefault("input", article.origin)
        for w in article.warnings:
            rec.warn(w.code, w.message)
        found = identify(rec.text)
        lang = found.code
        if lang != "en" and found.certain:
            rec.language = lang
            rec.warn("W201", f"language {lang!r} is not English: deeper analysis is English-only")
        else:
            rec.language = "en"
            if lang != "en":
                rec.warn("W205", "language could not be detected reliably; assuming English")
        return rec

    def _run_components(self, rec: Record, doc: object) -> None:
        ctx = Context(rec, doc)
        for comp in self.components:
            if comp.runs_on(rec.language):
                comp.func(ctx)

    def analyze_batch(self, items: Sequence[Article | Problem]) -> list[Record | Problem]:
        """Analyse a batch; problems pass through, one failing article never sinks the rest."""
        out: list[Record | Problem] = []
        records: list[tuple[int, Record, Article]] = []
        for item in items:
            if isinstance(item, Problem):
                out.append(item)
                continue
            try:
                records.append((len(out), self.make_record(item), item))
                out.append(records[-1][1])
            except Exception as exc:  # noqa: BLE001 - reported as a coded problem
                out.append(Problem.make("U110", item.origin, detail=f"{type(exc).__name__}: {exc}"))
        doc_for = self._parse_records(records)
        for i, rec, article in records:
            try:
                doc = doc_for.get(i)
                if isinstance(doc, Exception):
                    raise doc
                self._run_components(rec, doc)
            except Exception as exc:  # noqa: BLE001 - reported as a coded problem
                out[i] = Problem.make("U110", article.origin, detail=f"{type(exc).__name__}: {exc}")
        return out

    def _parse_records(self, records: list[tuple[int, Record, Article]]) -> dict[int, object]:
        """Each record parsed with its language's backend, in one batch per language; a
        language without a folder under ``unspun/lang`` (or registered) is not parsed."""
        known = set(available())
        groups: dict[str, list[tuple[int, Record]]] = {}
        for i, rec, _ in records:
            if rec.language in known:
                groups.setdefault(rec.language, []).append((i, rec))
        doc_for: dict[int, object] = {}
        for code, group in groups.items():
            docs = self._parse([r.text for _, r in group], code)
            doc_for.update({i: d for (i, _), d in zip(group, docs)})
        return doc_for

    def _parse(self, texts: list[str], lang: str = "en") -> list[object]:
        nlp = get_nlp() if lang == "en" else get_language(lang).nlp
        try:
            return list(nlp.pipe(texts, batch_size=self.batch_size))
        except Exception:  # noqa: BLE001 - retry one by one to isolate the bad text
            docs: list[object] = []
            for t in texts:
                try:
                    docs.append(nlp(t))
                except Exception as exc:  # noqa: BLE001
                    docs.append(exc)
            return docs

    def analyze_stream(self, items: Iterable[Article | Problem]) -> Iterator[Record | Problem]:
        """Analyse a stream in batches, yielding results in input order."""
        for batch in batched(items, self.batch_size):
            yield from self.analyze_batch(batch)


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
