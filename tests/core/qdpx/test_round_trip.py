"""A library exported as a REFI-QDA project and imported into a fresh library comes back whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.library import Library
from briefing_app.core.qdpx.reader import import_project
from tests.core.qdpx.our_export import write_library


def snapshot(lib: Library) -> dict[str, Any]:
    """Return what a round trip must keep, free of ids and times."""
    sources = [lib.sources.get(s.id) for s in lib.sources.all()]
    sha = {s.id: s.sha256 for s in sources}
    keys = {c.id: c.key for c in lib.claims.all()}
    return {
        "sources": sorted(
            (s.sha256, s.title, s.byline, s.outlet, s.published, s.url, s.reliability, s.marking,
             s.analyst_note, tuple(sorted(s.tags)))
            for s in sources
        ),
        "claims": sorted(
            (sha[c.source_id], c.key, c.start, c.end, c.quote, c.statement, c.party, c.kind,
             c.credibility, c.status, tuple(sorted(c.tag_refs)))
            for c in lib.claims.all()
        ),
        "tags": sorted((t.kind, t.name) for t in lib.tags.all()),
        "notes": sorted(
            (n.title, n.template, n.status, n.marking, n.memo_to, n.memo_from, n.subject,
             n.memo_date, tuple((s.key, s.heading, s.body) for s in n.sections))
            for n in lib.notes.all()
        ),
        "relations": sorted(
            (keys[r.from_claim_id], r.relation, keys[r.to_claim_id]) for r in lib.relations.all()
        ),
    }  # fmt: skip


@pytest.fixture
def fresh(tmp_path: Path) -> Library:
    """A second, empty library to import into."""
    library = Library.open(tmp_path / "fresh.sqlite")
    yield library  # type: ignore[misc]
    library.close()


def test_the_demo_round_trips_through_a_project_in_our_export_style(
    demo_lib: Library, fresh: Library, tmp_path: Path
) -> None:
    path = write_library(demo_lib, tmp_path / "demo.qdpx")

    report = import_project(fresh, path)

    assert snapshot(fresh) == snapshot(demo_lib)
    assert report.adjusted == [] and report.discarded == []
    # Everything came in as it was, so importing it again finds it all here.
    again = import_project(fresh, path)
    assert again.kept["claims"] == again.kept["sources"] == again.kept["notes"] == 0
    assert snapshot(fresh) == snapshot(demo_lib)


def test_the_demo_round_trips_through_the_exporter(
    demo_lib: Library, fresh: Library, tmp_path: Path
) -> None:
    writer = pytest.importorskip("briefing_app.core.qdpx.writer", reason="exporter not merged")
    path = tmp_path / "demo.qdpx"
    writer.export_project(demo_lib, path)

    report = import_project(fresh, path)

    assert snapshot(fresh) == snapshot(demo_lib)
    # The project's user is all that has no place in Briefing.
    assert [(i.what, i.name) for i in report.discarded] == [("part", "1 × User")]
