"""Undo puts things back exactly: revisions, tag kinds, note history, party aliases."""

from __future__ import annotations

from briefing_app.core.checks import run_checks
from briefing_app.core.library import Library
from briefing_app.gui.commands import (
    DeleteClaimCommand,
    DeleteNoteCommand,
    DeleteTagCommand,
    EditClaimCommand,
)
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.suggestion_commands import MergePartyCommand


def test_undoing_a_claim_edit_does_not_flag_citing_notes(
    window: MainWindow, demo_lib: Library
) -> None:
    note = demo_lib.notes.all()[0]
    claim = demo_lib.claims.by_key("C1")
    assert claim is not None
    window.execute(EditClaimCommand(demo_lib, claim.id, statement="Reworded."))
    assert "citation.changed" in {f.rule for f in run_checks(demo_lib, note).findings}
    window.undo_stack.undo()
    after = demo_lib.claims.get(claim.id)
    assert (after.statement, after.revision) == (claim.statement, claim.revision)
    assert run_checks(demo_lib, demo_lib.notes.get(note.id)).findings == []


def test_undo_keeps_the_kind_of_each_tag(window: MainWindow, demo_lib: Library) -> None:
    demo_lib.tags.ensure("Zeta", "topic")
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    window.execute(EditClaimCommand(demo_lib, claim.id, tags=[*claim.tags, "place:Zeta"]))
    window.execute(DeleteClaimCommand(demo_lib, claim.id))
    window.undo_stack.undo()
    assert "place:Zeta" in demo_lib.claims.get(claim.id).tag_refs
    window.undo_stack.undo()
    assert demo_lib.claims.get(claim.id).tag_refs == claim.tag_refs


def test_undoing_a_tag_delete_joins_a_tag_made_since(window: MainWindow, demo_lib: Library) -> None:
    tag = demo_lib.tags.by_name("Taliban")
    assert tag is not None
    tagged = {c.key for c in demo_lib.claims.all() if "Taliban" in c.tags}
    window.execute(DeleteTagCommand(demo_lib, tag.id))
    demo_lib.tags.ensure("actor:Taliban")  # made again before the undo
    window.undo_stack.undo()
    assert {c.key for c in demo_lib.claims.all() if "Taliban" in c.tags} == tagged
    assert [t.name for t in demo_lib.tags.all()].count("Taliban") == 1


def test_undoing_a_note_delete_brings_back_its_history(
    window: MainWindow, demo_lib: Library
) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.notes.set_status(note.id, "in review", "Round 1")
    demo_lib.edits.add(note.id, "issue", "tests", "strains", author="Supervisor")
    demo_lib.comments.add(note.id, "issue", "Clearer?", author="Supervisor")
    window.execute(DeleteNoteCommand(demo_lib, note.id))
    window.undo_stack.undo()
    assert [v.reason for v in demo_lib.versions.all(note.id)] == ["Round 1"]
    assert [(e.old_text, e.status) for e in demo_lib.edits.all(note.id)] == [("tests", "pending")]
    assert [c.body for c in demo_lib.comments.all(note.id)] == ["Clearer?"]


def test_undoing_a_party_merge_restores_aliases_it_repointed(
    window: MainWindow, demo_lib: Library
) -> None:
    demo_lib.parties.merge("Taliban administration", "Taliban")
    before = demo_lib.parties.alias_rows()
    window.execute(MergePartyCommand(demo_lib, "Taliban", "Islamic Emirate"))
    assert demo_lib.parties.normalise("Taliban administration") == "Islamic Emirate"
    window.undo_stack.undo()
    assert demo_lib.parties.alias_rows() == before
    assert demo_lib.parties.normalise("Taliban administration") == "Taliban"
