"""Render the guide's screenshots under another appearance: a dark palette, a large font, a
display scale. For looking at what analysts with those settings see, not for the guide.

    QT_SCALE_FACTOR=2 python -m briefing_app.gui.appearance_screenshots out/ --dark --font 15

writes the README's, the guide's, the first hour's and the weighing views' pictures to out/
(offscreen with QT_QPA_PLATFORM=offscreen, or in a real window under a display).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

# A dark palette as dark desktop themes give Qt (Breeze Dark, Adwaita-dark, Windows' dark mode).
DARK_ROLES = {
    "Window": "#2b2b2b",
    "WindowText": "#e6e6e6",
    "Base": "#1e1e1e",
    "AlternateBase": "#2a2a2a",
    "ToolTipBase": "#3a3a3a",
    "ToolTipText": "#e6e6e6",
    "PlaceholderText": "#8c8c8c",
    "Text": "#e6e6e6",
    "Button": "#353535",
    "ButtonText": "#e6e6e6",
    "BrightText": "#ff5555",
    "Link": "#5aa0ff",
    "LinkVisited": "#b48cff",
    "Highlight": "#2f65ca",
    "HighlightedText": "#ffffff",
    "Light": "#505050",
    "Midlight": "#404040",
    "Mid": "#303030",
    "Dark": "#1a1a1a",
    "Shadow": "#000000",
}


def dark_palette() -> QPalette:
    """Return a dark palette: light text on a near-black base."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in DARK_ROLES.items():
        palette.setColor(QPalette.ColorRole[role], QColor(colour))
    return palette


def apply_appearance(dark: bool, font_size: float | None) -> None:
    """Give the application the Fusion style with a dark palette and/or a font size."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QStyleFactory

    from briefing_app.gui.app import application

    app = application()
    if dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    if font_size:
        font = QFont(app.font())
        font.setPointSizeF(font_size)
        app.setFont(font)


def main(argv: list[str] | None = None) -> int:
    """Write every screenshot under the appearance asked for to the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    parser.add_argument("--font", type=float, help="the application font's size in points")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    apply_appearance(args.dark, args.font)
    from briefing_app.gui import guide_screenshots, screenshot, view_screenshots, walk_screenshots

    out: Path = args.folder
    written = [
        screenshot.render_main_window(out / "main-window.png"),
        screenshot.render_note_editor(out / "note-editor.png"),
        *guide_screenshots.render_guide(out),
        *walk_screenshots.render_walk(out),
        *view_screenshots.render_views(out),
    ]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
