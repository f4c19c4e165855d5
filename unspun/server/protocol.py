"""uvicorn's h11 HTTP protocol with a time limit on reading a request's headers.

uvicorn closes idle keep-alive connections, but a client that opens a
connection and sends nothing, or sends its headers one byte at a time
(slowloris), is kept open indefinitely.  Here a connection must deliver a
complete request head within ``UNSPUN_HEADER_TIMEOUT`` seconds (default
:data:`DEFAULT_HEADER_TIMEOUT`) of opening, or of its first byte after the
previous response; otherwise it is closed.  Set through the environment so
that every server process (``--workers``) reads the same value.
"""
from __future__ import annotations

import asyncio
import os

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

DEFAULT_HEADER_TIMEOUT = 10.0
ENV = "UNSPUN_HEADER_TIMEOUT"


def header_timeout() -> float:
    try:
        return max(0.1, float(os.environ.get(ENV, DEFAULT_HEADER_TIMEOUT)))
    except ValueError:
        return DEFAULT_HEADER_TIMEOUT


class GuardedH11Protocol(H11Protocol):
    """H11Protocol that closes connections whose request head does not arrive in time."""

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._arm()  # a head is still incomplete: its clock runs from its first byte
        else:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(header_timeout(), self._expired)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _expired(self) -> None:
        self._head_timer = None
        busy = self.cycle is not None and not self.cycle.response_complete
        if self.conn.their_state is h11.IDLE and not busy and not self.transport.is_closing():
            self.transport.close()
