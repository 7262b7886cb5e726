"""Exports as a reader sees them: LibreOffice renders every page with its marking and footnotes;
pandoc reads the headings and notes back. Skips only when the tools are missing locally."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template
from briefing_app.core.text.citations import find_citations
from tests.core.exporters.export_helpers import (
    FEATURES_BODY,
    STYLES,
    TEMPLATES,
    demo_in_template,
)

pytestmark = pytest.mark.render

TOOLS = ("soffice", "pdftotext", "pandoc")


class Rendered(NamedTuple):
    """One export: the .docx, its PDF, every claim key cited (once per citation), and the
    grades each citation's note prints, in reading order ("F2, F3"), and the headings of its
    sections with text and without."""

    docx: Path
    pdf: Path
    cited: list[str]
    grades: list[str]
    written: list[str]
    empty: list[str]


def _note_grades(lib: Library, note_id: int) -> list[str]:
    """Return the grades each citation group of a note prints: its claims' grades, once each."""
    groups = [c.keys for s in lib.notes.get(note_id).sections for c in find_citations(s.body)]
    printed = []
    for keys in groups:
        claims = [lib.claims.by_key(k) for k in keys]
        grades = [f"{lib.sources.get(c.source_id).reliability}{c.credibility}" for c in claims if c]
        printed.append(", ".join(dict.fromkeys(grades)))
    return printed


def _require_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        if os.environ.get("BRIEFING_REQUIRE_RENDER") == "1":
            pytest.fail(f"render tools missing: {', '.join(missing)} (BRIEFING_REQUIRE_RENDER=1)")
        pytest.skip(f"render tools missing: {', '.join(missing)}")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Rendered]]:
    """Export the demo in each template plus a long note, and convert them all to PDF at once."""
    _require_tools()
    root = tmp_path_factory.mktemp("render")
    lib = Library.open(root / "lib.sqlite")
    build_demo(lib)
    docs: dict[str, Path] = {}
    cited: dict[str, list[str]] = {}
    grades: dict[str, list[str]] = {}
    written: dict[str, list[str]] = {}
    empty: dict[str, list[str]] = {}
    for template in TEMPLATES:
        note = demo_in_template(lib, template)
        docs[template] = export_note(lib, note.id, root / f"{template}.docx")
        grades[template] = _note_grades(lib, note.id)
        written[template] = [s.heading for s in note.sections if s.body.strip()]
        empty[template] = [s.heading for s in note.sections if not s.body.strip()]
        cited[template] = [
            key for s in note.sections for c in find_citations(s.body) for key in c.keys
        ]
    long_note = demo_in_template(lib, "sitrep")
    paragraph = lib.notes.get(long_note.id).section("developments")
    assert paragraph is not None
    lib.notes.set_section(long_note.id, "developments", "\n\n".join([paragraph.body] * 25))
    docs["long"] = export_note(lib, long_note.id, root / "long.docx")
    demo = demo_in_template(lib, "briefing-note")
    for style in STYLES:
        docs[f"style-{style}"] = export_note(lib, demo.id, root / f"s-{style}.docx", style=style)
    lib.close()
    # A profile of our own: parallel soffice runs would otherwise fight over the user's one.
    profile = (root / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root),
            *map(str, docs.values()),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    yield {
        name: Rendered(
            path,
            path.with_suffix(".pdf"),
            cited.get(name, []),
            grades.get(name, []),
            written.get(name, []),
            empty.get(name, []),
        )
        for name, path in docs.items()
    }


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


@pytest.mark.parametrize("name", [*TEMPLATES, "long"])
def test_marking_and_page_numbers_on_every_page(rendered: dict[str, Rendered], name: str) -> None:
    pages = _pages(rendered[name].pdf)
    template = "sitrep" if name == "long" else name
    marking = get_template(template).marking.default
    if name == "long":
        assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert page.count(marking) >= 2, f"page {n} of {name} lacks its marking top and bottom"
        assert f"Page {n} of {len(pages)}" in page


@pytest.mark.parametrize("name", ["briefing-note", "intelligence-assessment", "sitrep"])
def test_each_footnote_prints_its_source_line(rendered: dict[str, Rendered], name: str) -> None:
    text = " ".join(_pages(rendered[name].pdf))
    # Every citation's note, with the grades of its claims (claim keys are not printed).
    printed = re.findall(r"Graded ([A-F]\d(?:, [A-F]\d)*)\.", text)
    assert printed == rendered[name].grades
    assert not re.search(r"\(C\d+\)", text)
    assert "China Urges Tajikistan to Ensure Safety of Its Citizens After Deadly Attack." in text
    assert "Admiralty source reliability: F — reliability cannot be judged." in text


@pytest.mark.parametrize("style", STYLES)
def test_each_citation_style_renders_its_notes_with_marking_and_page_numbers(
    rendered: dict[str, Rendered], style: str
) -> None:
    pages = _pages(rendered[f"style-{style}"].pdf)
    text = " ".join(pages)
    for n, page in enumerate(pages, start=1):
        assert page.count("UNCLASSIFIED") >= 2 and f"Page {n} of {len(pages)}" in page
    assert not re.search(r"\(C\d+\)", text)  # no style prints the claim keys
    expected = {
        "house": "Ibid. Graded F2.",
        "intel": "Deadly Attack” [F2]",
        "academic": "(F2: reliability cannot be judged; probably true)",
    }
    assert expected[style] in text


def _pandoc_json(path: Path) -> dict[str, object]:
    result = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "json", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _walk(node: object) -> Iterator[dict[str, object]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _plain(node: object) -> str:
    return "".join(
        str(n["c"]) if n.get("t") == "Str" else " "
        for n in _walk(node)
        if n.get("t") in ("Str", "Space")
    )


def find_citations_in(path: Path) -> list[str]:
    """Return the footnote reference ids in a .docx body."""
    with zipfile.ZipFile(path) as z:
        return re.findall(
            r"<w:footnoteReference w:id=\"(\d+)\"", z.read("word/document.xml").decode()
        )


@pytest.mark.parametrize("name", TEMPLATES)
def test_pandoc_reads_back_headings_and_notes(rendered: dict[str, Rendered], name: str) -> None:
    data = _pandoc_json(rendered[name].docx)
    headings = [_plain(n["c"][2]) for n in _walk(data) if n.get("t") == "Header"]  # type: ignore[index]
    template = get_template(name)
    assert set(rendered[name].written) <= set(headings), headings
    # A section left empty (the assessment's Indicators) is left out, heading and all.
    assert not set(rendered[name].empty) & set(headings), headings
    notes = [_plain(n["c"]) for n in _walk(data) if n.get("t") == "Note"]
    style = template.citations.style
    if style == "footnotes":
        assert len(notes) == len(find_citations_in(rendered[name].docx))
        # One source throughout: named in the first note, Ibid. in each one after.
        assert "China Urges Tajikistan" in notes[0]
        assert all(note.startswith("Ibid.") for note in notes[1:])
    else:
        assert notes == []
    if style == "endnotes":
        assert "Notes" in headings
        text = _plain(data["blocks"])
        printed = re.findall(r"Graded ([A-F]\d(?:, [A-F]\d)*)\.", text)
        assert printed == rendered[name].grades


def test_pandoc_reads_the_markdown_export(tmp_path: Path) -> None:
    _require_tools()
    lib = Library.open(tmp_path / "lib.sqlite")
    build_demo(lib)
    note = demo_in_template(lib, "briefing-note")
    lib.notes.set_section(note.id, "background", FEATURES_BODY)
    out = export_note(lib, note.id, tmp_path / "note.md")
    cited_groups = sum(len(find_citations(s.body)) for s in lib.notes.get(note.id).sections)
    lib.close()
    data = json.loads(
        subprocess.run(
            ["pandoc", "-f", "markdown", "-t", "json", str(out)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    assert _plain(data["meta"]["title"]) == note.title
    headings = [_plain(n["c"][2]) for n in _walk(data["blocks"]) if n.get("t") == "Header"]
    # The body starts with the title, as the Word memo does, then the sections.
    assert headings[0] == note.title
    assert headings[1:6] == [s.heading for s in get_template("briefing-note").sections]
    notes = [n for n in _walk(data["blocks"]) if n.get("t") == "Note"]
    assert len(notes) == cited_groups + 1  # every citation group, plus the author's own note
    assert any(n.get("t") == "Table" for n in _walk(data["blocks"]))
    links = [n for n in _walk(data["blocks"]) if n.get("t") == "Link"]
    assert links[0]["c"][2][0] == "https://example.org/report?a=1&b=2"


def test_nested_bullet_renders_on_its_own_indented_line(tmp_path: Path) -> None:
    _require_tools()
    lib = Library.open(tmp_path / "lib.sqlite")
    build_demo(lib)
    note = demo_in_template(lib, "briefing-note")
    # Nested under the item's text column (three spaces), as CommonMark and pandoc read it.
    body = "1. First point [@C5]\n2. Second point [@C4]\n   - nested bullet [@C1]\n"
    lib.notes.set_section(note.id, "background", body)
    out = export_note(lib, note.id, tmp_path / "nested.docx")
    lib.close()
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = text.splitlines()
    second = next(ln for ln in lines if "Second point" in ln)
    nested = next(ln for ln in lines if "nested bullet" in ln)
    assert "nested" not in second  # not run into item 2
    indent = len(nested) - len(nested.lstrip())
    assert indent > second.index("Second point")  # further in than item 2's text


def test_manual_line_break_renders_as_two_lines_and_pandoc_reads_a_line_break(
    tmp_path: Path,
) -> None:
    """A vertical tab (Word's manual line break) prints the words on two lines of one paragraph."""
    _require_tools()
    lib = Library.open(tmp_path / "lib.sqlite")
    build_demo(lib)
    note = demo_in_template(lib, "briefing-note")
    lib.notes.set_section(note.id, "background", "Alpha bravo\x0bcharlie delta")
    out = export_note(lib, note.id, tmp_path / "breaks.docx")
    lib.close()
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    lines = [
        ln.strip()
        for ln in subprocess.run(
            ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
    ]
    assert "Alpha bravo" in lines and "charlie delta" in lines  # two lines, words kept whole
    data = json.loads(
        subprocess.run(
            ["pandoc", "-f", "docx", "-t", "json", str(out)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    para = next(
        n["c"]
        for n in _walk(data["blocks"])
        if n.get("t") == "Para" and {"t": "Str", "c": "bravo"} in n["c"]
    )
    words = [n.get("c") if n["t"] == "Str" else n["t"] for n in para]
    assert words == ["Alpha", "Space", "bravo", "LineBreak", "charlie", "Space", "delta"]
