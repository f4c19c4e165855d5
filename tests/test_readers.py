import io
import json

import pytest

from unspun.errors import Problem
from unspun.readers import read_inputs
from unspun.readers.text import split_header


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def codes(items):
    return [i.code if isinstance(i, Problem) else "ok" for i in items]


def test_seed_header_is_removed_and_offset_kept(seed_path):
    [article] = read(seed_path)
    raw = seed_path.read_text("utf-8")
    assert article.published == "2023-09-20"
    assert article.text.startswith("BAKU, Azerbaijan, September 20.")
    offset = article.meta["input_offset"]
    assert raw[offset:] == article.text


def test_key_value_headers(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("title: Vote delayed\nsource: Example Post\nurl: https://example.org/a\n"
                 "date: 2024-03-05\n\nLONDON — The vote was delayed.\n", "utf-8")
    [a] = read(p)
    assert (a.title, a.source, a.url, a.published) == (
        "Vote delayed", "Example Post", "https://example.org/a", "2024-03-05")
    assert a.text.startswith("LONDON —")


def test_split_header_without_header():
    assert split_header("Plain text.") == ({}, 0)


def test_jsonl_with_broken_line_keeps_the_rest(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "First article.", "outlet": "X", "date": "2023-01-02T10:00:00Z",
                             "lang_hint": "en"}) + "\n"
                 + '{"text": "broken\n'
                 + json.dumps({"body": "Third article.", "published": "2023-01-03"}) + "\n", "utf-8")
    items = read(p)
    assert codes(items) == ["ok", "U104", "ok"]
    assert items[1].origin.endswith("a.jsonl:2")
    assert items[0].source == "X" and items[0].published == "2023-01-02"
    assert items[0].meta == {"lang_hint": "en"}
    assert items[2].text == "Third article."


def test_jsonl_record_without_text(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"title": "no body"}\n[1, 2]\n', "utf-8")
    assert codes(read(p)) == ["U106", "U104"]


def test_json_array_and_object(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"content": "One."}, {"content": "Two.", "publication_date": "2020-05-06"}]))
    items = read(p)
    assert [a.text for a in items] == ["One.", "Two."]
    assert items[1].published == "2020-05-06"
    p.write_text(json.dumps({"text": "Only one.", "title": "T"}))
    assert read(p)[0].title == "T"


def test_csv(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('title,text,date,publisher\nA,"First, with comma.",2021-02-03,Pub\nB,"Second\n\nparagraph.",,\n',
                 "utf-8")
    items = read(p)
    assert [a.title for a in items] == ["A", "B"]
    assert items[0].source == "Pub" and items[0].published == "2021-02-03"
    assert items[1].text == "Second\n\nparagraph."


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("title,author\nA,B\n", "utf-8")
    [problem] = read(p)
    assert problem.code == "U105" and "title, author" in problem.message


def test_html_through_trafilatura(tmp_path):
    p = tmp_path / "a.html"
    body = "".join(f"<p>Paragraph {i} of the article says something about the vote in the "
                   f"parliament and what the ministers said afterwards.</p>" for i in range(5))
    p.write_text(f"<html><head><title>Vote</title><meta name='date' content='2022-04-05'>"
                 f"</head><body><nav>Menu</nav><article><h1>Vote</h1>{body}</article>"
                 f"<footer>Copyright</footer></body></html>", "utf-8")
    [a] = read(p)
    assert a.published == "2022-04-05"
    assert "Paragraph 0 of the article" in a.text and "Menu" not in a.text


def test_folder_recursive_sorted_and_glob(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.")
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "c.txt").write_text("Three.")
    assert [a.text for a in read(tmp_path)] == ["One.", "Two.", "Three."]
    assert [a.text for a in read(tmp_path / "*.txt")] == ["One.", "Three."]


def test_stdin(monkeypatch):
    stream = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"date 2020-01-01 From stdin.")))
    monkeypatch.setattr("sys.stdin", stream)
    [a] = list(read_inputs(["-"]))
    assert a.text == "From stdin." and a.origin == "<stdin>"


@pytest.mark.parametrize("content, code", [
    (b"", "U102"),
    (b"  \n\n ", "U102"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "U103"),
])
def test_bad_files(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [problem] = read(p)
    assert problem.code == code and str(p) in str(problem)


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\u00e9 owners protested on Monday.".encode("latin-1"))
    [a] = read(p)
    assert "\ufffd" in a.text
    assert [w.code for w in a.warnings] == ["W202"]


def test_too_large_article(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 2000)
    [problem] = read(p, max_chars=1000)
    assert problem.code == "U107"


def test_five_megabyte_article_at_default_limit(tmp_path):
    p = tmp_path / "five-mb.txt"
    p.write_text("The council met again. " * (5 * 2**20 // 23 + 1))
    [problem] = read(p)
    assert problem.code == "U107" and "five-mb.txt" in str(problem)
    assert "limit 1,000,000" in problem.message


def test_missing_path_and_unknown_suffix(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    items = read(tmp_path / "nope.txt", tmp_path / "x.pdf", tmp_path / "none*.txt")
    assert codes(items) == ["U101", "U111", "U101"]


def test_bad_date_gives_warning(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "Some text.", "date": "sometime last week"}) + "\n")
    [a] = read(p)
    assert a.published is None and a.warnings[0].code == "W204"
