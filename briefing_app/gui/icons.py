"""The app's icons: the SVG set drawn for Briefing in resources/icons/.

Their one accent colour was chosen for a light window; on a dark one it read at 2.7:1, under
the 3:1 graphics need. So each icon is drawn by `AccentIconEngine` from its SVG at the size,
pixel density and palette of the moment, the accent moved to read on the window's colour.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.gui.contrast import GRAPHICS_CONTRAST, readable

# The accent every icon is stroked in (resources/icons/README.md).
ACCENT = "#3b6ea5"


def drawn_pixmap(size: QSize, scale: float, draw: Callable[[QPainter, QRect], object]) -> QPixmap:
    """Return a transparent pixmap of size at a screen's pixel density, drawn into by draw."""
    pixmap = QPixmap(size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw(painter, QRect(QPoint(0, 0), size))
    painter.end()
    return pixmap


def accent_for(palette: QPalette) -> QColor:
    """Return the icons' accent as it reads on a palette's window colour."""
    return readable(QColor(ACCENT), palette.color(QPalette.ColorRole.Window), GRAPHICS_CONTRAST)


class AccentIconEngine(QIconEngine):
    """Draws one SVG icon, its accent recoloured for the application's palette when drawn."""

    def __init__(self, svg: str) -> None:
        super().__init__()
        self.svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self) -> QSvgRenderer:
        accent = accent_for(QGuiApplication.palette()).name()
        renderer = self._renderers.get(accent)
        if renderer is None:
            data = QByteArray(self.svg.replace(ACCENT, accent).encode("utf-8"))
            renderer = self._renderers[accent] = QSvgRenderer(data)
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Draw the icon into rect (a disabled or selected one as the style makes them)."""
        if mode != QIcon.Mode.Normal:
            painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, 1.0))
            return
        self._renderer().render(painter, rect)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Return the icon drawn for a screen of this pixel density."""
        pixmap = drawn_pixmap(size, scale, self._renderer().render)
        style = QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
        if mode != QIcon.Mode.Normal and style is not None:
            # Greyed out when disabled, tinted when selected: as Qt does for its own icons.
            return style.generatedIconPixmap(mode, pixmap, QStyleOption())
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """Return the icon at one pixel per point."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """Say that the icon fills a square of the size asked (it is drawn to any size)."""
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        """Return a copy (QIcon copies its engine on write)."""
        return AccentIconEngine(self.svg)


@cache
def icon(name: str) -> QIcon:
    """Return the icon called name (e.g. 'import'), or an empty icon when it is missing."""
    try:
        path = bundled_dir("resources") / "icons" / f"{name}.svg"
    except FileNotFoundError:
        return QIcon()
    if not path.exists():
        return QIcon()
    return QIcon(AccentIconEngine(path.read_text(encoding="utf-8")))
