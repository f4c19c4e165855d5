"""`unspun train` with the default features writes a rhetoric model (the learned layer's kind):
SemEval articles segmented exactly as `analyze` segments them, the same features as the
shipped layer, cross-validated F1 per label, and built-in hits kept by `analyze --model`."""
import json
import zipfile

import pytest
from click.testing import CliRunner

import unspun
from trainsentences import FEAR, PLAIN
from unspun.cli import cli
from unspun.learn.data import read_articles
from unspun.learn.rhetoric import load


@pytest.fixture
def semeval(tmp_path):
    """A SemEval-2023 Task 3 layout: title line, blank line, one paragraph per line."""
    root = tmp_path / "semeval"
    arts = root / "train-articles-subtask-3"
    arts.mkdir(parents=True)
    rows = []
    for n in range(8):
        paras = [FEAR[(n + i) % 4] for i in range(2)] + [PLAIN[(n + i) % 6] for i in range(3)]
        art = str(800 + n)
        (arts / f"article{art}.txt").write_text(f"Report number {n}\n\n" + "\n".join(paras) + "\n")
        for line, p in enumerate(paras, 3):
            rows.append(f"{art}\t{line}\t{'Appeal_to_Fear-Prejudice' if p in FEAR else ''}")
    (root / "train-labels-subtask-3.txt").write_text("\n".join(rows) + "\n")
    return root


def test_semeval_lines_become_analyze_paragraphs(semeval):
    articles = read_articles(semeval, "techniques")
    assert len(articles) == 8
    art = articles[0]
    analysed = unspun.analyze(art.text, components=["segment"])
    bounds = [(p["start"], p["end"]) for p in analysed.paragraphs]
    # every scored line is one of analyze's paragraphs, with the line's labels
    assert [(s, e) for s, e, _ in art.paragraphs] == bounds[1:]
    texts = [art.text[s:e] for s, e, _ in art.paragraphs]
    assert texts[:2] == FEAR[:2] and texts[2] == PLAIN[0]
    assert [labels for _, _, labels in art.paragraphs] == [["Appeal_to_Fear-Prejudice"]] * 2 + [[]] * 3


def test_train_reports_cv_f1_and_writes_a_safe_rhetoric_model(semeval, tmp_path):
    out = tmp_path / "t.model"
    result = CliRunner().invoke(cli, ["train", "techniques", str(semeval), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "cross-validated F1 per label" in result.output
    line = next(ln for ln in result.output.splitlines() if "Appeal_to_Fear-Prejudice" in ln)
    assert "positives    16" in line and "learned" in line, line
    with zipfile.ZipFile(out) as zf:  # numbers and JSON only
        assert all(n == "unspun-model.json" or n.endswith(".npy") for n in zf.namelist())
    model = load(out)
    assert set(model.tasks) == {"techniques"}
    assert model.tasks["techniques"].learned.sum() >= 1

    article = tmp_path / "a.txt"
    article.write_text("Invaders at the gates\n\nThe invaders will take our towns, and our "
                       "children are next.\n\"It is a disgrace,\" said a so-called expert.\n"
                       "The council will discuss the budget on Monday.\n")
    runner = CliRunner()
    plain = json.loads(runner.invoke(cli, ["analyze", str(article), "--format", "json"]).output)[0]
    got = runner.invoke(cli, ["analyze", str(article), "--format", "json", "--model", str(out)])
    assert got.exit_code == 0, got.output
    rec = json.loads(got.output)[0]
    fear = [t for t in rec["techniques"] if t["label"] == "Appeal_to_Fear-Prejudice"]
    assert fear and all(t["voice"] == "author" for t in fear)
    assert any("learned model" in t["evidence"] or t["evidence"] for t in fear)
    assert all(rec["text"][t["start"]:t["end"]] == t["text"] for t in rec["techniques"])
    # the built-in detectors' hits are kept: the model has no evidence against them
    builtin = {(t["label"], t["start"], t["end"]) for t in
               unspun.analyze(article.read_text(),
                              components=["segment", "dateline", "agencies", "entities",
                                          "quotes", "voice", "techniques"]).techniques}
    assert builtin <= {(t["label"], t["start"], t["end"]) for t in rec["techniques"]}
    assert plain["genre"] and rec["genre"]  # the default layer still does the other tasks


def test_shared_semeval_sample_trains(shared_data, tmp_path):
    sample = shared_data / "semeval-format-sample"
    if not sample.is_dir():
        pytest.skip("no semeval-format-sample in the shared data")
    articles = read_articles(sample, "techniques")
    labelled = {lab for a in articles for _, _, labs in a.paragraphs for lab in labs}
    assert {"Loaded_Language", "Name_Calling-Labeling"} <= labelled
    for a in articles:  # each scored paragraph is a line of the file, as analyze finds it
        bounds = [(p["start"], p["end"]) for p in
                  unspun.analyze(a.text, components=["segment"]).paragraphs]
        assert {(s, e) for s, e, _ in a.paragraphs} <= set(bounds)
    out = tmp_path / "s.model"
    result = CliRunner().invoke(cli, ["train", "techniques", str(sample), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "built-in only" in result.output  # two articles are too few to learn from
    assert load(out).tasks["techniques"].learned.sum() == 0
