"""The row journal: what a write touched, as it was and became, written back either way."""

from __future__ import annotations

from briefing_app.core.ach.records import RecordState
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.storage.row_journal import apply_states, journal, tables
from tests.core.records.library_dump import dump


def _inverse(states: tuple[RecordState, ...]) -> list[RecordState]:
    return [RecordState(s.table, s.key, s.after, s.before) for s in states]


def test_every_table_the_library_holds_can_be_put_back_by_its_key(lib: Library) -> None:
    """A migration adding a table without a primary key (or with a BLOB) fails here first."""
    found = tables(lib.conn)
    held = set(dump(lib)) - {"schema_migrations"}
    assert set(found) == held  # the tables a dump compares, full-text internals aside
    for table in found.values():
        assert table.key, table.name
        types = {r[2].upper() for r in lib.conn.execute(f'PRAGMA table_info("{table.name}")')}
        assert "BLOB" not in types, table.name
    order = list(found)
    assert order.index("sources") < order.index("claims") < order.index("claim_tags")
    assert order.index("notes") < order.index("review_comments")


def test_a_write_of_many_managers_is_put_back_exactly_and_made_again(demo_lib: Library) -> None:
    before = dump(demo_lib)
    claim = demo_lib.claims.all()[0]
    with demo_lib.write(), journal(demo_lib.conn) as made:
        source = demo_lib.sources.add(ExtractedDocument(title="New", text="Fresh words here."))
        added = demo_lib.claims.add(source.id, quote="Fresh")
        demo_lib.sources.set_tags(source.id, ["topic:fresh"])
        demo_lib.claims.update(claim.id, status="disputed")
        demo_lib.claims.delete(added.id)  # made and gone in the same write: not in the states
    after = dump(demo_lib)
    assert not [s for s in made.states if s.table == "claims" and s.key == (added.id,)]
    assert {s.table for s in made.states} >= {"sources", "claims", "tags", "source_tags"}
    by_name = tables(demo_lib.conn)

    with demo_lib.write():
        apply_states(demo_lib.conn, _inverse(made.states), by_name)
    assert dump(demo_lib) == before
    with demo_lib.write():
        apply_states(demo_lib.conn, made.states, by_name)
    assert dump(demo_lib) == after
    assert demo_lib.search.query("Fresh")  # the full-text index followed the rows back
    assert demo_lib.conn.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
