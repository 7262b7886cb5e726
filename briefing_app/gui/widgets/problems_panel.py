"""The problems panel: what the analytic checks find in the note, each entry a way to the spot."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.checks import CheckReport, Finding
from briefing_app.core.models import Note
from briefing_app.gui.icons import icon

FINDING_ROLE = Qt.ItemDataRole.UserRole
CHANGED_SINCE_CITED = "citation.changed"


class ProblemsPanel(QWidget):
    """Lists findings (severity, section, message; the fix as tooltip)."""

    finding_activated = Signal(object)  # Finding
    dismiss_requested = Signal(object)  # Finding
    acknowledge_requested = Signal(object)  # Finding (a cited claim changed since cited)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Problems")
        self.summary = QLabel("No note open")
        self.summary.setAccessibleName("Problems summary")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Problems list")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["", "Section", "Passage", "Problem"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 240)
        header.setStretchLastSection(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.dismiss_action = QAction("Dismiss…", self)
        self.dismiss_action.setStatusTip("Dismiss this finding, giving a reason that is kept")
        self.dismiss_action.triggered.connect(self._dismiss)
        self.acknowledge_action = QAction("Acknowledge change", self)
        self.acknowledge_action.setStatusTip(
            "I have re-read the changed claim: stop flagging it in this note"
        )
        self.acknowledge_action.triggered.connect(self._acknowledge)
        self.acknowledge_action.setEnabled(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.addAction(self.dismiss_action)
        self.tree.addAction(self.acknowledge_action)
        self.tree.currentItemChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.findings: list[Finding] = []

    def show_report(
        self, report: CheckReport | None, headings: dict[str, str], note: Note | None = None
    ) -> None:
        """List a report's findings (None: no note open), each with its passage in note."""
        self.tree.clear()
        self.findings = [] if report is None else list(report.findings)
        if report is None:
            self.summary.setText("No note open")
            return
        for finding in self.findings:
            passage = (
                finding.passage(note) if note is not None else " ".join(finding.excerpt.split())
            )
            item = QTreeWidgetItem(
                ["", headings.get(finding.section, finding.section), passage, finding.message]
            )
            item.setToolTip(2, passage)
            item.setIcon(0, icon(f"severity-{finding.severity}"))
            item.setToolTip(0, finding.severity)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, finding.severity)
            tip = f"{finding.message}\nFix: {finding.fix}" if finding.fix else finding.message
            item.setToolTip(3, tip)
            item.setToolTip(1, f"{finding.rule} — click to go to it")
            item.setData(0, FINDING_ROLE, finding)
            self.tree.addTopLevelItem(item)
        counts = [
            f"{n} {name}{'s' if n != 1 else ''}"
            for name, n in (
                ("error", len(report.errors)),
                ("warning", len(report.warnings)),
                ("note", len(self.findings) - len(report.errors) - len(report.warnings)),
            )
            if n
        ]
        dismissed = f" · {len(report.dismissed)} dismissed" if report.dismissed else ""
        self.summary.setText(
            ("Checks: " + ", ".join(counts) if counts else "Checks: no problems found") + dismissed
        )

    def current_finding(self) -> Finding | None:
        """Return the selected finding, or None."""
        item = self.tree.currentItem()
        return None if item is None else item.data(0, FINDING_ROLE)

    def _activated(self, item: QTreeWidgetItem) -> None:
        self.finding_activated.emit(item.data(0, FINDING_ROLE))

    def _current_changed(self) -> None:
        finding = self.current_finding()
        self.acknowledge_action.setEnabled(
            finding is not None and finding.rule == CHANGED_SINCE_CITED
        )

    def _acknowledge(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.rule == CHANGED_SINCE_CITED:
            self.acknowledge_requested.emit(finding)

    def _dismiss(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.dismiss_requested.emit(finding)
