"""What a reviewer grades or signs comes back three-way like the note and its claims: a source's
reliability or marking, a matrix rating and the note's clearance lines changed on one side only
are taken (or kept) without a conflict; only a change on both sides is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.library import Library
from briefing_app.core.records import note_settings
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack
from tests.core.review.test_pack_evidence import forge


@pytest.fixture
def reviewer(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "reviewer.sqlite")


def sent_to(reviewer: Library, author: Library, tmp_path: Path) -> int:
    """Send the demo note to the reviewer; return its id there."""
    note = author.notes.all()[0]
    return import_pack(reviewer, export_pack(author, note.id, tmp_path / "a.briefpack")).note_id


def rating(lib: Library, row: str, hypothesis: str) -> str:
    matrix = lib.ach.matrix(lib.questions.by_key("Q1").id)
    found = matrix.row(row)
    assert found is not None
    return found.ratings.get(hypothesis, "")


def test_a_rating_changed_only_by_the_reviewer_comes_back(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    theirs = sent_to(reviewer, demo_lib, tmp_path)
    reviewer.ach.rate(reviewer.questions.by_key("Q1").id, "H1", "C9", "I")

    merged = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert merged.conflicts == []
    assert rating(demo_lib, "C9", "H1") == "I"
    assert merged.updated["ratings"] == 1
    assert "updated 1 rating" in merged.line()


def test_a_rating_the_author_changed_since_sending_stays_without_a_conflict(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    theirs = sent_to(reviewer, demo_lib, tmp_path)
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H3", "C6", "I")

    merged = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert merged.conflicts == []
    assert rating(demo_lib, "C6", "H3") == "I"


def test_a_rating_changed_on_both_sides_is_reported_and_the_authors_kept(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    theirs = sent_to(reviewer, demo_lib, tmp_path)
    reviewer.ach.rate(reviewer.questions.by_key("Q1").id, "H2", "C6", "N")
    demo_lib.ach.rate(demo_lib.questions.by_key("Q1").id, "H2", "C6", "I")

    merged = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert merged.conflicts == [
        "Q1 C6 against H2: rated I here, N in the package; this library's kept"
    ]
    assert rating(demo_lib, "C6", "H2") == "I"


def test_a_source_regraded_only_by_the_reviewer_comes_back(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    theirs = sent_to(reviewer, demo_lib, tmp_path)
    source = demo_lib.sources.all()[0]
    there = reviewer.sources.by_uid(source.uid)
    assert there is not None
    reviewer.sources.edit(there.id, reliability="C", marking="TLP:GREEN")

    merged = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert merged.conflicts == []
    back = demo_lib.sources.get(source.id)
    assert (back.reliability, back.marking) == ("C", "TLP:GREEN")
    assert merged.updated["sources"] == 1


def test_a_source_regraded_on_both_sides_keeps_the_authors_grade_and_says_so(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    theirs = sent_to(reviewer, demo_lib, tmp_path)
    source = demo_lib.sources.all()[0]
    there = reviewer.sources.by_uid(source.uid)
    assert there is not None
    reviewer.sources.edit(there.id, reliability="C")
    demo_lib.sources.edit(source.id, reliability="B")

    merged = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert len(merged.conflicts) == 1 and "reliability differ" in merged.conflicts[0]
    assert demo_lib.sources.get(source.id).reliability == "B"
    # The author grading it after sending, the reviewer not: the author's stays, unreported.
    again = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "c.briefpack"))
    assert demo_lib.sources.get(source.id).reliability == "B"
    assert len(again.conflicts) == 1  # still changed on both sides since they last agreed


def test_the_reviewers_clearance_line_comes_back_with_the_note(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    theirs = sent_to(reviewer, demo_lib, tmp_path)
    note_settings.set_header_fields(
        reviewer, theirs, {"reviewed_by": "A. Supervisor", "reviewed_by_date": "2025-12-04"}
    )

    merged = import_pack(demo_lib, export_pack(reviewer, theirs, tmp_path / "b.briefpack"))

    assert merged.conflicts == []
    note = demo_lib.notes.get(merged.note_id)
    assert note_settings.header_field(note, "reviewed_by") == "A. Supervisor"
    assert note_settings.header_field(note, "reviewed_by_date") == "2025-12-04"
    assert len(demo_lib.notes.all()) == 1


def test_a_note_received_for_the_first_time_keeps_its_clearance_lines(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    note_settings.set_header_fields(demo_lib, note.id, {"prepared_by": "J. Analyst"})

    theirs = sent_to(reviewer, demo_lib, tmp_path)

    assert note_settings.header_field(reviewer.notes.get(theirs), "prepared_by") == "J. Analyst"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"pack_base": "x"}, "pack_base is not a header field"),
        ({"reviewed_by_date": "next week"}, "reviewed by date"),
        ({"reviewed_by": 3}, "field 'reviewed_by' is a whole number, not text"),
    ],
)
def test_forged_clearance_lines_are_refused_and_nothing_merges(
    demo_lib: Library, reviewer: Library, tmp_path: Path, fields: dict[str, Any], words: str
) -> None:
    note = demo_lib.notes.all()[0]
    pack = export_pack(demo_lib, note.id, tmp_path / "a.briefpack")
    forged = forge(pack, tmp_path / "f.briefpack", lambda m: m["note.json"].update(fields=fields))
    with pytest.raises(InvalidPack, match=words):
        import_pack(reviewer, forged)
    assert reviewer.notes.all() == []


def test_the_grades_a_package_brought_are_put_back_and_taken_again_exactly(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    from tests.core.records.library_dump import dump

    theirs = sent_to(reviewer, demo_lib, tmp_path)
    source = demo_lib.sources.all()[0]
    there = reviewer.sources.by_uid(source.uid)
    assert there is not None
    reviewer.sources.edit(there.id, reliability="C", marking="TLP:GREEN")
    pack = export_pack(reviewer, theirs, tmp_path / "b.briefpack")
    before = demo_lib.sources.get(source.id)

    merged = import_pack(demo_lib, pack)
    after = dump(demo_lib)

    assert len(merged.grade_edits) == 1 and "grade_edits" not in merged.to_json()
    undone = demo_lib.sources.revert_all(merged.grade_edits)
    back = demo_lib.sources.get(source.id)
    assert (back.reliability, back.marking, back.modified_at) == (
        before.reliability,
        before.marking,
        before.modified_at,
    )
    demo_lib.sources.revert_all(undone)
    assert dump(demo_lib) == after
