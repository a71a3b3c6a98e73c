"""Reading interchange documents from files, with problems reported as ValidationError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from catalogue.errors import ValidationError
from catalogue.services.json_documents import JSONNestingError, refuse_deep_nesting


def read_document(path: Path) -> Any:
    """Parse the JSON document in ``path`` (UTF-8); raise ValidationError if it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ValidationError(f"{path}: cannot be read ({error.strerror})") from error
    except UnicodeDecodeError as error:
        where = f"byte {error.start}"
        raise ValidationError(f"{path}: not UTF-8 text ({error.reason} at {where})") from error
    try:
        return refuse_deep_nesting(json.loads(text.removeprefix("\ufeff")))
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    except (RecursionError, JSONNestingError) as error:
        raise ValidationError(f"{path}: {JSONNestingError()}") from error
