"""Render the app icon (resources/icons/app.svg) to the PNG sizes Linux desktops look up.

Uses Qt's QSvgRenderer offscreen, so no extra tools are needed:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
The PNGs are committed under packaging/linux/icons/<size>x<size>/briefing.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent


def render(svg: Path, out_dir: Path) -> list[Path]:
    """Write svg as briefing.png in out_dir/<n>x<n>/ for every size; return the files."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / "briefing.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise OSError(f"{target}: could not write the icon")
        written.append(target)
    return written


def main() -> int:
    """Render the committed icon set."""
    _app = QGuiApplication(sys.argv)
    for path in render(
        ROOT / "resources" / "icons" / "app.svg", ROOT / "packaging" / "linux" / "icons"
    ):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
