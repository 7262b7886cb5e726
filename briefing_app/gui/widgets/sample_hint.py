"""The notice over the window saying that the library holds the sample data."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton


class SampleHint(QFrame):
    """A dismissable band: this library holds sample data; how to start your own."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sample_hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#sample_hint { background: rgba(240, 180, 40, 60); border-radius: 4px; }"
        )
        self.label = QLabel(
            "<b>This library holds sample data</b> — a demo article with tagged claims and a "
            "note. To start your own work, choose <b>File ▸ New library…</b>, or "
            "<b>File ▸ Open library…</b> for an existing one."
        )
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Sample data notice")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Hide this notice")
        close.setAccessibleName("Hide sample data notice")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()
