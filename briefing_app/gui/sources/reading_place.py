"""Where the analyst was reading in each library: its source, the paragraph at the top of the
reader and the selected claim, kept with the library's other memories (`library_memory`) so a
restart opens them again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing_app.gui.library_memory import forget, keep, recalled

_KEYS = ("source", "top", "claim")


@dataclass(frozen=True)
class ReadingPlace:
    """A place in a library: by uids, so another file at the same path never matches."""

    source_uid: str
    # Core offset of the first paragraph shown at the top of the reader.
    top: int = 0
    claim_uid: str = ""


def remembered_place(path: Path | None) -> ReadingPlace | None:
    """Return where the analyst left the library at path, or None (never read, in memory)."""
    uid = recalled(path, "source")
    if not uid:
        return None
    try:
        top = int(recalled(path, "top") or 0)
    except ValueError:
        top = 0
    return ReadingPlace(uid, max(top, 0), recalled(path, "claim"))


def remember_place(path: Path | None, place: ReadingPlace | None) -> None:
    """Remember (or, given None, forget) where the analyst is in the library at path."""
    if place is None:
        # Only the reading place: the library's other memories (its chosen questions) stay.
        forget(path, _KEYS)
    else:
        keep(path, {"source": place.source_uid, "top": place.top, "claim": place.claim_uid})
