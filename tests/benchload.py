"""Bench scripts (bench/NAME.py) for the tests, loaded by their file path: ``bench("quotes")``.

bench/ never stays on ``sys.path``: there a script named like an installed package would
shadow it for every later import of the session (bench/ray.py once made ``import ray``
load the benchmark).  A script is loaded once, under its own name, as ``import NAME`` from
bench/ would have loaded it, so the scripts' imports of each other (``from quote_scoring
import Tally``) get the same module.  While one loads, bench/ is on ``sys.path`` for those
imports; it is taken off again after, even where the script put it there itself.
It holds no tests.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench(name: str) -> ModuleType:
    """The module of bench/``name``.py, loaded on first use."""
    path = BENCH / f"{name}.py"
    loaded = sys.modules.get(name)
    if loaded is not None and Path(getattr(loaded, "__file__", None) or "").resolve() == path:
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"no bench script {path}")
    module = importlib.util.module_from_spec(spec)
    before = set(sys.path)
    sys.modules[name] = module
    sys.path.insert(0, str(BENCH))
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    finally:
        sys.path[:] = [p for p in sys.path if p in before or not _is_bench(p)]
    return module


def _is_bench(entry: str) -> bool:
    try:
        return Path(entry).resolve() == BENCH
    except (OSError, ValueError):
        return False
