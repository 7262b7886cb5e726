"""A source's guessed language travels in a review package marked as guessed, and a language
the analyst set on either side wins over a guess when the package comes back."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.errors import InvalidPack
from briefing_app.core.importers.base import extract_file
from briefing_app.core.library import Library
from briefing_app.core.models import Source
from briefing_app.core.review.pack_contents import SOURCE, SOURCE_OPTIONAL, record
from briefing_app.core.review.pack_undo import undo_pack_import
from briefing_app.core.review.packs import export_pack, import_pack
from tests.conftest import write_fixture
from tests.core.importers.test_guessed_language import GERMAN_REPORT
from tests.core.records.library_dump import dump
from tests.core.review.test_pack_evidence import forge


@pytest.fixture
def reviewer(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "reviewer.sqlite")


def _cite_german_report(lib: Library, tmp_path: Path) -> Source:
    """Import a German .txt (its language guessed) and cite a claim of it in the first note."""
    source = lib.sources.add(extract_file(write_fixture(tmp_path / "brand.txt", GERMAN_REPORT)))
    claim = lib.claims.add(source.id, quote="Drei Menschen wurden verletzt")
    note = lib.notes.all()[0]
    section = note.sections[0]
    lib.notes.set_section(note.id, section.key, f"{section.body} [@{claim.key}]")
    return source


def _send(lib: Library, path: Path) -> Path:
    return export_pack(lib, lib.notes.all()[0].id, path)


def _language(lib: Library, uid: str) -> tuple[str, bool]:
    source = lib.sources.by_uid(uid)
    assert source is not None
    return source.language, source.language_guessed


def _sources_of(members: dict[str, Any]) -> list[dict[str, Any]]:
    return [data for name, data in members.items() if name.startswith("sources/")]


def test_a_guessed_language_arrives_marked_as_guessed(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    source = _cite_german_report(demo_lib, tmp_path)
    assert (source.language, source.language_guessed) == ("de", True)

    import_pack(reviewer, _send(demo_lib, tmp_path / "a.briefpack"))

    assert _language(reviewer, source.uid) == ("de", True)
    # The demo's own sources declared theirs (or have none): they arrive as declared.
    demo = [s for s in reviewer.sources.all() if s.uid != source.uid]
    assert demo and not any(s.language_guessed for s in demo)


def test_a_package_from_an_older_briefing_brings_its_languages_as_declared(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    source = _cite_german_report(demo_lib, tmp_path)

    def as_older_briefing_wrote_it(members: dict[str, Any]) -> None:
        for data in _sources_of(members):
            del data["language_guessed"]

    old = forge(_send(demo_lib, tmp_path / "a.briefpack"), tmp_path / "old.briefpack",
                as_older_briefing_wrote_it)  # fmt: skip
    import_pack(reviewer, old)
    assert _language(reviewer, source.uid) == ("de", False)


def test_an_older_briefing_reads_the_new_field_as_one_it_does_not_know(
    demo_lib: Library, tmp_path: Path
) -> None:
    # Older readers check sources against the optional fields they know; unknown ones pass.
    _cite_german_report(demo_lib, tmp_path)
    older_optional = {k: v for k, v in SOURCE_OPTIONAL.items() if k != "language_guessed"}
    pack = _send(demo_lib, tmp_path / "a.briefpack")
    with zipfile.ZipFile(pack) as z:
        sent = [json.loads(z.read(n)) for n in z.namelist() if n.startswith("sources/")]
    assert any(data["language_guessed"] for data in sent)
    for data in sent:
        assert record("a.briefpack", "source", data, SOURCE, older_optional) is data


def test_a_flag_that_is_not_true_or_false_is_refused_and_changes_nothing(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    _cite_german_report(demo_lib, tmp_path)

    def as_text(members: dict[str, Any]) -> None:
        for data in _sources_of(members):
            data["language_guessed"] = "yes"

    bad = forge(_send(demo_lib, tmp_path / "a.briefpack"), tmp_path / "bad.briefpack", as_text)
    before = dump(reviewer)
    with pytest.raises(InvalidPack, match="'language_guessed' is text, not true or false"):
        import_pack(reviewer, bad)
    assert dump(reviewer) == before


def test_a_language_the_reviewer_corrected_comes_back_and_is_no_longer_a_guess(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    source = _cite_german_report(demo_lib, tmp_path)
    import_pack(reviewer, _send(demo_lib, tmp_path / "a.briefpack"))
    theirs = reviewer.sources.by_uid(source.uid)
    assert theirs is not None
    reviewer.sources.edit(theirs.id, language="de-AT")

    before = dump(demo_lib)
    merged = import_pack(demo_lib, _send(reviewer, tmp_path / "b.briefpack"))

    assert merged.conflicts == []
    assert _language(demo_lib, source.uid) == ("de-AT", False)
    # Undoing the import brings the guess back.
    undo_pack_import(demo_lib, merged.imported)
    assert dump(demo_lib) == before
    assert _language(demo_lib, source.uid) == ("de", True)


def test_a_confirmed_guess_comes_back_as_confirmed(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    source = _cite_german_report(demo_lib, tmp_path)
    import_pack(reviewer, _send(demo_lib, tmp_path / "a.briefpack"))
    theirs = reviewer.sources.by_uid(source.uid)
    assert theirs is not None
    reviewer.sources.edit(theirs.id, language="de")

    import_pack(demo_lib, _send(reviewer, tmp_path / "b.briefpack"))
    assert _language(demo_lib, source.uid) == ("de", False)


def test_the_author_s_correction_is_kept_over_the_reviewer_s_guess(
    demo_lib: Library, reviewer: Library, tmp_path: Path
) -> None:
    source = _cite_german_report(demo_lib, tmp_path)
    import_pack(reviewer, _send(demo_lib, tmp_path / "a.briefpack"))
    demo_lib.sources.edit(source.id, language="de-CH")

    merged = import_pack(demo_lib, _send(reviewer, tmp_path / "b.briefpack"))

    assert merged.conflicts == []
    assert _language(demo_lib, source.uid) == ("de-CH", False)
    # And sent again, the reviewer's guess gives way to it.
    import_pack(reviewer, _send(demo_lib, tmp_path / "c.briefpack"))
    assert _language(reviewer, source.uid) == ("de-CH", False)
