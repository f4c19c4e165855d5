"""Which addresses unspun may connect to: public ones, unless a host is explicitly allowed.

The check runs on the addresses DNS returned, and the connection is then made to one of
those very addresses (never a second lookup), so a name that resolves to a public address
for the check and a private one for the connection (DNS rebinding) cannot slip through.
Every redirect is checked again.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection

from .failure import FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_kind(ip: Address) -> str | None:
    """Why ``ip`` is not a public address ('loopback', 'private' ...), or None if it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return address_kind(ip.ipv4_mapped)
    for kind in ("loopback", "link_local", "unspecified", "private", "multicast", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return None


def _allowed(host: str, allow: Collection[str]) -> bool:
    return host.lower().strip("[]") in {h.lower().strip("[]") for h in allow}


def resolve(url: str, host: str, port: int, allow: Collection[str] = ()) -> list[str]:
    """The addresses to connect to for ``host``; FetchError U902 for a refused one.

    All addresses must be public unless the host is named in ``allow`` (a host name or
    an address, as written in the URL).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError("U901", url, detail=f"cannot resolve {host}: {exc}",
                         transient=True) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if _allowed(host, allow):
        return addresses
    for text in addresses:
        kind = address_kind(ipaddress.ip_address(text.split("%")[0]))
        if kind:
            raise FetchError("U902", url, host=host, kind=f"a {kind}", address=text)
    return addresses
