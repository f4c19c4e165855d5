"""Imported by multiprocessing's forkserver at start: it dies with the process that started it.

See :func:`unspun.orphan.forkserver_context`.
"""
from .orphan import die_with_parent

die_with_parent()
