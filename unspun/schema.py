"""The record's JSON Schema and a validator for it."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    return json.loads(resources.files("unspun").joinpath("schema/record.schema.json").read_text("utf-8"))


def validate_record(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if ``data`` is not a valid record."""
    import jsonschema

    jsonschema.validate(data, record_schema(), cls=jsonschema.Draft202012Validator)
