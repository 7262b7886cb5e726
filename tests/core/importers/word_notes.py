"""Word documents with footnotes and endnotes, built with python-docx plus the notes parts' XML.

python-docx writes no notes, so the parts are added as Word writes them: the separator and
continuation separator first (ids -1 and 0), then each note, whose first run holds the
w:footnoteRef (w:endnoteRef) where Word prints the number.
"""

from __future__ import annotations

import io
import re

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str) -> str:
    """Return a plain run holding text."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str) -> str:
    """Return a paragraph of the given runs."""
    return f"<w:p>{''.join(content)}</w:p>"


def reference(note_id: int, kind: str = "footnote", custom: str = "") -> str:
    """Return the run Word puts in the body where a note is referenced (custom: its own mark)."""
    if custom:
        return (
            f'<w:r><w:{kind}Reference w:customMarkFollows="1" w:id="{note_id}"/>'
            f"<w:t>{custom}</w:t></w:r>"
        )
    style = f'<w:rPr><w:rStyle w:val="{kind.capitalize()}Reference"/></w:rPr>'
    return f'<w:r>{style}<w:{kind}Reference w:id="{note_id}"/></w:r>'


def note(note_id: int, *paragraphs: str, kind: str = "footnote", custom: str = "") -> str:
    """Return a w:footnote (w:endnote) whose paragraphs hold the given runs' XML or plain text.

    The first paragraph opens with the note's own mark, as Word writes it: the numbered mark
    (w:footnoteRef), or the custom mark's text, then a space. A later one may be a w:tbl.
    """
    own_mark = f"<w:r><w:t>{custom}</w:t></w:r>" if custom else f"<w:r><w:{kind}Ref/></w:r>"
    bodies = [p if p.startswith("<") else run(p) for p in paragraphs]
    first = para(own_mark, run(" "), bodies[0]) if bodies else para(own_mark)
    rest = "".join(body if body.startswith("<w:tbl") else para(body) for body in bodies[1:])
    return f'<w:{kind} w:id="{note_id}">{first}{rest}</w:{kind}>'


def separators(kind: str = "footnote") -> str:
    """Return the separator and continuation separator notes Word writes first (ids -1 and 0)."""
    return (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )


def hyperlink(rid: str, text: str) -> str:
    """Return a w:hyperlink to relationship rid, shown as text."""
    return f'<w:hyperlink r:id="{rid}">{run(text)}</w:hyperlink>'


def notes_part_xml(kind: str, notes: str) -> bytes:
    """Return a footnotes.xml (endnotes.xml) holding Word's separators and these notes."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:{kind}s xmlns:w="{W}" xmlns:r="{R}">{separators(kind)}{notes}</w:{kind}s>'
    ).encode()


def docx_with_notes(
    *blocks: str,
    footnotes: str | None = None,
    endnotes: str | None = None,
    links: dict[str, str] | None = None,
    settings: str = "",
    footnotes_xml: bytes | None = None,
) -> bytes:
    """Return a .docx whose body holds blocks (w: XML) and whose notes parts hold these notes.

    links maps relationship ids to the web addresses the footnotes' hyperlinks point to;
    settings is XML put into word/settings.xml (say, a w:endnotePr); footnotes_xml, when given,
    is the whole footnotes part as is.
    """
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    section = body[-1]  # w:sectPr stays last
    for block in blocks:
        xml = re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w')}", block.strip(), count=1)
        section.addprevious(parse_xml(xml))
    if settings:
        xml = re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w')}", settings.strip(), count=1)
        document.settings.element.insert(0, parse_xml(xml))
    package = document.part.package
    if footnotes is not None or footnotes_xml is not None:
        blob = footnotes_xml or notes_part_xml("footnote", footnotes or "")
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, package)
        document.part.relate_to(part, RT.FOOTNOTES)
        for rid, url in (links or {}).items():
            part.rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
    if endnotes is not None:
        blob = notes_part_xml("endnote", endnotes)
        part = Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, blob, package)
        document.part.relate_to(part, RT.ENDNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
