"""Turning a database row into a record dataclass."""

from __future__ import annotations

import sqlite3
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
