"""Help ▸ Briefing help, User guide and About Briefing.

Apart from the About dialog so that building the menu does not load the dialog's widgets
(their Python enums cost start-up time); the dialog module loads when an action runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.gui.actions import make_action
from briefing_app.gui.icons import icon

HELP_TEXT = """<h3>Briefing</h3>
<p>Import articles, tag claims in them, grade sources, and write briefing notes.</p>
<table>
<tr><td><b>Ctrl+O</b></td><td>Import files (or drop files and folders on the window)</td></tr>
<tr><td><b>Ctrl+Shift+I</b></td><td>Import a folder (a Zotero export, articles)</td></tr>
<tr><td><b>Ctrl+T</b></td><td>Tag the selected passage as a claim</td></tr>
<tr><td><b>Ctrl+F</b></td><td>Find in the source shown in the reader</td></tr>
<tr><td><b>Ctrl+Shift+F</b></td><td>Filter the sources by full-text search</td></tr>
<tr><td><b>Ctrl+H</b></td><td>Find and replace in every section of the note</td></tr>
<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>Undo / redo any change</td></tr>
<tr><td><b>Ctrl+Shift+N</b></td><td>New note from a template</td></tr>
<tr><td><b>Ctrl+K</b></td><td>Cite claims in the note (or drag claims into it)</td></tr>
<tr><td><b>Ctrl+E</b></td><td>Export the open note as Word or Markdown</td></tr>
<tr><td><b>F6 / Shift+F6</b></td><td>Next / previous panel</td></tr>
<tr><td><b>Ctrl+1 … Ctrl+5</b></td><td>Go to the sources, reader, claims, inspector, note</td></tr>
<tr><td><b>N / P, Enter, Del</b></td><td>Step through, accept, reject suggested claims</td></tr>
</table>
<p>Every change is saved at once; there is no Save command. The user guide's Keyboard
section lists every key.</p>"""


def add_help_actions(
    parent: QWidget, menu: QMenu, library_path: Callable[[], Path | None]
) -> tuple[QAction, QAction, QAction]:
    """Add Help ▸ Briefing help, User guide and About Briefing to menu; return the three."""
    help_action = make_action(
        parent,
        "Briefing &help",
        lambda: _show_help(parent),
        QKeySequence.StandardKey.HelpContents,
        "help",
        "Keyboard shortcuts and how to start",
    )
    parent.addAction(help_action)  # F1 works wherever the focus is in the window
    menu.addAction(help_action)

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
    return help_action, guide, about


def _show_help(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, "Briefing help", HELP_TEXT)
