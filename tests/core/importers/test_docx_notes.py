"""A Word source's footnotes and endnotes: marked where referenced, listed under "Notes" after."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers import docx_notes
from briefing_app.core.importers.base import extract_file
from briefing_app.core.library import Library
from tests.capped_child import run_capped
from tests.conftest import write_fixture
from tests.core.importers.samples import docx_with_table
from tests.core.importers.word_notes import (
    docx_with_notes,
    hyperlink,
    note,
    notes_part_xml,
    para,
    reference,
    run,
)

KILLED = para(run("Three workers were killed"), reference(1), run(" in the attack."))
STATEMENT = "Ministry of Interior, statement of 3 May 2025."


def imported(tmp_path: Path, data: bytes) -> list[str]:
    """Return the paragraphs of the text imported from a .docx holding data."""
    return extract_file(write_fixture(tmp_path / "report.docx", data)).text.split("\n\n")


def test_a_footnote_reads_as_its_number_where_referenced_and_its_text_after_the_body(
    tmp_path: Path,
) -> None:
    data = docx_with_notes(
        KILLED, para(run("Officials gave no names.")), footnotes=note(1, STATEMENT)
    )
    assert imported(tmp_path, data) == [
        "Three workers were killed[1] in the attack.",
        "Officials gave no names.",
        "Notes",
        f"[1] {STATEMENT}",
    ]


def test_notes_are_numbered_in_the_order_they_are_referenced_as_word_numbers_them(
    tmp_path: Path,
) -> None:
    # Word's ids follow the order notes were inserted, not where they stand in the text.
    data = docx_with_notes(
        para(run("First claim"), reference(7), run(".")),
        para(run("Second claim"), reference(2), run(", and a third"), reference(4), run(".")),
        footnotes=note(2, "Source two.") + note(4, "Source four.") + note(7, "Source seven."),
    )
    assert imported(tmp_path, data) == [
        "First claim[1].",
        "Second claim[2], and a third[3].",
        "Notes",
        "[1] Source seven.",
        "[2] Source two.",
        "[3] Source four.",
    ]


def test_a_custom_mark_reads_as_itself_and_does_not_take_a_number(tmp_path: Path) -> None:
    data = docx_with_notes(
        para(
            run("The figure"),
            reference(1, custom="*"),
            run(" is disputed; the embassy"),
            reference(2),
            run(" gave it."),
        ),
        footnotes=note(1, "Unconfirmed.", custom="*") + note(2, "Embassy statement."),
    )
    assert imported(tmp_path, data) == [
        "The figure[*] is disputed; the embassy[1] gave it.",
        "Notes",
        "[*] Unconfirmed.",
        "[1] Embassy statement.",
    ]


def test_a_note_of_several_paragraphs_stays_one_numbered_paragraph_with_line_breaks(
    tmp_path: Path,
) -> None:
    data = docx_with_notes(
        KILLED,
        footnotes=note(1, "Ministry of Interior.", "", "Confirmed by the embassy the next day."),
    )
    assert imported(tmp_path, data)[-2:] == [
        "Notes",
        "[1] Ministry of Interior.\nConfirmed by the embassy the next day.",
    ]


def hyperlink_field(url: str, shown: str) -> str:
    """Return a HYPERLINK field (begin, instruction, separate, result, end) as runs."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(shown)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_a_hyperlink_in_a_note_keeps_its_address_after_its_words(tmp_path: Path) -> None:
    url = "https://mfa.example.org/statements/2025-05-03"
    data = docx_with_notes(
        KILLED,
        para(run("Officials"), reference(2), run(" confirmed it"), reference(3), run(".")),
        # In the body, a link stays its words, as in every other import.
        para(
            run("The "), hyperlink_field(url, "ministry"), run(" said so"), reference(4), run(".")
        ),
        footnotes=note(1, run("See the ") + hyperlink("rId1", "ministry's statement") + run("."))
        + note(2, hyperlink("rId2", url))
        + note(3, run("Reuters, ") + hyperlink_field("https://example.org/r", "report") + run("."))
        + note(4, hyperlink_field("file:///C:/Users/me/draft.docx", "my draft"))
        + note(5, "Never referenced."),
        links={"rId1": url, "rId2": url},
    )
    assert imported(tmp_path, data)[-6:] == [
        "The ministry said so[4].",
        "Notes",
        f"[1] See the ministry's statement ({url}).",
        f"[2] {url}",  # the words are the address already: not printed twice
        "[3] Reuters, report (https://example.org/r).",
        "[4] my draft",  # a file on the author's disk is no address for the reader
    ]


def test_a_table_in_a_note_reads_row_by_row(tmp_path: Path) -> None:
    table = (
        "<w:tbl>"
        f"<w:tr><w:tc>{para(run('Party'))}</w:tc><w:tc>{para(run('Figure'))}</w:tc></w:tr>"
        f"<w:tr><w:tc>{para(run('Embassy'))}</w:tc><w:tc>{para(run('3'))}</w:tc></w:tr>"
        "</w:tbl>"
    )
    data = docx_with_notes(KILLED, footnotes=note(1, "Figures given:", table))
    assert imported(tmp_path, data)[-1] == "[1] Figures given:\nParty | Figure\nEmbassy | 3"


def test_separator_notes_never_show_even_when_referenced(tmp_path: Path) -> None:
    data = docx_with_notes(
        para(run("Body"), reference(-1), reference(0), run(" text.")),
        footnotes=note(1, "Unreferenced."),
    )
    assert imported(tmp_path, data) == ["Body text."]


def test_a_reference_inside_a_table_cell_is_marked_and_numbered_in_reading_order(
    tmp_path: Path,
) -> None:
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr><w:tc>{para(run('Embassy'))}</w:tc>"
        f"<w:tc>{para(run('Three killed'), reference(5))}</w:tc></w:tr></w:tbl>"
    )
    data = docx_with_notes(
        KILLED,
        table,
        para(run("After the table"), reference(3), run(".")),
        footnotes=note(1, STATEMENT) + note(3, "Later report.") + note(5, "Embassy release."),
    )
    assert imported(tmp_path, data) == [
        "Three workers were killed[1] in the attack.",
        "Embassy | Three killed[2]",
        "After the table[3].",
        "Notes",
        f"[1] {STATEMENT}",
        "[2] Embassy release.",
        "[3] Later report.",
    ]


def test_endnotes_read_as_word_numbers_them_and_both_kinds_get_their_own_heading(
    tmp_path: Path,
) -> None:
    data = docx_with_notes(
        KILLED,
        para(run("The talks resumed"), reference(1, kind="endnote"), run(".")),
        para(run("Both sides agreed"), reference(2, kind="endnote"), run(".")),
        footnotes=note(1, STATEMENT),
        endnotes=note(1, "Reuters, 4 May.", kind="endnote")
        + note(2, "AFP, 5 May.", kind="endnote"),
    )
    assert imported(tmp_path, data) == [
        "Three workers were killed[1] in the attack.",
        "The talks resumed[i].",
        "Both sides agreed[ii].",
        "Footnotes",
        f"[1] {STATEMENT}",
        "Endnotes",
        "[i] Reuters, 4 May.",
        "[ii] AFP, 5 May.",
    ]


@pytest.mark.parametrize(
    ("settings", "marks"),
    [
        ('<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>', ["[1]", "[2]"]),
        (
            '<w:endnotePr><w:numFmt w:val="upperLetter"/><w:numStart w:val="3"/></w:endnotePr>',
            ["[C]", "[D]"],
        ),
        ('<w:endnotePr><w:numFmt w:val="chicago"/></w:endnotePr>', ["[*]", "[†]"]),
    ],
)
def test_the_documents_own_note_numbering_is_followed(
    tmp_path: Path, settings: str, marks: list[str]
) -> None:
    data = docx_with_notes(
        para(run("One"), reference(1, kind="endnote"), run(" two"), reference(2, kind="endnote")),
        endnotes=note(1, "A.", kind="endnote") + note(2, "B.", kind="endnote"),
        settings=settings,
    )
    assert imported(tmp_path, data) == [
        f"One{marks[0]} two{marks[1]}",
        "Notes",
        f"{marks[0]} A.",
        f"{marks[1]} B.",
    ]


def test_a_note_referenced_twice_or_missing_is_listed_once_or_not_at_all(tmp_path: Path) -> None:
    data = docx_with_notes(
        para(run("Said"), reference(1), run(" and repeated"), reference(1), run(".")),
        para(run("Orphan reference"), reference(9), run(".")),
        footnotes=note(1, STATEMENT),
    )
    assert imported(tmp_path, data) == [
        "Said[1] and repeated[1].",
        "Orphan reference.",
        "Notes",
        f"[1] {STATEMENT}",
    ]


def test_a_document_without_note_references_imports_exactly_as_before(tmp_path: Path) -> None:
    plain = extract_file(write_fixture(tmp_path / "plain.docx", docx_with_table()))
    assert plain.text.startswith("Situation in Khatlon\n\nThe Chinese embassy")
    assert "Notes" not in plain.text
    blocks = [para(run("Three workers were killed in the attack.")), para(run("No notes."))]
    without_part = imported(tmp_path, docx_with_notes(*blocks))
    # Word keeps a notes part (its separators, a note deleted since) in many documents.
    with_part = imported(tmp_path, docx_with_notes(*blocks, footnotes=note(1, STATEMENT)))
    assert with_part == without_part == ["Three workers were killed in the attack.", "No notes."]


def test_the_title_taken_from_a_heading_has_no_note_mark(tmp_path: Path) -> None:
    heading = (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        f"{run('Border incident')}{reference(2)}</w:p>"
    )
    path = write_fixture(
        tmp_path / "report.docx",
        docx_with_notes(heading, KILLED, footnotes=note(1, STATEMENT) + note(2, "Title note.")),
    )
    doc = extract_file(path)
    assert doc.title == "Border incident"
    assert doc.text.startswith("Border incident[1]\n\nThree workers were killed[2]")


def test_stored_source_keeps_the_notes_so_a_claim_can_quote_one(
    tmp_path: Path, lib: Library
) -> None:
    path = write_fixture(
        tmp_path / "report.docx", docx_with_notes(KILLED, footnotes=note(1, STATEMENT))
    )
    source = lib.sources.add(extract_file(path))
    claim = lib.claims.add(source.id, quote="statement of 3 May 2025")
    assert claim.quote == "statement of 3 May 2025"
    assert lib.sources.get(source.id).text.endswith(f"Notes\n\n[1] {STATEMENT}")


def test_a_notes_part_over_the_limit_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit is 64 MB; a lower one keeps the test small and fast.
    monkeypatch.setattr(docx_notes, "MAX_NOTES_XML_BYTES", 64 * 1024)
    notes = "".join(note(i, f"Note {i} " + "x" * 100) for i in range(1, 1000))
    data = docx_with_notes(KILLED, footnotes_xml=notes_part_xml("footnote", notes))
    with pytest.raises(FileTooLarge, match=r"footnotes \(word/footnotes.xml\) take .*limit is"):
        imported(tmp_path, data)


def test_damaged_notes_xml_is_a_corrupt_file(tmp_path: Path) -> None:
    broken = notes_part_xml("footnote", note(1, STATEMENT))[:-40]
    with pytest.raises(CorruptFile, match="damaged XML"):
        imported(tmp_path, docx_with_notes(KILLED, footnotes_xml=broken))


HOSTILE_IMPORT = """\
import sys
from briefing_app.core.errors import BriefingError
from briefing_app.core.importers.base import extract_file

for path in sys.argv[1:]:
    try:
        text = extract_file(path).text
    except BriefingError as exc:
        print(type(exc).__name__, exc)
    else:
        blocks = text.split("\\n\\n")
        print(len(blocks), " / ".join(blocks[-2:]))
"""

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:footnotes ['
    '<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def test_hostile_notes_parts_cost_seconds_and_bounded_memory(tmp_path: Path) -> None:
    # 100,000 notes (17 MB of XML in a file of under 1 MB), 10,000 of them referenced.
    many = "".join(note(i, f"Source {i}.") for i in range(1, 100_001))
    references = [
        para(*(run("Claim ") + reference(i) for i in range(j, j + 100)))
        for j in range(1, 10_001, 100)
    ]
    crowded = write_fixture(
        tmp_path / "crowded.docx",
        docx_with_notes(*references, footnotes_xml=notes_part_xml("footnote", many)),
    )
    # Entities nested ten deep (a billion "lol"s if expanded) in a note's text.
    laughs = notes_part_xml("footnote", note(1, "&lol9;")).replace(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', LAUGHS.encode()
    )
    laughing = write_fixture(
        tmp_path / "laughs.docx", docx_with_notes(KILLED, footnotes_xml=laughs)
    )
    assert crowded.stat().st_size < 2**20 and laughing.stat().st_size < 64 * 1024
    child = run_capped(HOSTILE_IMPORT, str(crowded), str(laughing))
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.seconds < 30 and child.peak_mb < 300, child
    # 100 paragraphs, the heading, 10,000 notes; the entities are refused, never expanded.
    assert child.stdout.splitlines() == [
        "10101 [9999] Source 9999. / [10000] Source 10000.",
        "CorruptFile not a valid Word .docx file (damaged XML inside)",
    ]


NOTE_IDS = st.sampled_from(["-1", "0", "1", "2", "3", "07", "x", ""])


@st.composite
def noted_documents(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str]:
    """Return references (id, custom mark) and a footnotes part's notes, odd ones included."""
    references = draw(st.lists(st.tuples(NOTE_IDS, st.sampled_from(["", "*", "†"])), max_size=6))
    notes = []
    for note_id in draw(st.lists(NOTE_IDS, max_size=6)):
        kind = draw(st.sampled_from(["", ' w:type="separator"', ' w:type="normal"']))
        words = draw(st.sampled_from(["Said so.", "", "A.</w:t><w:t>B."]))
        notes.append(f'<w:footnote w:id="{note_id}"{kind}>{para(run(words))}</w:footnote>')
    return references, "".join(notes)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(noted_documents())
def test_every_mark_in_the_text_has_its_note_listed_in_order(
    tmp_path: Path, case: tuple[list[tuple[str, str]], str]
) -> None:
    references, notes = case
    body = para(
        *(
            run("Claim")
            + (
                f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{i}"/>'
                f"<w:t>{custom}</w:t></w:r>"
                if custom
                else f'<w:r><w:footnoteReference w:id="{i}"/></w:r>'
            )
            for i, custom in references
        ),
        run("."),
    )
    text = extract_file(
        write_fixture(tmp_path / "fuzz.docx", docx_with_notes(body, footnotes=notes))
    ).text
    main, _, listed = text.partition("\n\nNotes\n\n")
    marks_in_text = re.findall(r"\[[^\]]+\]", main)
    listed_marks = [line.split(" ")[0] for line in listed.split("\n\n") if listed]
    assert set(marks_in_text) == set(listed_marks)
    numbered = [mark for mark in listed_marks if mark[1:-1].isdigit()]
    # Numbered in the order first referenced, each once (custom marks may repeat, as in Word).
    assert numbered == [f"[{n}]" for n in range(1, len(numbered) + 1)]
