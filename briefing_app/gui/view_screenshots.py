"""Render the user guide's pictures of the weighing views at 1366×768, offscreen.

`make screenshots` runs it: the Board, the Chronology and the Matrix on the demo library, each
shown from View ▸ Panels as the analyst does, its panel dragged a little larger.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.gui.screenshot import demo_window, save_shot, write_shots

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from briefing_app.core.library import Library
    from briefing_app.gui.main_window import MainWindow

WIDTH, HEIGHT = 1366, 768


def claim_id(lib: Library, key: str) -> int:
    """Return the id of the demo's claim with this key."""
    claim = lib.claims.by_key(key)
    assert claim is not None, key
    return claim.id


def pause(ms: int = 300) -> None:
    """Let the window lay itself out and paint, as it has by the time one looks."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def show_panel(window: MainWindow, name: str) -> QDockWidget:
    """Show a panel from View ▸ Panels and let it fill in."""
    dock = window.docks.docks[name]
    if dock.isHidden():
        dock.toggleViewAction().trigger()
    dock.raise_()
    pause()
    return dock


def render_views(out_dir: Path, width: int = WIDTH, height: int = HEIGHT) -> list[Path]:
    """Write views-board.png, views-chronology.png and views-matrix.png to out_dir."""
    from PySide6.QtCore import Qt

    from briefing_app.gui.chronology.model import PENDING, SUGGESTION_ROLE

    written: list[Path] = []
    with demo_window(width, height) as (window, lib, _first_start):
        window.show_sample_hint(False)
        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal

        # The Board: Q1's positions, the splitter above the panel dragged up.
        board = show_panel(window, "board")
        window.resizeDocks([board], [height * 11 // 20], vertical)
        window.sources.show_claim(claim_id(lib, "C9"))
        window.statusBar().showMessage("Link C7 contradicts C6")
        pause()
        written.append(save_shot(window, out_dir / "views-board.png"))

        # The Matrix: Q1's hypotheses against its evidence, a cell being rated.
        matrix = show_panel(window, "matrix")
        window.resizeDocks([matrix], [height * 11 // 20], vertical)
        controller = window.matrix
        cells = controller.model
        row = cells.position_of("C7") or 1
        index = cells.index(row, cells.hypothesis_column("H2"))
        controller.view.setCurrentIndex(index)
        controller.view.scrollTo(index)
        window.statusBar().showMessage("Rate C7 I against H2")
        pause()
        written.append(save_shot(window, out_dir / "views-matrix.png"))

        # The Chronology: the article's day entered in Source details, a few claims dated;
        # the matrix and board closed, the claims table back under the reader.
        for name in ("matrix", "board"):
            window.docks.docks[name].toggleViewAction().trigger()
        window.docks.docks["claims"].raise_()
        source = lib.claims.get(claim_id(lib, "C4")).source_id
        lib.sources.update(source, published="2025-12-03")
        for key, when in (("C9", "2025"), ("C6", "2025-11"), ("C4", "2025-11-26")):
            lib.claims.update(claim_id(lib, key), event_date=when)
        chronology = show_panel(window, "chronology")
        window.resizeDocks([chronology], [width * 3 // 10], horizontal)
        claim = claim_id(lib, "C4")
        window.chronology.panel.select_claim(claim)
        window.sources.show_claim(claim)
        window.statusBar().clearMessage()
        # The undated claims' suggested dates are read in the background: wait for them.
        timeline = window.chronology.model
        for _ in range(50):
            shown = window.chronology.panel.visible_claim_ids()
            places = [timeline.position_of(i) for i in shown]
            found = [timeline.index(p, 0).data(SUGGESTION_ROLE) for p in places if p is not None]
            if shown and PENDING not in found:
                break
            pause(100)
        pause()
        written.append(save_shot(window, out_dir / "views-chronology.png"))
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the views' screenshots to the folder given (default docs/screenshots)."""
    return write_shots(render_views, argv)


if __name__ == "__main__":
    sys.exit(main())
