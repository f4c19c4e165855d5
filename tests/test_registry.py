"""The component registry: checked declarations, derived order, enabling, languages, models."""
from __future__ import annotations

from importlib import resources

import pytest

import unspun
from conftest import SEED
from pluginfixture import registry  # noqa: F401 (a fixture)
from unspun.errors import ComponentError
from unspun.pipeline.order import run_order
from unspun.pipeline.registry import Component, component, load_all
from unspun.pipeline.runner import Pipeline, default_components
from unspun.readers import read_inputs
from unspun.readers.article import Article


def comp(name, requires=(), assigns=()):
    return Component(name, lambda ctx: None, tuple(requires), tuple(assigns))


@pytest.mark.parametrize("field", ["wordcount", "ext", "ext.Words", "ext.", "quotes.speaker"])
def test_unknown_fields_fail_at_registration(field, registry):
    with pytest.raises(ComponentError, match=r"^\[E003\]") as err:
        component("probe", assigns=(field,))
    assert repr(field) in str(err.value)
    with pytest.raises(ComponentError, match=r"^\[E003\]"):
        component("probe", requires=(field,))
    assert "probe" not in registry


def test_order_follows_declarations_not_listing():
    parts = [comp("z_reader", ["ext.b"]), comp("reviser", ["ext.a"], ["ext.a"]),
             comp("y_maker", [], ["ext.a"]), comp("b_maker", ["ext.a"], ["ext.b"]),
             comp("a_free")]
    order = [c.name for c in run_order(parts)]
    assert order == ["a_free", "y_maker", "b_maker", "reviser", "z_reader"]
    assert [c.name for c in run_order(reversed(parts))] == order


def test_missing_and_cyclic_requirements_are_coded():
    with pytest.raises(ComponentError, match=r"^\[E002\].*'reader'.*ext\.a"):
        run_order([comp("reader", ["ext.a"])])
    with pytest.raises(ComponentError, match=r"^\[E005\].*'one', 'two'"):
        run_order([comp("one", ["ext.b"], ["ext.a"]), comp("two", ["ext.a"], ["ext.b"])])


def test_default_pipeline_is_derived_and_runs_each_after_what_it_requires():
    names = default_components()
    assert set(names) == {"segment", "dateline", "agencies", "entities", "quotes", "voice",
                          "techniques", "frames", "genre", "rhetoric",
                          "attribution", "lexicon_techniques"}   # issue 16: other languages
    registry = load_all()
    for name in names:
        made_later = {f for later in names[names.index(name) + 1:]
                      for f in registry[later].assigns if f not in registry[later].requires}
        assert not set(registry[name].requires) & made_later, name


def test_enable_adds_an_optional_component_in_order(registry):
    @component("probe_after_voice", requires=("voice",), assigns=("ext.probe",))
    def probe(ctx):
        ctx.record.ext["probe"] = len(ctx.record.voice)

    assert "probe_after_voice" not in Pipeline().names  # not in the default pipeline
    names = Pipeline(enable=["probe_after_voice"]).names
    assert names.index("probe_after_voice") > names.index("voice")
    with pytest.raises(ComponentError, match=r"^\[E001\].*'nope'.*probe_after_voice"):
        Pipeline(enable=["nope"])


def test_languages_decide_where_a_component_runs(registry):
    @component("probe_any", assigns=("ext.any",), languages=None)
    def any_language(ctx):
        ctx.record.ext["any"] = ctx.record.language

    @component("probe_en", assigns=("ext.en",))
    def english_only(ctx):
        ctx.record.ext["en"] = True

    pipe = Pipeline(["segment"], enable=["probe_any", "probe_en"])
    german = Article(text="Der Bundeskanzler sagte am Dienstag in Berlin, die Lage sei ernst, "
                          "aber die Regierung werde alles tun, um die Krise zu beenden.",
                     origin="de.txt")
    english = Article(text="The minister said on Tuesday that the talks would go on.",
                      origin="en.txt")
    de, en = pipe.analyze_batch([german, english])
    assert de.language == "de" and de.ext == {"any": "de"}
    assert en.ext == {"any": "en", "en": True}


def test_a_model_file_is_a_component_in_place_of_the_default_layer():
    """The shipped learned layer given as --model gives what the default pipeline gives."""
    shipped = str(resources.files("unspun") / "data" / "rhetoric.model")
    pipe = Pipeline(models=[shipped])
    assert "rhetoric" not in pipe.names and pipe.names[-1] == "models"
    article = next(read_inputs([str(SEED)]))
    plain = unspun.analyze(article.text, published=article.published)
    modelled = unspun.analyze(article.text, published=article.published, models=[shipped])
    assert modelled.to_dict() == plain.to_dict()
