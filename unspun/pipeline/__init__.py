"""Pipeline components (one per module, registering themselves) and the runner that applies them."""
from .registry import REGISTRY, Component, Context, component
from .runner import Pipeline, default_components

__all__ = ["REGISTRY", "Component", "Context", "component", "Pipeline", "DEFAULT_COMPONENTS",
           "default_components"]


def __getattr__(name: str) -> object:
    if name == "DEFAULT_COMPONENTS":  # computed from the registry on first use
        return default_components()
    raise AttributeError(name)
