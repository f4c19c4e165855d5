"""Hostile and awkward inputs, read from real files: encodings, CSV rows, nesting, sizes,
folders with other files, symlinks.  Readers only (no analysis): fast."""
import json
import os

import pytest

from unspun.errors import Problem
from unspun.readers import InputStats, read_inputs, store_files


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def codes(items):
    return [i.code if isinstance(i, Problem) else "ok" for i in items]


TEXT = "BAKU, Azerbaijan, March 3. The café reopened on Monday, its owner said."


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"),
                                           ("utf-8", "\ufeff")])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding, bom):
    p = tmp_path / "a.txt"
    p.write_bytes((bom + "date 2023-03-03\n" + TEXT).encode(encoding))
    [a] = read(p)
    assert a.text == TEXT and a.published == "2023-03-03" and a.warnings == []


def test_utf16_csv_json_and_jsonl(tmp_path):
    (tmp_path / "a.csv").write_bytes("\ufefftext,title\n\"First, CSV.\",T\n".encode("utf-16-le"))
    (tmp_path / "b.json").write_bytes(("\ufeff" + json.dumps([{"text": TEXT}], ensure_ascii=False))
                                      .encode("utf-16-be"))
    (tmp_path / "c.jsonl").write_bytes(("\ufeff" + json.dumps({"body": "Line one."}) + "\n")
                                       .encode("utf-16-le"))
    items = read(tmp_path)
    assert [a.text for a in items] == ["First, CSV.", TEXT, "Line one."]
    assert items[0].title == "T"


def test_csv_oversized_field_names_its_line_and_the_next_row_is_read(tmp_path):
    huge = "x" * 1_200_000  # over 6 * 1000 + 1 MiB bytes at --max-chars 1000
    rows = ['title,text',                                  # line 1
            'A,"First row,\nover two lines."',             # lines 2-3
            f'B,"{huge}\nstill the huge field"',           # lines 4-5
            'C,After the big one.',                        # line 6
            f'D,{huge}',                                   # line 7 (unquoted)
            'E,"Last ""quoted"" row."']                    # line 8
    p = tmp_path / "big.csv"
    p.write_text("\n".join(rows) + "\n", "utf-8")
    items = read(p, max_chars=1000)
    assert codes(items) == ["ok", "U115", "ok", "U115", "ok"]
    assert [i.origin.rsplit(":", 1)[1] for i in items] == ["2", "4", "6", "7", "8"]
    assert items[0].text == "First row,\nover two lines."
    assert (items[2].title, items[2].text) == ("C", "After the big one.")
    assert items[4].text == 'Last "quoted" row.'


def test_csv_row_lines_are_the_lines_rows_start_on(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('text,title\n"one\n\ntwo",A\n\n"three",B\n', "utf-8")
    items = read(p)
    assert [(i.text, i.origin.rsplit(":", 1)[1]) for i in items] == [("one\n\ntwo", "2"),
                                                                      ("three", "6")]


def _deep(levels):
    return "[" * levels + "]" * levels


def test_deeply_nested_json_is_a_coded_error_and_the_rest_is_read(tmp_path):
    good = json.dumps({"text": "Good one."})
    (tmp_path / "a.json").write_text(f'[{good}, {{"text": "x", "meta": {_deep(100_000)}}}, '
                                     f'{good}]')
    (tmp_path / "b.jsonl").write_text(f"{good}\n{_deep(100_000)}\n{good}\n")
    (tmp_path / "c.json").write_text(_deep(100_000))
    (tmp_path / "d.json").write_text('{"text": "x", "meta": ' + _deep(100_000) + "}")
    items = read(tmp_path)
    assert codes(items) == ["ok", "U114", "ok", "ok", "U114", "ok", "U114", "U114"]
    assert items[1].origin.endswith("a.json[1]") and items[4].origin.endswith("b.jsonl:2")


def test_nesting_a_little_is_fine(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"articles": [{"text": "Kept.", "tags": [["a", {"b": [1, 2.5]}]]}]}))
    [a] = read(p)
    assert a.meta == {"tags": [["a", {"b": [1, 2.5]}]]}


def test_json_item_too_large_is_refused_while_reading(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"text": "Small."}, {"text": "y" * 3_000_000}, {"text": "Late."}]))
    items = read(p, max_chars=1000)
    assert codes(items) == ["ok", "U115"]
    assert items[1].origin.endswith("a.json[1]") and "not read" in items[1].message


def test_json_array_items_come_before_the_file_ends(tmp_path):
    """Streaming: the first article is yielded although the array is never closed."""
    p = tmp_path / "a.json"
    p.write_text('[{"text": "First."}, {"text": "Second."}, {"text": ')
    items = read(p)
    assert codes(items) == ["ok", "ok", "U104"]


def test_jsonl_over_long_line_is_skipped(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "z" * 2_000_000}) + "\n" + json.dumps({"text": "Next."})
                 + "\n")
    items = read(p, max_chars=1000)
    assert codes(items) == ["U115", "ok"] and items[1].origin.endswith("a.jsonl:2")


def test_big_text_file_is_refused_by_its_size(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 50_000)
    [problem] = read(p, max_chars=1000)
    assert problem.code == "U107" and "50,000" in problem.message


def test_folder_walk_skips_other_types_and_counts_them(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "other.db").write_bytes(b"SQLite format 3\x00")
    stats = InputStats()
    items = read(tmp_path, stats=stats)
    assert codes(items) == ["ok"]
    assert stats.summary() == "skipped 4 files of other types"
    assert codes(read(tmp_path / "doc.pdf")) == ["U111"]  # named: still an error


def test_store_files_are_never_input(tmp_path):
    db = tmp_path / "news.txt"  # even a database named like an article is not read
    for suffix in ("", "-wal", "-shm", "-journal"):
        (tmp_path / f"news.txt{suffix}").write_text("not an article")
    (tmp_path / "a.txt").write_text(TEXT)
    stats = InputStats()
    items = read(tmp_path, db, stats=stats, exclude=store_files(db))
    assert [i.text for i in items] == [TEXT]
    assert stats.store_files == 5  # four found in the folder, one named


def test_symlink_loops_never_multiply_a_file(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(TEXT)
    os.symlink(tmp_path, tmp_path / "a" / "b" / "up")        # a loop back to the top
    os.symlink(".", tmp_path / "a" / "self")                  # a loop to itself
    os.symlink(tmp_path / "a" / "b" / "x.txt", tmp_path / "alias.txt")
    for pattern in ("**/*.txt", "**", "a/**/*.txt"):
        stats = InputStats()
        items = read(tmp_path / pattern, stats=stats)
        assert [i.text for i in items] == [TEXT], pattern
    stats = InputStats()
    assert len(read(tmp_path, tmp_path / "a" / "b" / "x.txt", stats=stats)) == 1
    assert stats.repeats == 2  # alias.txt in the walk, and the named path


def test_parquet_is_read_locally_too(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table({"body": ["Rain in Oslo.", ""], "outlet": ["NRK", "NRK"],
                      "published": ["2020-01-02", None]})
    pq.write_table(table, tmp_path / "news.parquet")
    items = read(tmp_path)
    assert codes(items) == ["ok", "U102"]
    assert (items[0].text, items[0].source, items[0].published) == (
        "Rain in Oslo.", "NRK", "2020-01-02")
    assert items[1].origin.endswith("news.parquet[1]")
