"""Child process for run_all.py: start a window, say when it is shown, then report memory.

    python benchmarks/startup_probe.py bare
    python benchmarks/startup_probe.py widgets
    python benchmarks/startup_probe.py app LIBRARY

`bare` shows an empty QMainWindow of the app's size (the issue's baseline). `widgets` shows a
window built from the same kinds of Qt widgets as Briefing's first picture (a filter box and a
sources table, a text view with an article, a table, a form of fields and combo boxes, five
menus, a toolbar, a status bar) and nothing of Briefing: what any PySide6 app showing those
pays, Python enums for the Qt classes and first text rendering included. `app` runs the real
start path (`briefing --library LIBRARY`, i.e. briefing_app.launch.main) with
QApplication.exec replaced by a probe.

Each prints `shown <VmRSS kB> <rows>` as soon as the window has painted for the first time
(the parent times the process from its start to this line; rows: sources listed at that
moment), then `complete` once every pane exists (Briefing builds its note workspace, review
pane and suggestions just after the first paint), then `settled <VmRSS kB> <rows>` once the
window has finished any loading it defers (the claims table counted) and a settle period has
passed, and exits.

How "painted" is seen, the same way for both: an event filter on the window object alone.
Qt paints a window and all its children in one flush, parent first, so when the
processEvents() call that delivered the window's Paint event returns, every widget in it has
painted. An application-wide filter would also see it, but it hands every event of every
widget to Python, and the first such call makes PySide6 build Python enums for all the
classes of its modules (~185 enums, ~40 ms) — a cost of the probe, not of the app.

PySide6 is imported by bare() and by the app itself, not at the top of this file nor before
the app starts: the app's own import order is part of what is measured (modules imported
after PySide6 pay its per-module feature check). app() replaces QApplication.exec once the app
has made its QApplication.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

SETTLE_S = 1.0
LOAD_TIMEOUT_S = 20.0


def rss_kb() -> int:
    """Return the resident set size of this process (VmRSS) in kB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _spin(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def _wait_for_paint(app: QApplication, window: QWidget) -> None:
    """Process events until the window has painted (see the module docstring), or give up."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    deadline = time.perf_counter() + LOAD_TIMEOUT_S
    while not watcher.painted and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    window.removeEventFilter(watcher)
    if not watcher.painted or not window.isVisible():
        sys.exit("window not shown")


def _shown(rows: int) -> None:
    print(f"shown {rss_kb()} {rows}", flush=True)


def bare() -> int:
    """Show a bare PySide6 main window; report when shown, then its memory."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1440, 900)
    window.setWindowTitle("bare")
    window.show()
    _wait_for_paint(app, window)
    _shown(0)
    print("complete", flush=True)
    _spin(app, SETTLE_S)
    print(f"settled {rss_kb()} 0", flush=True)
    return 0


def widgets() -> int:
    """Show a window of Briefing's widget kinds, without Briefing; report as bare() does."""
    from PySide6.QtCore import QStringListModel, Qt
    from PySide6.QtGui import QAction, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QFormLayout,
        QLineEdit,
        QMainWindow,
        QPlainTextEdit,
        QSplitter,
        QTableView,
        QTabWidget,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1440, 900)
    window.setWindowTitle("widgets")
    sources = QWidget()
    column = QVBoxLayout(sources)
    column.addWidget(QLineEdit())
    titles = QTableView()
    titles.setModel(QStringListModel([f"Source {i}: a title of some words" for i in range(60)]))
    column.addWidget(titles)
    reader = QPlainTextEdit()
    reader.setReadOnly(True)
    reader.setPlainText("The ministry said on Tuesday that the pipeline was closed. " * 300)
    tabs = QTabWidget()
    tabs.addTab(reader, "Reader")
    claims = QTableView()
    claims.setModel(QStandardItemModel(30, 6))
    centre = QSplitter(Qt.Orientation.Vertical)
    centre.addWidget(tabs)
    centre.addWidget(claims)
    form_box = QWidget()
    form = QFormLayout(form_box)
    for i in range(8):
        form.addRow(f"Field {i}", QLineEdit("value") if i % 2 else QComboBox())
    main = QSplitter(Qt.Orientation.Horizontal)
    for part in (sources, centre, form_box):
        main.addWidget(part)
    window.setCentralWidget(main)
    for title in ("&File", "&Edit", "&View", "&Note", "&Help"):
        menu = window.menuBar().addMenu(title)
        for i in range(6):
            menu.addAction(QAction(f"{title} action {i}", window))
    toolbar = window.addToolBar("Main")
    for i in range(9):
        toolbar.addAction(QAction(f"Tool {i}", window))
    window.statusBar().showMessage("Ready")
    window.show()
    _wait_for_paint(app, window)
    _shown(titles.model().rowCount())
    print("complete", flush=True)
    _spin(app, SETTLE_S)
    print(f"settled {rss_kb()} 0", flush=True)
    return 0


def app(library: str) -> int:
    """Start Briefing on library through its real entry point, probing instead of exec()."""
    from briefing_app.gui import app as gui_app

    def probe_exec(application: QApplication) -> int:
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from briefing_app.gui.main_window import MainWindow

        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        _wait_for_paint(application, window)
        _shown(window.library_panel.model.rowCount())
        deadline = time.perf_counter() + LOAD_TIMEOUT_S
        while not window.is_complete() and time.perf_counter() < deadline:
            application.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        print("complete", flush=True)
        panel = window.claims_panel
        while (
            not panel.count_label.text() or "Loading" in panel.count_label.text()
        ) and time.perf_counter() < deadline:
            application.processEvents()
            time.sleep(0.01)
        _spin(application, SETTLE_S)
        print(f"settled {rss_kb()} {panel.model.rowCount()}", flush=True)
        window.close()
        return 0

    make_application = gui_app.application

    def application() -> QApplication:
        made = make_application()
        type(made).exec = probe_exec  # type: ignore[method-assign,assignment]
        return made

    gui_app.application = application  # type: ignore[assignment]
    sys.argv = ["briefing", "--library", library]
    from briefing_app.launch import main

    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        sys.exit(bare())
    if sys.argv[1] == "widgets":
        sys.exit(widgets())
    sys.exit(app(sys.argv[2]))
