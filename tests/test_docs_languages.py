"""The Python examples of docs/languages.md run as written (in order, one namespace)."""
from __future__ import annotations

import re
from pathlib import Path

import unspun.lang as lang

DOC = Path(__file__).resolve().parent.parent / "docs" / "languages.md"


def test_languages_doc_examples_run():
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), re.DOTALL)
    assert len(blocks) >= 2
    namespace: dict = {}
    try:
        for block in blocks:
            exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - our own docs
    finally:
        lang.unregister("zz")
    assert namespace["zz"].code == "zz"


def test_languages_doc_names_every_english_data_file():
    text = DOC.read_text("utf-8")
    en = lang.get("en").folder
    for path in en.iterdir():
        if not path.name.startswith("_"):
            assert path.name in text, path.name
