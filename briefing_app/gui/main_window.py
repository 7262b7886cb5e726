"""The main window (a placeholder until the workspace issue fills it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from briefing_app.core.library import Library


class MainWindow(QMainWindow):
    """The Briefing workspace for one library."""

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.lib = lib
        name = lib.path.name if lib.path else "in memory"
        self.setWindowTitle(f"{name} — Briefing")
        label = QLabel(
            f"{lib.sources.count()} sources, {lib.claims.count()} claims, "
            f"{len(lib.notes.all())} notes"
        )
        label.setAccessibleName("Library summary")
        self.setCentralWidget(label)
        self.resize(1100, 720)
