"""Engines that run the analysis somewhere other than this process's own worker pool.

The local engine is :mod:`unspun.ingest` with :mod:`unspun.parallel`.  The Ray
engine (:mod:`unspun.engines.ray_engine`, optional extra ``unspun[ray]``)
runs the same :class:`~unspun.pipeline.runner.Pipeline` in Ray actors, on one
machine or a cluster.
"""
from __future__ import annotations

ENGINES = ("local", "ray")

__all__ = ["ENGINES"]
