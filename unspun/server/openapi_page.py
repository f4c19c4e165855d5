"""The OpenAPI document flattened for the browsable docs page (``/api/docs``)."""
from __future__ import annotations

from typing import Any


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(repr(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


def _limits(schema: dict[str, Any]) -> str:
    keys = {"minimum": "≥", "maximum": "≤", "minLength": "min length", "maxLength":
            "max length", "pattern": "pattern", "minItems": "min items", "maxItems": "max items"}
    found = []
    for sub in [schema, *schema.get("anyOf", [])]:
        found += [f"{label} {sub[k]}" for k, label in keys.items() if k in sub]
    if "default" in schema and schema["default"] is not None:
        found.append(f"default {schema['default']!r}")
    return ", ".join(found)


def describe(doc: dict[str, Any]) -> dict[str, Any]:
    """Title, version, and one entry per operation with its parameters and body model."""
    ops = []
    for path, methods in doc.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _type(p.get("schema", {})), "limits": _limits(p.get("schema", {})),
                       "description": p.get("description") or p.get("schema", {}).get(
                           "description", "")} for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", "").replace("``", ""),
                        "tag": (op.get("tags") or ["other"])[0],
                        "params": params, "body": _type(body.get("schema", {})) if body else None,
                        "responses": sorted(op.get("responses", {}))})
    models = []
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if name.startswith(("HTTPValidationError", "ValidationError")):
            continue
        required = set(schema.get("required", []))
        models.append({"name": name, "description": schema.get("description", ""),
                       "fields": [{"name": k, "type": _type(v), "required": k in required,
                                   "limits": _limits(v), "description": v.get("description", "")}
                                  for k, v in schema.get("properties", {}).items()]})
    return {"title": doc.get("info", {}).get("title", ""),
            "version": doc.get("info", {}).get("version", ""), "operations": ops,
            "models": models}
