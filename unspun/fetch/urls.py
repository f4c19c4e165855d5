"""Canonical URLs and the keys that make one article one article.

An item is the same item when its feed gives the same GUID again (even under a new URL:
outlets fix slugs and move sections), or when its canonical URL was seen before (the
same article in two feeds, or a feed without GUIDs). ``canonical_url`` lower-cases the
scheme and host, drops a default port, the fragment and tracking parameters.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "at_medium", "at_campaign")
_TRACKING = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ocid", "cmpid",
             "_ga", "ref_src", "smid", "s_cid"}


def canonical_url(url: str) -> str:
    """``url`` normalised for comparison; unparseable text comes back stripped."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in _TRACKING and not k.lower().startswith(_TRACKING_PREFIXES)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def item_keys(source_id: object, guid: str | None, url: str | None) -> list[str]:
    """The dedup keys of a feed item: its GUID within its source, and its canonical URL."""
    keys = []
    if guid:
        keys.append(f"guid:{source_id}:{guid.strip()}")
    if url:
        keys.append("url:" + canonical_url(url))
    return keys
