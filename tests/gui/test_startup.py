"""Start-up: the window paints with what it needs first, the rest follows before any input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.main_window import MainWindow


def _menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = window._menu(title)
    return [a.text() or "---" for a in menu.actions()]


def run_offscreen(script: str, library: Path) -> subprocess.CompletedProcess[str]:
    """Run a Python script on a library in a fresh offscreen process, as the app starts."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", script, str(library)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_notes_review_and_suggestions_arrive_after_the_first_paint_unasked(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    tabs = window.workspace_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Reader"]
    window.show()
    # Nothing asks for the note workspace: the window builds it itself once it has painted.
    qtbot.waitUntil(lambda: tabs.count() == 2)
    assert tabs.tabText(1) == "Note"
    notes = window.docks.docks["notes"]
    qtbot.waitUntil(lambda: notes.widget() is window.note_workspace.notes_panel)
    qtbot.waitUntil(notes.isVisible)
    assert "Su&ggestions" in _menu_texts(window, "&View")
    assert _menu_texts(window, "&Note")[:3] == ["&New note…", "&Rename note", "D&uplicate note"]
    assert _menu_texts(window, "&File")[-4:] == [
        "---",
        "Restore from &backup…",
        "---",
        "&Quit",
    ]
    assert "Import re&viewed copy…" in _menu_texts(window, "&File")
    toolbar = [a.text() for a in window.toolbar.actions()]
    assert toolbar[-3:] == ["&New note…", "&Cite claim…", "&Export note…"]
    assert window.note_workspace.note is not None  # the demo note is open in the Note tab


def test_asking_for_the_note_workspace_before_the_first_paint_builds_it_at_once(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    workspace = window.note_workspace
    assert workspace.note is not None
    assert window.workspace_tabs.count() == 2
    assert window.review.review_pane.current_note_id == workspace.note.id


def test_the_complete_window_keeps_no_module_sources_and_tracebacks_still_show_them(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    import linecache
    import traceback

    from briefing_app.core.errors import LibraryError

    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_complete)
    # PySide6 read each module's source at import; ~7 MB of lines the window does not keep.
    assert [name for name in linecache.cache if "briefing_app" in name] == []
    with pytest.raises(LibraryError) as caught:
        Library.open(tmp_path / "missing.sqlite", create=False)
    report = "".join(traceback.format_exception(caught.value))
    assert 'raise LibraryError(f"{p}: no library at this path")' in report


_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication

def probe(app):
    from briefing_app.gui.main_window import MainWindow
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    at_show = sorted(sys.modules)
    qt_classes = sorted(
        name
        for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
        for name in vars(sys.modules[module])
    )
    rows = window.library_panel.model.rowCount()
    deadline = __import__("time").monotonic() + 20
    while window.workspace_tabs.count() < 2 and __import__("time").monotonic() < deadline:
        app.processEvents()
    print(json.dumps({
        "modules": at_show, "qt_classes": qt_classes, "rows": rows,
        "tabs": window.workspace_tabs.count(),
    }))
    window.close()
    return 0

QApplication.exec = probe
sys.argv = ["briefing", "--library", sys.argv[1]]
from briefing_app.launch import main
main()
"""

# Loaded on first use, never to show the window: each costs start-up time.
_NOT_AT_START = (
    "yaml",
    "markdown",
    "docx",
    "lxml",
    "trafilatura",
    "dateparser",  # suggested event dates: only when a timeline asks for them
    "pypdf",
    "nh3",
    "click",
    "platformdirs",
    "hashlib",
    "sqlite_utils",
    "rispy",
    "bibtexparser",
    "openpyxl",
    "spellchecker",  # the spelling dictionaries: read once the note is on screen
    "briefing_app.cli",
    "briefing_app.core.templates",
    "briefing_app.core.exporters",
    "briefing_app.core.checks",
    "briefing_app.core.suggest",
    "briefing_app.core.storage.backup",
    "briefing_app.core.importers.batch",
    # Key questions: their commands and dialog, when a question is first chosen in a menu.
    "briefing_app.gui.question_commands",
    "briefing_app.gui.dialogs.question_dialog",
    "briefing_app.core.records.questions",
    "briefing_app.core.records.relations",
    "briefing_app.gui.notes.note_workspace",
    "briefing_app.gui.review.pane",
    # The controllers complete_window builds, and their feature folders.
    "briefing_app.gui.notes",
    "briefing_app.gui.review",
    "briefing_app.gui.suggest",
    "briefing_app.gui.matrix",
    "briefing_app.gui.board",
)

# PySide6 builds a Qt class (and its Python enums, ~0.25 ms each) when a module first names
# it: dialogs are named when asked for. The widget types Briefing never uses are built only
# if a widget Qt made (a view's viewport) reaches Python: PySide6 then tries every type.
_QT_NOT_AT_START = (
    "QFileDialog",
    "QInputDialog",
    "QMessageBox",
    "QUrl",
    "QLCDNumber",
    "QMdiArea",
)


def test_the_window_shows_without_loading_import_export_or_note_machinery(
    demo_lib: Library,
) -> None:
    assert demo_lib.path is not None
    result = run_offscreen(_PROBE, demo_lib.path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    loaded = set(report["modules"])
    early = [m for m in _NOT_AT_START if m in loaded]
    assert early == [], f"loaded before the window first painted: {early}"
    built = [c for c in _QT_NOT_AT_START if c in report["qt_classes"]]
    assert built == [], f"Qt classes built before the window first painted: {built}"
    assert report["rows"] == demo_lib.sources.count()
    assert report["tabs"] == 2  # and the rest came without being asked


def test_the_reader_stays_on_screen_while_the_rest_of_the_window_is_built(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.reader.isVisible() and window.reader.toPlainText()
    window.complete_window()
    # Not even for one frame does the text disappear (it is not moved to another parent).
    assert window.reader.isVisible()
    assert window.suggestions.suggestions_panel.parent() is window.reader_splitter
    # The suggestions list arrives beside the text and leaves it three quarters of the width.
    qtbot.waitUntil(lambda: window.suggestions.suggestions_panel.isVisible())
    text, suggestions = window.reader_splitter.sizes()
    assert text >= 2.5 * suggestions > 0


def test_a_window_whose_late_panes_failed_does_not_build_them_twice(
    qtbot: QtBot, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: MainWindow) -> None:
        raise OSError("disk on fire")

    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    monkeypatch.setattr(MainWindow, "_build_review_pane", broken)
    with pytest.raises(OSError, match="disk on fire"):
        window.complete_window()
    window.complete_window()  # nothing happens: no second suggestions list, no second menus
    assert window.reader_splitter.count() == 2
    assert _menu_texts(window, "&View").count("Show &suggestions") <= 1


def test_the_on_open_backup_starts_once_every_pane_is_built(
    qtbot: QtBot, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui import app as gui_app

    assert demo_lib.path is not None
    path = demo_lib.path
    demo_lib.close()
    order: list[str] = []

    def fake_exec() -> int:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.lib.path == path
        )
        window.completed.connect(lambda: order.append("complete"))
        with qtbot.waitSignal(window.tasks.task_finished, timeout=20_000):
            pass
        order.append("backed up")
        window.close()
        window.lib.close()
        return 0

    started = MainWindow.start_background_backup

    def start(self: MainWindow) -> None:
        order.append(f"backup started, complete={self.is_complete()}")
        started(self)

    monkeypatch.setattr(MainWindow, "start_background_backup", start)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert gui_app.run(path) == 0
    assert order[0] == "backup started, complete=True"
    assert order[-1] == "backed up"
