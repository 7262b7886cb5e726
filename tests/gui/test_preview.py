"""The preview's HTML: citations numbered as the export numbers them, nothing unsafe kept."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from briefing_app.core.library import Library
from briefing_app.gui.preview import PreviewNote, claim_keys_of, render_note, sanitise


def resolved(lib: Library, keys: list[str]) -> tuple[dict, dict]:
    claims = lib.claims.by_keys(keys)
    sources = {s.id: s for s in lib.sources.all(ids=sorted({c.source_id for c in claims.values()}))}
    return claims, sources


def test_citation_groups_are_numbered_in_order_across_sections(demo_lib: Library) -> None:
    claims, sources = resolved(demo_lib, ["C1", "C2", "C3"])
    note = PreviewNote(
        "T", [("One", "A [@C2] and b [@C1; @C3]."), ("Two", "Again [@C2].\n\n- item [@C1]")]
    )
    html = render_note(note, claims, sources)
    assert html.groups == [("C2",), ("C1", "C3"), ("C2",), ("C1",)]
    for n, href in enumerate(["C2", "C1,C3", "C2", "C1"], start=1):
        assert f'href="briefing:claim/{href}"' in html.html
        assert f">{n}</a></sup>" in html.html
    assert "A<sup>" in html.html  # the mark hugs the word before it
    assert html.html.count("<li>") == 1 + 4  # the list item and four notes


def test_inline_style_names_the_party_and_prints_no_notes(demo_lib: Library) -> None:
    claims, sources = resolved(demo_lib, ["C6"])
    note = PreviewNote("T", [("Bluf", "They deny it [@C6].")], style="inline")
    html = render_note(note, claims, sources).html
    assert "according to Taliban administration" in html
    assert "<sup>" not in html and "<ol>" not in html


def test_a_missing_claim_is_marked_not_hidden(demo_lib: Library) -> None:
    claims, sources = resolved(demo_lib, ["C1", "C404"])
    html = render_note(PreviewNote("T", [("S", "X [@C1; @C404].")]), claims, sources).html
    assert "C404: no such claim in the library" in html
    assert "Missing claim: C1, C404" in html


def test_sanitise_drops_scripts_handlers_styles_images_and_javascript_links() -> None:
    raw = (
        "<p onclick='x()' style='background:url(http://e.com/a.png)'>t</p><script>bad()</script>"
        "<img src='http://e.com/b.png'><img src='data:image/png;base64,AAAA'>"
        "<a href='javascript:alert(1)'>j</a><a href='JaVaScRiPt:alert(1)'>k</a>"
        "<iframe src='http://e.com'></iframe><link rel=stylesheet href='http://e.com/c.css'>"
        "<svg><image href='http://e.com/d.png'/></svg><a href='briefing:claim/C1'>1</a>"
    )
    clean = sanitise(raw).casefold()
    for bad in ("onclick", "style", "script", "bad()", "<img", "javascript", "iframe", "<link",
                "e.com", "<svg"):  # fmt: skip
        assert bad not in clean
    assert 'href="briefing:claim/c1"' in clean


def test_preview_links_name_claim_keys_only() -> None:
    assert claim_keys_of(QUrl("briefing:claim/C1,C12")) == ["C1", "C12"]
    assert claim_keys_of(QUrl("briefing:claim/C1,evil")) == ["C1"]
    assert claim_keys_of(QUrl("https://example.com/claim/C1")) == []
    assert claim_keys_of(QUrl("briefing:other/C1")) == []


def test_preview_nests_lists_and_strikes_as_the_export_does(demo_lib: Library) -> None:
    note = PreviewNote("T", [("One", "1. First\n2. Second\n   - nested\n\n~~gone~~ ~5 left")])
    html = render_note(note, {}, {}).html
    assert "<li>Second<ul>" in html.replace("\n", "")  # nested under item 2, not run into it
    assert "<del>gone</del> ~5 left" in html
