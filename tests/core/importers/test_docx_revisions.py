"""Word documents import as Word shows them with tracked changes accepted, field codes hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.importers.base import extract_file
from tests.conftest import write_fixture
from tests.core.importers.samples import docx_from_body_xml

REVISION = 'w:id="{}" w:author="Editor" w:date="2026-01-02T10:00:00Z"'


def run(text: str) -> str:
    """Return a plain run holding text."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def inserted(text: str, rid: int = 1) -> str:
    return f"<w:ins {REVISION.format(rid)}>{run(text)}</w:ins>"


def deleted(text: str, rid: int = 2) -> str:
    return (
        f'<w:del {REVISION.format(rid)}><w:r><w:delText xml:space="preserve">{text}'
        "</w:delText></w:r></w:del>"
    )


def para(*content: str, mark: str = "") -> str:
    """Return a paragraph; mark is put in its paragraph-mark run properties."""
    props = f"<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>" if mark else ""
    return f"<w:p>{props}{''.join(content)}</w:p>"


def field(instruction: str, result: str) -> str:
    """Return a complex field (begin, instruction, separate, result, end) as runs."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def imported_blocks(tmp_path: Path, *blocks: str) -> list[str]:
    path = write_fixture(tmp_path / "note.docx", docx_from_body_xml(*blocks))
    return extract_file(path).text.split("\n\n")


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        pytest.param(
            [para(run("The minister said talks "), inserted("will resume on Friday"))],
            ["The minister said talks will resume on Friday"],
            id="insertion-kept",
        ),
        pytest.param(
            [para(run("Talks resume on "), deleted("Monday"), inserted("Friday"), run("."))],
            ["Talks resume on Friday."],
            id="replacement-gives-the-new-words-only",
        ),
        pytest.param(
            [
                para(
                    run("Officials confirmed"),
                    f"<w:moveFrom {REVISION.format(3)}>{run(' on Tuesday')}</w:moveFrom>",
                    run(" the closure."),
                ),
                para(
                    f"<w:moveTo {REVISION.format(4)}>{run('On Tuesday ')}</w:moveTo>",
                    run("the border stayed shut."),
                ),
            ],
            ["Officials confirmed the closure.", "On Tuesday the border stayed shut."],
            id="moved-text-appears-only-where-it-went",
        ),
        pytest.param(
            [
                para(
                    run("See the "),
                    f'<w:hyperlink w:anchor="x">{run("embassy statement")}</w:hyperlink>',
                    run(" issued in "),
                    f'<w:smartTag w:uri="u" w:element="place">{run("Dushanbe")}</w:smartTag>',
                    run(" by "),
                    f"<w:sdt><w:sdtPr><w:alias w:val='Author'/></w:sdtPr>"
                    f"<w:sdtContent>{run('the press office')}</w:sdtContent></w:sdt>",
                    run("."),
                )
            ],
            ["See the embassy statement issued in Dushanbe by the press office."],
            id="hyperlink-smart-tag-and-content-control-text-kept",
        ),
        pytest.param(
            [
                para(
                    run("Page "),
                    field("PAGE \\* MERGEFORMAT", "3"),
                    run(" of the report dated "),
                    f'<w:fldSimple w:instr=" DATE ">{run("4 December 2025")}</w:fldSimple>',
                )
            ],
            ["Page 3 of the report dated 4 December 2025"],
            id="field-results-kept-instructions-dropped",
        ),
        pytest.param(
            [
                para(
                    run("Casualties: "),
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>',
                    field("MERGEFIELD count", "three"),
                    '<w:r><w:instrText xml:space="preserve"> = "" "none" </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                    run("three"),
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                )
            ],
            ["Casualties: three"],
            id="nested-field-in-an-instruction-dropped",
        ),
        pytest.param(
            [
                "<w:sdt><w:sdtPr><w:alias w:val='Summary'/></w:sdtPr><w:sdtContent>"
                f"{para(run('Summary in a content control.'))}</w:sdtContent></w:sdt>",
                para(run("After it.")),
            ],
            ["Summary in a content control.", "After it."],
            id="block-level-content-control-kept",
        ),
        pytest.param(
            [
                para(
                    run("The convoy left "),
                    deleted("Kulob."),
                    mark=f"<w:del {REVISION.format(5)}/>",
                ),
                para(run("at dawn.")),
            ],
            ["The convoy left at dawn."],
            id="deleted-paragraph-mark-joins-the-next-paragraph",
        ),
        pytest.param(
            [
                "<w:tbl><w:tr><w:tc>"
                f"{para(run('Embassy'))}</w:tc><w:tc>"
                f"{para(run('Three workers '), deleted('died'), inserted('killed'))}"
                "</w:tc></w:tr>"
                f"<w:tr><w:trPr><w:del {REVISION.format(6)}/></w:trPr><w:tc>"
                f"{para(deleted('Police'))}</w:tc><w:tc>{para(deleted('No comment'))}</w:tc>"
                "</w:tr></w:tbl>"
            ],
            ["Embassy | Three workers killed"],
            id="table-cells-accept-changes-and-deleted-rows-vanish",
        ),
    ],
)
def test_docx_text_is_what_word_shows_with_changes_accepted(
    tmp_path: Path, blocks: list[str], expected: list[str]
) -> None:
    assert imported_blocks(tmp_path, *blocks) == expected


def test_docx_heading_with_a_tracked_insertion_gives_the_whole_title(tmp_path: Path) -> None:
    heading = (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        f"{run('Talks in Doha ')}{deleted('stall')}{inserted('resume')}</w:p>"
    )
    path = write_fixture(tmp_path / "draft7.docx", docx_from_body_xml(heading, para(run("Body."))))
    assert extract_file(path).title == "Talks in Doha resume"
