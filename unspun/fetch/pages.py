"""An article page's text and metadata, extracted by trafilatura from fetched HTML.

trafilatura is given the HTML text, never a URL, so it fetches nothing itself; the URL is
passed only so relative metadata (canonical link) resolves.
"""
from __future__ import annotations

import codecs

from ..errors import Problem
from ..readers.article import Article, normalise_date
from ..readers.decode import decode, looks_binary
from .client import Response
from .urls import canonical_url


def _text_of(response: Response) -> tuple[str, list[Problem]]:
    charset = response.charset
    if charset:
        try:
            codecs.lookup(charset)
            return response.body.decode(charset, errors="replace"), []
        except LookupError:
            pass
    return decode(response.body, response.url)


def extract_page(response: Response, *, source: str | None = None,
                 title: str | None = None, published: str | None = None) -> Article | Problem:
    """The article on a fetched page (U108 when it has no main text, U103 for binary).

    ``source``, ``title`` and ``published`` from the feed win over the page's own metadata
    where given: the feed is what the outlet declared.
    """
    import trafilatura  # noqa: PLC0415 - heavy; only pages need it

    origin = response.url
    if looks_binary(response.body):
        return Problem.make("U103", origin)
    html, warnings = _text_of(response)
    doc = trafilatura.bare_extraction(html, url=response.url, with_metadata=True,
                                      include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Problem.make("U108", origin)
    page_title = getattr(doc, "title", None)
    if page_title and text.startswith(page_title + "\n"):
        text = text[len(page_title) + 1:]
    page_url = getattr(doc, "url", None) or response.url
    return Article(text=text, origin=origin,
                   published=normalise_date(published) or normalise_date(getattr(doc, "date", None)),
                   title=title or page_title, url=canonical_url(page_url),
                   source=source or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
                   meta={"format": "html", "fetched_url": response.url}, warnings=warnings)
