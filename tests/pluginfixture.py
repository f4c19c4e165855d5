"""The component registry for tests that register components: the ``registry`` fixture.

Import it into a test module (``from pluginfixture import registry``); it holds no tests.
"""
from __future__ import annotations

import pytest


@pytest.fixture
def registry():
    """The component registry with every built-in loaded, restored after the test registered
    its own."""
    from unspun.pipeline.registry import REGISTRY, load_all

    load_all()
    before = dict(REGISTRY)
    yield REGISTRY
    REGISTRY.clear()
    REGISTRY.update(before)
