"""The app's icons: the SVG set drawn for Briefing in resources/icons/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from briefing_app.core.bundled.resources import bundled_dir


@cache
def icon(name: str) -> QIcon:
    """Return the icon called name (e.g. 'import'), or an empty icon when it is missing."""
    try:
        path = bundled_dir("resources") / "icons" / f"{name}.svg"
    except FileNotFoundError:
        return QIcon()
    return QIcon(str(path)) if path.exists() else QIcon()
