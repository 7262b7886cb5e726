"""A library exported as a REFI-QDA project and imported into a fresh library comes back whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.qdpx.reader import import_project
from briefing_app.core.qdpx.writer import export_project


def snapshot(lib: Library) -> dict[str, Any]:
    """Return what a round trip must keep, free of ids and times."""
    sources = [lib.sources.get(s.id) for s in lib.sources.all()]
    sha = {s.id: s.sha256 for s in sources}
    keys = {c.id: c.key for c in lib.claims.all()}
    return {
        "sources": sorted(
            (s.sha256, s.title, s.byline, s.outlet, s.published, s.url, s.reliability, s.marking,
             s.analyst_note, tuple(sorted(s.tags)), s.language, s.doi)
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
def fresh(tmp_path: Path) -> Iterator[Library]:
    """A second, empty library to import into."""
    library = Library.open(tmp_path / "fresh.sqlite")
    yield library
    library.close()


def round_trip(lib: Library, fresh: Library, path: Path) -> None:
    """Export lib, import the project into fresh, and check everything came back."""
    export_project(lib, path)

    report = import_project(fresh, path)

    assert snapshot(fresh) == snapshot(lib)
    # Nothing is lost, not even the project's user: it is the one every export names.
    assert report.discarded == []
    assert report.adjusted == []
    again = import_project(fresh, path)
    assert again.kept["sources"] == again.kept["claims"] == again.kept["notes"] == 0
    assert snapshot(fresh) == snapshot(lib)


def test_the_demo_round_trips(demo_lib: Library, fresh: Library, tmp_path: Path) -> None:
    assert demo_lib.notes.all() and demo_lib.relations.all()
    round_trip(demo_lib, fresh, tmp_path / "demo.qdpx")


def test_awkward_text_and_names_round_trip(lib: Library, fresh: Library, tmp_path: Path) -> None:
    """Emoji, combining marks, a form feed in a quote, "::" and "/" in tag and party names."""
    text = (
        "Réunion à Genève 🙂 : the UN::OCHA office said 3 died.\x0cPage two: the ministry "
        "denied it 🇫🇷, calling the figure «invented»."
    )
    source = lib.sources.add(
        ExtractedDocument(
            title="Genève 🙂 report", text=text, outlet="Le Temps", published="2025-11",
            url="https://example.org/g", reliability="B", marking="TLP:AMBER",
            analyst_note="Line one.\nLine two.", language="fr", doi="10.5555/geneve.2025",
        )
    )  # fmt: skip
    lib.sources.set_tags(source.id, ["place:Genève", "topic:Emotions / Fear"])
    said = lib.claims.add(
        source.id, quote="the UN::OCHA office said 3 died.\x0cPage two",
        party="UN::OCHA", kind="official statement", credibility=2, status="corroborated",
        statement="OCHA counts three dead.", tags=["actor:UN::OCHA", "event:attack / raid"],
    )  # fmt: skip
    denied = lib.claims.add(
        source.id, quote="the ministry denied it 🇫🇷", party="Ministry", kind="denial",
        credibility=4, status="disputed",
    )  # fmt: skip
    lib.relations.link(denied.id, "contradicts", said.id)
    lib.notes.create(
        "Brief 🙂", "sitrep", [("summary", "Summary"), ("outlook", "Outlook ::")],
        bodies={"summary": "Three died [@C1].\n\n## Not a section\n\nStill summary.  ",
                "outlook": "Denied [@C2]."},
        marking="TLP:AMBER", memo_to="Director",
    )  # fmt: skip

    round_trip(lib, fresh, tmp_path / "awkward.qdpx")


def test_a_statements_manual_line_break_comes_back_as_a_new_line(
    lib: Library, fresh: Library, tmp_path: Path
) -> None:
    # The .qdpx description carries Shift+Enter as a line feed (XML cannot hold the vertical
    # tab): the statement comes back on the same two lines, which the inspector shows as such.
    source = lib.sources.add(ExtractedDocument(title="Convoy", text="The convoy stopped."))
    lib.claims.add(
        source.id,
        quote="The convoy stopped.",
        party="Police",
        statement="Convoy stopped\x0bRoad shut.",
    )
    export_project(lib, tmp_path / "breaks.qdpx")

    report = import_project(fresh, tmp_path / "breaks.qdpx")

    assert report.discarded == report.adjusted == []
    (claim,) = fresh.claims.all()
    assert (claim.key, claim.statement) == ("C1", "Convoy stopped\nRoad shut.")


def two_sources_with_interleaved_keys(lib: Library) -> None:
    """Source 1 holds C1 and C3, source 2 holds C2, and a note cites all three."""
    text = "Die Polizei meldete drei Tote. Später vier."
    first = lib.sources.add(ExtractedDocument(title="Polizeibericht", text=text))
    second = lib.sources.add(
        ExtractedDocument(title="Communiqué", text="L'ambassade a confirmé deux blessés.")
    )
    lib.claims.add(first.id, quote="drei Tote", party="Polizei")
    lib.claims.add(second.id, quote="deux blessés", party="ambassade")
    lib.claims.add(first.id, quote="Später vier", party="Polizei")
    lib.notes.create(
        "Lage", "sitrep", [("summary", "Summary")],
        bodies={"summary": "Drei Tote [@C1], später vier [@C3]; deux blessés [@C2]."},
    )  # fmt: skip


def test_claims_of_several_sources_keep_their_keys(
    lib: Library, fresh: Library, tmp_path: Path
) -> None:
    """A source's later claim (C3) must not take a key another source's claim (C2) needs."""
    two_sources_with_interleaved_keys(lib)
    round_trip(lib, fresh, tmp_path / "interleaved.qdpx")


def test_a_note_cites_the_same_claims_where_their_keys_are_taken(
    demo_lib: Library, fresh: Library, tmp_path: Path
) -> None:
    """Imported into a library already using C1-C10, a note's citations follow its claims."""
    two_sources_with_interleaved_keys(fresh)  # its own, unrelated C1-C3
    export_project(fresh, tmp_path / "theirs.qdpx")
    quotes = {c.key: c.quote for c in fresh.claims.all()}

    report = import_project(demo_lib, tmp_path / "theirs.qdpx")

    imported = demo_lib.notes.get(report.created.note_ids[0])
    body = imported.sections[0].body
    cited = {k: demo_lib.claims.by_key(k) for k in ("C1", "C2", "C3")}
    by_quote = {c.quote: c.key for c in demo_lib.claims.all() if c.quote in quotes.values()}
    expected = (
        f"Drei Tote [@{by_quote[quotes['C1']]}], später vier [@{by_quote[quotes['C3']]}]; "
        f"deux blessés [@{by_quote[quotes['C2']]}]."
    )
    assert body == expected
    assert all(c is not None for c in cited.values())  # the demo's own claims are untouched
    assert any(i.what == "note" and "C1 → C" in i.reason for i in report.adjusted)
    # Imported again: the note, its claims and sources are recognised, nothing is added.
    again = import_project(demo_lib, tmp_path / "theirs.qdpx")
    assert again.kept["notes"] == again.kept["claims"] == again.kept["sources"] == 0
    assert again.kept["notes already here"] == 1
