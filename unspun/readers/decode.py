"""Bytes to text: binary detection and forgiving UTF-8 decoding."""
from __future__ import annotations

from ..errors import Problem

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters in its first 8 KB."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # counted in C, not byte by byte
    return controls / len(head) > 0.05


def decode(data: bytes, origin: str) -> tuple[str, list[Problem]]:
    """Decode UTF-8 (with or without BOM); replace bad bytes and say where."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        warning = Problem.make("W202", origin, pos=exc.start)
        return data.decode("utf-8-sig", errors="replace"), [warning]
