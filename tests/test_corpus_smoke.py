"""Smoke test: every text in ../shared/data analysed as users' files are, with no U110.

The files are read raw (title line and headers included) by the same readers and
Pipeline as ``unspun analyze``.  By default a deterministic sample (every
``STRIDE``-th file of each corpus, plus the seed and the SemEval-format sample);
``UNSPUN_FULL_SMOKE=1`` analyses all of them.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

import unspun
from unspun.errors import Problem
from unspun.record import check_spans
from unspun.schema import validate_record

STRIDE = 8


def corpus_files(root: Path, full: bool) -> list[Path]:
    stride = 1 if full else STRIDE
    files = sorted((root / "seed").glob("*.txt"))
    files += sorted((root / "semeval-format-sample").glob("train-articles-*/*.txt"))
    for group in (sorted((root / "polnear").glob("*/text/*.txt")),
                  sorted((root / "wikiref220").rglob("*.txt"))):
        files += [f for f in group if f.name != "readme.txt"][::stride]
    return files


@pytest.mark.slow
def test_shared_corpora_analyse_without_u110(shared_data):
    full = os.environ.get("UNSPUN_FULL_SMOKE") == "1"
    files = corpus_files(shared_data, full)
    assert len(files) > (1000 if full else 100)
    failures, codes, records = [], Counter(), 0
    for result in unspun.analyze_paths([str(f) for f in files]):
        if isinstance(result, Problem):
            codes[result.code] += 1
            if result.code == "U110":
                failures.append(str(result))
            continue
        records += 1
        for w in result.warnings:
            codes[w["code"]] += 1
        bad = check_spans(result)
        if bad:
            failures.append(f"{result.meta.get('input')}: spans off their text: {bad[:3]}")
        validate_record(result.to_dict())
    assert failures == [], f"{len(failures)} of {len(files)} files failed: {failures[:5]}"
    assert records >= len(files) - codes["U102"]
    print(f"\n{len(files)} files, {records} records, codes {dict(codes)}")
