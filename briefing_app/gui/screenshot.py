"""Render the main window on the demo library to a PNG (for the README): `make screenshots`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path


def render_main_window(out: Path, width: int = 1440, height: int = 900) -> Path:
    """Open the demo library in a fresh folder, show a claim, and save the window as out."""
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
    QApplication.processEvents()
    denial = next(c for c in lib.claims.all() if c.kind == "denial")
    window.show_claim(denial.id)
    window.claims_panel.view.scrollToTop()
    window.statusBar().showMessage(f"{denial.key} — {denial.party}: {denial.statement}")
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"{out}: could not write the screenshot")
    window.close()
    lib.close()
    app.processEvents()
    shutil.rmtree(folder, ignore_errors=True)
    return out


def render_note_editor(out: Path, width: int = 1600, height: int = 1000) -> Path:
    """Open the demo library in a fresh folder, write in its note, and save the window as out."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-shot-"))
    os.environ.setdefault("BRIEFING_SETTINGS_DIR", str(folder / "settings"))
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.app import application, open_first_library
    from briefing_app.gui.main_window import MainWindow

    app = application()
    lib, _first_start = open_first_library(folder / "library.sqlite")
    window = MainWindow(lib)
    window.resize(width, height)
    window.show()
    QApplication.processEvents()
    workspace = window.note_workspace
    note = lib.notes.all()[0]
    workspace.open_note_tab(note.id)
    # Give the writing room: a slim library column, no inspector, a short claims table.
    window.main_splitter.setSizes([int(width * 0.2), int(width * 0.8), 0])
    window.centre_splitter.setSizes([int(height * 0.74), int(height * 0.26)])
    workspace.splitter.setSizes([int(width * 0.44), int(width * 0.36)])
    workspace.left_splitter.setSizes([int(height * 0.56), int(height * 0.18)])
    QApplication.processEvents()
    summary = workspace.editor.editor("summary")
    if summary is not None:
        # The cursor after the Summary's first citation, as if the writer just cited it.
        end = summary.body().find("]") + 1
        workspace.editor.go_to("summary", end, end)
    workspace.editor.scroll.verticalScrollBar().setValue(0)
    workspace.refresh_preview()
    workspace.refresh_checks()
    window.statusBar().showMessage("Saved — every change is kept as you type")
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"{out}: could not write the screenshot")
    window.close()
    lib.close()
    app.processEvents()
    shutil.rmtree(folder, ignore_errors=True)
    return out


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
