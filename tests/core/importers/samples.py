"""Small input files written for the importer tests (never copied from real sites)."""

from __future__ import annotations

import io
import json
import re
from email.message import EmailMessage
from pathlib import Path

ARTICLE_PARAGRAPHS = [
    "The Chinese embassy in Dushanbe said on Tuesday that three workers were killed in an "
    "attack near the border with Afghanistan, and urged the authorities to ensure the safety "
    "of Chinese citizens working on infrastructure projects in Khatlon province.",
    "Officials in Dushanbe said the investigation was continuing and that border patrols had "
    "been reinforced along the river. They did not say who they believed was responsible.",
    "The Taliban administration in Kabul denied any involvement in the incident and promised "
    "to cooperate with the neighbouring government in finding those who carried it out.",
]


def news_page_with_json_ld() -> str:
    """Return a news page: JSON-LD, OpenGraph, a ' | Site' title, menus, a footer, teasers."""
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example Times", "url": "https://news.example.org/"},
            {
                "@type": "NewsArticle",
                "headline": "Embassy urges safety after attack on workers",
                "author": [
                    {"@type": "Person", "name": "Jane Roe"},
                    {"@type": "Person", "name": "John Doe"},
                    {"@type": "Organization", "name": "Example Times"},
                ],
                "datePublished": "2025-12-03T10:15:00+05:00",
                "dateModified": "2025-12-05T08:00:00+05:00",
                "publisher": {"@type": "Organization", "name": "Example Times"},
            },
        ],
    }
    body = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Embassy urges safety after attack on workers | Example Times</title>
<meta property="og:title" content="Embassy urges safety after attack on workers">
<meta property="og:site_name" content="Example Times">
<meta property="og:url" content="https://news.example.org/world/embassy-urges-safety">
<link rel="canonical" href="https://news.example.org/world/embassy-urges-safety">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<header><div class="logo">Example Times</div></header>
<main><article>
<h1>Embassy urges safety after attack on workers</h1>
<div class="byline">By Jane Roe and John Doe</div>
<time datetime="2025-12-03T10:15:00+05:00">3 December 2025</time>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Cookie recipes for winter</a></li>
<li><a href="/b">Football results of the weekend</a></li></ul></aside></main>
<footer><p>© 2025 Example Times. All rights reserved. Privacy policy. Terms of use.</p></footer>
</body></html>"""


def meta_only_page() -> str:
    """Return a page whose metadata is only in <meta> tags (no JSON-LD, no OpenGraph title)."""
    body = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Border patrols reinforced - Valley Herald</title>
<meta name="author" content="By Anna Müller">
<meta name="date" content="2024-03-07">
<meta name="application-name" content="Valley Herald">
</head><body><div id="content"><h2>Border patrols reinforced</h2>{body}</div>
<div class="footer">Valley Herald &middot; Contact &middot; Imprint</div></body></html>"""


def mhtml_archive(html: str, url: str) -> bytes:
    """Return a browser-style MHTML save of html (quoted-printable, with an image part)."""
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = url
    message["Subject"] = "Saved page"
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(html, subtype="html", cte="quoted-printable")
    message.get_payload()[0]["Content-Location"] = url
    message.add_related(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image", "png", cid="<img1>")
    return bytes(message)


def email_with_html_body() -> bytes:
    """Return a forwarded e-mail whose only body is HTML."""
    message = EmailMessage()
    message["From"] = "Jane Roe <jane.roe@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Fwd: Embassy statement on the Khatlon attack"
    message["Date"] = "Wed, 03 Dec 2025 10:15:00 +0500"
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    message.set_content(f"<html><body><div>{body}</div></body></html>", subtype="html")
    return bytes(message)


def docx_with_table() -> bytes:
    """Return a .docx with a heading, paragraphs, a table between them, and core properties."""
    import datetime

    import docx

    document = docx.Document()
    document.add_heading("Situation in Khatlon", level=1)
    document.add_paragraph(ARTICLE_PARAGRAPHS[0])
    table = document.add_table(rows=3, cols=2)
    for row, (party, claim) in zip(
        table.rows,
        [("Party", "Claim"), ("Embassy", "Three workers killed"), ("Taliban", "Not involved")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = party, claim
    document.add_paragraph(ARTICLE_PARAGRAPHS[1])
    props = document.core_properties
    props.title = "Khatlon situation report"
    props.author = "Desk Officer"
    props.created = datetime.datetime(2025, 12, 4, 9, 30)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_from_body_xml(*blocks: str, title: str = "") -> bytes:
    """Return a .docx whose body holds the given WordprocessingML blocks (w: prefix, no xmlns)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    section = body[-1]  # w:sectPr stays last
    for block in blocks:
        # Declare the namespace on the block's root element: "<w:p>" -> "<w:p xmlns:w=...>".
        xml = re.sub(r"^<(w:\w+)", rf"<\1 {nsdecls('w')}", block.strip(), count=1)
        section.addprevious(parse_xml(xml))
    document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_with_hyphenation(path: Path, title: str = "Khatlon statement") -> Path:
    """Write a PDF whose paragraphs wrap over lines, one word hyphenated at a line end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("Embassy Press Office")
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 780, "Statement on the attack")
    pdf.setFont("Helvetica", 11)
    paragraphs = [
        [
            "The embassy said three Chinese work-",
            "ers were killed in the attack near",
            "the border.",
        ],
        ["Officials said the investigation", "was continuing on Tuesday."],
    ]
    y = 750.0
    for lines in paragraphs:
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 14
        y -= 12
    pdf.showPage()
    pdf.save()
    return path


def pdf_with_table(path: Path) -> Path:
    """Write a PDF with a two-column table whose cells are drawn one by one, as Word does."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    y = 750.0
    for left, right in [("Party", "Casualties"), ("Ministry", "5 injured"), ("Rebels", "none")]:
        pdf.drawString(72, y, left)
        pdf.drawString(300, y, right)
        y -= 14
    pdf.drawString(72, y, "After the table, the governor spoke.")
    pdf.showPage()
    pdf.save()
    return path


def pdf_with_symbol_bullet() -> bytes:
    """Return a PDF whose list bullet is the Symbol font's (U+F0B7), as Word saves one."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CMapName /Bullets def 1 begincodespacerange <00> <FF> endcodespacerange "
        b"1 beginbfchar <7F> <F0B7> endbfchar endcmap CMapName currentdict /CMap "
        b"defineresource pop end end"
    )
    content = b"BT /F1 11 Tf 72 720 Td <7F> Tj ( We assess the attack was planned.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def pdf_without_text(path: Path) -> Path:
    """Write a PDF page holding only drawing (as a scan without OCR would)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 72, 300, 500, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    """Write a PDF that needs a password to open."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    pdf.drawString(72, 720, "Confidential text")
    pdf.showPage()
    pdf.save()
    return path


def zip_bomb_docx(unpacked_bytes: int) -> bytes:
    """Return a zip named like a .docx whose document part unpacks to unpacked_bytes of zeros."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(unpacked_bytes // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def dated_page(head: str = "", before_text: str = "") -> str:
    """Return a short article page with extra head markup and markup above its paragraphs."""
    body = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Border patrols reinforced</title>
{head}</head><body><article><h1>Border patrols reinforced</h1>
{before_text}
{body}
</article><footer>© 2025 Valley Herald</footer></body></html>"""
