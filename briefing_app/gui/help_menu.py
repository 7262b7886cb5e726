"""Help ▸ User guide and Help ▸ About Briefing.

Apart from the About dialog so that building the menu does not load the dialog's widgets
(their Python enums cost start-up time); the dialog module loads when an action runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.gui.icons import icon


def add_help_actions(
    parent: QWidget, menu: QMenu, library_path: Callable[[], Path | None]
) -> tuple[QAction, QAction]:
    """Add Help ▸ User guide and Help ▸ About Briefing to menu; return (guide, about)."""

    def open_guide() -> None:
        from briefing_app.gui.dialogs.about_dialog import open_user_guide

        open_user_guide(parent)

    def open_about() -> None:
        from briefing_app.gui.dialogs.about_dialog import AboutDialog

        AboutDialog.open_for(parent, library_path())

    guide = QAction(icon("help"), "&User guide", parent)
    guide.setStatusTip("Open the user guide shipped with Briefing")
    guide.triggered.connect(open_guide)
    about = QAction(icon("app"), "&About Briefing", parent)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.setStatusTip("Version, library file and third-party licences")
    about.triggered.connect(open_about)
    menu.addAction(guide)
    menu.addSeparator()
    menu.addAction(about)
    return guide, about
