"""The window at 150% and 200% display scaling: what the app draws itself is drawn for the
screen's pixel density, not drawn small and blown up (blurred)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from briefing_app.gui.models.format_badge import FORMAT_WORDS, format_badge


@pytest.mark.parametrize("scale", [1.5, 2.0])
@pytest.mark.parametrize("fmt", list(FORMAT_WORDS))
def test_a_source_s_format_badge_is_drawn_at_the_screen_s_density(
    qtbot: QtBot, fmt: str, scale: float
) -> None:
    size = QSize(24, 14)
    pixmap = format_badge(fmt).pixmap(size, scale)
    # As many pixels as the screen has there, and still 24×14 where the view lays it out.
    assert pixmap.width() >= round(24 * scale) and pixmap.height() >= round(14 * scale)
    assert pixmap.deviceIndependentSize().toSize() == size


def test_a_badge_asked_larger_is_drawn_larger(qtbot: QtBot) -> None:
    small = format_badge("pdf").pixmap(QSize(24, 14), 1.0)
    large = format_badge("pdf").pixmap(QSize(40, 23), 1.0)
    assert (large.width(), large.height()) == (40, 23)
    assert small.width() == 24
