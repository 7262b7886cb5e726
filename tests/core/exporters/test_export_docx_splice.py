"""The body's XML goes into document.xml as written, not parsed and serialised again: the file
must be byte for byte what the parsed way writes, and a reference document whose namespace
prefixes differ from ours still gets the whole note."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.build import build_document
from briefing_app.core.exporters.docx_writer import write_docx
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template, user_templates_dir
from tests.core.exporters.export_helpers import (
    FEATURES_BODY,
    TEMPLATES,
    demo_in_template,
    demo_note,
)
from tests.core.exporters.test_export_reference import bundled_parts, write_docx_parts

# What the splice must write as lxml would: an empty run text (the space before a citation
# dropped), empty table cells and paragraph properties, a carriage return in a source's title,
# escaped characters, a vertical tab in code (a space in Word), a link, notes of the writer's own.
AWKWARD_BODY = (
    FEATURES_BODY
    + "\nA *grave* [@C2] risk & <more> \"quoted\" 'text' `a\x0bb` \u2028 [@C3].\n\n"
    + "| a | |\n|---|---|\n| | x |\n"
)


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def _both_ways(lib: Library, note_id: int, tmp_path: Path, **changes: Any) -> tuple[bytes, bytes]:
    """Return document.xml written with the body spliced in, and with it parsed into the tree
    (of the note's document with changes made to it)."""
    note = lib.notes.get(note_id)
    template = get_template(note.template)
    doc = dataclasses.replace(build_document(lib, note, template), **changes)
    write_docx(doc, tmp_path / "spliced.docx", template.reference_docx)
    write_docx(doc, tmp_path / "parsed.docx", template.reference_docx, splice=False)
    docx.Document(str(tmp_path / "spliced.docx"))  # python-docx opens it
    return _document_xml(tmp_path / "spliced.docx"), _document_xml(tmp_path / "parsed.docx")


@pytest.mark.parametrize("template", TEMPLATES)
def test_spliced_body_is_byte_for_byte_the_parsed_one(
    demo_lib: Library, tmp_path: Path, template: str
) -> None:
    note = demo_in_template(demo_lib, template)
    first = note.sections[0].key
    demo_lib.notes.set_section(note.id, first, AWKWARD_BODY)
    spliced, parsed = _both_ways(demo_lib, note.id, tmp_path)
    assert spliced == parsed
    assert b"China Urges Tajikistan" in spliced or b"Tajik authorities" in spliced


def test_an_empty_title_and_heading_are_written_as_lxml_writes_empty_text(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_note(demo_lib)
    doc = build_document(demo_lib, note)
    sections = [dataclasses.replace(doc.sections[0], heading=""), *doc.sections[1:]]
    spliced, parsed = _both_ways(demo_lib, note.id, tmp_path, title="", sections=sections)
    assert spliced == parsed
    assert b'<w:t xml:space="preserve"/>' in spliced


def test_a_carriage_return_in_a_source_title_is_written_as_xml_reads_it(
    demo_lib: Library, tmp_path: Path
) -> None:
    wire = demo_lib.sources.add(
        ExtractedDocument(title="Border wire\r\nsecond line\rthird", text="Crossings shut.")
    )
    claim = demo_lib.claims.add(wire.id, quote="Crossings shut")
    note = demo_in_template(demo_lib, "intelligence-assessment")  # claims annex, sources list
    demo_lib.notes.set_section(note.id, note.sections[0].key, f"Shut [@{claim.key}].")
    spliced, parsed = _both_ways(demo_lib, note.id, tmp_path)
    assert spliced == parsed
    assert b"\r" not in spliced


def test_a_reference_with_other_namespace_prefixes_still_gets_the_whole_note(
    demo_lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.set_section(note.id, "background", AWKWARD_BODY)
    ours = export_note(demo_lib, note.id, tmp_path / "ours.docx")  # the bundled reference
    # Another tool may write the main namespace as ns0: instead of Word's w:.
    parts = bundled_parts()
    xml = parts["word/document.xml"].replace(b'xmlns:w="', b'xmlns:ns0="')
    parts["word/document.xml"] = re.sub(rb"(</?|\s)w:", rb"\1ns0:", xml)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    write_docx_parts(folder / "other.docx", parts)
    spec = get_template("briefing-note").path
    assert spec is not None
    (folder / "briefing-note.yaml").write_text(
        spec.read_text(encoding="utf-8").replace(
            "reference_docx: briefing-note.docx", "reference_docx: other.docx"
        ),
        encoding="utf-8",
    )
    theirs = export_note(demo_lib, note.id, tmp_path / "theirs.docx")
    assert b"<ns0:body>" in _document_xml(theirs)
    document = docx.Document(str(theirs))
    assert [p.text for p in document.paragraphs] == [
        p.text for p in docx.Document(str(ours)).paragraphs
    ]
    assert "Tajik authorities" in [c.text for c in document.tables[0].columns[0].cells]
