# ruff: noqa: E501, W291  (Zotero writes long lines and "ER  - " with its trailing space)
"""Reference files as Zotero writes them, with the quirks real exports have."""

from __future__ import annotations

from pathlib import Path

from tests.core.importers.samples import news_page_with_json_ld, pdf_with_hyphenation

# Zotero's RIS: DA with blank day ("2025/11//"), repeated L1 lines (a PDF and a snapshot),
# notes as HTML in N1, Extra lines, and an item with no attachment at all.
RIS = """TY  - NEWS
TI  - Three workers killed near the border
AU  - Roe, Jane
AU  - Doe, John
T2  - Asia Wire
DA  - 2025/11//
PY  - 2025
UR  - https://asiawire.example.org/attack
DO  - 10.1234/AW.2025.11
LA  - en
Y2  - 2025-12-01 10:00:00
KW  - Khatlon
KW  - border security
L1  - files/12/statement.pdf
L1  - files/13/snapshot.html
N1  - <p>Reliability: B</p><p>Marking: TLP:AMBER</p>
N1  - <div class="zotero-note znv1"><p>Checked against the <b>ministry</b> statement &amp; the wire.</p></div>
ER  - 

TY  - ELEC
TI  - Ministry statement on the incident
T2  - Ministry of Foreign Affairs
DA  - 2024///
UR  - https://mfa.example.org/statement
AB  - The ministry confirmed the camp had been evacuated before the attack.
N1  - <p>Only the abstract survives; the page is gone.</p>
KW  - Khatlon
ER  - 
"""

BIBTEX = r"""@article{roe_three_2025,
	title = {Three workers killed near the {Border}},
	author = {Roe, Jane and Doe, John},
	journal = {Asia Wire},
	year = {2025},
	month = nov,
	url = {https://asiawire.example.org/attack},
	doi = {10.1234/aw.2025.11},
	urldate = {2025-12-01},
	keywords = {Khatlon, border security},
	note = {Reliability: A
Marking: TLP:GREEN},
	annote = {<p>Checked against the ministry statement.</p>},
	file = {Full Text PDF:files/12/statement.pdf:application/pdf;Snapshot:files/13/snapshot.html:text/html},
}

@online{mfa_statement_2024,
	title = {Ministry statement on the incident},
	organization = {Ministry of Foreign Affairs},
	date = {2024-03},
	urldate = {2024-03-05},
	url = {https://mfa.example.org/statement},
	abstract = {The ministry confirmed the camp had been evacuated before the attack.},
	langid = {english},
}
"""

CSL_JSON = """[
  {"id": "http://zotero.org/users/local/abc/items/ZK4T2BQ8", "type": "article-newspaper",
   "title": "Three workers killed near the border", "container-title": "Asia Wire",
   "author": [{"family": "Roe", "given": "Jane"}, {"literal": "Asia Wire staff"}],
   "issued": {"date-parts": [["2025", "11"]]}, "accessed": {"date-parts": [[2025, 12, 1]]},
   "URL": "https://asiawire.example.org/attack", "DOI": "10.1234/aw.2025.11",
   "note": "Reliability: C\\nOriginal date: 2025-11-29",
   "abstract": "Three workers were killed in an attack on a mining camp.",
   "keyword": "Khatlon, border security"}
]"""


def export_folder(folder: Path, name: str, text: str) -> Path:
    """Write a Zotero 'Export Files' folder: the reference file and files/… attachments."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "files" / "12").mkdir(parents=True)
    (folder / "files" / "13").mkdir(parents=True)
    pdf_with_hyphenation(folder / "files" / "12" / "statement.pdf")
    (folder / "files" / "13" / "snapshot.html").write_text(news_page_with_json_ld())
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _annotation(quote: str, page: str) -> str:
    from urllib.parse import quote as encode

    data = encode(
        '{"attachmentURI":"http://zotero.org/users/local/abc/items/PDF12345",'
        f'"annotationKey":"ANN{page}","color":"#ffd400","pageLabel":"{page}",'
        '"position":{"pageIndex":0,"rects":[[72,750,300,760]]},'
        '"citationItem":{"uris":["http://zotero.org/users/local/abc/items/ITEM1234"],'
        f'"locator":"{page}"}}}}',
        safe="",
    )
    citation = encode(
        '{"citationItems":[{"uris":["http://zotero.org/users/local/abc/items/ITEM1234"]}]}'
    )
    return (
        f'<p><span class="highlight" data-annotation="{data}">“{quote}”</span> '
        f'<span class="citation" data-citation="{citation}">(<span class="citation-item">'
        f"Roe and Doe, 2025, p. {page}</span>)</span> Key casualty figure.</p>"
    )


# "Add Note from Annotations": one highlight the PDF holds (across a hyphenated line end),
# one it does not.
ANNOTATION_NOTE = (
    '<div data-citation-items="%5B%5D" data-schema-version="8"><h1>Annotations<br/>'
    "(12/1/2025, 10:00:00 AM)</h1>"
    + _annotation("three Chinese workers were killed in the attack", "1")
    + _annotation("the minister resigned on Friday", "2")
    + "</div>"
)
RIS_WITH_ANNOTATIONS = RIS.replace(
    "L1  - files/13/snapshot.html\n", f"L1  - files/13/snapshot.html\nN1  - {ANNOTATION_NOTE}\n", 1
)
