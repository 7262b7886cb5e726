"""Word, PDF and e-mail files: text in reading order, metadata, and damaged input."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers import docx as docx_importer
from briefing_app.core.importers.base import extract_file
from tests.conftest import write_fixture
from tests.core.importers.samples import (
    ARTICLE_PARAGRAPHS,
    docx_from_body_xml,
    docx_with_table,
    email_with_html_body,
    encrypted_pdf,
    pdf_with_hyphenation,
    pdf_with_symbol_bullet,
    pdf_with_table,
    pdf_without_text,
    zip_bomb_docx,
)


def test_docx_keeps_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "report.docx", docx_with_table()))
    assert doc.format == "docx"
    assert (doc.title, doc.byline, doc.published) == (
        "Khatlon situation report",
        "Desk Officer",
        "2025-12-04",
    )
    blocks = doc.text.split("\n\n")
    assert blocks == [
        "Situation in Khatlon",
        ARTICLE_PARAGRAPHS[0],
        "Party | Claim",
        "Embassy | Three workers killed",
        "Taliban | Not involved",
        ARTICLE_PARAGRAPHS[1],
    ]


def test_pdf_lines_are_joined_into_paragraphs_and_hyphens_repaired(tmp_path: Path) -> None:
    doc = extract_file(pdf_with_hyphenation(tmp_path / "statement.pdf"))
    assert (doc.title, doc.byline, doc.format) == (
        "Khatlon statement",
        "Embassy Press Office",
        "pdf",
    )
    assert doc.text.split("\n\n") == [
        "Statement on the attack",
        "The embassy said three Chinese workers were killed in the attack near the border.",
        "Officials said the investigation was continuing on Tuesday.",
    ]


def test_pdf_table_cells_on_one_line_stay_separate_words(tmp_path: Path) -> None:
    # The reader showed "PartyCasualties Ministry5 injured": a quote copied from the PDF
    # ("Ministry 5 injured") could not be found in the stored text.
    doc = extract_file(pdf_with_table(tmp_path / "figures.pdf"))
    # Each row a paragraph, as a Word table's: not run on into the sentence after the table.
    assert doc.text.split("\n\n") == [
        "Party Casualties",
        "Ministry 5 injured",
        "Rebels none",
        "After the table, the governor spoke.",
    ]


def test_a_tool_s_placeholder_author_and_template_date_stay_out_of_the_source(
    tmp_path: Path,
) -> None:
    # Walk: a report written with python-docx was listed in the note's sources as
    # "python-docx. “Border incident report.” December 23, 2013" (the template's author and date).
    import io

    import docx
    from reportlab.pdfgen import canvas

    document = docx.Document()
    document.add_heading("Border incident report", level=1)
    document.add_paragraph("The ministry said five guards were injured.")
    out = io.BytesIO()
    document.save(out)
    doc = extract_file(write_fixture(tmp_path / "report.docx", out.getvalue()))
    assert (doc.title, doc.byline, doc.published) == ("Border incident report", "", None)

    pdf = canvas.Canvas(str(tmp_path / "report.pdf"))
    pdf.setAuthor("Microsoft Office User")
    pdf.drawString(72, 720, "The ministry said five guards were injured.")
    pdf.save()
    assert extract_file(tmp_path / "report.pdf").byline == ""


def test_a_pdf_list_bullet_in_the_symbol_font_reads_as_a_bullet(tmp_path: Path) -> None:
    # Walk: a bulleted key judgment came back from Word's PDF as an empty box ("\uf0b7 We").
    doc = extract_file(write_fixture(tmp_path / "judgments.pdf", pdf_with_symbol_bullet()))
    assert doc.text == "• We assess the attack was planned."


def test_pdf_titled_by_its_authoring_tool_takes_its_first_line(tmp_path: Path) -> None:
    path = pdf_with_hyphenation(tmp_path / "draft.pdf", title="Microsoft Word - draft3.docx")
    assert extract_file(path).title == "Statement on the attack"


def test_pdf_without_text_layer_says_so(tmp_path: Path) -> None:
    with pytest.raises(CorruptFile, match=r"no text layer \(scanned\?\)"):
        extract_file(pdf_without_text(tmp_path / "scan.pdf"))


def test_encrypted_pdf_gets_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorruptFile, match="encrypted"):
        extract_file(encrypted_pdf(tmp_path / "locked.pdf"))


def test_email_with_html_body(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "fwd.eml", email_with_html_body()))
    assert doc.format == "email"
    assert doc.title == "Embassy statement on the Khatlon attack"
    assert doc.byline == "Jane Roe"
    assert doc.published == "2025-12-03"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert "<p>" not in doc.text


def test_plain_text_email(tmp_path: Path) -> None:
    raw = (
        "From: desk@example.org\nSubject: Re: Patrols\nDate: Thu, 4 Dec 2025 08:00:00 +0000\n"
        "Content-Type: text/plain; charset=utf-8\n\nPatrols were reinforced overnight.\n"
    )
    doc = extract_file(write_fixture(tmp_path / "note.eml", raw))
    assert (doc.title, doc.byline, doc.published) == ("Patrols", "desk@example.org", "2025-12-04")
    assert doc.text == "Patrols were reinforced overnight."


def test_email_attachments_are_named_in_the_source_note(tmp_path: Path) -> None:
    # Walk: an e-mail's attached minutes vanished on import, with nothing saying they existed.
    from email.message import EmailMessage

    from briefing_app.core.library import Library

    message = EmailMessage()
    message["From"] = "Ana Analyst <ana@example.org>"
    message["Subject"] = "Re: Dam talks"
    message["Date"] = "Mon, 4 Mar 2024 10:00:00 +0000"
    message.set_content("The envoy told me the talks resumed on Monday.\n")
    message.add_attachment(b"minutes", maintype="text", subtype="plain", filename="minutes.txt")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="r.pdf")
    doc = extract_file(write_fixture(tmp_path / "reply.eml", bytes(message)))
    assert doc.text.strip() == "The envoy told me the talks resumed on Monday."
    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(doc)
    assert lib.sources.get(source.id).analyst_note.startswith(
        "Attached to the e-mail, not imported: minutes.txt, r.pdf."
    )
    # A message without attachments leaves the note to the analyst.
    assert (
        extract_file(write_fixture(tmp_path / "fwd.eml", email_with_html_body())).analyst_note == ""
    )


def test_email_attachment_names_are_one_line_of_plain_text_and_a_few_of_them(
    tmp_path: Path,
) -> None:
    # Walk: a name sent as "evil<ESC>[31mname<LF>line.pdf" went into the note as it was, a
    # terminal escape and a line break that `briefing sources` would obey; a message with
    # hundreds of attachments named every one of them.
    parts = [
        "Content-Type: application/pdf\r\nContent-Disposition: attachment; "
        "filename*=utf-8''evil%1B%5B31mname%0A%C2%9B%09line.pdf\r\n\r\nAAAA\r\n"
    ] + [
        f"Content-Type: text/plain\r\nContent-Disposition: attachment; filename=a{n}.txt"
        "\r\n\r\nx\r\n"
        for n in range(12)
    ]
    raw = (
        "From: A <a@example.org>\r\nSubject: Report\r\nDate: Mon, 1 Dec 2025 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        "--XX\r\nContent-Type: text/plain\r\n\r\nThe body text.\r\n"
        + "".join(f"--XX\r\n{part}" for part in parts)
        + "--XX--\r\n"
    )
    note = extract_file(write_fixture(tmp_path / "many.eml", raw)).analyst_note
    assert note.startswith(
        "Attached to the e-mail, not imported: evil[31mname line.pdf, a0.txt, a1.txt, "
    )
    assert "a8.txt and 3 more. Save an attachment" in note
    assert "a9.txt" not in note
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in note)


def test_docx_that_would_unpack_above_the_limit_is_refused_unopened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit is hundreds of MB; a lower one keeps the test small and fast.
    monkeypatch.setattr(docx_importer, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    path = write_fixture(tmp_path / "bomb.docx", zip_bomb_docx(4 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(FileTooLarge, match="zip bomb"):
        extract_file(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("junk.docx", bytes(range(256)) * 40, "not a zip archive"),
        ("truncated.docx", docx_with_table()[:3000], "truncated"),
        ("junk.pdf", bytes(range(256)) * 40, "not a PDF"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF"),
        ("junk.eml", bytes(range(256)) * 40, "binary"),
        ("words.eml", b"hello there, no headers at all", "not an e-mail"),
    ],
)
def test_damaged_documents_get_a_clear_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(CorruptFile, match=message):
        extract_file(write_fixture(tmp_path / name, data))


def test_docx_with_damaged_xml_is_corrupt(tmp_path: Path) -> None:
    import io
    import zipfile

    good = zipfile.ZipFile(io.BytesIO(docx_with_table()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as damaged:
        for item in good.infolist():
            data = good.read(item)
            damaged.writestr(
                item, data[: len(data) // 2] if item.filename.endswith("document.xml") else data
            )
    with pytest.raises(CorruptFile, match="docx"):
        extract_file(write_fixture(tmp_path / "damaged.docx", out.getvalue()))


def test_docx_part_that_inflates_beyond_its_declared_size_is_refused_unread(
    tmp_path: Path,
) -> None:
    from tests import hostile_docx as hostile
    from tests.capped_child import run_capped

    head = hostile.document_xml("<w:p><w:r><w:t>Fine</w:t></w:r></w:p>")
    bomb = hostile.inflating("word/document.xml", head, padding_mib=1024)
    path = write_fixture(tmp_path / "bomb.docx", hostile.with_part(hostile.blank_docx(), bomb))
    assert path.stat().st_size < 2 * 2**20  # a 1 MB file that would inflate to 1 GiB
    run = run_capped(
        "import sys\n"
        "from briefing_app.core.errors import BriefingError\n"
        "from briefing_app.core.importers.base import extract_file\n"
        "try:\n    extract_file(sys.argv[1])\n"
        "except BriefingError as exc:\n    print(type(exc).__name__, exc)\n",
        str(path),
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.seconds < 30 and run.peak_mb < 300, run
    assert run.stdout.startswith("CorruptFile word/document.xml unpacks to more than")


@pytest.mark.parametrize(("method", "name"), [(12, "bzip2"), (14, "lzma"), (99, "99")])
def test_docx_part_compressed_as_word_never_does_is_named(
    tmp_path: Path, method: int, name: str
) -> None:
    from tests import hostile_docx as hostile

    document = hostile.document_xml("<w:p><w:r><w:t>Text</w:t></w:r></w:p>")
    part = hostile.with_method("word/document.xml", document, method)
    path = write_fixture(tmp_path / "method.docx", hostile.with_part(hostile.blank_docx(), part))
    with pytest.raises(CorruptFile, match=f"word/document.xml .*compression method {name}"):
        extract_file(path)


def test_a_docx_whose_member_offset_points_before_the_file_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    """Found by the fuzzer: a .docx missing its first byte makes zipfile seek to -1."""
    whole = docx_from_body_xml("<w:p><w:r><w:t>Text</w:t></w:r></w:p>")
    path = tmp_path / "broken.docx"
    path.write_bytes(whole[1:])
    with pytest.raises(CorruptFile) as raised:
        extract_file(path)
    assert "\n" not in str(raised.value)
