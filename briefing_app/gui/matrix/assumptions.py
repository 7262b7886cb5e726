"""The Key Assumptions panel beside the matrix, and the dialog that adds or edits one.

The panel sits in a laptop's bottom dock, a third of the screen wide: its seven columns always
fit the table's width, never scrolled sideways. Key, Rating, Supported by and Hypotheses are as
wide as their longest word (a rating wraps to two lines); Assumption, Why and Wrong if share
the rest and wrap, a row at most MAX_LINES tall (the rest is elided; the tooltip and Edit… show
it whole).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.ach.model import ASSUMPTION_RATING_LABELS, ASSUMPTION_RATINGS, KeyAssumption
from briefing_app.gui.contrast import error_colour, text_for
from briefing_app.gui.widgets.text_widths import in_chars

_RATING_COLOURS = {"solid": "#a5d6a7", "caveated": "#fff59d", "unsupported": "#ef9a9a"}
COLUMNS = ("Key", "Assumption", "Rating", "Why", "Wrong if", "Supported by", "Hypotheses")
# The columns as wide as their longest word (Key, Rating, Supported by, Hypotheses), and the
# text columns sharing what is left, by weight (Assumption, Why, Wrong if).
_WORD_COLUMNS = (0, 2, 5, 6)
_TEXT_WEIGHTS = {1: 3, 3: 2, 4: 2}
# A text column is never narrower than this many average characters; with this many each,
# the word columns also get room for their whole heading.
_TEXT_FLOOR_CHARS = 5
_TEXT_COMFORT_CHARS = 14
MAX_LINES = 3  # a row's height at most, in lines of text


@dataclass(frozen=True)
class AssumptionFields:
    """What the analyst typed for a key assumption (claim and hypothesis keys as typed)."""

    text: str
    rating: str = ""
    why: str = ""
    wrong_if: str = ""
    supports: tuple[str, ...] = ()
    hypotheses: tuple[str, ...] = ()


# Why fields would be refused (a claim or hypothesis key that does not exist), or None.
FieldsCheck = Callable[["AssumptionFields"], str | None]


class AssumptionDialog(QDialog):
    """Add or edit a key assumption; `ask` returns the fields, or None when cancelled.

    OK with fields the check refuses keeps the dialog open, saying why, with what was typed.
    """

    def __init__(
        self, parent: QWidget | None, held: KeyAssumption | None, check: FieldsCheck | None = None
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(f"Edit key assumption {held.key}" if held else "Add key assumption")
        self.text = QLineEdit(held.text if held else "")
        self.rating = QComboBox()
        for value in ("", *ASSUMPTION_RATINGS):
            self.rating.addItem(ASSUMPTION_RATING_LABELS[value], value)
        self.rating.setCurrentIndex(max(0, self.rating.findData(held.rating if held else "")))
        self.why = QLineEdit(held.why if held else "")
        self.wrong_if = QLineEdit(held.wrong_if if held else "")
        self.supports = QLineEdit(" ".join(held.claim_keys) if held else "")
        self.supports.setPlaceholderText("claim keys, e.g. C4 C9")
        self.hypotheses = QLineEdit(" ".join(held.hypothesis_keys) if held else "")
        self.hypotheses.setPlaceholderText("hypothesis keys, e.g. H1 H2")
        form = QFormLayout()
        form.addRow("&Assumption", self.text)
        form.addRow("&Rating", self.rating)
        form.addRow("&Why", self.why)
        form.addRow("What would show it &wrong", self.wrong_if)
        form.addRow("&Supported by", self.supports)
        form.addRow("&Hypotheses that depend on it", self.hypotheses)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_sound)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_colour(self.palette())}")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(in_chars(self, 87), self.sizeHint().height())  # 520 px at 9 pt

    def fields(self) -> AssumptionFields:
        """Return what the form holds."""
        return AssumptionFields(
            self.text.text(),
            str(self.rating.currentData() or ""),
            self.why.text(),
            self.wrong_if.text(),
            tuple(self.supports.text().replace(",", " ").split()),
            tuple(self.hypotheses.text().replace(",", " ").split()),
        )

    def _accept_if_sound(self) -> None:
        problem = self._check(self.fields()) if self._check is not None else None
        if problem is None:
            self.accept()
            return
        self.problem.setText(f"⚠ {problem}")
        self.problem.show()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        held: KeyAssumption | None = None,
        check: FieldsCheck | None = None,
    ) -> AssumptionFields | None:
        """Show the dialog; return the fields typed, or None when cancelled."""
        dialog = cls(parent, held, check)
        return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AssumptionsPanel(QWidget):
    """The question's key assumptions as a table, with Add, Edit and Remove."""

    def __init__(self) -> None:
        super().__init__()
        self.assumptions: list[KeyAssumption] = []
        title = QLabel("<b>Key assumptions</b>")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        # Tab moves on to the buttons, not from cell to cell (a row is an assumption).
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fitted to the width
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for c, name in enumerate(COLUMNS):
            heading = self.table.horizontalHeaderItem(c)
            if heading is not None:
                heading.setToolTip(name)  # a heading elided in a narrow panel, whole here
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumWidth(self._narrowest())
        self.table.viewport().installEventFilter(self)
        self.table.setAccessibleName("Key assumptions")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.remove_button = QPushButton("Remo&ve")
        buttons = QHBoxLayout()
        buttons.addWidget(title, 1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_assumptions(self, assumptions: list[KeyAssumption]) -> None:
        """Show these assumptions, keeping the one selected if it is still there."""
        current = self.current_key()
        self.assumptions = assumptions
        self.table.setRowCount(len(assumptions))
        for r, a in enumerate(assumptions):
            for c, value in enumerate(a.cells()):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 2 and a.rating:
                    fill = QColor(_RATING_COLOURS[a.rating])
                    item.setBackground(fill)
                    item.setForeground(text_for(fill))  # not the palette's: light when dark
                self.table.setItem(r, c, item)
            if a.key == current:
                self.table.selectRow(r)
        self.edit_button.setEnabled(bool(assumptions))
        self.remove_button.setEnabled(bool(assumptions))
        self.table.setMinimumWidth(self._narrowest())  # a longer key list needs more
        self.fit_columns()

    def current_key(self) -> str | None:
        """Return the key of the selected assumption, or None."""
        row = self.table.currentRow()
        return self.assumptions[row].key if 0 <= row < len(self.assumptions) else None

    def rows_text(self) -> list[list[str]]:
        """Return the table's text, row by row (what the analyst reads)."""
        return [
            [(self.table.item(r, c) or QTableWidgetItem()).text() for c in range(len(COLUMNS))]
            for r in range(self.table.rowCount())
        ]

    # Fitting the columns to the width ------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the columns again whenever the table's viewport changes width."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

    def fit_columns(self) -> None:
        """Give each column its width so that all of them fill the viewport exactly."""
        table = self.table
        available = table.viewport().width()
        snug = {c: self._word_width(c) for c in _WORD_COLUMNS}
        whole = {c: max(snug[c], self._heading_width(c)) for c in _WORD_COLUMNS}
        comfort = self._chars(_TEXT_COMFORT_CHARS) * len(_TEXT_WEIGHTS)
        words = whole if available - sum(whole.values()) >= comfort else snug
        rest = max(0, available - sum(words.values()))
        floor = self._chars(_TEXT_FLOOR_CHARS)
        total_weight = sum(_TEXT_WEIGHTS.values())
        widths = dict(words)
        texts = list(_TEXT_WEIGHTS)
        for c in texts[:-1]:
            widths[c] = max(floor, rest * _TEXT_WEIGHTS[c] // total_weight)
        # The last takes what rounding left, so the columns end at the viewport's edge.
        widths[texts[-1]] = max(floor, rest - sum(widths[c] for c in texts[:-1]))
        for c, width in widths.items():
            if table.columnWidth(c) != width:
                table.setColumnWidth(c, width)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Make each row as tall as its wrapped text, at most MAX_LINES lines."""
        # The grid line below a row is part of its height.
        grid = 1 if self.table.showGrid() else 0
        tallest = self.table.fontMetrics().lineSpacing() * MAX_LINES + grid + 1
        for r in range(self.table.rowCount()):
            height = min(tallest, self.table.sizeHintForRow(r))
            if self.table.rowHeight(r) != height:
                self.table.setRowHeight(r, height)

    def _narrowest(self) -> int:
        """Return the table's least width: word columns snug, text columns at their floor."""
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return (
            sum(self._word_width(c) for c in _WORD_COLUMNS)
            + self._chars(_TEXT_FLOOR_CHARS) * len(_TEXT_WEIGHTS)
            + scroll_bar
            + 2 * self.table.frameWidth()
        )

    def _word_width(self, column: int) -> int:
        """Return the width of a column's longest word (a rating's, whichever it is).

        Keys of claims and hypotheses get room for two a line ("C4 C9"), a key "A99".
        """
        if column == 2:
            texts = list(ASSUMPTION_RATING_LABELS.values())
        else:
            items = (self.table.item(r, column) for r in range(self.table.rowCount()))
            texts = [item.text() for item in items if item is not None]
        least = {0: "A99", 5: "C99 C99", 6: "H9 H9"}.get(column, "")
        words = [w for text in texts for w in text.split()] + [least]
        return max(self._cell_width(w) for w in words)

    def _heading_width(self, column: int) -> int:
        """Return the width the column's heading needs to show whole."""
        return self.table.horizontalHeader().sectionSizeHint(column)

    def _chars(self, count: int) -> int:
        """Return the width of a cell showing count average characters."""
        return self._cell_width("x" * count)

    def _cell_width(self, text: str) -> int:
        """Return the width a cell needs to show text on one line, as the view measures it."""
        option = QStyleOptionViewItem()
        option.initFrom(self.table)
        option.font = self.table.font()
        option.fontMetrics = self.table.fontMetrics()
        option.text = text
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        style = self.table.style()
        size = style.sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self.table
        )
        grid = 1 if self.table.showGrid() else 0  # the line between two columns
        return size.width() + grid
