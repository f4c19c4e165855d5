"""unspun: shows how the news is spun.

>>> import unspun
>>> rec = unspun.analyze("WASHINGTON (AP) — ...", published="2016-09-20")
>>> rec.dateline["agency"]["text"]
'AP'
"""
from .api import analyze, analyze_paths
from .errors import Problem, UnspunError
from .record import RECORD_VERSION, Record, span
from .store import open_store
from . import stories  # unspun.stories.assign / list_stories / compare

__all__ = ["analyze", "analyze_paths", "Record", "RECORD_VERSION", "Problem", "UnspunError", "span",
           "open_store", "stories", "frame", "plot", "render"]
__version__ = "0.1.0"


def frame(records, table, **filters):  # noqa: ANN001, ANN201 - pandas is an optional extra
    """Records not stored as a pandas DataFrame; see :func:`unspun.dataframes.frame`."""
    from .dataframes import frame as _frame

    return _frame(records, table, **filters)


def __getattr__(name: str):  # noqa: ANN202 - plot and render load plotly/rich on first use
    if name in ("plot", "render"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'unspun' has no attribute {name!r}")
