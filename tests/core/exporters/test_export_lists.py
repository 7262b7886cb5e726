"""Nested lists, hard line breaks and ~~strikethrough~~ in the Word and Markdown exports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.document import ListBlock, Paragraph, Text
from briefing_app.core.exporters.parse import MarkdownParser
from briefing_app.core.library import Library
from briefing_app.core.text.markdown_dialect import normalize_list_indent
from briefing_app.core.text.markdown_plain import plain_view
from tests.core.exporters.export_helpers import demo_note

# As a writer types it (and CommonMark, pandoc and GitHub read it): nested under the text column.
BODY = """\
1. First [@C5]
2. Second [@C4]
   - nested [@C1]

Line one  
Line two

~~struck~~ text, about ~500 to ~600 people
"""  # noqa: W291 (the two trailing spaces are the hard line break under test)


def _export(lib: Library, tmp_path: Path, body: str, name: str) -> Path:
    note = demo_note(lib)
    lib.notes.set_section(note.id, "background", body)
    return export_note(lib, note.id, tmp_path / name)


def _section(markdown: str) -> str:
    return markdown.split("## Background\n\n", 1)[1].split("\n## ", 1)[0]


def test_a_list_nested_under_the_text_column_is_a_nested_list() -> None:
    blocks = MarkdownParser().parse("1. First\n2. Second\n   - nested\n\n- a\n  - b\n")
    outer = blocks[0]
    assert isinstance(outer, ListBlock) and outer.ordered
    second = outer.items[1]
    assert second[0] == Paragraph([Text("Second")])
    assert second[1] == ListBlock(False, [[Paragraph([Text("nested")])]])
    bullets = blocks[-1]
    assert isinstance(bullets, ListBlock)
    assert bullets.items[-1][1] == ListBlock(False, [[Paragraph([Text("b")])]])


def test_word_puts_the_nested_bullet_in_its_own_indented_list_paragraph(
    demo_lib: Library, tmp_path: Path
) -> None:
    out = _export(demo_lib, tmp_path, BODY, "l.docx")
    paragraphs = {p.text: p.style.name for p in docx.Document(str(out)).paragraphs}
    assert paragraphs["Second"] == "List Number"
    assert paragraphs["nested"] == "List Bullet 2"  # the template's indented second-level bullet


def test_markdown_export_keeps_nesting_and_hard_line_breaks(
    demo_lib: Library, tmp_path: Path
) -> None:
    out = _export(demo_lib, tmp_path, BODY, "l.md")
    section = _section(out.read_text(encoding="utf-8"))
    assert "\n2. Second[^6]\n    - nested[^7]\n" in section  # notes 1-4 are the summary's
    assert "Line one  \nLine two\n" in section
    # Read back, the export has the same structure as the note it came from.
    again = MarkdownParser().parse(section.replace("[^", "[@C"))
    assert isinstance(again[0], ListBlock) and isinstance(again[0].items[1][1], ListBlock)
    assert again[1] == Paragraph([Text("Line one"), Text("\n"), Text("Line two")])


def test_emphasis_in_a_tight_list_item_stays_one_paragraph() -> None:
    blocks = MarkdownParser().parse("- **Bold** and *it* text  \n  next\n")
    assert blocks == [
        ListBlock(
            False,
            [
                [
                    Paragraph(
                        [
                            Text("Bold", bold=True),
                            Text(" and "),
                            Text("it", italic=True),
                            Text(" text"),
                            Text("\n"),
                            Text("next"),
                        ]
                    )
                ]
            ],
        )
    ]


def test_hard_line_break_inside_a_list_item_and_a_quote_stays_inside(
    demo_lib: Library, tmp_path: Path
) -> None:
    body = "- one  \n  two\n\n> three  \n> four\n"
    section = _section(_export(demo_lib, tmp_path, body, "l.md").read_text(encoding="utf-8"))
    assert "- one  \n    two\n" in section
    assert "> three  \n> four\n" in section


def test_strikethrough_is_struck_in_word_and_kept_in_markdown(
    demo_lib: Library, tmp_path: Path
) -> None:
    word = _export(demo_lib, tmp_path, BODY, "l.docx")
    with zipfile.ZipFile(word) as z:
        xml = z.read("word/document.xml").decode()
    assert '<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">struck</w:t></w:r>' in xml
    assert "~" not in xml.split("struck", 1)[1].split("~500", 1)[0]  # no literal ~~ printed
    assert "about ~500 to ~600 people" in xml  # single tildes are no markup
    section = _section(_export(demo_lib, tmp_path, BODY, "l.md").read_text(encoding="utf-8"))
    assert "~~struck~~ text, about ~500 to ~600 people" in section


def test_strikethrough_rule_leaves_lookalikes_literal() -> None:
    parse = MarkdownParser().parse
    assert parse("~~a *b* c~~") == [
        Paragraph(
            [
                Text("a ", strike=True),
                Text("b", italic=True, strike=True),
                Text(" c", strike=True),
            ]
        )
    ]
    for literal in ("~~ spaced ~~", "`~~code~~`", "\\~~kept\\~~", "~~~fence~~~"):
        runs = parse(literal)[0]
        assert isinstance(runs, Paragraph)
        assert not any(isinstance(r, Text) and r.strike for r in runs.inlines), literal


def test_markdown_export_struck_runs_and_literal_tildes_read_back_the_same(
    demo_lib: Library, tmp_path: Path
) -> None:
    body = "~~a *b* c~~ and \\~~not struck\\~~\n"
    section = _section(_export(demo_lib, tmp_path, body, "l.md").read_text(encoding="utf-8"))
    assert section.strip() == "~~a *b* c~~ and \\~\\~not struck\\~\\~"
    parser = MarkdownParser()
    assert parser.parse(section) == parser.parse(body)


def test_list_indent_normaliser_leaves_non_lists_alone() -> None:
    # A paragraph of an item at its text column joins the item; Python-Markdown needs 4 spaces.
    assert normalize_list_indent("1. a\n\n   more\n") == "1. a\n\n    more\n"
    # Indented code and a marker inside a paragraph (no list in Python-Markdown) are untouched.
    for text in ("text\n\n    code\n    - x\n", "para\n- not a list\n  - still\n"):
        assert normalize_list_indent(text) == text
    # A heading right after an item ends the list.
    assert normalize_list_indent("- a\n# Head\n  text\n") == "- a\n# Head\n  text\n"


def test_review_plain_view_drops_strikethrough_marks() -> None:
    assert plain_view("A ~~struck~~ word.").text == "A struck word."
