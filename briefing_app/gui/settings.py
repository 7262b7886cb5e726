"""The app's remembered preferences (window layout, recent libraries) in QSettings.

BRIEFING_SETTINGS_DIR points them at an INI file in another folder, so tests and screenshots
never read or overwrite the user's own settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_ENV = "BRIEFING_SETTINGS_DIR"
MAX_RECENT = 8


def app_settings() -> QSettings:
    """Return the settings store: the user's, or an INI file under $BRIEFING_SETTINGS_DIR."""
    folder = os.environ.get(SETTINGS_ENV)
    if folder:
        return QSettings(str(Path(folder) / "briefing.ini"), QSettings.Format.IniFormat)
    return QSettings("Briefing", "Briefing")


def recent_libraries() -> list[Path]:
    """Return the libraries opened recently, most recent first; forget those whose file is gone."""
    settings = app_settings()
    value = settings.value("recent_libraries", [])
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    existing = [Path(n) for n in names if n and Path(n).exists()]
    if len(existing) != len(names):
        settings.setValue("recent_libraries", [str(p) for p in existing])
    return existing


def last_library() -> Path | None:
    """Return the library used last, if its file is still there."""
    recent = recent_libraries()
    return recent[0] if recent else None


def remember_library(path: Path) -> None:
    """Put path at the top of the recent libraries."""
    names = [str(p) for p in recent_libraries() if p.resolve() != path.resolve()]
    app_settings().setValue("recent_libraries", [str(path.resolve()), *names][:MAX_RECENT])
