"""The rhetoric component: the default learned layer over the built-in techniques, frames, genre.

Runs after ``techniques``, ``frames`` and ``genre`` and revises their output
with the model shipped in the package (see :mod:`unspun.learn.rhetoric`):
labels the model finds are added with a span, evidence and voice; built-in
hits are kept unless the model has evidence against them.  Without a shipped
model file (a source checkout that has not built it) the component does nothing.
"""
from __future__ import annotations

from .registry import Context, component


@component("rhetoric", requires=("paragraphs", "sentences", "layout", "dateline", "entities", "quotes",
                                 "voice", "techniques", "frames", "genre"),
           assigns=("techniques", "frames", "genre"))
def rhetoric(ctx: Context) -> None:
    from ..learn.rhetoric import apply, default_model

    model = default_model()
    if model is not None:
        apply(ctx.record, model)
