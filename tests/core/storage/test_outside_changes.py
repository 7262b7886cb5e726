"""Finding what another connection (the CLI, another window) changed in the library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage.outside_changes import OUTSIDE, OutsideChanges, data_version

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


def test_a_claim_deleted_elsewhere_reloads_the_claims(lib: Library, other: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    kept = lib.claims.add(source.id, quote="Police said more.")
    gone = lib.claims.add(source.id, quote="The Taliban denied it.")
    watcher = OutsideChanges(lib)

    other.claims.delete(gone.id)
    changes = watcher.poll()

    assert kept.id in changes.claims  # which one went is not known: every claim reloads
    assert source.id in changes.sources


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


def test_a_commit_elsewhere_before_the_starting_point_reloads_everything(
    lib: Library, other: Library
) -> None:
    # The window reads the library, then takes the starting point after its first paint.
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    claim = lib.claims.add(source.id, quote="Police said more.")
    note = lib.notes.create("Brief", "briefing-note", [("summary", "Summary")])
    seen = data_version(lib)
    other.claims.update(claim.id, statement="Changed by the CLI meanwhile.")
    watcher = OutsideChanges(lib, seen_version=seen)

    missed = watcher.before_start
    assert missed.claims == {claim.id} and missed.sources == {source.id}
    assert missed.notes == {note.id}
    assert missed.origin == OUTSIDE
    assert not watcher.poll()  # and nothing twice


def test_no_commit_elsewhere_before_the_starting_point_reports_nothing(
    lib: Library, other: Library
) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    seen = data_version(lib)
    lib.claims.add(source.id, quote="Police said more.")  # this connection's own write
    assert not OutsideChanges(lib, seen_version=seen).before_start
