"""The Pipeline: language detection, spaCy in batches, then each component in order."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..errors import Problem
from ..lang import available
from ..lang import get as get_language
from ..readers.article import Article
from ..record import Record
from . import agencies, dateline, entities, segment  # noqa: F401  (register components)
from .language import NON_ENGLISH_CONFIDENCE, identify  # noqa: F401  (re-exported)
from .nlp import get_nlp
from .registry import REGISTRY, Component, Context

DEFAULT_COMPONENTS: tuple[str, ...] = ("segment", "dateline", "agencies", "entities")
BASE_FIELDS = {"text", "published", "source", "title", "url", "language", "meta"}


def _register_optional() -> None:
    """Import the components later issues add, when present."""
    import importlib

    for module in ("quotes", "voice", "techniques", "frames", "genre", "rhetoric"):
        try:
            importlib.import_module(f"{__package__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{module}":
                raise


def default_components() -> tuple[str, ...]:
    _register_optional()
    extra = tuple(n for n in ("quotes", "voice", "techniques", "frames", "genre", "rhetoric")
                  if n in REGISTRY)
    return DEFAULT_COMPONENTS + extra


class Pipeline:
    """Runs the named components over articles; spaCy is loaded once per process."""

    def __init__(self, components: Sequence[str] | None = None, batch_size: int = 16):
        _register_optional()
        names = tuple(components) if components is not None else default_components()
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            raise ValueError(f"[E001] unknown component(s) {unknown}; known: {sorted(REGISTRY)}")
        self.components: list[Component] = [REGISTRY[n] for n in names]
        self.batch_size = batch_size
        self._check_order()

    def _check_order(self) -> None:
        available = set(BASE_FIELDS)
        for comp in self.components:
            missing = [r for r in comp.requires if r not in available]
            if missing:
                raise ValueError(f"[E002] component {comp.name!r} requires {missing}, "
                                 f"which no earlier component assigns")
            available.update(comp.assigns)

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
            if comp.english_only and not ctx.english:
                continue
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
