"""Count the SQL statements a block of code sends (SQLAlchemy's ``before_cursor_execute``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event


@contextmanager
def counting_statements(engine: Engine) -> Iterator[list[str]]:
    """Yield a list that collects every statement this thread sends through ``engine`` inside
    the block (the matching index's background refits and encodings are not the request's)."""
    statements: list[str] = []
    thread = threading.get_ident()

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        if threading.get_ident() == thread:
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
