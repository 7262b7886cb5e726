"""Who initiated a change, and changes made through another connection reaching listeners."""

from __future__ import annotations

import pytest

from briefing_app.core.changes import Changes
from briefing_app.core.errors import LibraryError
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library


def test_a_write_reports_who_initiated_it(demo_lib: Library) -> None:
    heard: list[Changes] = []
    demo_lib.subscribe(heard.append)
    note = demo_lib.notes.all()[0]
    editor = object()
    demo_lib.notes.set_section(note.id, "summary", "Typed here.", origin=editor)
    demo_lib.notes.set_section(note.id, "summary", "Typed elsewhere.")
    assert [c.notes for c in heard] == [{note.id}, {note.id}]
    assert heard[0].origin is editor
    assert heard[1].origin is None


def test_nested_writes_report_once_under_the_outer_origin(lib: Library) -> None:
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    with lib.write("batch"):
        first = lib.sources.add(ExtractedDocument(title="A", text="Alpha."))
        second = lib.sources.add(ExtractedDocument(title="B", text="Beta."))
    assert len(heard) == 1
    assert heard[0].sources == {first.id, second.id} and heard[0].origin == "batch"


def test_changes_committed_by_another_connection_are_announced_to_listeners(
    lib: Library,
) -> None:
    assert lib.path is not None
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    other = Library.open(lib.path, create=False, backup=False)
    collected = Changes(origin="worker")
    other.subscribe(collected.merge)
    source = other.sources.add(ExtractedDocument(title="From a worker", text="Gamma."))
    other.close()
    assert heard == []  # the other connection's listeners heard it, not this library's
    lib.announce(collected)
    assert heard[0].sources == {source.id} and heard[0].origin == "worker"
    assert lib.sources.get(source.id).title == "From a worker"
    lib.announce(Changes())  # nothing changed: nobody is told
    assert len(heard) == 1


def test_announcing_in_the_middle_of_a_write_is_refused(lib: Library) -> None:
    with pytest.raises(LibraryError), lib.write():
        lib.announce(Changes(sources={1}))


def test_a_closed_library_tells_its_listeners_nothing(library_path: object) -> None:
    lib = Library.open(str(library_path))
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    lib.close()
    assert lib.closed
    lib.announce(Changes(sources={1}))
    assert heard == []


def test_a_change_to_the_whole_library_counts_even_when_it_names_no_record(lib: Library) -> None:
    # A backup of an empty library restored from outside: no id to name, yet the window's open
    # note and undo steps are gone and it must hear of it.
    from briefing_app.core.storage.commit_log import every_record

    changes = every_record(lib.conn)
    assert not changes.sources and not changes.notes
    assert changes
    assert not Changes()
