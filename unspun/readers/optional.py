"""Optional imports for some input types: a failed import is a coded error for those inputs.

trafilatura (HTML) can fail to import in an install that resolved ``lxml``
without its ``html_clean`` part (older pip), and pyarrow (Parquet) is an
extra.  Either way only the inputs that need the module fail, each with U112;
every other input is still read.  The outcome of the import is cached, so a
broken module is tried once per process.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType

from ..errors import Problem

INSTALL = {
    "trafilatura": "pip install --upgrade unspun (it needs trafilatura and lxml_html_clean)",
    "pyarrow.parquet": "pip install 'unspun[parquet]'",
    "ijson": "pip install --upgrade unspun (it needs ijson)",
}


@lru_cache(maxsize=None)
def _load(name: str) -> ModuleType | str:
    try:
        return importlib.import_module(name)
    except Exception as exc:  # noqa: BLE001 - ImportError, or a broken dependency's own error
        return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def need(name: str, what: str, origin: str) -> ModuleType | Problem:
    """Module ``name``, or the U112 problem for ``origin`` when it cannot be imported."""
    loaded = _load(name)
    if isinstance(loaded, ModuleType):
        return loaded
    return Problem.make("U112", origin, what=what, module=name, detail=loaded,
                        install=INSTALL.get(name, f"pip install {name.split('.')[0]}"))
