"""Render the main window on the demo library to a PNG (for the README): `make screenshots`."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing_app.core.library import Library
    from briefing_app.gui.main_window import MainWindow


@contextlib.contextmanager
def demo_window(width: int, height: int) -> Iterator[tuple[MainWindow, Library, bool]]:
    """Yield the main window on a fresh demo library in a temporary folder; clean up after."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-shot-"))
    os.environ.setdefault("BRIEFING_SETTINGS_DIR", str(folder / "settings"))
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.app import application, open_first_library
    from briefing_app.gui.main_window import MainWindow

    app = application()
    lib, first_start = open_first_library(folder / "library.sqlite")
    window = MainWindow(lib)
    window.resize(width, height)
    window.show_sample_hint(first_start)
    window.show()
    # Every pane, as a user sees the window a moment after it opens.
    window.complete_window()
    QApplication.processEvents()
    try:
        yield window, lib, first_start
    finally:
        window.close()
        lib.close()
        app.processEvents()
        shutil.rmtree(folder, ignore_errors=True)


def save_shot(widget: QWidget, out: Path) -> Path:
    """Let the widget paint, then save it as a PNG at out."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise OSError(f"{out}: could not write the screenshot")
    return out


def wait_for_import(window: MainWindow, paths: list[Path]) -> None:
    """Import files as File ▸ Import does (a background task) and wait for it."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    loop = QEventLoop()
    window.imports.import_paths(paths).task.finished.connect(loop.quit)
    loop.exec()
    QApplication.processEvents()


def write_shots(render: Callable[[Path], list[Path]], argv: list[str] | None) -> int:
    """Write render's screenshots to the folder argv names (default docs/screenshots)."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path("docs/screenshots")
    for path in render(out_dir):
        print(path)
    return 0


def render_main_window(out: Path, width: int = 1440, height: int = 900) -> Path:
    """Open the demo library, show a claim, and save the window as out."""
    with demo_window(width, height) as (window, lib, _first_start):
        denial = next(c for c in lib.claims.all() if c.kind == "denial")
        window.sources.show_claim(denial.id)
        window.claims_panel.view.scrollToTop()
        window.statusBar().showMessage(f"{denial.key} — {denial.party}: {denial.statement}")
        return save_shot(window, out)


def render_note_editor(out: Path, width: int = 1600, height: int = 1000) -> Path:
    """Open the demo library, write in its note, and save the window as out."""
    with demo_window(width, height) as (window, lib, _first_start):
        window.show_sample_hint(False)
        workspace = window.note_workspace
        note = lib.notes.all()[0]
        # View ▸ Layout ▸ Write: reader and note side by side, the preview beside them.
        window.docks.apply("write")
        workspace.open_note_tab(note.id)
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        summary = workspace.editor.editor("summary")
        if summary is not None:
            # The cursor after the Summary's first citation, as if the writer just cited it.
            end = summary.body().find("]") + 1
            workspace.editor.go_to("summary", end, end)
        workspace.editor.scroll_area.verticalScrollBar().setValue(0)
        workspace.refresh_preview()
        workspace.refresh_checks()
        window.statusBar().showMessage("Saved — every change is kept as you type")
        return save_shot(window, out)


SHOTS = {"main-window.png": render_main_window, "note-editor.png": render_note_editor}


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot named by the path given (default docs/screenshots/main-window.png)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/screenshots/main-window.png")
    render = SHOTS.get(out.name, render_main_window)
    print(render(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
