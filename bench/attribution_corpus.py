"""Reading the PolNeAR attribution corpus from ../shared/data (shared by the benchmarks; no data here)."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear"


@dataclass
class PolnearArticle:
    name: str
    split: str
    title: str
    body: str
    body_offset: int  # where body starts in the .txt (brat offsets are into the .txt)
    meta: dict


def available() -> bool:
    return (DATA / "metadata.tsv").is_file()


def metadata() -> dict[str, dict]:
    with open(DATA / "metadata.tsv", encoding="utf-8") as fh:
        return {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}


def articles(split: str) -> list[PolnearArticle]:
    """Articles of one split (train or dev); the first line of each text is its title."""
    meta = metadata()
    out = []
    for path in sorted((DATA / split / "text").glob("*.txt")):
        raw = path.read_text("utf-8")
        title, _, rest = raw.partition("\n")
        offset = len(title) + 1
        stripped = rest.lstrip()
        offset += len(rest) - len(stripped)
        out.append(PolnearArticle(path.stem, split, title.strip(), stripped, offset,
                                  meta.get(path.stem, {})))
    return out
