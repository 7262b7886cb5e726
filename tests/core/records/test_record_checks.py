"""The checks a review package's records pass are the records' own: a file import, an edit or
a new comment is refused by the same ones (tests/reliability/test_hostile_packs.py has the
package side)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.importers.batch import import_one
from briefing_app.core.library import Library

ARTICLE = "Officials said three workers were killed in the attack on the mining camp.\n"


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("script.md", f"---\nurl: javascript:alert(1)\n---\n{ARTICLE}", "javascript:"),
        ("tabbed.md", f"---\nurl: ' java\tscript:alert(1)'\n---\n{ARTICLE}", "not a web address"),
        # Past the first 4 KB, where the importers look for binary data.
        ("late-nul.txt", ARTICLE * 100 + "\x00" + ARTICLE, "NUL"),
    ],
)
def test_a_file_import_refuses_what_a_package_may_not_bring(
    lib: Library, tmp_path: Path, name: str, body: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    outcome = import_one(lib, path)
    assert outcome.status == "failed"
    assert reason in outcome.reason and "\n" not in outcome.reason
    assert lib.sources.count() == 0


def test_a_web_address_without_a_scheme_or_with_a_port_is_kept(lib: Library) -> None:
    for url in ("www.example.org/a", "example.org:8080/a", "HTTPS://example.org"):
        doc = ExtractedDocument(title=url, text=f"{ARTICLE} {url}", url=url)
        assert lib.sources.add(doc).url == url


def test_editing_a_source_refuses_a_script_address(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="T", text=ARTICLE))
    with pytest.raises(InvalidInput, match="not a web address"):
        lib.sources.update(source.id, url="data:text/html,<script>alert(1)</script>")
    assert lib.sources.get(source.id).url == ""


def test_a_claim_key_of_more_than_nine_digits_is_refused(lib: Library) -> None:
    source = lib.sources.add(ExtractedDocument(title="T", text=ARTICLE))
    with pytest.raises(InvalidInput, match="is not a claim key"):
        lib.claims.add(source.id, quote="three workers", key="C" + "9" * 30)
    assert lib.claims.count() == 0


def test_a_comment_outside_its_section_is_refused(lib: Library) -> None:
    note = lib.notes.create(
        "N", "briefing-note", [("summary", "Summary")], bodies={"summary": "Hi"}
    )
    with pytest.raises(InvalidInput, match="outside its section"):
        lib.comments.add(note.id, "summary", "What?", anchor_text="Hi", start=1, end=40)
    with pytest.raises(InvalidInput, match="outside its section"):
        lib.comments.add(note.id, "summary", "What?", start=1)
    assert lib.comments.all(note.id) == []
    assert lib.comments.add(note.id, "summary", "What?", anchor_text="Hi", start=0, end=2)
