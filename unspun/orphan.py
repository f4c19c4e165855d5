"""Worker processes that never outlive their parent.

A worker started by ``unspun ingest --workers N`` or by the server's analysis
pool calls :func:`die_with_parent` first.  On Linux the kernel then sends it
SIGKILL the moment its parent exits (``prctl(PR_SET_PDEATHSIG)``), even while
it is stuck in C code holding the GIL; elsewhere (or if prctl fails) a daemon
thread polls the parent's pid and exits the process within a second.

Workers are started through multiprocessing's forkserver, so their parent is
the forkserver process, which itself exits as soon as the main process dies
(``kill -9`` included); the resource tracker then exits too, once no process
holds its pipe.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _prctl() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent() -> None:
    """Make the calling process exit when its parent process dies."""
    parent = os.getppid()
    armed = _prctl()
    if os.getppid() != parent:  # the parent died before we were armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch, args=(parent,), daemon=True,
                         name="unspun-orphan-watch").start()
