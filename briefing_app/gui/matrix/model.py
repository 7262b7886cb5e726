"""The ACH matrix as a Qt table model: a score row, then one row per claim, assumption or
absence; the row's key, text, party, grade and weights, a column per hypothesis, and the
row's diagnosticity.

The model holds a core `Matrix` and is told when a new one is read (`set_matrix`): when the
hypotheses and rows are the same ones, it compares old and new and says only which cells
changed (dataChanged), so rating a cell repaints that cell, the score row and the marks that
moved, never the whole view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from briefing_app.core.ach.model import Hypothesis, Matrix, MatrixRow
from briefing_app.core.ach.scoring import (
    HypothesisScore,
    MatrixInput,
    MatrixScorer,
    MatrixScores,
    RowScore,
    lead_phrase,
)
from briefing_app.gui.contrast import text_for

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole

KEY, TEXT, PARTY, GRADE, RELEVANCE, CREDIBILITY = range(6)
FIXED = ("Row", "Evidence", "Party", "Grade", "Relevance", "Credibility")
SCORE_ROW = 0
_FIRST = len(FIXED)  # the first hypothesis's column
_ROLES = frozenset(
    int(r)
    for r in (
        Role.DisplayRole,
        Role.ToolTipRole,
        Role.ForegroundRole,
        Role.BackgroundRole,
        Role.FontRole,
        Role.TextAlignmentRole,
    )
)
# The marks a row's key carries (also spelt out in its tooltip).
PIVOTAL_MARK, DECEPTIVE_MARK = "⚑", "⁈"
NO_HELP = "no help"

# Consistent greens, inconsistent reds, neutral and not applicable grey.
RATING_COLOURS = {
    "CC": ("#2e7d32", "#ffffff"),
    "C": ("#a5d6a7", "#1b1b1b"),
    "N": ("#d6d6d6", "#1b1b1b"),
    "NA": ("#ececec", "#6b6b6b"),
    "I": ("#ef9a9a", "#1b1b1b"),
    "II": ("#c62828", "#ffffff"),
}
RATING_WORDS = {
    "CC": "very consistent",
    "C": "consistent",
    "N": "neutral",
    "I": "inconsistent",
    "II": "very inconsistent",
    "NA": "not applicable",
}
OFF_FOREGROUND = QColor("#9a9a9a")
OFF_BACKGROUND = QColor("#f3f3f3")
LEADER_BACKGROUND = QColor("#ffe082")
PIVOTAL_BACKGROUND = QColor("#ffcc80")
SCORE_BACKGROUND = QColor("#e8eaf6")
# These fills are light whatever the palette: their text is dark, not the palette's (light on
# a dark theme, it could not be read on them).
MARKED_FOREGROUND = text_for(LEADER_BACKGROUND)


class MatrixModel(QAbstractTableModel):
    """A question's ACH matrix, scored, for a QTableView."""

    def __init__(self) -> None:
        super().__init__()
        self.matrix: Matrix | None = None
        self._colours = {r: (QColor(bg), QColor(fg)) for r, (bg, fg) in RATING_COLOURS.items()}
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        # Held between readings: a rating changed rescores its row only, not all 500.
        self._scorer: MatrixScorer | None = None
        self._scores: MatrixScores | None = None
        self._row_scores: tuple[RowScore, ...] = ()
        self._hyp_scores: tuple[HypothesisScore, ...] = ()
        self._leader: str | None = None
        self._hyps: tuple[Hypothesis, ...] = ()

    # What is where ---------------------------------------------------------------------------
    @property
    def hypotheses(self) -> tuple[Hypothesis, ...]:
        """Return the hypotheses shown, in column order."""
        return self._hyps

    @property
    def scores(self) -> MatrixScores | None:
        """Return the scores of the matrix shown (None: no matrix)."""
        return self._scores

    @property
    def leader(self) -> str | None:
        """Return the key of the leading hypothesis, if any."""
        return self._leader

    def diagnosticity_column(self) -> int:
        """Return the column of the diagnosticity (after the hypotheses)."""
        return len(FIXED) + len(self.hypotheses)

    def hypothesis_column(self, key: str) -> int:
        """Return the column of the hypothesis with this key; raise KeyError."""
        for i, h in enumerate(self.hypotheses):
            if h.key == key:
                return len(FIXED) + i
        raise KeyError(key)

    def hypothesis_at(self, column: int) -> Hypothesis | None:
        """Return the hypothesis of a column, or None for the other columns."""
        i = column - _FIRST
        return self._hyps[i] if 0 <= i < len(self._hyps) else None

    def row_at(self, row: int) -> MatrixRow | None:
        """Return the matrix row shown at a model row (None: the score row)."""
        if self.matrix is None or row <= SCORE_ROW or row > len(self.matrix.rows):
            return None
        return self.matrix.rows[row - 1]

    def position_of(self, key: str) -> int | None:
        """Return the model row showing the matrix row with this key, or None."""
        if self.matrix is None:
            return None
        for i, r in enumerate(self.matrix.rows):
            if r.key == key:
                return i + 1
        return None

    # Being told the matrix ------------------------------------------------------------------
    def set_matrix(self, matrix: Matrix | None) -> bool:
        """Show matrix; return True when the view was rebuilt (other rows or hypotheses),
        False when only the cells that changed were announced."""
        old = self.matrix
        if old is None or matrix is None or not _same_shape(old, matrix):
            self.beginResetModel()
            self._scorer = None
            self._take(matrix)
            self.endResetModel()
            return True
        # A rating, a weight, a switch or the claim's own text changed these rows.
        changed = [i for i, (a, b) in enumerate(zip(old.rows, matrix.rows, strict=True)) if a != b]
        old_row_scores, old_hyps, old_leader = self._row_scores, self._hyp_scores, self._leader
        self._take(matrix, changed)
        last = self.columnCount() - 1
        diag = self.diagnosticity_column()
        for i in changed:
            self.dataChanged.emit(self.index(i + 1, 0), self.index(i + 1, last))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, i + 1, i + 1)
        for i, (before, now) in enumerate(zip(old_row_scores, self._row_scores, strict=True)):
            if before != now and i not in changed:  # pivotal or diagnosticity moved
                self.dataChanged.emit(self.index(i + 1, KEY), self.index(i + 1, KEY))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, i + 1, i + 1)
                self.dataChanged.emit(self.index(i + 1, diag), self.index(i + 1, diag))
        if old_hyps != self._hyp_scores:
            self.dataChanged.emit(self.index(SCORE_ROW, 0), self.index(SCORE_ROW, last))
        if old_leader != self._leader:
            first, end = len(FIXED), diag - 1
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, first, end)
            # The leader's column is framed all the way down (the delegate draws it).
            for key in (old_leader, self._leader):
                if key is not None:
                    col = self.hypothesis_column(key)
                    self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))
        return False

    def _take(self, matrix: Matrix | None, changed: list[int] | None = None) -> None:
        """Hold matrix and its scores: rescored from its changed rows when given them."""
        self.matrix = matrix
        self._hyps = matrix.hypotheses if matrix else ()
        scores = None
        if matrix is not None:
            keys = [h.key for h in matrix.hypotheses]
            if self._scorer is None or changed is None:
                self._scorer = MatrixScorer(keys, [_input(r, keys) for r in matrix.rows])
            else:
                for i in changed:
                    self._scorer.set_row(i, _input(matrix.rows[i], keys))
            scores = self._scorer.scores()
        self._scores = scores
        self._row_scores = scores.rows if scores else ()
        self._hyp_scores = scores.hypotheses if scores else ()
        # Starred and framed only when one hypothesis leads alone: in a tie none is favoured.
        self._leader = scores.leader if scores and not scores.tied else None

    # QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the score row plus one row per matrix row."""
        if parent.isValid() or self.matrix is None:
            return 0
        return 1 + len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the fixed columns, one per hypothesis and the diagnosticity."""
        if parent.isValid() or self.matrix is None:
            return 0
        return len(FIXED) + len(self.matrix.hypotheses) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Weights are edited in place (a list of levels); the rest by keys and menus."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() != SCORE_ROW and index.column() in (RELEVANCE, CREDIBILITY):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """Name the columns: fixed ones, hypotheses (key and label; ★ the leader); name the
        rows by their key (as the Row column does), which stays on screen when scrolled."""
        if self.matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.data(self.index(section, KEY), role) if role in _ROLES else None
        h = self.hypothesis_at(section)
        if role == Role.DisplayRole:
            if h is not None:
                label = h.label if len(h.label) <= 22 else h.label[:21] + "…"
                return f"{'★ ' if h.key == self._leader else ''}{h.key}\n{label}"
            if section == self.diagnosticity_column():
                return "Diagnosticity"
            return FIXED[section] if section < len(FIXED) else None
        if role == Role.ToolTipRole and h is not None:
            lead = " — the leading hypothesis (least weighted inconsistency)"
            return f"{h.key}: {h.label}{lead if h.key == self._leader else ''}"
        if role == Role.FontRole and h is not None and h.key == self._leader:
            return self._bold
        if h is not None and h.key == self._leader:
            if role == Role.BackgroundRole:
                return LEADER_BACKGROUND
            if role == Role.ForegroundRole:
                return MARKED_FOREGROUND
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        """Return a cell's text, colours, font and tooltip."""
        # Painting asks a dozen roles per cell; the others are answered first, and cheaply.
        if role not in _ROLES or not index.isValid() or self.matrix is None:
            return None
        if index.row() == SCORE_ROW:
            return self._score_data(index.column(), role)
        i = index.row() - 1
        row, score = self.matrix.rows[i], self._row_scores[i]
        col = index.column()
        h = self.hypothesis_at(col)
        if h is not None:
            return self._rating_data(row, h, role)
        if role == Role.DisplayRole:
            return self._text(row, score, col)
        if role == Role.ToolTipRole:
            return self._tooltip(row, score, col)
        if role == Role.ForegroundRole:
            if col == KEY and score.pivotal:
                return MARKED_FOREGROUND
            return OFF_FOREGROUND if row.switched_off else None
        if role == Role.BackgroundRole:
            if col == KEY and score.pivotal:
                return PIVOTAL_BACKGROUND
            return OFF_BACKGROUND if row.switched_off else None
        if role == Role.FontRole:
            if col == CREDIBILITY and row.credibility_override is None:
                return self._italic  # suggested from the grade, not set by the analyst
            if col == KEY and score.pivotal:
                return self._bold
        if role == Role.TextAlignmentRole and col in (GRADE, self.diagnosticity_column()):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _rating_data(self, row: MatrixRow, h: Hypothesis, role: int) -> Any:
        rating = row.ratings.get(h.key, "")
        if role == Role.DisplayRole:
            return rating
        if role == Role.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Role.BackgroundRole:
            if row.switched_off:
                return OFF_BACKGROUND
            return self._colours[rating][0] if rating else None
        if role == Role.ForegroundRole:
            if row.switched_off:
                return OFF_FOREGROUND
            return self._colours[rating][1] if rating else None
        if role == Role.ToolTipRole:
            word = RATING_WORDS.get(rating, "not rated")
            off = " (row switched off: not scored)" if row.switched_off else ""
            return f"{row.key} against {h.key}: {word}{off}"
        return None

    def _text(self, row: MatrixRow, score: RowScore, col: int) -> str:
        if col == KEY:
            marks = (PIVOTAL_MARK if score.pivotal else "") + (
                DECEPTIVE_MARK if row.deceptive else ""
            )
            return f"{row.key} {marks}".rstrip()
        if col == TEXT:
            return row.text if not row.switched_off else f"(off) {row.text}"
        if col == PARTY:
            return row.party or {"assumption": "assumption", "absence": "absence"}.get(row.kind, "")
        if col == GRADE:
            return row.grade
        if col == RELEVANCE:
            return row.relevance
        if col == CREDIBILITY:
            return row.credibility
        if col == self.diagnosticity_column():
            if not any(r in ("CC", "C", "N", "I", "II") for r in row.ratings.values()):
                return ""
            return NO_HELP if score.diagnosticity == 0 else f"{score.diagnosticity:.2f}"
        return ""

    def _tooltip(self, row: MatrixRow, score: RowScore, col: int) -> str | None:
        if col == KEY:
            # What the row says, too: scrolled across to the hypotheses, only the key shows.
            notes = [f"{row.key} ({row.kind}): {row.text}"]
            if row.switched_off:
                notes.append("switched off: kept, not scored (Space switches it back on)")
            if row.deceptive:
                notes.append("marked possibly deceptive")
            if score.pivotal_removed:
                notes.append(f"pivotal: without it {lead_phrase(score.leaders_without)}")
            if score.pivotal_flipped:
                notes.append(f"pivotal: reversed (deception), {lead_phrase(score.leaders_flipped)}")
            return "\n".join(notes)
        if col == TEXT:
            return row.text
        if col == CREDIBILITY:
            if row.credibility_override is None:
                return f"Suggested from the grade {row.grade or '(none)'}"
            return f"Set by you (the grade suggests {row.suggested_credibility})"
        if col == self.diagnosticity_column() and score.diagnosticity == 0:
            return "Rated alike against every hypothesis: it helps none of them"
        return None

    def _score_data(self, col: int, role: int) -> Any:
        h = self.hypothesis_at(col)
        if role == Role.DisplayRole:
            if col == KEY:
                return "Scores"
            if col == TEXT:
                return "inconsistency · weighted · rank"
            if h is not None:
                s = self._hyp_scores[col - len(FIXED)]
                rank = self._scores.rank_label(h.key) if self._scores else s.rank
                return f"{s.inconsistency} · {s.weighted:.2f} · #{rank}"
            return ""
        if role == Role.FontRole:
            return self._bold
        if role == Role.BackgroundRole:
            return (
                LEADER_BACKGROUND if h is not None and h.key == self._leader else SCORE_BACKGROUND
            )
        if role == Role.ForegroundRole:
            return MARKED_FOREGROUND
        if role == Role.TextAlignmentRole and h is not None:
            return Qt.AlignmentFlag.AlignCenter
        if role == Role.ToolTipRole and h is not None:
            s = self._hyp_scores[col - len(FIXED)]
            rank = self._scores.rank_label(h.key) if self._scores else s.rank
            return (
                f"{h.key}: inconsistency {s.inconsistency}, weighted inconsistency "
                f"{s.weighted:.4f}, rank {rank}"
            )
        return None


def _input(row: MatrixRow, keys: list[str]) -> MatrixInput:
    """Return a row as scoring takes it (as `Matrix.inputs` gives every row)."""
    return MatrixInput(
        row.key,
        tuple(row.ratings.get(k, "") for k in keys),
        not row.switched_off,
        row.deceptive,
        row.relevance,
        row.credibility,
    )


def _same_shape(old: Matrix, new: Matrix) -> bool:
    """Return whether two readings show the same hypotheses and rows, in the same order."""
    return (
        old.question.id == new.question.id
        and [(h.key, h.label) for h in old.hypotheses] == [(h.key, h.label) for h in new.hypotheses]
        and [r.key for r in old.rows] == [r.key for r in new.rows]
    )
