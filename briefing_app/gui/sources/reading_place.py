"""Where the analyst was reading in each library: its source, the paragraph at the top of the
reader and the selected claim, kept in the app's settings so a restart opens them again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from briefing_app.gui.settings import app_settings


@dataclass(frozen=True)
class ReadingPlace:
    """A place in a library: by uids, so another file at the same path never matches."""

    source_uid: str
    # Core offset of the first paragraph shown at the top of the reader.
    top: int = 0
    claim_uid: str = ""


def _group(path: Path) -> str:
    # Quoted: a slash in a settings key would open a group. (Not hashlib: it is not loaded
    # before the first paint, and the start-up test keeps it so.)
    return "reading/" + quote(str(path.resolve()), safe="")


def remembered_place(path: Path | None) -> ReadingPlace | None:
    """Return where the analyst left the library at path, or None (never read, in memory)."""
    if path is None:
        return None
    settings = app_settings()
    group = _group(path)
    uid = str(settings.value(f"{group}/source", "") or "")
    if not uid:
        return None
    try:
        top = int(str(settings.value(f"{group}/top", 0)))
    except ValueError:
        top = 0
    return ReadingPlace(uid, max(top, 0), str(settings.value(f"{group}/claim", "") or ""))


def remember_place(path: Path | None, place: ReadingPlace | None) -> None:
    """Remember (or, given None, forget) where the analyst is in the library at path."""
    if path is None:
        return
    settings = app_settings()
    group = _group(path)
    if place is None:
        settings.remove(group)
    else:
        settings.setValue(f"{group}/source", place.source_uid)
        settings.setValue(f"{group}/top", place.top)
        settings.setValue(f"{group}/claim", place.claim_uid)
    settings.sync()
