"""Limits on JSON documents from outside (request bodies, imported files): how deep they nest."""

from __future__ import annotations

from typing import Any

MAX_JSON_DEPTH = 64


class JSONNestingError(ValueError):
    """A JSON document nests arrays or objects deeper than ``MAX_JSON_DEPTH``."""

    def __init__(self) -> None:
        super().__init__(f"nests arrays or objects more than {MAX_JSON_DEPTH} levels deep")


def json_depth(value: Any) -> int:
    """Return how deeply ``value`` nests lists and dicts (a scalar is 0), without recursion.

    Counting stops just past ``MAX_JSON_DEPTH``: that is all a caller needs to know.
    """
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if not isinstance(item, list):
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        pending.extend((child, depth + 1) for child in item)
    return deepest


def refuse_deep_nesting(value: Any) -> Any:
    """Return ``value``, or raise ``JSONNestingError`` when it nests past ``MAX_JSON_DEPTH``.

    Readers that walk documents recursively would otherwise fail with a RecursionError.
    """
    if json_depth(value) > MAX_JSON_DEPTH:
        raise JSONNestingError()
    return value
