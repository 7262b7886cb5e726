"""What a new analyst's first hour at 1366×768 tripped on: cut guidance, "1 sentences", "(s)"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from briefing_app.core.checks import CheckReport, Finding
from briefing_app.core.library import Library
from briefing_app.core.templates import Limits
from briefing_app.gui.dialogs.export_dialog import ExportDialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.widgets.note_editor import SectionEditor, counts_html
from tests.gui.test_notes import editor, new_note, saved_body, type_into

GUIDANCE = (
    "The whole note in three or four sentences — what happened, why it matters, what you recommend."
)


def inked_rows(image: QImage, background: QColor) -> list[int]:
    """Return the rows of the image holding any pixel that is not the background."""
    rows = []
    for y in range(image.height()):
        # Skip the two-pixel frame at each side.
        if any(image.pixelColor(x, y) != background for x in range(3, image.width() - 3)):
            rows.append(y)
    return rows


def test_a_sections_long_guidance_is_shown_whole_wrapped_not_cut_after_one_line(
    qtbot: QtBot,
) -> None:
    editor = SectionEditor("summary", GUIDANCE)
    qtbot.addWidget(editor)
    editor.resize(300, 60)  # a narrow Write layout: the guidance needs three lines
    editor.show()
    qtbot.waitExposed(editor)
    viewport = editor.viewport()
    background = viewport.palette().color(viewport.backgroundRole())
    rows = inked_rows(viewport.grab().toImage(), background)
    line = editor.fontMetrics().lineSpacing()
    assert rows, "the guidance is shown"
    # Qt alone draws the first line only; the whole sentence takes three lines at this width.
    assert rows[-1] - rows[0] > 2 * line
    assert rows[-1] < viewport.height() - 2, "the box is tall enough for all of it"
    assert editor.placeholderText() == GUIDANCE

    editor.set_body("Gunmen killed three workers.")
    assert editor.height() < 3 * line + 30, "typing replaces the guidance and its height"


def test_section_counts_say_1_sentence_and_1_line_without_a_limit() -> None:
    counts = counts_html("Gunmen killed three workers.", Limits())
    assert counts == "4 words · 1 sentence · 1 line"
    assert counts_html("One. Two.", Limits(max_sentences=2)).startswith("2 words · 2/2 sentences")
    assert "1/2 sentences" in counts_html("One.", Limits(max_sentences=2))


def test_the_export_dialog_counts_its_warnings_in_words(qtbot: QtBot, demo_lib: Library) -> None:
    warning = Finding("sources.single", "warning", "summary", 0, 5, "One source only", "Add one")
    dialog = ExportDialog("My note", "footnotes", CheckReport([warning]))
    qtbot.addWidget(dialog)
    assert dialog.verdict.text() == "The checks found 1 warning."
    error = Finding("citations.missing", "error", "issue", 0, 5, "Cites a retracted claim", "Drop")
    both = ExportDialog("My note", "footnotes", CheckReport([error, warning, warning]))
    qtbot.addWidget(both)
    assert "found 1 error</b> and 2 warnings." in both.verdict.text()


def test_right_click_undo_in_a_section_is_the_windows_undo_and_takes_back_the_typing(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = new_note(window, monkeypatch)
    summary = editor(window, "summary")
    type_into(qtbot, summary, "Gunmen killed three workers.")
    menu = summary.context_menu_at(summary.cursorRect().center())
    undo = next(a for a in menu.actions() if a.text().startswith("&Undo"))
    # Qt's own entry was greyed out (the editor keeps no history): this one names the step.
    assert undo is window.undo_action
    assert undo.isEnabled()
    assert undo.text() == "&Undo Typing in Summary"
    assert not any(a.objectName() == "edit-undo" for a in menu.actions())
    undo.trigger()
    assert summary.body() == ""
    qtbot.waitUntil(lambda: saved_body(demo_lib, note_id, "summary") == "")
    redo = next(a for a in menu.actions() if a.text().startswith("&Redo"))
    assert redo is window.redo_action


def test_go_to_note_is_listed_with_the_other_go_to_entries_of_the_view_menu(
    complete: MainWindow,
) -> None:
    names = [a.text().replace("&", "") for a in complete.view_menu.actions()]
    go_to = [n for n in names if n.startswith("Go to")]
    first = names.index(go_to[0])
    assert names[first : first + len(go_to)] == go_to  # no other entry between them
    assert go_to[-1] == "Go to Note"
    assert names[first + len(go_to)] == "Next panel"


def test_a_new_librarys_empty_reader_says_how_to_import_the_first_source(
    qtbot: QtBot, lib: Library
) -> None:
    window = MainWindow(lib)  # a new, empty library
    qtbot.addWidget(window)
    window.show()
    title = window.sources.reader_title
    assert "No source open" in title.text()
    assert "Import articles with File ▸ Import (Ctrl+O)" in title.text()
    assert title.isVisible()


def test_a_new_library_opens_on_the_reader_with_the_titles_in_sight(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    # Walk: File ▸ New library with the demo note in front showed "No note open" and a
    # Sources list still scrolled sideways from the demo (Date, Grade, Claims; no titles).
    window.resize(1366, 768)
    window.show()
    window.note_workspace.open_note_tab(demo_lib.notes.all()[0].id)
    bar = window.library_panel.view.horizontalScrollBar()
    # The title stretches to the list's width now: a column dragged wide makes the scroll.
    window.library_panel.view.horizontalHeader().resizeSection(2, 2000)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert window.work_area.note_in_front() and bar.value() > 0

    window.switch_library(tmp_path / "mine.sqlite")

    assert not window.work_area.note_in_front()
    assert window.sources.reader_title.isVisible()
    assert "Import articles with File ▸ Import" in window.sources.reader_title.text()
    assert bar.value() == 0


def test_an_empty_inspector_shows_no_kind_credibility_or_status_of_the_last_claim(
    qtbot: QtBot, window: MainWindow, demo_lib: Library, tmp_path: Path
) -> None:
    denial = next(c for c in demo_lib.claims.all() if c.kind == "denial")
    window.sources.show_claim(denial.id)
    inspector = window.inspector
    assert inspector.kind.currentText() == "denial"
    window.switch_library(tmp_path / "mine.sqlite")  # File ▸ New library
    assert inspector.claim is None
    shown = [c.currentText() for c in (inspector.kind, inspector.credibility, inspector.status)]
    assert shown == ["", "", ""]
    window.sources.clear_selection()
    assert inspector.kind.currentText() == ""


def test_the_first_hour_walk_renders_its_guide_pictures_at_1366_by_768(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    from briefing_app.gui.walk_screenshots import render_walk

    # The whole walk through the real window: new library, import, tag, write, export, review.
    written = render_walk(tmp_path)
    assert [p.name for p in written] == [
        "walk-1-first-start.png", "walk-2-new-library.png", "walk-3-import.png",
        "walk-4-tag.png", "walk-5-new-note.png", "walk-6-write.png", "walk-7-export.png",
        "walk-8-review.png",
    ]  # fmt: skip
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), path.name


def test_the_inspector_shows_a_tag_with_its_kind_as_typed_and_keeps_it_on_editing(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    claim = demo_lib.claims.all()[0]
    window.sources.show_claim(claim.id)
    inspector = window.inspector
    inspector.tags.setText("place:Khatlon")
    inspector.tags.editingFinished.emit()
    assert demo_lib.claims.get(claim.id).tag_refs == ["place:Khatlon"]
    assert inspector.tags.text() == "place:Khatlon"  # not the bare "Khatlon"
    steps = window.undo_stack.count()
    inspector.tags.editingFinished.emit()  # leaving the field unchanged is no step
    assert window.undo_stack.count() == steps
    inspector.tags.setText(inspector.tags.text() + ", actor:China")
    inspector.tags.editingFinished.emit()
    assert sorted(demo_lib.claims.get(claim.id).tag_refs) == ["actor:China", "place:Khatlon"]
    assert inspector.tags.text() == "actor:China, place:Khatlon"


def test_a_grade_too_long_for_its_box_ends_with_an_ellipsis_and_is_named_whole_on_hover(
    qtbot: QtBot, window: MainWindow, demo_lib: Library
) -> None:
    from briefing_app.gui.widgets.fields import ElidingComboBox

    credibility = window.inspector.credibility
    assert isinstance(credibility, ElidingComboBox)
    window.sources.show_claim(demo_lib.claims.all()[0].id)
    credibility.setCurrentIndex(credibility.findData("6"))
    credibility.resize(150, credibility.height())
    assert credibility.currentText() == "6 – Truth cannot be judged"
    shown = credibility.shown_text()
    assert shown.endswith("…") and "6 – Truth cannot be judged".startswith(shown[:-1])
    assert credibility.tool_tip_text().endswith(": 6 – Truth cannot be judged")
    credibility.resize(400, credibility.height())  # room enough: shown whole, the usual tip
    assert credibility.shown_text() == "6 – Truth cannot be judged"
    assert credibility.tool_tip_text() == credibility.toolTip()


def test_the_replace_dialog_shows_a_phrase_of_a_few_words_whole(qtbot: QtBot) -> None:
    from briefing_app.gui.dialogs.replace_dialog import ReplaceDialog

    phrase = "the Chinese construction company facility"
    dialog = ReplaceDialog(None, phrase)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for edit in (dialog.find_edit, dialog.replace_edit):
        assert edit.fontMetrics().horizontalAdvance(phrase) < edit.width() - 10


def test_the_export_dialog_shows_a_folder_and_a_title_long_file_name_whole(
    qtbot: QtBot, demo_lib: Library
) -> None:
    dialog = ExportDialog("Attack on Chinese workers in Khatlon", "footnotes")
    qtbot.addWidget(dialog)
    path = "/home/analyst/Documents/attack-on-chinese-workers-in-khatlon.docx"
    dialog.path.setText(path)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.path.fontMetrics().horizontalAdvance(path) < dialog.path.width() - 10
    assert dialog.width() < 1366 - 100, "and the dialog still fits a 1366-px screen"
