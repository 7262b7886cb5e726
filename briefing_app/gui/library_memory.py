"""What the window remembers about each library until the next start, in the app's settings.

One settings group per library file (by its resolved path). What it names, it names by uid
(a source, a claim, a key question), so another file later at the same path never matches: a
uid that library does not hold is simply not found. An in-memory library (no path) is
remembered by nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote

from briefing_app.gui.settings import app_settings


def library_group(path: Path) -> str:
    """Return the settings group of the library at path."""
    # Quoted: a slash in a settings key would open a group. (Not hashlib: it is not loaded
    # before the first paint, and the start-up test keeps it so.) "reading/": the group was
    # first the reader's alone, and the places kept under it then are still found.
    return "reading/" + quote(str(path.resolve()), safe="")


def recalled(path: Path | None, key: str) -> str:
    """Return what was kept under key for the library at path ("" if nothing)."""
    if path is None:
        return ""
    return str(app_settings().value(f"{library_group(path)}/{key}", "") or "")


def keep(path: Path | None, values: Mapping[str, object]) -> None:
    """Keep these values for the library at path (a value "" forgets its key)."""
    if path is None:
        return
    settings = app_settings()
    group = library_group(path)
    for key, value in values.items():
        if value == "":
            settings.remove(f"{group}/{key}")
        else:
            settings.setValue(f"{group}/{key}", value)
    settings.sync()


def forget(path: Path | None, keys: Iterable[str]) -> None:
    """Forget what was kept under these keys for the library at path."""
    keep(path, dict.fromkeys(keys, ""))
