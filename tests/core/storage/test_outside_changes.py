"""Finding what another connection (the CLI, another window) changed in the library."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.core.changes import Changes
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage import commit_log
from briefing_app.core.storage.backup import make_backup, restore_backup
from briefing_app.core.storage.outside_changes import OUTSIDE, OutsideChanges

TEXT = "Officials said three workers died. The Taliban denied it. Police said more."


@pytest.fixture
def other(lib: Library, library_path: Path) -> Iterator[Library]:
    """Another connection to the same file."""
    with Library.open(library_path, backup=False) as second:
        yield second


def test_a_poll_names_the_claims_sources_and_notes_changed_elsewhere(
    lib: Library, other: Library
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    first = lib.claims.add(source.id, quote="The Taliban denied it.")
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    watcher = OutsideChanges(lib)

    added = other.claims.add(source.id, quote="Police said more.")
    other.claims.update(first.id, statement="Denied.")
    other.notes.set_section(note.id, "summary", "From the CLI.")
    changes = watcher.poll()

    assert changes.claims == {added.id, first.id}
    assert changes.sources == {source.id}  # its claim count changed
    assert changes.notes == {note.id}
    assert changes.origin == OUTSIDE
    assert not watcher.poll()  # seen once, not again


def test_a_poll_with_no_outside_change_reports_nothing_even_after_own_writes(
    lib: Library, other: Library
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    watcher = OutsideChanges(lib)
    assert not watcher.poll()
    lib.claims.add(source.id, quote="Police said more.")  # this connection: already announced
    assert not watcher.poll()


def test_a_claim_deleted_elsewhere_is_named_and_its_source_recounted(
    lib: Library, other: Library
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    kept = lib.claims.add(source.id, quote="Police said more.")
    gone = lib.claims.add(source.id, quote="The Taliban denied it.")
    watcher = OutsideChanges(lib)

    other.claims.delete(gone.id)
    changes = watcher.poll()

    # The other process's write said which claim it deleted: only that row leaves the views.
    assert changes.claims == {gone.id}
    assert kept.id not in changes.claims
    assert changes.sources == {source.id}


def test_a_matrix_rated_elsewhere_names_its_question(lib: Library, other: Library) -> None:
    question = lib.questions.add("Who carried out the attack?")
    lib.ach.add_hypothesis(question.id, "Criminal groups")
    lib.ach.add_absence(question.id, "No group has claimed the attack")
    watcher = OutsideChanges(lib)

    other.ach.rate(question.id, "H1", "X1", "C")
    assert watcher.poll().questions == {question.id}
    other.assumptions.add(question.id, "The border is porous", rating="solid")
    assert watcher.poll().questions == {question.id}
    assert not watcher.poll()


def test_tags_and_comments_changed_elsewhere_are_reported(lib: Library, other: Library) -> None:
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    watcher = OutsideChanges(lib)

    comment = other.comments.add(note.id, "summary", "Source?", author="Reviewer")
    source = other.sources.add(ExtractedDocument(title="Report", text=TEXT))
    other.claims.add(source.id, quote="Police said more.", tags=["actor:Police"])
    changes = watcher.poll()

    assert changes.comments == {comment.id}
    assert len(changes.tags) == 1
    assert changes.sources == {source.id}


def test_an_edit_in_the_same_second_as_the_last_one_is_still_found(
    lib: Library, other: Library
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    claim = lib.claims.add(source.id, quote="Police said more.")
    watcher = OutsideChanges(lib)

    other.claims.update(claim.id, party="Police")  # within the second the claim was made
    other.sources.update(source.id, outlet="Asia-Plus")

    changes = watcher.poll()
    assert claim.id in changes.claims
    assert source.id in changes.sources


def test_questions_and_relations_changed_elsewhere_are_reported(
    lib: Library, other: Library
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    died = lib.claims.add(source.id, quote="three workers died")
    denied = lib.claims.add(source.id, quote="The Taliban denied it.")
    police = lib.claims.add(source.id, quote="Police said more.")
    lib.relations.link(died.id, "corroborates", police.id)
    q1 = lib.questions.add("Who did it?")
    # Edited long ago: only the claims of the latest second are reported at every poll.
    with lib.write():
        lib.conn.execute("UPDATE claims SET modified_at = '2020-01-01T00:00:00+00:00'")
    latest = lib.claims.add(source.id, quote="Officials said").id
    watcher = OutsideChanges(lib)

    q2 = other.questions.add("How many died?")  # empty: only the question changed
    other.questions.assign(q1.id, [denied.id])
    other.relations.link(died.id, "contradicts", denied.id)
    changes = watcher.poll()
    assert changes.questions == {q1.id, q2.id}
    assert changes.claims - {latest} == {died.id, denied.id}  # the new relation's ends

    other.relations.unlink(police.id, died.id)
    other.questions.update(q2.id, text="How many were killed?")
    changes = watcher.poll()
    assert (changes.questions, changes.claims - {latest}) == ({q2.id}, {died.id, police.id})
    assert not watcher.poll()


def test_a_commit_elsewhere_before_the_first_poll_names_only_what_it_changed(
    lib: Library, other: Library
) -> None:
    # The window takes its starting point, reads its views, and polls after its first paint.
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    claim = lib.claims.add(source.id, quote="Police said more.")
    lib.claims.add(source.id, quote="The Taliban denied it.")
    lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    watcher = OutsideChanges(lib)
    other.claims.update(claim.id, statement="Changed by the CLI meanwhile.")

    missed = watcher.poll()
    assert missed.claims == {claim.id}  # not every claim: the views need not reload
    assert not missed.notes and not missed.sources
    assert missed.origin == OUTSIDE
    assert not watcher.poll()  # and nothing twice


def test_own_writes_before_the_first_poll_report_nothing(lib: Library, library_path: Path) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    watcher = OutsideChanges(lib)
    lib.claims.add(source.id, quote="Police said more.")  # this connection's own write
    # A background task of the same window: its own connection, the window's writer.
    with Library.open(library_path, backup=False, writer=lib.writer) as task:
        task.claims.add(source.id, quote="The Taliban denied it.")
    assert not watcher.poll()
    assert not watcher.poll()


def test_an_own_task_and_another_process_in_one_interval_report_only_the_other(
    lib: Library, other: Library, library_path: Path
) -> None:
    # data_version moves once for both commits: only the log can tell them apart.
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    claim = lib.claims.add(source.id, quote="Police said more.")
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    watcher = OutsideChanges(lib)
    with Library.open(library_path, backup=False, writer=lib.writer) as task:
        imported = task.sources.add(ExtractedDocument(title="Imported", text="Other text."))
        other.claims.update(claim.id, party="Police")
        task.notes.set_section(note.id, "summary", "Typed by the task.")

    changes = watcher.poll()
    assert changes.claims == {claim.id}
    assert imported.id not in changes.sources
    assert not changes.notes
    assert not watcher.poll()


def test_a_commit_by_a_writer_other_than_briefing_reloads_everything(
    lib: Library, library_path: Path
) -> None:
    # sqlite3 by hand logs nothing: what it changed is unknown, so nothing is left stale.
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    claim = lib.claims.add(source.id, quote="Police said more.")
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    watcher = OutsideChanges(lib)
    raw = sqlite3.connect(library_path, isolation_level=None)
    try:
        raw.execute("UPDATE claims SET party = 'By hand' WHERE id = ?", (claim.id,))
    finally:
        raw.close()

    changes = watcher.poll()
    assert (changes.claims, changes.sources, changes.notes) == ({claim.id}, {source.id}, {note.id})
    assert not watcher.poll()


def test_more_commits_than_the_log_keeps_since_the_last_poll_reload_everything(
    lib: Library, other: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commit_log, "KEEP", 3)
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    first = lib.claims.add(source.id, quote="Police said more.")
    watcher = OutsideChanges(lib)
    for party in ("A", "B", "C", "D"):
        other.claims.update(first.id, party=party)
    other.notes.create("Brief", "briefing-note", [("summary", "Summary")])

    changes = watcher.poll()
    assert changes.sources == {source.id}  # not only the claim: what else went is unknown
    assert first.id in changes.claims and changes.notes
    assert not watcher.poll()


def test_a_write_of_many_records_elsewhere_reloads_that_noun(
    lib: Library, other: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commit_log, "MAX_IDS", 2)
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    old = lib.claims.add(source.id, quote="Officials said")
    watcher = OutsideChanges(lib)
    with other.write():
        new = [other.claims.add(source.id, quote=q).id for q in ("died", "denied", "Police")]

    changes = watcher.poll()
    assert changes.claims == {old.id, *new}
    assert changes.sources == {source.id}


def test_a_backup_restored_by_another_process_reloads_everything(
    lib: Library, library_path: Path
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    backup = make_backup(library_path)
    claim = lib.claims.add(source.id, quote="Police said more.")  # the window saw it
    watcher = OutsideChanges(lib)

    restore_backup(backup, library_path)  # `briefing backup restore` in another process

    changes = watcher.poll()
    assert claim.id not in {c.id for c in lib.claims.all()}
    assert changes.sources == {source.id}  # every record there is reloads
    assert not watcher.poll()


def test_a_write_that_fails_logs_nothing(lib: Library, other: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    watcher = OutsideChanges(lib)
    before = commit_log.position(lib.conn)
    with pytest.raises(RuntimeError), other.write() as changes:
        other.claims.add(source.id, quote="Police said more.")
        changes.claims.add(999)
        raise RuntimeError("the operation failed half-way")
    assert commit_log.position(lib.conn) == before
    assert not watcher.poll()


def test_a_restore_in_this_window_is_not_reported_again_but_another_window_reloads(
    lib: Library, other: Library, library_path: Path
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    backup = make_backup(library_path)
    lib.claims.add(source.id, quote="Police said more.")
    mine, theirs = OutsideChanges(lib), OutsideChanges(other)
    heard: list[Changes] = []
    lib.subscribe(heard.append)

    lib.restore_backup(backup)  # File ▸ Restore from backup: announced by the library itself

    assert len(heard) == 1 and source.id in heard[0].sources
    assert not mine.poll()
    assert source.id in theirs.poll().sources
    assert not mine.poll() and not theirs.poll()
