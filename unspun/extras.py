"""The notebook extra's packages (pandas, plotly), imported only when a function needs one."""
from __future__ import annotations

import importlib
from typing import Any

from .errors import Problem, UnspunError


def notebook_module(name: str, package: str) -> Any:
    """The module ``name``, or U520 saying that ``package`` (the notebook extra) is needed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise UnspunError(Problem.make("U520", "", package=package)) from None
