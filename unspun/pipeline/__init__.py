"""Pipeline components (one per module) and the runner that applies them."""
from .registry import REGISTRY, Component, Context, component
from .runner import DEFAULT_COMPONENTS, Pipeline, default_components

__all__ = ["REGISTRY", "Component", "Context", "component", "Pipeline", "DEFAULT_COMPONENTS",
           "default_components"]
