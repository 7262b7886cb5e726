"""What a core operation changed, so views refresh only what they show."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from briefing_app.core.errors import ConflictingEdit


def now_iso() -> str:
    """Return the current UTC time as an ISO-8601 string with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Changes:
    """Ids of the records an operation created, edited or deleted, by noun, and who asked.

    origin is a token the initiator passed to the operation (a view, say), so that a view
    can tell its own changes from others' and leave itself alone; None: nobody in particular.
    """

    sources: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    tags: set[int] = field(default_factory=set)
    notes: set[int] = field(default_factory=set)
    comments: set[int] = field(default_factory=set)
    # Key questions whose text, note, claims, ACH matrix or key assumptions changed.
    questions: set[int] = field(default_factory=set)
    # The whole library may have been replaced (a backup restored): records may also have
    # gone that no id here names, and undo steps may refer to records no longer there.
    wholesale: bool = False
    origin: object = field(default=None, compare=False)

    def merge(self, other: Changes) -> None:
        """Add other's ids to these (the origin stays these changes' own)."""
        self.sources |= other.sources
        self.claims |= other.claims
        self.tags |= other.tags
        self.notes |= other.notes
        self.comments |= other.comments
        self.questions |= other.questions
        self.wholesale = self.wholesale or other.wholesale

    def __bool__(self) -> bool:
        return bool(
            self.sources
            or self.claims
            or self.tags
            or self.notes
            or self.comments
            or self.questions
            # (A restore into an empty library names no record but still replaced everything.)
            or self.wholesale
        )


@dataclass(frozen=True)
class Edit:
    """One change of a record's fields: the values it replaced and the values it wrote.

    The manager's `revert(edit)` writes `before` back exactly (modified_at included) and
    returns `inverse()`, the edit that redoes it.
    """

    record_id: int
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)

    def inverse(self) -> Edit:
        """Return the edit that undoes this one."""
        return Edit(self.record_id, self.after, self.before)


def refuse_conflicts(what: str, expected: Mapping[str, Any], held: Callable[[str], Any]) -> None:
    """Raise ConflictingEdit for the first field whose held value is not the one expected.

    Called inside the write's transaction, so nothing can change between the check and the
    write: the editor's value replaces only the value it was typed over.

    >>> refuse_conflicts("claim C1", {"party": "MoD"}, {"party": "MoD"}.get)
    >>> refuse_conflicts("C1", {"party": "MoD"}, {"party": "Army"}.get)
    Traceback (most recent call last):
    briefing_app.core.errors.ConflictingEdit: C1: party was changed elsewhere since it was loaded
    """
    for name, value in expected.items():
        stored = held(name)
        if stored != value:
            raise ConflictingEdit(what, name, stored)
