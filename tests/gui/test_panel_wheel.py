"""The wheel over the source panel and the inspector never re-grades what it passes over."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.core.library import Library
from briefing_app.gui.widgets.claim_inspector import ClaimInspector
from briefing_app.gui.widgets.source_panel import SourcePanel


def _in_short_dock(qtbot: QtBot, panel: QWidget) -> QScrollArea:
    """Put panel in a scroll area as short as the right-hand docks are at 1366×768."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    area.resize(260, 120)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area


def _wheel(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel (up for notches > 0) with the pointer over widget."""
    inside = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        inside,
        QPointF(widget.mapToGlobal(inside.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_the_source_panel_leaves_grade_and_marking(
    qtbot: QtBot, demo_lib: Library
) -> None:
    panel = SourcePanel()
    edits: list[dict[str, object]] = []
    panel.edit_requested.connect(lambda _id, values: edits.append(values))
    panel.show_source(demo_lib.sources.get(1))
    _area = _in_short_dock(qtbot, panel)
    combos: list[QComboBox] = [panel.reliability, panel.marking]
    before = [c.currentText() for c in combos]

    for combo in combos:  # down, then up: either moves a box, whatever its choice
        _wheel(combo, -1)
        _wheel(combo, 1)

    assert edits == []  # no source re-graded or re-marked
    assert [c.currentText() for c in combos] == before
    # The scroll area behind gets the wheel: Qt passes a real (spontaneous) wheel event on
    # to the parent when the box ignores it; one sent by a test is not passed on.


def test_a_clicked_box_still_takes_the_wheel(qtbot: QtBot, demo_lib: Library) -> None:
    panel = SourcePanel()
    edits: list[dict[str, object]] = []
    panel.edit_requested.connect(lambda _id, values: edits.append(values))
    panel.show_source(demo_lib.sources.get(1))
    _area = _in_short_dock(qtbot, panel)
    panel.reliability.setFocus()
    qtbot.waitUntil(panel.reliability.hasFocus)

    _wheel(panel.reliability, 1)  # up from F

    assert edits and "reliability" in edits[0]


def test_the_wheel_over_the_inspector_leaves_kind_credibility_and_status(
    qtbot: QtBot, demo_lib: Library
) -> None:
    inspector = ClaimInspector()
    edits: list[dict[str, object]] = []
    inspector.edit_requested.connect(lambda _id, values: edits.append(values))
    inspector.show_claim(demo_lib.claims.all()[0])
    _area = _in_short_dock(qtbot, inspector)
    combos = [inspector.kind, inspector.credibility, inspector.status]
    before = [c.currentText() for c in combos]

    for combo in combos:  # down, then up: either moves a box, whatever its choice
        _wheel(combo, -1)
        _wheel(combo, 1)

    assert edits == []
    assert [c.currentText() for c in combos] == before
