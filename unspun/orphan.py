"""Worker processes that never outlive their parent.

A worker started by ``unspun ingest --workers N`` or by the server's analysis
pool calls :func:`die_with_parent` first.  On Linux the kernel then sends it
SIGKILL the moment its parent exits (``prctl(PR_SET_PDEATHSIG)``), even while
it is stuck in C code holding the GIL; elsewhere (or if prctl fails) a daemon
thread polls the parent's pid and exits the process within a second.

Workers are started through multiprocessing's forkserver, so their parent is
the forkserver process, and the forkserver stays alive while any worker does.
:func:`forkserver_context` therefore makes the forkserver itself die with the
main process (it imports :mod:`unspun.orphan_forkserver`, which calls
:func:`die_with_parent`): ``kill -9`` of the main process kills the forkserver,
that kills the workers, and the resource tracker exits once nobody holds its
pipe.
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


GUARD = "unspun.orphan_forkserver"


def forkserver_context():  # noqa: ANN201 - a multiprocessing context
    """The forkserver context (spawn where there is none), with a forkserver that dies with
    this process.  Call it from the main thread: the kernel ties the forkserver's life to
    the thread that starts it."""
    import multiprocessing as mp

    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    from multiprocessing import forkserver

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["__main__", GUARD])  # read when the forkserver starts
    forkserver.ensure_running()
    return ctx
