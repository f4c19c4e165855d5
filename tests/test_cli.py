"""The command line, run as a real process."""
import json
import subprocess
import sys

import pytest

from unspun.schema import validate_record


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "unspun", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_help_explains_inputs_outputs_and_options():
    out = run("analyze", "--help").stdout
    for word in ("PATHS", "--format", "--workers", "--input-format", "--max-chars", "stdin",
                 "JSON Lines", "CSV", "HTML", "Exit status"):
        assert word in out, word
    assert "analyze" in run("--help").stdout


def test_seed_as_jsonl(seed_path):
    res = run("analyze", str(seed_path), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    [line] = res.stdout.splitlines()
    record = json.loads(line)
    validate_record(record)
    assert record["dateline"]["resolved_date"] == "2023-09-20"
    assert record["meta"]["input"] == str(seed_path)


def test_pretty_output_shows_text_and_summary(seed_path):
    res = run("analyze", str(seed_path), "--format", "pretty")
    assert res.returncode == 0
    assert "BAKU, Azerbaijan" in res.stdout
    assert "Trend (interview)" in res.stdout
    assert "Saken Mukan" in res.stdout


def test_stdin_json(seed_path):
    res = run("analyze", "-", "--format", "json", stdin="(CNN) — The vote was held on Monday.")
    records = json.loads(res.stdout)
    assert records[0]["dateline"]["agency"]["text"] == "CNN"


def test_batch_with_bad_inputs_goes_on(tmp_path, seed_path):
    (tmp_path / "1-empty.txt").write_text("")
    (tmp_path / "2-binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "3-latin1.txt").write_bytes("Caf\u00e9 owners in Paris protested on Monday.".encode("latin-1"))
    (tmp_path / "4-nopunct.txt").write_text(" ".join(["the council met again today and voters waited"] * 40))
    (tmp_path / "5-broken.jsonl").write_text('{"text": "Good one."}\n{"text": \n{"text": "Good two."}\n')
    (tmp_path / "6-notext.csv").write_text("title,author\nA,B\n")
    (tmp_path / "7-huge.txt").write_text("Words and more words. " * 300)
    res = run("analyze", str(tmp_path), str(tmp_path / "missing.txt"), str(seed_path),
              "--format", "jsonl", "--max-chars", "5000")
    assert res.returncode == 1
    records = [json.loads(line) for line in res.stdout.splitlines()]
    texts = [r["text"] for r in records]
    assert "Good one." in texts and "Good two." in texts
    assert any(t.startswith("BAKU") for t in texts)
    assert len(records) == 5  # latin1, nopunct, two good JSONL lines, seed
    err = res.stderr
    for code, where in [("U102", "1-empty.txt"), ("U103", "2-binary.txt"), ("U104", "5-broken.jsonl:2"),
                        ("U105", "6-notext.csv"), ("U107", "7-huge.txt"), ("U101", "missing.txt"),
                        ("W202", "3-latin1.txt"), ("W203", "4-nopunct.txt")]:
        assert any(code in line and where in line for line in err.splitlines()), (code, err)
    assert "5 analysed, 6 failed" in err


def test_non_english_gets_a_record_with_warning(tmp_path):
    p = tmp_path / "de.txt"
    p.write_text("Die Bundesregierung hat am Montag neue Maßnahmen beschlossen. "
                 "Der Kanzler sagte, die Lage sei ernst, aber beherrschbar.", "utf-8")
    res = run("analyze", str(p), "--format", "jsonl")
    assert res.returncode == 0
    record = json.loads(res.stdout)
    assert record["language"] == "de"
    assert record["entities"] == [] and record["sentences"]
    assert record["warnings"][0]["code"] == "W201"


def test_unknown_component_is_a_usage_error(seed_path):
    res = run("analyze", str(seed_path), "--components", "segment,nope")
    assert res.returncode == 2 and "nope" in res.stderr


@pytest.mark.slow
def test_two_workers_give_the_same_records(tmp_path, seed_path):
    lines = [json.dumps({"text": f"WASHINGTON (AP) — Senator number {i} told Reuters on Monday "
                                 f"that the vote would be held.", "date": "2016-09-0%d" % (i % 9 + 1)})
             for i in range(40)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    one = run("analyze", str(tmp_path / "many.jsonl"), "--format", "jsonl")
    two = run("analyze", str(tmp_path / "many.jsonl"), "--format", "jsonl", "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 40


def test_progress_on_a_terminal_keeps_records_on_stdout(tmp_path, seed_path):
    """With stderr on a terminal, a progress bar is drawn there; stdout still gets every record."""
    import os
    import pty

    master, slave = pty.openpty()
    out_path = tmp_path / "out.jsonl"
    folder = tmp_path / "folder"  # a folder holding the seed only (examples/ holds more)
    folder.mkdir()
    (folder / seed_path.name).write_bytes(seed_path.read_bytes())
    with open(out_path, "w") as out:
        res = subprocess.run([sys.executable, "-m", "unspun", "analyze", str(seed_path),
                              str(folder), "--format", "jsonl",
                              "--components", "segment,dateline"],
                             stdout=out, stderr=slave, timeout=300)
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    assert res.returncode == 0
    records = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert len(records) == 2 and all(r["text"].startswith("BAKU") for r in records)
    assert b"analyse" in drawn and b"2/2" in drawn
