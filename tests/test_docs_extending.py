"""docs/extending.md: its Python examples run, its plug-in package declares the entry point."""
from __future__ import annotations

import re
import tomllib

from conftest import ROOT
from pluginfixture import registry  # noqa: F401 (a fixture)

DOC = ROOT / "docs" / "extending.md"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text("utf-8"), flags=re.S)


def test_python_examples_run(registry):
    code = blocks("python")
    assert len(code) >= 4
    namespace: dict = {"__name__": "docs_extending"}
    for block in code:
        exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - our own docs
    assert {"quote_share", "wordcount"} <= set(registry)
    assert "bad" not in registry  # E003 refused it


def test_example_package_declares_the_entry_point():
    (toml,) = blocks("toml")
    meta = tomllib.loads(toml)
    points = meta["project"]["entry-points"]["unspun.components"]
    assert points == {"wordcount": "unspun_wordcount"}
    assert "unspun_wordcount" in meta["tool"]["setuptools"]["py-modules"]


def test_docs_name_every_component_option():
    text = DOC.read_text("utf-8")
    for needle in ("--enable", "--model", "ext.NAME", "E001", "E002", "E003", "E004", "E005",
                   "languages.md"):
        assert needle in text, needle
