"""Opening inputs safely: regular files only, byte-order marks, bounded reads.

Only regular files and standard input are read.  A FIFO, a device such as
``/dev/zero`` or a socket is refused (U113) *before* anything is read from it:
the file is opened with ``O_NONBLOCK`` (so a FIFO without a writer cannot block)
and checked with ``fstat`` on the open descriptor (so nothing can swap the file
between the check and the read).

Every reader sees UTF-8 bytes: :func:`utf8_source` strips a UTF-8 byte-order
mark and transcodes UTF-16 (LE or BE, with its BOM) to UTF-8 as it streams, so
a UTF-16 file exported by a spreadsheet or Windows tool is read like any other.
"""
from __future__ import annotations

import codecs
import io
import os
import stat
from typing import Any, BinaryIO

from ..errors import Problem

CHUNK = 1 << 16

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: str, origin: str) -> tuple[BinaryIO | None, Problem | None, int]:
    """``(file, None, size)`` for a regular file, or ``(None, problem, 0)``.

    Raises OSError (missing, no permission) for the caller to report.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, Problem.make("U113", origin, kind=file_kind(info.st_mode)), 0
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return fh, None, info.st_size


def regular_size(fh: Any) -> int | None:
    """The size of ``fh`` when it is a regular file (else None: a pipe, a terminal)."""
    try:
        info = os.fstat(fh.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


class _Utf8(io.RawIOBase):
    """A raw stream of UTF-8 bytes: the input with its BOM removed, UTF-16 transcoded."""

    def __init__(self, fh: BinaryIO):
        self._fh = fh
        self._pending = b""
        head = fh.read(4)
        self._decoder = None
        utf16 = head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        if utf16 and head[:4] != codecs.BOM_UTF32_LE:
            name = "utf-16-le" if head[:2] == codecs.BOM_UTF16_LE else "utf-16-be"
            self._decoder = codecs.getincrementaldecoder(name)(errors="replace")
            head = head[2:]
        elif head[:3] == codecs.BOM_UTF8:
            head = head[3:]
        self._pending = self._convert(head, final=False) if self._decoder else head
        self.count = 0  # bytes handed out so far

    def _convert(self, data: bytes, final: bool) -> bytes:
        assert self._decoder is not None
        return self._decoder.decode(data, final).encode("utf-8", "surrogatepass")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._fh.read(min(len(buffer), CHUNK) if self._decoder is None else CHUNK)
            if self._decoder is None:
                self._pending = chunk
                break
            self._pending = self._convert(chunk, final=not chunk)
            if not chunk:
                break
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        self.count += n
        return n

    @property
    def transcoded(self) -> bool:
        return self._decoder is not None


def utf8_source(fh: BinaryIO) -> io.BufferedReader:
    """``fh`` as buffered UTF-8 bytes (BOM stripped; UTF-16 with a BOM transcoded).

    ``source.raw.count`` is the number of bytes read so far (readers use it to
    bound how much one article may take).
    """
    if isinstance(fh, io.BufferedReader) and isinstance(fh.raw, _Utf8):
        return fh
    return io.BufferedReader(_Utf8(fh), buffer_size=CHUNK)


def read_bounded(fh: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of ``fh``, and whether there was more (never reads further)."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        return data[:limit], True
    return data, False


def readline_bounded(fh: BinaryIO, limit: int, skip: bool) -> tuple[bytes, int]:
    """One line of at most ``limit`` bytes, or ``(b"", n)`` for an over-long one.

    With ``skip`` (regular files, which end), an over-long line is skipped to
    its end in chunks, never held in memory, so the next line can be read;
    without it (a pipe or device that may never end) nothing more is read.
    """
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, 0
    skipped = len(line)
    while skip and line and not line.endswith(b"\n"):
        line = fh.readline(CHUNK)
        skipped += len(line)
    return b"", skipped
