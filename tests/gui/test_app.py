"""First start, remembered layout and recent libraries."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.app import open_first_library
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.settings import recent_libraries, remember_library
from tests.gui.test_startup import run_offscreen


def test_first_start_creates_the_library_with_the_demo_and_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "new" / "library.sqlite"
    lib, first = open_first_library(path)
    assert first and path.exists()
    assert lib.sources.count() == 1 and lib.claims.count() > 0
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.show_sample_hint(first)
    window.show()
    assert window.sample_hint.isVisible()
    assert "File ▸ New library" in window.sample_hint.label.text()
    lib2, again = open_first_library(path)
    assert not again and lib2.sources.count() == 1
    lib2.close()


def test_panel_widths_are_remembered(qtbot: QtBot, demo_lib: Library) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    sources = window.docks.docks["sources"]
    window.resizeDocks([sources], [400], Qt.Orientation.Horizontal)
    window.reader_splitter.setSizes([700, 300])
    qtbot.waitUntil(lambda: sources.width() == 400)
    wanted = window.reader_splitter.sizes()
    window.close()

    again = MainWindow(demo_lib)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(again.is_complete)
    assert again.size() == window.size()
    qtbot.waitUntil(lambda: again.docks.docks["sources"].width() == 400)
    assert again.reader_splitter.sizes() == wanted


def test_opening_another_library_switches_the_window_and_remembers_it(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    empty = tmp_path / "empty.sqlite"
    window.switch_library(empty)
    assert window.windowTitle().startswith("empty.sqlite")
    assert window.library_panel.model.rowCount() == 0
    assert window.claims_panel.model.rowCount() == 0
    assert recent_libraries()[0] == empty.resolve()
    remember_library(empty)
    assert recent_libraries().count(empty.resolve()) == 1
    window.lib.close()


def test_run_opens_the_window_with_the_sample_notice_on_first_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui import app as gui_app

    shown: list[MainWindow] = []

    def fake_exec() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown.extend(w for w in windows if w.isVisible())
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    path = tmp_path / "first.sqlite"
    assert gui_app.run(path) == 0
    assert len(shown) == 1
    assert shown[0].windowTitle().startswith("first.sqlite")
    assert not shown[0].sample_hint.isHidden()
    assert recent_libraries()[0] == path.resolve()
    shown[0].lib.close()


def test_a_failed_background_backup_is_reported_in_the_status_bar(
    qtbot: QtBot, demo_lib: Library, tmp_path: Path
) -> None:
    # (The on-open backup after the window shows: tests/gui/test_backup_restore.py.)
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    assert demo_lib.path is not None and demo_lib.path.parent == tmp_path
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    task = window.start_background_backup()
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    message = window.statusBar().currentMessage()
    assert message.startswith("⚠ No backup made") and "\n" not in message


def test_run_reports_a_library_that_cannot_open_in_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from briefing_app.gui import app as gui_app

    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text: said.append(text))
    )
    assert gui_app.run(tmp_path) == 1  # a folder, not a library file
    assert said == [f"{tmp_path}: is a folder, not a library file"]


_IMPORT_ORDER = """
import sys
from importlib.abc import MetaPathFinder

before_qt = []

class FirstQt(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" and not before_qt:
            before_qt.extend(sys.modules)
        return None

sys.meta_path.insert(0, FirstQt())
from briefing_app.gui import app as gui_app

def application():
    from PySide6.QtWidgets import QApplication
    QApplication.exec = lambda self: print(" ".join(before_qt)) or 0
    return QApplication.instance() or QApplication(sys.argv)

gui_app.application = application
sys.argv = ["briefing", "--library", sys.argv[1]]
from briefing_app.launch import main
main()
"""


def test_the_library_opens_before_qt_loads(demo_lib: Library) -> None:
    # Every module imported after PySide6 has its source read by it (~0.2 ms a module).
    assert demo_lib.path is not None
    result = run_offscreen(_IMPORT_ORDER, demo_lib.path)
    assert result.returncode == 0, result.stderr
    before_qt = set(result.stdout.split())
    assert {"briefing_app.core.records.claims", "briefing_app.core.models"} <= before_qt


def _started_windows(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the libraries the desktop app is started on, instead of opening a window."""
    from briefing_app.gui import app as gui_app

    started: list[Path] = []

    def fake_run(path: Path, open_files: object = ()) -> int:
        started.append(path)
        open_first_library(path)[0].close()  # what run does first: open (or make) the library
        return 0

    monkeypatch.setattr(gui_app, "run", fake_run)
    return started


@pytest.mark.parametrize("form", ["option", "environment"])
def test_the_app_refuses_a_library_in_a_missing_folder_in_one_line_and_makes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    form: str,
) -> None:
    """`briefing --library /missing/folder/x.sqlite` made the folders and a new library in them;
    the command line refuses that path, and so does the desktop app now, before any window."""
    from briefing_app import launch
    from briefing_app.core.library import LIBRARY_ENV

    started = _started_windows(monkeypatch)
    library = tmp_path / "a" / "b" / "x.sqlite"
    if form == "option":
        monkeypatch.setattr("sys.argv", ["briefing", "--library", str(library)])
    else:
        monkeypatch.setenv(LIBRARY_ENV, str(library))
        monkeypatch.setattr("sys.argv", ["briefing"])
    before = sorted(tmp_path.iterdir())
    with pytest.raises(SystemExit) as exit_info:
        launch.main()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"briefing: no folder {library.parent} for the library"
    ]
    assert started == []
    assert sorted(tmp_path.iterdir()) == before


def test_the_first_run_default_library_still_gets_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app import launch
    from briefing_app.core.library import LIBRARY_ENV, user_library_path

    monkeypatch.delenv(LIBRARY_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where platformdirs puts it
    default = user_library_path()
    assert default.is_relative_to(tmp_path) and not default.parent.exists()
    started = _started_windows(monkeypatch)
    monkeypatch.setattr("sys.argv", ["briefing"])
    with pytest.raises(SystemExit) as exit_info:
        launch.main()
    assert exit_info.value.code == 0
    assert started == [default]
    assert default.exists()  # its folder made, the demo in it


def test_the_app_opens_a_new_library_in_a_folder_that_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app import launch

    started = _started_windows(monkeypatch)
    library = tmp_path / "new.sqlite"
    monkeypatch.setattr("sys.argv", ["briefing", "--library", str(library)])
    with pytest.raises(SystemExit) as exit_info:
        launch.main()
    assert exit_info.value.code == 0
    assert started == [library] and library.exists()
