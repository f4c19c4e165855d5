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
           "open_store", "stories"]
__version__ = "0.1.0"
