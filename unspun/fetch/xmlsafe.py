"""XML from strangers, parsed without entities, DTDs or network access.

An internal DTD subset (``<!DOCTYPE x [ <!ENTITY ... ]>``) is where entity bombs and
external entities live; no feed, sitemap or OPML file needs one, so one is refused
outright before any parser sees the bytes. lxml is then run with entity resolution, DTD
loading and network access off, so even a declaration that slipped past expands nothing.
"""
from __future__ import annotations

import re
import zlib

from lxml import etree

from .failure import FetchError

_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
MAX_INFLATED = 50_000_000  # the sitemap protocol's own limit for one uncompressed file


def refuse_entities(body: bytes, url: str, what: str) -> None:
    """FetchError U908 when ``body`` declares a DTD internal subset (entities)."""
    if _INTERNAL_SUBSET.search(body):
        raise FetchError("U908", url, what=what, detail="it declares XML entities (a DOCTYPE "
                         "internal subset), which unspun never reads")


def parse_xml(body: bytes, url: str, what: str) -> etree._Element:
    """The root element of ``body``; FetchError U908 for malformed or entity-laden XML."""
    refuse_entities(body, url, what)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError("U908", url, what=what, detail=f"malformed XML: {exc}") from None
    if root is None:
        raise FetchError("U908", url, what=what, detail="empty document")
    return root


def gunzip(body: bytes, url: str, what: str, limit: int = MAX_INFLATED) -> bytes:
    """``body`` inflated if it is gzip, refusing output over ``limit`` bytes (gzip bombs)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflate.decompress(body, limit + 1)
    except zlib.error as exc:
        raise FetchError("U908", url, what=what, detail=f"broken gzip: {exc}") from None
    if len(out) > limit or inflate.unconsumed_tail:
        raise FetchError("U904", url, limit=limit)
    return out


def local_name(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""
