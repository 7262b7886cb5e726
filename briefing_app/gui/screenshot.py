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


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot to the path given (default docs/screenshots/main-window.png)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/screenshots/main-window.png")
    print(render_main_window(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
