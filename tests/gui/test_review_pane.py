"""The review pane: a reviewer's Word comments and tracked changes, status, versions, files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextEdit
from pytestqt.qtbot import QtBot

from briefing_app.core.errors import NoteIsFinal
from briefing_app.core.library import Library
from briefing_app.core.models import Note, ReviewComment
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.dialogs import ReviewCopyOptions, ReviewFiles, TextPrompt
from briefing_app.gui.review.pane import WORDS_GONE
from tests.core.review import word_edits
from tests.gui.conftest import finished


def _summary(lib: Library, note: Note) -> str:
    section = lib.notes.get(note.id).section("summary")
    assert section is not None
    return section.body


def _open_section(window: MainWindow) -> tuple[Note, str, str]:
    """Return the note open in window's Note tab, its first section's key and body."""
    note = window.note_workspace.note
    assert note is not None
    return note, note.sections[0].key, note.sections[0].body


def _copies_go_to(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer the review-copy file dialogs with path (export, overwrite, then import)."""
    monkeypatch.setattr(
        ReviewFiles, "export_copy", classmethod(lambda cls, parent, name: ReviewCopyOptions(path))
    )
    monkeypatch.setattr(ReviewFiles, "confirm_force", classmethod(lambda cls, p, m: True))
    monkeypatch.setattr(ReviewFiles, "import_copy", classmethod(lambda cls, parent: path))


def _export_copy(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Export the open note's review copy to path through the window (dialogs answered)."""
    _copies_go_to(path, monkeypatch)
    assert window.review.export_review_copy() == path


def _message_boxes(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


@pytest.fixture
def note(demo_lib: Library) -> Note:
    return demo_lib.notes.all()[0]


@pytest.fixture
def reviewed(
    qtbot: QtBot,
    window: MainWindow,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """Export a review copy through File ▸ Export review copy, then 'review' it as Word would."""
    path = tmp_path / "review.docx"
    _copies_go_to(path, monkeypatch)
    assert window.review.review_pane.current_note_id == note.id
    assert window.review.export_review_copy() == path
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    word_edits.track_replace(path, "Three Chinese workers", "Three Chinese nationals")
    word_edits.track_replace(path, "armed ", "")
    result = finished(qtbot, window.review.import_review_copy()).result
    assert result is not None and (result.comments_added, result.edits_added) == (1, 2)
    return path


def _row(window: MainWindow, kind: str, words: str) -> int:
    return next(
        i for k, i, text in window.review.review_pane.items() if k == kind and words in text
    )


def _analysts_pack(tmp_path: Path, name: str) -> Path:
    """Return a review package of another analyst's demo note (new to the window's library)."""
    from briefing_app.core.bundled.demo import build_demo
    from briefing_app.core.review.packs import export_pack

    analyst = Library.open(tmp_path / "analyst.sqlite")
    build_demo(analyst)
    pack = export_pack(analyst, analyst.notes.all()[0].id, tmp_path / name)
    analyst.close()
    return pack


def _rate_c6_against_h3(reviewer: Library) -> None:
    reviewer.ach.rate(reviewer.questions.by_key("Q1").id, "H3", "C6", "I")


def _reviewed(lib: Library, note: Note, tmp_path: Path, change: Callable[[Library], None]) -> Path:
    """Return the package a supervisor sends back after receiving note and making change."""
    from briefing_app.core.review.packs import export_pack, import_pack

    reviewer = Library.open(tmp_path / "reviewer.sqlite")
    import_pack(reviewer, export_pack(lib, note.id, tmp_path / "out.briefpack"))
    change(reviewer)
    back = export_pack(reviewer, note.id, tmp_path / "back.briefpack")
    reviewer.close()
    return back


def test_the_pane_lists_an_imported_comment_and_suggested_edits_by_section(
    window: MainWindow, note: Note, reviewed: Path
) -> None:
    pane = window.review.review_pane
    assert window.review.review_dock.isVisible()
    top = pane.tree.topLevelItem(0)
    assert top is not None and top.text(0) == note.section("summary").heading  # type: ignore[union-attr]
    texts = [text for _k, _i, text in pane.items()]
    assert any("Supervisor: Is the drone confirmed?" in t for t in texts)
    assert any("“Three Chinese workers” → “Three Chinese nationals”" in t for t in texts)
    assert any("delete “armed”" in t for t in texts)
    # The edit's detail shows the old words struck through and the new ones inserted.
    pane.select("edit", _row(window, "edit", "nationals"))
    doc: QTextDocument = pane.detail.document()
    old = doc.find("workers")
    new = doc.find("nationals")
    assert old.charFormat().fontStrikeOut() and not new.charFormat().fontStrikeOut()
    assert new.charFormat().fontUnderline()


def test_accepting_an_edit_changes_the_note_and_rejecting_leaves_it(
    window: MainWindow, demo_lib: Library, note: Note, reviewed: Path
) -> None:
    pane = window.review.review_pane
    pane.select("edit", _row(window, "edit", "nationals"))
    pane.accept_button.click()
    assert _summary(demo_lib, note).startswith("Three Chinese nationals were killed")
    before = _summary(demo_lib, note)
    pane.select("edit", _row(window, "edit", "armed"))
    pane.reject_button.click()
    assert _summary(demo_lib, note) == before and "armed attackers" in before
    # Both are done: the "Open" filter lists neither, "Resolved" lists both.
    assert [k for k, _i, _t in pane.items()] == ["comment"]
    pane.filter_combo.setCurrentText("Resolved")
    assert sorted(t.split(": ", 1)[1] for k, _i, t in pane.items()) == [
        "delete “armed” (rejected)",
        "“Three Chinese workers” → “Three Chinese nationals” (accepted)",
    ]


def test_an_edit_whose_words_are_gone_is_refused_in_one_line(
    window: MainWindow, demo_lib: Library, note: Note, reviewed: Path
) -> None:
    body = _summary(demo_lib, note).replace("Three Chinese workers", "Several people")
    demo_lib.notes.set_section(note.id, "summary", body)
    window.review.review_pane.select("edit", _row(window, "edit", "nationals"))
    window.review.review_pane.accept_button.click()
    message = window.statusBar().currentMessage()
    assert "apply it by hand" in message and "\n" not in message
    assert _summary(demo_lib, note) == body


def test_reply_resolve_and_jump_to_the_commented_words(
    qtbot: QtBot,
    window: MainWindow,
    note: Note,
    reviewed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = window.review.review_pane
    comment_id = _row(window, "comment", "drone")
    pane.select("comment", comment_id)
    monkeypatch.setattr(TextPrompt, "ask", classmethod(lambda cls, *a, **k: "Yes, per C5."))
    pane.reply_button.click()
    assert any(t == "↳ You: Yes, per C5." for _k, _i, t in pane.items())
    with qtbot.waitSignal(pane.jump_to) as jumped:
        pane.select("comment", comment_id)
        pane.jump_button.click()
    assert jumped.args is not None
    note_id, key, start, end = jumped.args
    body = note.section("summary").body  # type: ignore[union-attr]
    assert (note_id, key, body[start:end]) == (note.id, "summary", "a drone against")
    assert "a drone against" in pane.detail.toPlainText()
    pane.select("comment", comment_id)
    pane.resolve_button.click()
    assert not [k for k, _i, _t in pane.items() if k == "comment"]
    pane.filter_combo.setCurrentText("Resolved")
    assert any("✓ ✉ Supervisor" in t for _k, _i, t in pane.items())


def test_final_makes_the_note_read_only_until_reopened(
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    reviewed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = window.review.review_pane
    monkeypatch.setattr(TextPrompt, "ask", classmethod(lambda cls, *a, **k: "Signed off"))
    pane.status_buttons["final"].click()
    assert demo_lib.notes.get(note.id).status == "final"
    assert pane.is_read_only and not pane.read_only_banner.isHidden()
    assert "final" in pane.status_label.text()
    pane.select("edit", _row(window, "edit", "nationals"))
    assert not pane.accept_button.isEnabled()
    with pytest.raises(NoteIsFinal):
        demo_lib.notes.set_section(note.id, "summary", "changed")
    assert not pane.status_buttons["draft"].isHidden()
    pane.status_buttons["draft"].click()
    assert demo_lib.notes.get(note.id).status == "draft"
    assert not pane.is_read_only and pane.read_only_banner.isHidden()
    pane.select("edit", _row(window, "edit", "nationals"))
    assert pane.accept_button.isEnabled()


def test_versions_dialog_shows_the_words_changed_between_two_versions(
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    reviewed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = window.review.review_pane
    monkeypatch.setattr(TextPrompt, "ask", classmethod(lambda cls, *a, **k: "Round 1"))
    pane.status_buttons["in review"].click()  # version 1: the draft as exported
    pane.select("edit", _row(window, "edit", "nationals"))
    pane.accept_button.click()
    pane.status_buttons["final"].click()  # version 2: after the edit
    pane.versions_button.click()
    dialog = window.review.versions_dialog
    assert dialog is not None and dialog.list.count() == 2
    dialog.compare(1, 2)
    doc = dialog.view.document()
    gone, added = doc.find("workers"), doc.find("nationals")
    assert not gone.isNull() and gone.charFormat().fontStrikeOut()
    assert not added.isNull() and not added.charFormat().fontStrikeOut()
    assert "Issue — unchanged" in dialog.view.toPlainText()
    dialog.close()


def test_review_package_round_trip_through_the_file_menu(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pack = tmp_path / "note.briefpack"
    monkeypatch.setattr(ReviewFiles, "export_pack", classmethod(lambda cls, p, name: pack))
    assert window.review.export_review_pack() == pack and pack.exists()
    # Which note went out, not only where: the pane may show another than the one meant.
    assert window.statusBar().currentMessage() == (
        f"Review package of “{note.title}” written to {pack}"
    )
    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: pack))
    result = finished(qtbot, window.review.import_review_pack()).result
    assert result is not None and result.note_id == note.id
    # A damaged package is refused in one line and changes nothing.
    pack.write_bytes(pack.read_bytes()[:200])
    before = demo_lib.notes.get(note.id)
    refused = finished(qtbot, window.review.import_review_pack())
    assert refused.result is None and refused.error is not None
    message = window.statusBar().currentMessage()
    assert message.startswith("⚠") and "\n" not in message
    assert demo_lib.notes.get(note.id) == before and len(demo_lib.notes.all()) == 1


def test_a_comment_written_in_the_app_is_listed_under_its_section(
    window: MainWindow, demo_lib: Library, note: Note, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.review.dialogs import CommentDialog

    pane = window.review.review_pane
    assert pane.items() == []
    monkeypatch.setattr(
        CommentDialog,
        "ask",
        classmethod(lambda cls, p, sections, key, quote="": ("issue", "Source?")),
    )
    pane.comment_button.click()
    assert [c.section_key for c in demo_lib.comments.all(note.id)] == ["issue"]
    heading = note.section("issue").heading  # type: ignore[union-attr]
    assert pane.tree.topLevelItem(0).text(0) == heading  # type: ignore[union-attr]
    assert [t for _k, _i, t in pane.items()] == ["✉ Reviewer: Source?"]


def test_go_to_in_the_review_pane_selects_the_words_in_the_note_editor(
    window: MainWindow, note: Note
) -> None:
    window.note_workspace.open_note_tab(note.id)
    assert window.review.review_pane.current_note_id == note.id  # the pane follows the editor
    body = note.section("issue").body  # type: ignore[union-attr]
    start = body.index("security")
    window.note_workspace.go_to_place(note.id, "issue", start, start + len("security"))
    editor = window.note_workspace.editor.editor("issue")
    assert editor is not None
    assert editor.textCursor().selectedText() == "security"


def test_unsaved_typing_is_saved_before_the_pane_changes_the_note(
    window: MainWindow, note: Note
) -> None:
    window.note_workspace.open_note_tab(note.id)
    editor = window.note_workspace.editor.editor("issue")
    assert editor is not None
    editor.setPlainText("Typed but not yet autosaved.")
    window.review.review_pane.set_current_note(note.id)
    window.review.review_pane.set_status("in review", "Round 1")
    (version,) = window.lib.versions.all(note.id)
    issue = next(s for s in version.sections if s["key"] == "issue")
    assert issue["body"] == "Typed but not yet autosaved."


def test_go_to_a_comment_finds_its_words_after_the_section_was_edited(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library
) -> None:
    ws, pane = complete.note_workspace, complete.review.review_pane
    note, key, body = _open_section(complete)
    at = body.index("drone")
    comment = demo_lib.comments.add(
        note.id, key, "Source?", author="Reviewer", anchor_text="drone", start=at, end=at + 5
    )
    demo_lib.notes.set_section(note.id, key, "Update: " + body)
    complete.review.review_dock.show()
    assert pane.select("comment", comment.id)
    qtbot.mouseClick(pane.jump_button, Qt.MouseButton.LeftButton)
    editor = ws.editor.editor(key)
    assert editor is not None
    assert editor.textCursor().selectedText() == "drone"


def _highlighted(pane_detail: QTextEdit) -> str:
    """Return the words the review pane's detail shows highlighted (a jump's target)."""
    marked = []
    block = pane_detail.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == "#ffe066":
                marked.append(fragment.text())
            it += 1
        block = block.next()
    return "".join(marked)


def _reviewer_asks_about(
    lib: Library, note_id: int, key: str, words: str, at: int
) -> ReviewComment:
    """Add the reviewer's "Confirmed?" comment on words at offset at of a section."""
    return lib.comments.add(
        note_id, key, "Confirmed?", author="Reviewer", anchor_text=words, start=at,
        end=at + len(words),
    )  # fmt: skip


def test_typing_in_and_before_commented_words_keeps_the_highlight_on_them(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library
) -> None:
    ws, pane = complete.note_workspace, complete.review.review_pane
    note, key, body = _open_section(complete)
    words = "a drone against"
    at = body.index(words)
    comment = _reviewer_asks_about(demo_lib, note.id, key, words, at)
    editor = ws.editor.editor(key)
    assert editor is not None
    editor.setFocus()
    for position, typed in ((at + len("a "), "small "), (0, "Update: ")):
        cursor = editor.textCursor()
        cursor.setPosition(position)
        editor.setTextCursor(cursor)
        with qtbot.waitSignal(ws.editor.saved):  # the autosave, through notes.set_section
            qtbot.keyClicks(editor, typed)
    assert _summary(demo_lib, note).startswith("Update: Three Chinese workers")
    complete.review.review_dock.show()
    assert pane.select("comment", comment.id)
    qtbot.mouseClick(pane.jump_button, Qt.MouseButton.LeftButton)
    assert _highlighted(pane.detail) == "a small drone against"
    assert editor.textCursor().selectedText() == "a small drone against"


def test_a_comment_whose_words_were_deleted_says_so_and_stands_on_its_section(
    complete: MainWindow, qtbot: QtBot, demo_lib: Library
) -> None:
    ws, pane = complete.note_workspace, complete.review.review_pane
    note, key, body = _open_section(complete)
    words = "a drone against"
    at = body.index(words)
    comment = _reviewer_asks_about(demo_lib, note.id, key, words, at)
    editor = ws.editor.editor(key)
    assert editor is not None
    cursor = editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + len(words + " "), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(ws.editor.saved):
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    complete.review.review_dock.show()
    row = next(t for _k, i, t in pane.items() if i == comment.id)
    assert row.endswith(WORDS_GONE)
    assert pane.select("comment", comment.id)
    qtbot.mouseClick(pane.jump_button, Qt.MouseButton.LeftButton)
    assert _highlighted(pane.detail) == ""  # the section as a whole, nothing marked
    complete.undo_stack.undo()  # the typing step: the words and the comment's place come back
    assert not any(t.endswith(WORDS_GONE) for _k, _i, t in pane.items())
    assert pane.select("comment", comment.id)
    qtbot.mouseClick(pane.jump_button, Qt.MouseButton.LeftButton)
    assert _highlighted(pane.detail) == words


def test_every_review_action_can_be_undone_and_redone(
    complete: MainWindow, demo_lib: Library
) -> None:
    pane = complete.review.review_pane
    note, key, before = _open_section(complete)
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers", author="R")
    undo, redo = complete.undo_action, complete.redo_action

    assert pane.accept_edit(edit.id)
    assert demo_lib.notes.get(note.id).sections[0].body != before
    undo.trigger()
    assert demo_lib.notes.get(note.id).sections[0].body == before
    assert demo_lib.edits.get(edit.id).status == "pending"
    redo.trigger()
    assert demo_lib.edits.get(edit.id).status == "accepted"
    undo.trigger()

    assert pane.reject_edit(edit.id)
    undo.trigger()
    assert demo_lib.edits.get(edit.id).status == "pending"

    assert pane.add_comment(key, "Source for this?")
    comment = demo_lib.comments.all(note.id)[-1]
    assert pane.reply(comment.id, "Added C2.")
    assert pane.set_resolved(comment.id)
    undo.trigger()
    assert not demo_lib.comments.get(comment.id).resolved
    undo.trigger()
    undo.trigger()
    assert demo_lib.comments.all(note.id) == []
    redo.trigger()
    redo.trigger()
    bodies = [c.body for c in demo_lib.comments.all(note.id)]
    assert bodies == ["Source for this?", "Added C2."]
    thread = demo_lib.comments.all(note.id)
    assert thread[1].parent_id == thread[0].id

    assert pane.set_status("in review", "Round 1")
    undo.trigger()
    assert demo_lib.notes.get(note.id).status == note.status


def test_undoing_an_accepted_edit_will_not_overwrite_typing_done_since(
    complete: MainWindow, demo_lib: Library
) -> None:
    note, key, _ = _open_section(complete)
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers", author="R")
    assert complete.review.review_pane.accept_edit(edit.id)
    typed = "Typed later. " + demo_lib.notes.get(note.id).sections[0].body
    demo_lib.notes.set_section(note.id, key, typed)
    complete.undo_action.trigger()
    assert demo_lib.notes.get(note.id).sections[0].body == typed
    assert "by hand" in complete.statusBar().currentMessage()


def test_the_review_dock_leaves_the_columns_readable_and_is_remembered(
    qtbot: QtBot, demo_lib: Library
) -> None:
    window = MainWindow(demo_lib)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    count = window.claims_panel.count_label
    assert count.text() and count.width() >= count.sizeHint().width()  # "10 claims", whole
    window.review.show_pane()  # as a review copy or package read in shows it
    qtbot.waitUntil(lambda: window.review.review_dock.width() > 0)
    columns = (window.docks.docks["sources"], window.workspace_tabs, window.review.review_dock)
    qtbot.waitUntil(lambda: min(column.width() for column in columns) >= 200)
    assert window.review.review_dock.width() <= 420
    window.close()

    again = MainWindow(demo_lib)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.is_complete)
    assert again.review.review_dock.isVisible()
    again.close()


def test_a_package_s_conflicts_are_listed_in_the_window_not_only_counted(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A supervisor rates a cell of the note's matrix otherwise, in their own library, and the
    # analyst rates it again meanwhile: a change on both sides.
    back = _reviewed(demo_lib, note, tmp_path, _rate_c6_against_h3)
    # ... and the analyst rates it otherwise too, before the package is back: a conflict.
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H3", "C6", "II")

    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: back))
    result = finished(qtbot, window.review.import_review_pack()).result
    assert result is not None and len(result.conflicts) == 1

    qtbot.waitUntil(lambda: _message_boxes(window) != [])
    (box,) = _message_boxes(window)
    assert "Q1 C6 against H3: rated II here, I in the package" in box.informativeText()
    assert "conflict" in window.statusBar().currentMessage()


def test_a_rating_only_the_supervisor_changed_is_taken_and_undone_with_edit_undo(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    back = _reviewed(demo_lib, note, tmp_path, _rate_c6_against_h3)
    q1 = demo_lib.questions.by_key("Q1").id

    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: back))
    result = finished(qtbot, window.review.import_review_pack()).result
    assert result is not None and result.conflicts == []
    assert demo_lib.ach.matrix(q1).row("C6").ratings["H3"] == "I"  # type: ignore[union-attr]
    assert "updated 1 rating" in window.statusBar().currentMessage()
    assert not _message_boxes(window)
    stack = window.undo_stack
    # The whole import is the step; its undo puts back the rating it took, with all else.
    assert stack.undoText() == "Import review package back.briefpack"
    stack.undo()
    assert demo_lib.ach.matrix(q1).row("C6").ratings["H3"] == "C"  # type: ignore[union-attr]
    stack.redo()
    assert demo_lib.ach.matrix(q1).row("C6").ratings["H3"] == "I"  # type: ignore[union-attr]


def test_a_comment_on_words_selected_in_the_note_is_anchored_to_them(
    window: MainWindow, demo_lib: Library, note: Note, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.review.dialogs import CommentDialog

    window.note_workspace.open_note_tab(note.id)
    body = note.section("summary").body  # type: ignore[union-attr]
    words = "Three Chinese workers"
    start = body.index(words)
    # Dragged across the words and the space after them, as a mouse does.
    window.note_workspace.go_to_place(note.id, "summary", start, start + len(words) + 1)
    asked: list[tuple[str, str]] = []

    def ask(cls: object, parent: object, sections: object, key: str, quote: str = "") -> object:
        asked.append((key, quote))
        return (key, "Which outlet gives the death toll?")

    monkeypatch.setattr(CommentDialog, "ask", classmethod(ask))
    window.review.review_pane.comment_button.click()

    assert asked == [("summary", words)]  # the dialog says which words the comment is on
    (comment,) = demo_lib.comments.all(note.id)
    assert (comment.section_key, comment.start, comment.end) == (
        "summary",
        start,
        start + len(words),
    )
    assert comment.anchor_text == words
    # Undo takes the comment away, as any review action.
    window.undo_stack.undo()
    assert demo_lib.comments.all(note.id) == []


def test_an_imported_package_opens_its_note_in_the_editor(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    # The supervisor's side: an empty library receiving the analyst's package.
    pack = _analysts_pack(tmp_path, "in.briefpack")
    window.note_workspace.show_note(None)

    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: pack))
    result = finished(qtbot, window.review.import_review_pack()).result

    assert result is not None
    shown = window.note_workspace.note
    assert shown is not None and shown.id == result.note_id
    assert window.work_area.note_in_front()


def test_a_supervisor_suggests_an_edit_on_words_selected_and_undo_takes_it_back(
    window: MainWindow, demo_lib: Library, note: Note, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.gui.review.dialogs import SuggestEditDialog

    pane = window.review.review_pane
    # Nothing selected: the pane says how, and nothing is stored.
    window.note_workspace.open_note_tab(note.id)
    pane.suggest_button.click()
    assert "Select the words" in window.statusBar().currentMessage()
    assert demo_lib.edits.all(note.id) == []

    body = note.section("issue").body  # type: ignore[union-attr]
    start = body.index("security")
    window.note_workspace.go_to_place(note.id, "issue", start, start + len("security"))
    offered: list[str] = []

    def ask(cls: object, parent: object, old: str) -> str:
        offered.append(old)
        return "safety"

    monkeypatch.setattr(SuggestEditDialog, "ask", classmethod(ask))
    pane.suggest_button.click()

    assert offered == ["security"]
    (edit,) = demo_lib.edits.all(note.id)
    assert (edit.old_text, edit.new_text, edit.status) == ("security", "safety", "pending")
    assert body == note.section("issue").body  # type: ignore[union-attr]  # proposed only
    assert any("safety" in t for _k, _i, t in pane.items())
    window.undo_stack.undo()
    assert demo_lib.edits.all(note.id) == []
    window.undo_stack.redo()
    assert [e.new_text for e in demo_lib.edits.all(note.id)] == ["safety"]


def test_a_decided_edit_leaving_the_list_takes_its_detail_with_it(
    window: MainWindow, demo_lib: Library, note: Note, reviewed: Path
) -> None:
    pane = window.review.review_pane
    pane.select("edit", _row(window, "edit", "nationals"))
    assert "pending" in pane.detail.toPlainText()
    pane.accept_button.click()
    # No longer listed under "Open": the detail no longer says it waits for a decision.
    assert "pending" not in pane.detail.toPlainText()


def test_review_files_are_suggested_by_the_note_s_title_where_the_last_one_was(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[str] = []

    def ask(cls: object, parent: object, name: str) -> None:
        offered.append(name)
        return None

    monkeypatch.setattr(ReviewFiles, "export_pack", classmethod(ask))
    window.review.export_review_pack()
    assert demo_lib.path is not None
    # Not a bare name, which a file chooser puts in whatever folder Briefing was started in.
    assert offered[-1] == str(
        demo_lib.path.parent / "attack-on-chinese-workers-in-khatlon-province.briefpack"
    )
    # A package received from a folder: the next one is offered there, ready to send back.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    from briefing_app.core.review.packs import export_pack

    pack = export_pack(demo_lib, note.id, inbox / "from-analyst.briefpack")
    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: pack))
    finished(qtbot, window.review.import_review_pack())
    window.review.export_review_pack()
    assert Path(offered[-1]).parent == inbox


def test_a_source_grade_only_the_supervisor_changed_is_taken_and_undone_with_edit_undo(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    source = demo_lib.sources.all()[0]

    def regrade_and_rate(reviewer: Library) -> None:
        there = reviewer.sources.by_uid(source.uid)
        assert there is not None
        reviewer.sources.edit(there.id, reliability="C")
        _rate_c6_against_h3(reviewer)

    back = _reviewed(demo_lib, note, tmp_path, regrade_and_rate)
    original = demo_lib.sources.get(source.id).reliability

    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: back))
    result = finished(qtbot, window.review.import_review_pack()).result
    assert result is not None and result.conflicts == []
    assert demo_lib.sources.get(source.id).reliability == "C"
    stack = window.undo_stack
    assert stack.undoText() == "Import review package back.briefpack"
    stack.undo()
    assert demo_lib.sources.get(source.id).reliability == original
    stack.redo()
    assert demo_lib.sources.get(source.id).reliability == "C"


@pytest.mark.parametrize("how", ["chosen", "dropped"])
def test_a_review_package_brought_through_file_import_or_a_drop_is_merged(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """The supervisor's first move with a package received: File ▸ Import…, or a drop on the
    window. It is merged as File ▸ Import review package… does, not refused as 'unsupported'."""
    from briefing_app.gui.dialogs import file_dialogs

    pack = _analysts_pack(tmp_path, "from-analyst.briefpack")
    window.complete_window()
    if how == "chosen":
        offered: list[str] = []

        def choose(parent: object, caption: str, directory: str, name_filter: str) -> list[str]:
            offered.append(name_filter)
            return [str(pack)]

        monkeypatch.setattr(file_dialogs, "open_file_names", choose)
        window.imports.choose_import()
        assert "*.briefpack" in offered[0]
    else:
        window.imports.import_any([pack])

    qtbot.waitUntil(lambda: len(demo_lib.notes.all()) == 2)
    (received,) = [n for n in demo_lib.notes.all() if n.title.startswith("Attack") and n.id != 1]

    def opened() -> bool:
        note = window.note_workspace.note
        return note is not None and note.id == received.id

    qtbot.waitUntil(opened)  # and it opens to be read
    assert window.statusBar().currentMessage().startswith(f"Imported into note {received.id}")


def test_undo_takes_a_whole_review_package_import_back_and_redo_brings_it_again(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The wrong package imported: Edit ▸ Undo puts the library back exactly as it was."""
    from tests.core.records.library_dump import dump

    # Another analyst's note on the same events: a note, claims and a matrix new here.
    pack = _analysts_pack(tmp_path, "note-x.briefpack")
    before = dump(demo_lib)
    claims = window.claims_panel.model
    listed = claims.rowCount()

    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: pack))
    result = finished(qtbot, window.review.import_review_pack()).result
    assert result is not None and result.added["claims"] > 0
    after = dump(demo_lib)
    qtbot.waitUntil(lambda: claims.rowCount() == listed + result.added["claims"])
    stack = window.undo_stack
    assert stack.undoText() == "Import review package note-x.briefpack"

    stack.undo()
    assert dump(demo_lib) == before
    # The views refresh from what the undo says it changed: the claims it added are gone.
    qtbot.waitUntil(lambda: claims.rowCount() == listed)
    stack.redo()
    assert dump(demo_lib) == after
    qtbot.waitUntil(lambda: claims.rowCount() == listed + result.added["claims"])
    shown = window.note_workspace.note
    assert shown is not None and shown.id == result.note_id  # the note is back in front
    stack.undo()
    assert dump(demo_lib) == before


def test_undo_of_a_package_import_built_on_since_is_refused_in_the_status_bar(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.core.records.library_dump import dump

    pack = _analysts_pack(tmp_path, "note-x.briefpack")
    monkeypatch.setattr(ReviewFiles, "import_pack", classmethod(lambda cls, p: pack))
    result = finished(qtbot, window.review.import_review_pack()).result
    assert result is not None
    # A claim the package added, edited since (here, or in another window).
    added = max(demo_lib.claims.all(), key=lambda c: c.id)
    demo_lib.claims.update(added.id, statement="Read otherwise since")
    held = dump(demo_lib)

    window.undo_stack.undo()
    message = window.statusBar().currentMessage()
    assert message == (
        f"⚠ Cannot undo the import of note-x.briefpack: claim {added.key} changed after the import"
    )
    assert dump(demo_lib) == held


def test_undo_takes_a_review_copy_import_back_and_redo_brings_it_again(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The wrong copy imported (or the right one too soon): Ctrl+Z puts the library back."""
    from tests.core.records.library_dump import dump

    path = tmp_path / "weekly-review.docx"
    _export_copy(window, path, monkeypatch)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    word_edits.track_replace(path, "armed ", "")
    before = dump(demo_lib)
    pane = window.review.review_pane

    result = finished(qtbot, window.review.import_review_copy()).result
    assert result is not None and (result.comments_added, result.edits_added) == (1, 1)
    after = dump(demo_lib)
    qtbot.waitUntil(lambda: len(pane.items()) == 2)
    stack = window.undo_stack
    assert stack.undoText() == "Import review copy weekly-review.docx"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(demo_lib) == before
    # The pane refreshes from what the undo says it changed: the comment and edit are gone.
    qtbot.waitUntil(lambda: pane.items() == [])
    stack.redo()
    assert dump(demo_lib) == after
    qtbot.waitUntil(lambda: len(pane.items()) == 2)
    assert any("Is the drone confirmed?" in text for _, _, text in pane.items())
    stack.undo()
    assert dump(demo_lib) == before
    qtbot.waitUntil(lambda: pane.items() == [])


def test_undo_of_a_review_copy_import_acted_on_since_is_refused_in_the_status_bar(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.core.records.library_dump import dump

    path = tmp_path / "weekly-review.docx"
    _export_copy(window, path, monkeypatch)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    assert finished(qtbot, window.review.import_review_copy()).result is not None
    (comment,) = demo_lib.comments.all(note.id)
    demo_lib.comments.resolve(comment.id)  # the analyst answered it since
    held = dump(demo_lib)

    window.undo_stack.undo()
    message = window.statusBar().currentMessage()
    assert message == (
        "⚠ Cannot undo the import of weekly-review.docx: review comment "
        f"'Is the drone confirmed?' of note {note.title!r} changed after the import"
    )
    assert dump(demo_lib) == held


def test_a_review_copy_imported_again_puts_no_step_to_undo(
    qtbot: QtBot, window: MainWindow, reviewed: Path
) -> None:
    stack = window.undo_stack
    steps = stack.count()
    again = finished(qtbot, window.review.import_review_copy()).result
    assert again is not None and again.already_imported == 3
    assert stack.count() == steps


def test_words_a_reviewer_typed_with_track_changes_off_are_listed_in_the_window(
    qtbot: QtBot,
    window: MainWindow,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Walk: "0 comment(s) and 0 suggested edit(s) added" and nothing else, for a copy whose
    # reviewer had typed over the note's words with Track Changes off.
    path = tmp_path / "review.docx"
    _export_copy(window, path, monkeypatch)
    word_edits.edit_text(path, "Beijing has pressed", "Beijing has publicly pressed")
    result = finished(qtbot, window.review.import_review_copy()).result
    assert result is not None and (result.comments_added, result.edits_added) == (0, 0)

    qtbot.waitUntil(lambda: _message_boxes(window) != [])
    (box,) = _message_boxes(window)
    assert box.informativeText().startswith("• Summary: the copy differs from the note")
    assert "'publicly' added after" in box.informativeText()
    assert "Track Changes off" in box.informativeText()


def test_a_copy_of_a_note_the_export_refuses_is_imported_and_the_window_says_so(
    qtbot: QtBot,
    window: MainWindow,
    demo_lib: Library,
    note: Note,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Walk: the note came to cite a claim that is not there after the copy was made; the
    # window said "⚠ … cites C999" though the reviewer's comment had been stored.
    path = tmp_path / "review.docx"
    _export_copy(window, path, monkeypatch)
    word_edits.comment(path, "a drone against", "Is the drone confirmed?")
    issue = note.section("issue")
    assert issue is not None
    demo_lib.notes.set_section(note.id, "issue", issue.body + " See [@C999].")
    task = finished(qtbot, window.review.import_review_copy())
    assert task.result is not None and task.result.comments_added == 1

    qtbot.waitUntil(lambda: _message_boxes(window) != [])
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(f"Note {note.id}: 1 comment(s) and 0 suggested edit(s) added")
    )
    (box,) = _message_boxes(window)
    assert box.informativeText() == (
        "• could not compare the copy with the note: note 1 section 'issue' cites C999, "
        "which is not in the library"
    )
    assert any(
        "Is the drone confirmed?" in text for _, _, text in window.review.review_pane.items()
    )
