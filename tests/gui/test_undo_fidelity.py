"""The window's Undo and Redo drive core's inverses: every table comes back as it was.

What each inverse restores is tested without Qt in tests/core/records/test_undo_fidelity.py.
"""

from __future__ import annotations

from briefing_app.core.library import Library
from briefing_app.gui.commands import (
    DeleteClaimCommand,
    DeleteNoteCommand,
    DeleteTagCommand,
    EditClaimCommand,
    SetNoteStatusCommand,
)
from briefing_app.gui.main_window import MainWindow
from tests.core.records.library_dump import dump


def undo_redo_undo(window: MainWindow, lib: Library, before: object) -> None:
    """Undo, redo and undo again from the Edit menu's actions, checking the tables each time."""
    after = dump(lib)
    assert after != before
    window.undo_action.trigger()
    assert dump(lib) == before
    window.redo_action.trigger()
    assert dump(lib) == after
    window.undo_action.trigger()
    assert dump(lib) == before


def test_undo_and_redo_of_a_note_delete_bring_back_its_history_exactly(
    window: MainWindow, demo_lib: Library
) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.notes.set_status(note.id, "in review", "Round 1")
    demo_lib.edits.add(note.id, "issue", "tests", "strains", author="Supervisor")
    demo_lib.comments.add(note.id, "issue", "Clearer?", author="Supervisor")
    before = dump(demo_lib)
    assert window.execute(DeleteNoteCommand(demo_lib, note.id))
    assert window.undo_action.text() == f"&Undo Delete note “{note.title}”"
    undo_redo_undo(window, demo_lib, before)
    assert [v.reason for v in demo_lib.versions.all(note.id)] == ["Round 1"]


def test_undo_and_redo_of_a_change_of_status_leave_no_version_behind(
    window: MainWindow, demo_lib: Library
) -> None:
    note = demo_lib.notes.all()[0]
    before = dump(demo_lib)
    assert window.execute(SetNoteStatusCommand(demo_lib, note.id, "final", "Sent"))
    undo_redo_undo(window, demo_lib, before)
    assert demo_lib.versions.all(note.id) == []


def test_undo_and_redo_of_claim_and_tag_edits_leave_the_tables_as_they_were(
    window: MainWindow, demo_lib: Library
) -> None:
    claim = demo_lib.claims.by_key("C2")
    tag = demo_lib.tags.by_name("Taliban")
    assert claim is not None and tag is not None
    for command in (
        EditClaimCommand(demo_lib, claim.id, statement="Reworded.", credibility=2),
        DeleteClaimCommand(demo_lib, claim.id),
        DeleteTagCommand(demo_lib, tag.id),
    ):
        before = dump(demo_lib)
        assert window.execute(command)
        undo_redo_undo(window, demo_lib, before)


def test_undo_of_a_party_merge_in_the_window_restores_the_aliases(
    window: MainWindow, demo_lib: Library
) -> None:
    demo_lib.parties.merge("Taliban administration", "Taliban")
    before = dump(demo_lib)
    assert window.suggestions.merge_parties("Taliban", "Islamic Emirate")
    assert demo_lib.parties.normalise("Taliban administration") == "Islamic Emirate"
    undo_redo_undo(window, demo_lib, before)
    assert demo_lib.parties.normalise("Taliban administration") == "Taliban"


def test_merging_party_names_renames_the_claims_says_how_many_and_undoes_in_one_step(
    window: MainWindow, demo_lib: Library
) -> None:
    before = dump(demo_lib)
    assert window.suggestions.merge_parties("Taliban administration", "Taliban")
    assert {c.party for c in demo_lib.claims.all() if c.key in ("C6", "C7")} == {"Taliban"}
    text = "Merge party Taliban administration into Taliban (2 claims renamed)"
    assert window.statusBar().currentMessage() == text
    assert window.undo_action.text() == f"&Undo {text}"
    assert window.claims_panel.party_filter.findData("Taliban") >= 0  # the table's filter
    undo_redo_undo(window, demo_lib, before)
    assert {c.party for c in demo_lib.claims.all() if c.key in ("C6", "C7")} == {
        "Taliban administration"
    }
