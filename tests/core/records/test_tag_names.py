"""A tag kind with no name ("place:") is refused where tags are parsed, never made a tag."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.importers.batch import import_paths
from briefing_app.core.library import Library
from briefing_app.core.qdpx.reader import import_project
from tests.core.qdpx.projects import Code, Sel, Src, span, write_project
from tests.core.records.library_dump import dump

TEXT = "Officials said three Chinese workers were killed in Khatlon province.\n"


@pytest.mark.parametrize("ref", ["place:", "Place :  ", "actor:"])
def test_a_kind_with_no_name_is_refused_and_no_tag_is_made(lib: Library, ref: str) -> None:
    before = dump(lib)
    with pytest.raises(InvalidInput, match=r"^tag '.*:' has no name$"):
        lib.tags.ensure(ref)
    assert dump(lib) == before


def test_a_claim_tagged_place_colon_is_refused_whole(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    before = dump(lib)
    with pytest.raises(InvalidInput, match="tag 'place:' has no name"):
        lib.claims.add(source.id, quote="three Chinese workers", tags=["Khatlon", "place:"])
    assert dump(lib) == before
    claim = lib.claims.add(source.id, quote="three Chinese workers", tags=["place:Khatlon"])
    tagged = dump(lib)
    with pytest.raises(InvalidInput, match="tag 'place:' has no name"):
        lib.claims.update(claim.id, tags=["place:"])
    assert dump(lib) == tagged
    assert lib.claims.get(claim.id).tags == ["Khatlon"]


def test_a_tag_already_named_place_colon_still_comes_back_on_undo(lib: Library) -> None:
    """A library from before the refusal may hold such a tag: deleting and restoring keeps it."""
    source = lib.sources.add(ExtractedDocument(title="Report", text=TEXT))
    lib.conn.execute("INSERT INTO tags (uid, name, kind) VALUES ('old', 'place:', 'topic')")
    lib.sources.set_tags(source.id, ["Khatlon"])
    lib.conn.execute(
        "INSERT INTO source_tags (source_id, tag_id) SELECT ?, id FROM tags WHERE uid = 'old'",
        (source.id,),
    )
    lib.conn.commit()
    before = dump(lib)
    removed = lib.sources.delete(source.id)
    lib.sources.restore(removed)
    assert dump(lib) == before


def test_a_zotero_item_tagged_place_colon_imports_without_that_tag(
    lib: Library, tmp_path: Path
) -> None:
    ris = (
        "TY  - NEWS\nTI  - Three workers killed\nAB  - Three workers were killed in Khatlon.\n"
        "KW  - place:\nKW  - place:Khatlon\nKW  - border security\nER  - \n"
    )
    (tmp_path / "refs.ris").write_text(ris)
    summary = import_paths(lib, [tmp_path / "refs.ris"])
    assert summary.line() == "1 imported, 0 duplicate, 0 failed"
    source = lib.sources.get(summary.outcomes[0].source_id or 0)
    assert {(t.name, t.kind) for t in lib.tags.on_source(source.id)} == {
        ("Khatlon", "place"),
        ("border security", "topic"),
    }


def test_a_qda_code_with_no_tag_name_is_reported_not_a_failed_import(
    lib: Library, tmp_path: Path
) -> None:
    killed = "three Chinese workers were killed"
    project = write_project(
        tmp_path / "p.qdpx",
        [
            Src(
                "Report",
                TEXT,
                [Sel(*span(TEXT, killed), name=killed, codes=["Khatlon", "blank", "place:"])],
                codes=["place:"],
            )
        ],
        codes=[
            Code("Tags: place", [Code("Khatlon"), Code(" ", key="blank")], codable=False),
            Code("place:"),
        ],
    )
    report = import_project(lib, project)
    (claim,) = lib.claims.all()
    assert claim.tags == ["Khatlon"]
    assert {t.name for t in lib.tags.all()} == {"Khatlon"}
    reasons = {i.reason for i in report.discarded}
    assert reasons == {"a place tag with no name", "a topic tag with no name"}
