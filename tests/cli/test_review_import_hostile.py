"""`briefing review import` refuses a hostile Word file in one line; the library is unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.library import Library
from tests import hostile_docx as hostile
from tests.cli.runner import briefing


def _inflating(uid: str) -> bytes:
    head = hostile.document_xml("<w:p><w:r><w:t>Fine</w:t></w:r></w:p>", uid)
    return hostile.zip_of(hostile.inflating("word/document.xml", head, padding_mib=64))


def _comment_without_id(uid: str) -> bytes:
    comment = hostile.comment(None, "Who?")
    return hostile.review_copy(hostile.document_xml("<w:p/>", uid), hostile.comments_xml(comment))


def _bzip2_part(uid: str) -> bytes:
    return hostile.zip_of(
        hostile.with_method("word/document.xml", hostile.document_xml("", uid), 12)
    )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (_inflating, "word/document.xml unpacks to more than the"),
        (_comment_without_id, "word/comments.xml has a comment without an id"),
        (_bzip2_part, "word/document.xml uses zip compression method bzip2"),
    ],
)
def test_a_hostile_review_copy_is_one_line_and_changes_nothing(
    tmp_path: Path, build: Callable[[str], bytes], message: str
) -> None:
    library = tmp_path / "l.sqlite"
    with Library.open(library) as lib:
        build_demo(lib)
        uid = lib.notes.all()[0].uid
    path = tmp_path / "reviewed.docx"
    path.write_bytes(build(uid))
    before = library.read_bytes()
    result = briefing("review", "import", str(path), library=library)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: reviewed.docx: ") and message in line, line
    assert library.read_bytes() == before
