"""The Matrix view's controller: shows a key question's ACH matrix and key assumptions, turns
keys, menus and drops into undoable core operations, records the note's judgment, and
refreshes from announced changes (its own, undo's, and those made outside). The question
chosen last is shown again after a restart (per library, `QuestionMemory`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from briefing_app.core.ach.judgments import judgment
from briefing_app.core.ach.model import (
    ASSUMPTION_RATING_LABELS,
    ASSUMPTION_RATINGS,
    CONFIDENCES,
    Hypothesis,
    MatrixRow,
)
from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.ach.scoring import LEVELS, joined, lead_phrase
from briefing_app.core.ach.values import MAX_LABEL_CHARS, MAX_TEXT_CHARS, check_text
from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.gui.commands import LibraryCommand
from briefing_app.gui.contrast import error_colour
from briefing_app.gui.matrix.assumptions import AssumptionDialog, AssumptionFields
from briefing_app.gui.matrix.commands import (
    add_claims_command,
    clear_judgment_command,
    judge_command,
    matrix_command,
    rate_command,
)
from briefing_app.gui.matrix.delegate import SUGGESTED
from briefing_app.gui.matrix.model import CREDIBILITY, KEY, RELEVANCE, SCORE_ROW
from briefing_app.gui.matrix.panel import MatrixPanel
from briefing_app.gui.question_memory import QuestionMemory
from briefing_app.gui.services import Services


class MatrixController(QObject):
    """Owns the Matrix panel; see the module docstring.

    current_note says which note is open in the editor (its judgment is recorded here).
    """

    def __init__(
        self,
        services: Services,
        lib: Library,
        current_note: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__()
        self.services = services
        self.lib = lib
        self.current_note = current_note
        self.panel = panel = MatrixPanel()
        self.model, self.view = panel.model, panel.view
        self.question_id: int | None = None
        self.memory = QuestionMemory("matrix")
        self._stale = True
        panel.shown.connect(self._load_if_stale)
        panel.question.activated.connect(
            lambda _i: self.show_question(panel.question.currentData())
        )
        panel.add_hypothesis_button.clicked.connect(lambda: self.add_hypothesis())
        panel.add_absence_button.clicked.connect(lambda: self.add_absence())
        panel.add_assumption_button.clicked.connect(lambda: self.add_assumption())
        panel.judgment_menu.aboutToShow.connect(self._fill_judgment_menu)
        view = self.view
        view.rate_pressed.connect(self._rate_cell)
        view.switch_pressed.connect(lambda row: self._on_row(row, self.switch))
        view.deceptive_pressed.connect(lambda row: self._on_row(row, self.mark_deceptive))
        view.claims_dropped.connect(self.add_claims)
        view.matrix_delegate.weight_chosen.connect(self._weight_chosen)
        view.customContextMenuRequested.connect(self._cell_menu)
        rows = view.verticalHeader()
        rows.customContextMenuRequested.connect(self._row_header_menu)
        header = view.horizontalHeader()
        header.setContextMenuPolicy(header.contextMenuPolicy().CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionDoubleClicked.connect(self._header_double_clicked)
        assumptions = panel.assumptions
        assumptions.add_button.clicked.connect(lambda: self.add_assumption())
        assumptions.edit_button.clicked.connect(self._edit_current_assumption)
        assumptions.remove_button.clicked.connect(self._remove_current_assumption)
        assumptions.table.doubleClicked.connect(lambda _i: self._edit_current_assumption())
        assumptions.table.customContextMenuRequested.connect(self._assumption_menu)
        self.attach(lib)

    # Library and question ------------------------------------------------------------------
    def attach(self, lib: Library) -> None:
        """Show this library's matrices (loaded when the panel shows)."""
        self.lib.unsubscribe(self.on_changes)
        self.lib = lib
        lib.subscribe(self.on_changes)
        self.question_id = None
        self.memory.attach(lib.path)
        self.model.set_matrix(None)
        self._stale = True
        self._load_if_stale()

    def _load_if_stale(self) -> None:
        if not self._stale or not self.panel.isVisible():
            return
        self._stale = False
        self._offer_questions()
        self.reload()

    def _offer_questions(self) -> None:
        combo = self.panel.question
        # Titles only: all() would read every claim key of every question (100,000 of them).
        questions = self.lib.questions.titles()
        ids = [q.id for q in questions]
        chosen = self.memory.pick(questions, self.question_id, None)
        if chosen is None:
            # Never chosen here, or the chosen one is gone: the first with a matrix.
            with_matrix = {q.id for q in self.lib.ach.questions_with_matrices()}
            chosen = next((i for i in ids if i in with_matrix), ids[0] if ids else None)
        self.question_id = chosen
        items = [(f"{q.key} {q.text}", q.id) for q in questions]
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] != items:
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.blockSignals(False)
        combo.setCurrentIndex(max(0, combo.findData(self.question_id)))

    def show_question(self, question_id: int | None) -> None:
        """Show the matrix of this key question (and again after a restart)."""
        titles = self.lib.questions.titles()
        self.memory.choose(next((q for q in titles if q.id == question_id), None))
        self.question_id = question_id
        self._offer_questions()
        self.reload()

    def go_to(self, question_key: str, row_key: str | None = None) -> bool:
        """Show the matrix of the question keyed question_key, row_key's row current."""
        try:
            question = self.lib.questions.title_by_key(question_key)
        except BriefingError as exc:
            self.services.show_error(str(exc))
            return False
        self.show_question(question.id)
        at = self.model.position_of(row_key) if row_key else None
        if at is not None:
            current = self.view.currentIndex()
            index = self.model.index(at, current.column() if current.isValid() else 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.view.setFocus()
        return True

    def reload(self) -> None:
        """Read the question's matrix and assumptions and show them (only changed cells
        repaint when the rows and hypotheses are the same)."""
        qid = self.question_id
        matrix = None
        if qid is not None:
            try:
                matrix = self.lib.ach.matrix(qid)
            except BriefingError:  # the question was deleted (elsewhere, perhaps)
                self.question_id = qid = None
        current = self.view.currentIndex()
        row = self.model.row_at(current.row()) if current.isValid() else None
        column = current.column() if current.isValid() else 0
        hypothesis = self.model.hypothesis_at(column)
        if self.model.set_matrix(matrix) and matrix is not None:
            # Rebuilt: the analyst's cell stays current, by row key and hypothesis.
            at = self.model.position_of(row.key) if row is not None else None
            if hypothesis is not None and matrix.hypothesis(hypothesis.key) is not None:
                column = self.model.hypothesis_column(hypothesis.key)
            if at is None and matrix.rows and matrix.hypotheses:
                # A matrix first shown: the keys rate its first cell at once.
                at, column = 1, self.model.hypothesis_column(matrix.hypotheses[0].key)
            if at is not None:
                self.view.setCurrentIndex(self.model.index(at, column))
        self.panel.assumptions.show_assumptions(
            self.lib.assumptions.all(qid) if qid is not None else []
        )
        self._show_state()
        self._show_judgment()

    def _show_state(self) -> None:
        scores, matrix = self.model.scores, self.model.matrix
        for button in (
            self.panel.add_hypothesis_button,
            self.panel.add_absence_button,
            self.panel.add_assumption_button,
            self.panel.assumptions.add_button,
        ):
            button.setEnabled(matrix is not None)
        if matrix is None or scores is None:
            self.panel.state_label.setText(
                # Said in the window's words: the command line is not where a new analyst is.
                "No key question yet: add one with <b>New question…</b> on the Board "
                "(View ▸ Panels ▸ Board), or right-click claims in the claims table and choose "
                "<b>Assign to question ▸ New question…</b>"
                if self.question_id is None
                else ""
            )
            return
        if not matrix.hypotheses:
            self.panel.state_label.setText("No hypotheses yet: add one to start the matrix.")
            return
        leader = matrix.hypothesis(scores.leader or "")
        if scores.tied:
            # The order they were typed in ranks one first; the evidence favours none.
            tied = joined([f"<b>{k}</b>" for k in scores.leaders])
            parts = [f"No leader: {tied} tie (rate the evidence that tells them apart)"]
        else:
            parts = [f"Leading: <b>{leader.key}</b> {_escape(leader.label)}" if leader else ""]
        if scores.fragile:
            found = []
            for r in scores.rows:
                if r.pivotal_removed:
                    found.append(f"{r.key} (without it {lead_phrase(r.leaders_without)})")
                elif r.pivotal_flipped:
                    found.append(f"{r.key} (if deceptive, {lead_phrase(r.leaders_flipped)})")
            red = error_colour(self.panel.state_label.palette())
            parts.append(
                f"<span style='color:{red}'><b>Fragile</b></span>: pivotal " + ", ".join(found)
            )
        elif not scores.tied:
            parts.append("Not fragile: no single row changes the leader")
        self.panel.state_label.setText(" · ".join(p for p in parts if p))

    def state_text(self) -> str:
        """Return the leader and fragility line as plain text (what the analyst reads)."""
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self.panel.state_label.text()).toPlainText()

    # Refreshing ------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Show the matrix as it now is when it, its claims or their sources changed; offer
        the questions anew when others changed; show the note's judgment when notes did."""
        matrix = self.model.matrix
        claims = {r.claim_id for r in matrix.rows} if matrix else set()
        qid = self.question_id
        mine = (
            (qid is None and bool(changes.questions or changes.claims))
            or qid in changes.questions
            or bool(changes.sources)
            or bool(changes.claims & claims)
        )
        if not (mine or changes.questions or changes.notes):
            return
        if not self.panel.isVisible():
            self._stale = True  # read again when next shown, not for every change unseen
            return
        if changes.questions:
            self._offer_questions()  # a question added, or deleted, elsewhere
        if mine or self.question_id != qid:
            self.reload()
        elif changes.notes:
            self._show_judgment()

    # Operations -----------------------------------------------------------------------------
    def _execute(self, command: LibraryCommand) -> bool:
        return self.services.execute(command)

    def _write(self, text: str, do: Callable[[int], MatrixEdit]) -> bool:
        """Run an ACH write on the shown question as one undoable step."""
        qid = self.question_id
        if qid is None:
            self.services.show_error("choose a key question first")
            return False
        return self._execute(matrix_command(self.lib, text, lambda: do(qid)))

    def rate(self, row_key: str, hypothesis: str, rating: str) -> bool:
        """Rate a cell ('' clears it) as one undoable step."""
        if self.question_id is None:
            return False
        return self._execute(rate_command(self.lib, self.question_id, hypothesis, row_key, rating))

    def _rate_cell(self, row: int, column: int, rating: str) -> None:
        r, h = self.model.row_at(row), self.model.hypothesis_at(column)
        if r is None or h is None or r.ratings.get(h.key, "") == rating:
            return
        self.rate(r.key, h.key, rating)

    def _on_row(self, row: int, action: Callable[[str], bool]) -> None:
        r = self.model.row_at(row)
        if r is not None:
            action(r.key)

    def switch(self, row_key: str) -> bool:
        """Switch a row off (kept, not scored) or back on."""
        r = self._row(row_key)
        word = "on" if r is not None and r.switched_off else "off"
        return self._write(f"Switch {row_key} {word}", lambda q: self.lib.ach.switch(q, row_key))

    def mark_deceptive(self, row_key: str) -> bool:
        """Mark a row possibly deceptive, or take the mark off."""
        r = self._row(row_key)
        text = f"Unmark {row_key} deceptive" if r and r.deceptive else f"Mark {row_key} deceptive"
        return self._write(text, lambda q: self.lib.ach.mark_deceptive(q, row_key))

    def weigh(
        self, row_key: str, *, relevance: str | None = None, credibility: str | None = None
    ) -> bool:
        """Set a row's relevance or credibility weight ('' gives the suggestion back)."""
        what = (
            f"relevance {relevance}"
            if relevance is not None
            else (f"credibility {credibility or SUGGESTED}")
        )
        return self._write(
            f"Weigh {row_key} {what}",
            lambda q: self.lib.ach.weigh(q, row_key, relevance=relevance, credibility=credibility),
        )

    def _weight_chosen(self, row: int, column: int, level: str) -> None:
        r = self.model.row_at(row)
        if r is None:
            return
        if column == RELEVANCE:
            self.weigh(r.key, relevance=level)
        elif column == CREDIBILITY:
            self.weigh(r.key, credibility="" if level == SUGGESTED else level)

    def add_hypothesis(self, label: str | None = None) -> bool:
        """Add a hypothesis after the others (asked for when label is None)."""
        if label is None:
            label = self._ask_text(
                "Add hypothesis", "Hypothesis:", "a hypothesis", limit=MAX_LABEL_CHARS
            )
            if label is None:
                return False
        if not self._write("Add hypothesis", lambda q: self.lib.ach.add_hypothesis(q, label)):
            return False
        self._show_new_column()
        return True

    def _show_new_column(self) -> None:
        """Bring the hypothesis just added (the last column) into sight, its first cell current,
        ready to rate: it was added off to the right, out of sight in a narrow dock."""
        if not self.model.hypotheses:
            return
        column = self.model.hypothesis_column(self.model.hypotheses[-1].key)
        row = SCORE_ROW + 1 if self.model.rowCount() > SCORE_ROW + 1 else SCORE_ROW
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()  # the rating keys go to the matrix, not the button pressed

    def rename_hypothesis(self, key: str, label: str | None = None) -> bool:
        """Change a hypothesis's label (asked for when label is None)."""
        if label is None:
            held = self._hypothesis(key)
            label = self._ask_text(
                f"Rename {key}",
                "Hypothesis:",
                "a hypothesis",
                held.label if held else "",
                MAX_LABEL_CHARS,
            )
            if label is None:
                return False
        return self._write(
            f"Rename {key}", lambda q: self.lib.ach.update_hypothesis(q, key, label=label)
        )

    def remove_hypothesis(self, key: str) -> bool:
        """Remove a hypothesis with its ratings (undo brings them back)."""
        return self._write(f"Remove {key}", lambda q: self.lib.ach.delete_hypothesis(q, key))

    def add_absence(self, text: str | None = None) -> bool:
        """Add an absence of evidence as a row (asked for when text is None)."""
        if text is None:
            text = self._ask_text(
                "Add absence of evidence", "What is missing:", "an absence of evidence"
            )
            if text is None:
                return False
        return self._write("Add absence", lambda q: self.lib.ach.add_absence(q, text))

    def remove_row(self, row_key: str) -> bool:
        """Take a row out of the matrix (a claim stays in the library)."""
        return self._write(f"Remove {row_key}", lambda q: self.lib.ach.remove_row(q, row_key))

    def add_claims(self, keys: list[str]) -> bool:
        """Make the claims rows of the matrix (assigned to its question)."""
        if self.question_id is None:
            self.services.show_error("choose a key question before dropping claims on it")
            return False
        matrix = self.model.matrix
        held = {r.key for r in matrix.rows} if matrix else set()
        new = [k.upper() for k in keys if k.upper() not in held]
        if not new:
            self.services.show_status(f"{', '.join(keys)} already in the matrix")
            return False
        return self._execute(add_claims_command(self.lib, self.question_id, new))

    def add_assumption(self, fields: AssumptionFields | None = None) -> bool:
        """Add a key assumption (and its row); asked for in a dialog when fields is None."""
        if fields is None:
            fields = AssumptionDialog.ask(
                self.services.dialog_parent(), check=self.assumption_problem
            )
            if fields is None:
                return False
        f = fields
        return self._write(
            "Add key assumption",
            lambda q: self.lib.assumptions.add(
                q,
                f.text,
                rating=f.rating,
                why=f.why,
                wrong_if=f.wrong_if,
                supports=f.supports,
                hypotheses=f.hypotheses,
            ),
        )

    def edit_assumption(self, key: str, fields: AssumptionFields | None = None) -> bool:
        """Change a key assumption's fields (asked for in a dialog when fields is None)."""
        if fields is None and self.question_id is not None:
            held = self.lib.assumptions.get(self.question_id, key)
            fields = AssumptionDialog.ask(
                self.services.dialog_parent(), held, check=self.assumption_problem
            )
        if fields is None:
            return False
        f = fields
        return self._write(
            f"Edit key assumption {key}",
            lambda q: self.lib.assumptions.update(
                q,
                key,
                text=f.text,
                rating=f.rating,
                why=f.why,
                wrong_if=f.wrong_if,
                supports=f.supports,
                hypotheses=f.hypotheses,
            ),
        )

    def assumption_problem(self, fields: AssumptionFields) -> str | None:
        """Return why an assumption with these fields would be refused (every reason), or None.

        The keys are checked by the core's own check (`lib.assumptions.links`), which names
        every unknown key at once, as the add and the edit themselves would refuse them; with
        no question chosen too (the box emptied while the form was open), so OK never closes
        the form on keys or a question the write would refuse.
        """
        qid = self.question_id
        checks: list[Callable[[], object]] = [
            lambda: check_text(fields.text, "a key assumption"),
            partial(self.lib.assumptions.links, qid, fields.supports, fields.hypotheses),
        ]
        problems: list[str] = [] if qid is not None else ["choose a key question first"]
        for check in checks:
            try:
                check()
            except BriefingError as exc:
                problems.append(str(exc))
        return "; ".join(problems) or None

    def rate_assumption(self, key: str, rating: str) -> bool:
        """Rate a key assumption solid, caveated or unsupported."""
        return self._write(
            f"Rate {key} {rating}", lambda q: self.lib.assumptions.update(q, key, rating=rating)
        )

    def _edit_current_assumption(self) -> None:
        key = self.panel.assumptions.current_key()
        if key is not None:
            self.edit_assumption(key)

    def _remove_current_assumption(self) -> None:
        key = self.panel.assumptions.current_key()
        if key is not None:
            self.remove_row(key)

    # The note's judgment ----------------------------------------------------------------------
    def judge(self, hypothesis: str, confidence: str) -> bool:
        """Record that the open note's key judgment favours a hypothesis of this question."""
        note_id = self.current_note()
        if note_id is None or self.question_id is None:
            self.services.show_error("open a note to record its judgment")
            return False
        return self._execute(
            judge_command(self.lib, note_id, self.question_id, hypothesis, confidence)
        )

    def clear_judgment(self) -> bool:
        """Remove the open note's judgment."""
        note_id = self.current_note()
        if note_id is None:
            return False
        return self._execute(clear_judgment_command(self.lib, note_id))

    def note_changed(self, _note_id: object = None) -> None:
        """The editor opened another note: show its judgment."""
        self._show_judgment()

    def _show_judgment(self) -> None:
        self.panel.judgment_label.setText(self.judgment_text())

    def judgment_text(self) -> str:
        """Return what the open note's judgment is, in a line."""
        note_id = self.current_note()
        if note_id is None:
            return "No note open: open one to record which hypothesis its judgment favours."
        try:
            note = self.lib.notes.get(note_id)
        except BriefingError:
            return ""
        found = judgment(self.lib, note)
        if found is None:
            return f"Note “{note.title}” records no judgment."
        where = f"{found.question_key or '(deleted question)'} " + (
            found.hypothesis_key or "(deleted hypothesis)"
        )
        return f"Note “{note.title}” judges {where}, {found.confidence} confidence."

    def _fill_judgment_menu(self) -> None:
        menu = self.panel.judgment_menu
        menu.clear()
        note_id = self.current_note()
        matrix = self.model.matrix
        if note_id is None or matrix is None or not matrix.hypotheses:
            action = menu.addAction("Open a note and add hypotheses first")
            action.setEnabled(False)
            return
        held = judgment(self.lib, self.lib.notes.get(note_id))
        for h in matrix.hypotheses:
            sub = menu.addMenu(f"{h.key} {h.label}")
            for level in CONFIDENCES:
                action = sub.addAction(f"{level.capitalize()} confidence")
                action.setCheckable(True)
                action.setChecked(
                    held is not None
                    and held.question_id == self.question_id
                    and held.hypothesis_key == h.key
                    and held.confidence == level
                )
                action.triggered.connect(lambda _c=False, k=h.key, c=level: self.judge(k, c))
        menu.addSeparator()
        clear = menu.addAction("&Clear the judgment")
        clear.setEnabled(held is not None)
        clear.triggered.connect(lambda _c=False: self.clear_judgment())

    # Menus ---------------------------------------------------------------------------------------
    def _cell_menu(self, pos: QPoint) -> None:
        menu = self.cell_menu(self.view.indexAt(pos).row(), self.view.indexAt(pos).column())
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _row_header_menu(self, pos: QPoint) -> None:
        rows = self.view.verticalHeader()
        menu = self.cell_menu(rows.logicalIndexAt(pos), KEY)
        menu.exec(rows.viewport().mapToGlobal(pos))

    def cell_menu(self, row: int, column: int) -> QMenu:
        """Return the context menu of a cell: the row's switches and weights, the matrix's adds."""
        menu = QMenu(self.view)
        r = self.model.row_at(row)
        if r is not None:
            key = r.key
            switch = menu.addAction("Switch row &on" if r.switched_off else "Switch row &off")
            switch.setShortcut("Space")
            switch.triggered.connect(lambda _c=False: self.switch(key))
            deceptive = menu.addAction("Possibly &deceptive")
            deceptive.setCheckable(True)
            deceptive.setChecked(r.deceptive)
            deceptive.setShortcut("D")
            deceptive.triggered.connect(lambda _c=False: self.mark_deceptive(key))
            relevance = menu.addMenu("&Relevance")
            for level in LEVELS:
                action = relevance.addAction(level)
                action.setCheckable(True)
                action.setChecked(r.relevance == level)
                action.triggered.connect(lambda _c=False, v=level: self.weigh(key, relevance=v))
            credibility = menu.addMenu("&Credibility")
            for level in (*LEVELS, ""):
                text = level or f"suggested ({r.suggested_credibility})"
                action = credibility.addAction(text)
                action.setCheckable(True)
                action.setChecked((r.credibility_override or "") == level)
                action.triggered.connect(lambda _c=False, v=level: self.weigh(key, credibility=v))
            if r.claim_id is not None:
                claim_id = r.claim_id
                menu.addAction("Show in its &source").triggered.connect(
                    lambda _c=False: self.services.show_claim(claim_id)
                )
            menu.addAction(f"Re&move {key} from the matrix").triggered.connect(
                lambda _c=False: self.remove_row(key)
            )
            menu.addSeparator()
        h = self.model.hypothesis_at(column)
        if h is not None:
            self._hypothesis_actions(menu, h.key)
            menu.addSeparator()
        menu.addAction("Add &hypothesis…").triggered.connect(lambda _c=False: self.add_hypothesis())
        menu.addAction("Add a&bsence of evidence…").triggered.connect(
            lambda _c=False: self.add_absence()
        )
        menu.addAction("Add key a&ssumption…").triggered.connect(
            lambda _c=False: self.add_assumption()
        )
        return menu

    def _hypothesis_actions(self, menu: QMenu, key: str) -> None:
        menu.addAction(f"Re&name {key}…").triggered.connect(
            lambda _c=False: self.rename_hypothesis(key)
        )
        menu.addAction(f"Remove {key}").triggered.connect(
            lambda _c=False: self.remove_hypothesis(key)
        )

    def _header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        h = self.model.hypothesis_at(header.logicalIndexAt(pos))
        menu = QMenu(header)
        if h is not None:
            self._hypothesis_actions(menu, h.key)
            menu.addSeparator()
        menu.addAction("Add &hypothesis…").triggered.connect(lambda _c=False: self.add_hypothesis())
        menu.exec(header.mapToGlobal(pos))

    def _header_double_clicked(self, section: int) -> None:
        h = self.model.hypothesis_at(section)
        if h is not None:
            self.rename_hypothesis(h.key)

    def _assumption_menu(self, pos: QPoint) -> None:
        key = self.panel.assumptions.current_key()
        menu = QMenu(self.panel.assumptions.table)
        if key is not None:
            rate = menu.addMenu("&Rate")
            for value in ASSUMPTION_RATINGS:
                rate.addAction(ASSUMPTION_RATING_LABELS[value]).triggered.connect(
                    lambda _c=False, v=value: self.rate_assumption(key, v)
                )
            menu.addAction("&Edit…").triggered.connect(lambda _c=False: self.edit_assumption(key))
            menu.addAction("Remo&ve").triggered.connect(lambda _c=False: self.remove_row(key))
            menu.addSeparator()
        menu.addAction("&Add…").triggered.connect(lambda _c=False: self.add_assumption())
        menu.exec(self.panel.assumptions.table.viewport().mapToGlobal(pos))

    # Helpers ----------------------------------------------------------------------------------
    def _row(self, key: str) -> MatrixRow | None:
        matrix = self.model.matrix
        return matrix.row(key) if matrix else None

    def _hypothesis(self, key: str) -> Hypothesis | None:
        matrix = self.model.matrix
        return matrix.hypothesis(key) if matrix else None

    def _ask_text(
        self, title: str, label: str, what: str, text: str = "", limit: int = MAX_TEXT_CHARS
    ) -> str | None:
        """Ask for a line of text; one the library would refuse stays in the dialog, marked."""
        from briefing_app.gui.dialogs.text_dialog import TextDialog

        value = TextDialog.ask(
            self.services.dialog_parent(),
            title,
            label,
            text,
            lambda typed: _text_problem(typed, what, limit),
        )
        return value.strip() if value is not None else None


def _text_problem(text: str, what: str, limit: int) -> str | None:
    """Return why the matrix would refuse this text (empty, too long), or None."""
    try:
        check_text(text, what, limit)
    except BriefingError as exc:
        return str(exc)
    return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
