"""A hostile reviewer's Word file is read in bounded time and memory, or refused in one line.

Each file is tiny and built here; the harmful ones run in a child process whose peak memory is
measured (see tests/capped_child.py). The bounds are generous: they catch work that takes
minutes or gigabytes, not a slow machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import CorruptFile, NotAReviewCopy
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.review.word_copy import import_review_copy
from tests import hostile_docx as hostile
from tests.capped_child import run_capped

MAX_PEAK_MB = 300
MAX_SECONDS = 30
WORDS = "<w:r><w:t>word </w:t></w:r>"

IMPORT = """\
import sys
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.review.word_copy import import_review_copy

with Library.open(sys.argv[1], backup=False) as lib:
    for path in sys.argv[2:]:
        try:
            result = import_review_copy(lib, path)
        except BriefingError as exc:
            print(type(exc).__name__, exc)
        else:
            print(result.comments_added, result.edits_added, result.already_imported)
"""


def import_in_child(library: Path, *paths: Path) -> list[str]:
    """Import the review copies in a child process; return one line per copy, checking bounds."""
    run = run_capped(IMPORT, str(library), *map(str, paths))
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.seconds < MAX_SECONDS and run.peak_mb < MAX_PEAK_MB, run
    return run.stdout.splitlines()


def _write_copy(path: Path, note: Note, body: str, comments: str) -> Path:
    """Write a review copy of note with this body and these comments; return its path."""
    path.write_bytes(
        hostile.review_copy(hostile.document_xml(body, note.uid), hostile.comments_xml(comments))
    )
    return path


@pytest.fixture
def note(demo_lib: Library) -> Note:
    return demo_lib.notes.all()[0]


def test_a_part_that_inflates_beyond_its_declared_size_is_refused_unread(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    head = hostile.document_xml("<w:p><w:r><w:t>Fine</w:t></w:r></w:p>", note.uid)
    path = tmp_path / "bomb.docx"
    path.write_bytes(
        hostile.zip_of(
            hostile.honest("[Content_Types].xml", hostile.CONTENT_TYPES.encode()),
            hostile.inflating("word/document.xml", head, padding_mib=1024),
        )
    )
    assert path.stat().st_size < 2 * 2**20  # a 1 MB file that would inflate to 1 GiB
    (line,) = import_in_child(library_path, path)
    assert line.startswith("NotAReviewCopy bomb.docx: ")
    assert "word/document.xml" in line and "more than" in line


def test_a_document_part_larger_than_any_memo_is_refused_before_parsing(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    runs = "<w:r><w:t>x</w:t></w:r>" * (20 * 2**20 // 24)  # 20 MB of honest XML
    path = tmp_path / "huge.docx"
    path.write_bytes(hostile.review_copy(hostile.document_xml(f"<w:p>{runs}</w:p>", note.uid)))
    assert path.stat().st_size < 256 * 1024
    (line,) = import_in_child(library_path, path)
    assert line.startswith("NotAReviewCopy huge.docx: ") and "MB" in line


def test_unclosed_comment_ranges_cost_time_in_proportion_to_the_document(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    ranges = 6000
    closed = (
        '<w:commentRangeStart w:id="c"/><w:r><w:t>Three Chinese workers</w:t></w:r>'
        '<w:commentRangeEnd w:id="c"/>'
    )
    path = _write_copy(
        tmp_path / "ranges.docx",
        note,
        f"<w:p>{hostile.range_marks('Start', ranges)}{WORDS * ranges}</w:p><w:p>{closed}</w:p>",
        hostile.comment(0, "Never closed") + hostile.comment("c", "Closed"),
    )
    assert path.stat().st_size < 64 * 1024
    assert import_in_child(library_path, path) == ["2 0 0"]
    anchors = {c.body: c.anchor_text for c in demo_lib.comments.all(note.id)}
    assert anchors == {"Never closed": "", "Closed": "Three Chinese workers"}


def test_comment_ranges_overlapping_thousands_of_times_are_refused(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    ranges = 6000  # each closed only after every run: 6000 copies of the whole text
    starts, ends = hostile.range_marks("Start", ranges), hostile.range_marks("End", ranges)
    path = _write_copy(
        tmp_path / "overlap.docx",
        note,
        f"<w:p>{starts}{WORDS * ranges}{ends}</w:p>",
        "".join(hostile.comment(i, f"On all {i}") for i in range(ranges)),
    )
    assert path.stat().st_size < 96 * 1024
    (line,) = import_in_child(library_path, path)
    assert line.startswith("NotAReviewCopy overlap.docx: ") and "overlap" in line
    assert demo_lib.comments.all(note.id) == []


def test_deeply_nested_paragraphs_with_tracked_insertions_are_read_once_each(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    depth, runs = 240, 20_000  # libxml2 refuses documents nested deeper than 256
    inserted = '<w:ins w:id="5" w:author="R" w:date="2026-01-01T00:00:00Z">'
    body = (
        '<w:p><w:bookmarkStart w:id="7" w:name="brf_s_{uid}"/>'
        + "<w:p>" * depth
        + "<w:r><w:t>x</w:t></w:r>" * runs
        + f"{inserted}<w:r><w:t>new</w:t></w:r></w:ins>"
        + "</w:p>" * depth
        + "</w:p>"
    ).format(uid=note.section("summary").uid)  # type: ignore[union-attr]
    path = tmp_path / "nested.docx"
    path.write_bytes(hostile.review_copy(hostile.document_xml(body, note.uid)))
    assert path.stat().st_size < 64 * 1024
    # One insertion, suggested once: not once more for every paragraph around it.
    assert import_in_child(library_path, path) == ["0 1 0"]
    (edit,) = demo_lib.edits.all(note.id)
    assert (edit.section_key, edit.old_text, edit.new_text) == ("summary", "", "new")


def _many_comments(path: Path, note: Note, count: int, round_: int) -> Path:
    ranges = "".join(
        f'<w:commentRangeStart w:id="{i}"/><w:r><w:t>w{i} </w:t></w:r>'
        f'<w:commentRangeEnd w:id="{i}"/>'
        for i in range(count)
    )
    comments = "".join(
        hostile.comment(i, f"Round {round_}, point {i}", "Reviewer") for i in range(count)
    )
    return _write_copy(path, note, f"<w:p>{ranges}</w:p>", comments)


def test_a_second_copy_with_many_comments_is_not_compared_with_every_existing_one(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    count = 30_000
    first = _many_comments(tmp_path / "first.docx", note, count, 1)
    second = _many_comments(tmp_path / "second.docx", note, count, 2)
    assert import_in_child(library_path, first, second) == [f"{count} 0 0", f"{count} 0 0"]
    assert len(demo_lib.comments.all(note.id)) == 2 * count


def test_many_comments_in_a_long_section_read_the_section_once(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    count = 20_000
    demo_lib.notes.set_section(note.id, "summary", "Some *words* here [@C1]. " * 800)
    section = note.section("summary").uid  # type: ignore[union-attr]
    ranges = "".join(
        f'<w:commentRangeStart w:id="{i}"/><w:r><w:t>here {i}</w:t></w:r>'
        f'<w:commentRangeEnd w:id="{i}"/>'
        for i in range(count)
    )
    path = _write_copy(
        tmp_path / "section.docx",
        note,
        f'<w:p><w:bookmarkStart w:id="7" w:name="brf_s_{section}"/>{ranges}</w:p>',
        "".join(hostile.comment(i, f"Point {i}") for i in range(count)),
    )
    assert import_in_child(library_path, path) == [f"{count} 0 0"]
    (summary,) = {c.section_key for c in demo_lib.comments.all(note.id)}
    assert summary == "summary"


def test_a_comment_without_an_id_is_named(
    demo_lib: Library, note: Note, library_path: Path, tmp_path: Path
) -> None:
    path = _write_copy(tmp_path / "noid.docx", note, WORDS, hostile.comment(None, "Who am I?"))
    before = library_path.read_bytes()
    with pytest.raises(NotAReviewCopy, match=r"^noid\.docx: .*comment .*without an id"):
        import_review_copy(demo_lib, path)
    assert library_path.read_bytes() == before


@pytest.mark.parametrize(("method", "name"), [(12, "bzip2"), (14, "lzma"), (99, "99")])
def test_a_part_compressed_as_word_never_does_is_named(
    lib: Library, tmp_path: Path, method: int, name: str
) -> None:
    document = hostile.document_xml("<w:p/>", "some-note")
    path = tmp_path / "method.docx"
    path.write_bytes(hostile.zip_of(hostile.with_method("word/document.xml", document, method)))
    with pytest.raises(CorruptFile, match=f"word/document.xml.*compression method.*{name}"):
        import_review_copy(lib, path)
