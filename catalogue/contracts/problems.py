"""Pydantic's validation errors as the platform's problems: a JSON path and a sentence each."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

Wording = dict[str, str]
# What each kind of pydantic type error expected, in the words the messages use.
EXPECTED = {
    "string_type": "a string",
    "list_type": "a list",
    "model_type": "an object",
    "dict_type": "an object",
    "model_attributes_type": "an object",
    "bool_type": "a boolean",
    "int_type": "an integer",
    "float_type": "a number",
}


def problem(text: str, key: str | None = None) -> PydanticCustomError:
    """An error carrying its message as written; ``key`` names the field a record check blames."""
    context = {"problem": text} | ({"key": key} if key else {})
    return PydanticCustomError("problem", "{problem}", context)


def json_type(value: Any) -> str:
    """Name the JSON type of a parsed value, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "list", dict: "object"}.get(type(value), type(value).__name__)


def json_path(location: tuple[int | str, ...]) -> str:
    """``("organisations", 0, "name")`` as ``organisations[0].name``; the root is ``document``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "document"


def describe(
    error: ErrorDetails, model: type[BaseModel] | None = None, wording: Wording | None = None
) -> tuple[str, str]:
    """One pydantic error as ``(path, problem)``; ``model`` is the root, for key suggestions.

    ``wording`` replaces the sentence of a kind of error (``missing``, ``extra_forbidden``...).
    """
    kind, context, location = error["type"], error.get("ctx") or {}, tuple(error["loc"])
    if wording and kind in wording:
        return json_path(location), wording[kind]
    if kind == "problem":
        key = context.get("key")
        return json_path(location + ((key,) if key else ())), context["problem"]
    if kind == "missing":
        return json_path(location), "missing (required)"
    if kind == "extra_forbidden":
        return json_path(location), _unknown_key(str(location[-1]), _fields_at(model, location))
    if kind in ("string_too_long", "too_long"):
        longest = context.get("max_length")
        length = len(error["input"])
        return json_path(location), f"too long: {length:,} characters (at most {longest:,})"
    if kind in EXPECTED:
        return json_path(location), f"expected {EXPECTED[kind]}, got {json_type(error['input'])}"
    return json_path(location), error["msg"]


def problems_of(
    error: ValidationError, model: type[BaseModel] | None = None, wording: Wording | None = None
) -> Iterator[tuple[str, str]]:
    """Every error of ``error`` as ``(path, problem)``, in the order pydantic found them."""
    for details in error.errors(include_url=False):
        yield describe(details, model, wording)


def _unknown_key(key: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(key, known, n=1)
    return f"unknown key (did you mean {guess[0]!r}?)" if guess else "unknown key"


def _fields_at(model: type[BaseModel] | None, location: tuple[int | str, ...]) -> list[str]:
    """The keys of the record holding ``location``'s last key, found by walking the models."""
    current: Any = model
    for part in location[:-1]:
        current = _inner(current)
        if isinstance(part, int):
            current = _inner(typing.get_args(current)[0]) if typing.get_args(current) else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            return []
    current = _inner(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [field.alias or name for name, field in current.model_fields.items()]
    return []


def _inner(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` from a field's annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation
