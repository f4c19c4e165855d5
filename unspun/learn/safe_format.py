"""A model file format that cannot run code: numeric arrays plus JSON, in one zip file.

Pickles (and joblib files, which are pickles) execute code while they load,
so unspun never unpickles a model.  A safe model file is a zip archive with:

* ``unspun-model.json``: ``{"format": "unspun-safe/1", "kind": KIND, "meta": {...}}``,
  where ``meta`` is any JSON data the writer wants back;
* ``arrays/NAME.npy``: one NumPy array per name, in the ``.npy`` format, read
  with ``allow_pickle=False`` and only of the dtypes in :data:`DTYPES`
  (booleans, integers, floats): object arrays, which would unpickle, are refused.

API (used by :mod:`unspun.learn.model`; a shipped default model goes through it too):

>>> save("x.model", kind="unspun-model", meta={"task": "genre"},
...      arrays={"coef": np.zeros((1, 3))})                       # doctest: +SKIP
>>> meta, arrays = load("x.model", kind="unspun-model")           # doctest: +SKIP

:func:`load` checks, before it reads anything else, that the file is a zip
whose member names are exactly the JSON member and ``arrays/*.npy``; then the
format tag and kind, the uncompressed size (at most ``max_bytes``: no zip
bombs), and each array's header.  Anything else (a pickle, random bytes, a
truncated file, another zip such as a skops file) raises
:class:`UnsafeModelFile` with a reason; nothing in the file is ever executed.
Checking the *content* (shapes, labels) is the caller's job.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "unspun-safe/1"
META = "unspun-model.json"
PREFIX = "arrays/"
DTYPES = frozenset("biuf")          # numpy dtype kinds allowed: bool, int, uint, float
MAX_BYTES = 2_000_000_000           # uncompressed size of all members together
MAX_META = 200_000_000              # the JSON member alone


class UnsafeModelFile(ValueError):
    """The file is not in the safe format (the message says why); nothing of it was run."""


def save(path: str | Path, *, kind: str, meta: dict[str, Any],
         arrays: dict[str, np.ndarray]) -> None:
    """Write ``meta`` (JSON data) and ``arrays`` (numeric) to ``path`` as a safe model file."""
    for name, arr in arrays.items():
        if not name.replace("_", "").replace("-", "").replace(".", "").isalnum():
            raise ValueError(f"array name {name!r}: use letters, digits, '_', '-' and '.'")
        if np.asarray(arr).dtype.kind not in DTYPES:
            raise ValueError(f"array {name!r} has dtype {np.asarray(arr).dtype}: only numbers")
    header = json.dumps({"format": FORMAT, "kind": kind, "meta": meta}, ensure_ascii=False)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(META, header.encode("utf-8"))
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
            zf.writestr(f"{PREFIX}{name}.npy", buf.getvalue())


def _describe(head: bytes) -> str:
    if head[:1] == b"\x80" or head[:1] in (b"(", b"]", b"}"):
        return ("it is a Python pickle (e.g. a model from an older unspun or joblib), which "
                "could run code: retrain it with `unspun train`")
    if not head:
        return "the file is empty"
    return "it is not a zip archive"


def load(path: str | Path, *, kind: str,
         max_bytes: int = MAX_BYTES) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """``(meta, arrays)`` from a file written by :func:`save` with the same ``kind``.

    Raises :class:`UnsafeModelFile` for anything else, and :class:`OSError`
    when the file cannot be read at all.
    """
    p = Path(path)
    with open(p, "rb") as fh:
        head = fh.read(4)
    if head != b"PK\x03\x04":
        raise UnsafeModelFile(f"not a safe model file: {_describe(head)}")
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
            if META not in names:
                raise UnsafeModelFile(f"not a safe model file: a zip archive without {META} "
                                      "(e.g. a skops or other archive)")
            odd = [n for n in names if n != META
                   and not (n.startswith(PREFIX) and n.endswith(".npy") and "/" not in n[7:])]
            if odd or len(set(names)) != len(names):
                raise UnsafeModelFile(f"not a safe model file: unexpected members {odd[:3]}")
            if sum(i.file_size for i in infos) > max_bytes or \
                    zf.getinfo(META).file_size > MAX_META:
                raise UnsafeModelFile(f"the model file unpacks to over {max_bytes:,} bytes")
            header = json.loads(zf.read(META).decode("utf-8"))
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise UnsafeModelFile(f"not a safe model file (expected format {FORMAT})")
            if header.get("kind") != kind:
                raise UnsafeModelFile(f"a {header.get('kind')!r} file, not {kind!r}")
            arrays = {}
            for name in names:
                if name == META:
                    continue
                with zf.open(name) as member:
                    arr = np.lib.format.read_array(io.BufferedReader(member),
                                                   allow_pickle=False)
                if arr.dtype.kind not in DTYPES:
                    raise UnsafeModelFile(f"array {name} has dtype {arr.dtype}: only numbers")
                arrays[name[len(PREFIX):-4]] = arr
    except UnsafeModelFile:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, UnicodeDecodeError,
            json.JSONDecodeError, ValueError, KeyError, NotImplementedError) as exc:
        # ValueError covers numpy's refusal of object arrays (allow_pickle=False)
        raise UnsafeModelFile(f"broken or truncated model file ({type(exc).__name__}: "
                              f"{str(exc)[:200]})") from None
    meta = header.get("meta")
    if not isinstance(meta, dict):
        raise UnsafeModelFile("the model file has no metadata")
    return meta, arrays
