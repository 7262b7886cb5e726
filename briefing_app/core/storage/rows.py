"""Turning a database row into a record dataclass, and putting a row back as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


# Computed once per class: dataclasses.fields() per row is measurable on 100,000 claims.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def record_from_row(cls: type[T], row: sqlite3.Row, **overrides: Any) -> T:
    """Return cls built from the row's columns that are fields of cls (plus overrides)."""
    keys = set(row.keys())
    data = {name: row[name] for name in _field_names(cls) if name in keys}
    data.update(overrides)
    return cls(**data)


def records_from_rows(cls: type[T], rows: Iterable[sqlite3.Row]) -> list[T]:
    """Return cls built from each row, as record_from_row does (rows of one query).

    The columns are matched to the fields once for all the rows, not once a row: an export
    reads hundreds of claims, a listing thousands.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Tag:
    ...     id: int
    ...     name: str
    >>> conn = sqlite3.connect(":memory:")
    >>> conn.row_factory = sqlite3.Row
    >>> records_from_rows(Tag, conn.execute("SELECT 7 AS id, 'Kabul' AS name, 1 AS extra"))
    [Tag(id=7, name='Kabul')]
    """
    out: list[T] = []
    # (field, column index): a row reads faster by index than by name.
    columns: list[tuple[str, int]] | None = None
    for row in rows:
        if columns is None:
            keys = row.keys()
            columns = [(name, keys.index(name)) for name in _field_names(cls) if name in keys]
        out.append(cls(**{name: row[i] for name, i in columns}))
    return out


def insert_row(conn: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> int:
    """Insert one row of named column values as given (ids and times too: how undo restores);
    return its rowid.

    >>> conn = sqlite3.connect(":memory:")
    >>> _ = conn.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)")
    >>> insert_row(conn, "tags", {"id": 7, "name": "Kabul"})
    7
    >>> conn.execute("SELECT id, name FROM tags").fetchall()
    [(7, 'Kabul')]
    """
    cols = ", ".join(f'"{k}"' for k in values)
    cur = conn.execute(
        f"INSERT INTO {table} ({cols}) VALUES ({','.join('?' * len(values))})",
        list(values.values()),
    )
    return int(cur.lastrowid or 0)
