"""Help ▸ About Briefing and Help ▸ User guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from briefing_app import __version__
from briefing_app.gui.dialogs.about_dialog import AboutDialog


def _rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }


def test_about_shows_version_library_and_licences(qtbot: QtBot, tmp_path: Path) -> None:
    library = tmp_path / "work" / "library.sqlite"
    dialog = AboutDialog.open_for(None, library)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert __version__ in dialog.version_label.text()
    assert str(library) in dialog.library_label.text()
    rows = {name.lower().replace("_", "-"): value for name, value in _rows(dialog).items()}
    assert "LGPL-3.0" in rows["pyside6-essentials"][1]
    assert rows["python-docx"][1] == "MIT"
    assert "Apache-2.0" in rows["trafilatura"][1]
    for name in ("lxml", "pypdf", "markdown", "sqlite-utils", "click", "pyyaml", "nh3"):
        assert name in rows, f"{name} is missing from About"


def test_selecting_a_component_shows_its_licence_text(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog.open_for(None, tmp_path / "library.sqlite")
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    dialog.table.setCurrentCell(names.index("python-docx"), 0)
    assert "Permission is hereby granted" in dialog.license_view.toPlainText()


def test_help_menu_opens_about_for_the_open_library(qtbot: QtBot, window: object) -> None:
    window.about_action.trigger()  # type: ignore[attr-defined]
    dialogs = window.findChildren(AboutDialog)  # type: ignore[attr-defined]
    assert len(dialogs) == 1
    qtbot.waitUntil(dialogs[0].isVisible)
    assert str(window.lib.path) in dialogs[0].library_label.text()  # type: ignore[attr-defined]
    dialogs[0].close()


def test_user_guide_opens_a_local_file(
    qtbot: QtBot, window: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.user_guide_action.trigger()  # type: ignore[attr-defined]
    assert len(opened) == 1
    url = opened[0]
    assert url.scheme() == "file"
    path = Path(url.toLocalFile())
    assert path.name == "user-guide.md" and path.is_file()
    assert "# Briefing user guide" in path.read_text(encoding="utf-8")
