"""Source lines in notes: the first citation of a source in full, later ones in short form."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.source_lines import short_source_parts
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library


def _short(title: str, byline: str = "", outlet: str = "") -> str:
    doc = ExtractedDocument(title=title, text="x", byline=byline, outlet=outlet)
    source = Library.open(":memory:").sources.add(doc)
    return "".join(t for t, _ in short_source_parts(source))


def test_short_form_is_surname_and_key_words_of_the_title() -> None:
    assert _short("Report: US considers hiking China EV tariff", "Stephen Edelstein") == (
        "Edelstein, “Report: US considers hiking China.”"
    )
    assert _short("China Urges Tajikistan to Ensure Safety", outlet="Wire") == (
        "Wire, “China Urges Tajikistan.”"
    )


def test_a_short_title_stops_at_a_comma_and_never_ends_on_a_preposition() -> None:
    # Cut at five words, these printed "“Statement by Bulgartransgaz EAD, 4.”" (the 4 of a
    # date) and "“Blast halts gas flow through.”"
    assert _short("Statement by Bulgartransgaz EAD, 4 March 2025", outlet="Bulgartransgaz") == (
        "Bulgartransgaz, “Statement by Bulgartransgaz EAD.”"
    )
    assert _short("Blast halts gas flow through Varna–Ruse pipeline", outlet="Reuters") == (
        "Reuters, “Blast halts gas flow.”"
    )


def test_markdown_export_gives_a_source_in_full_once_then_short(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    out = export_note(demo_lib, note.id, tmp_path / "n.md", style="academic")
    notes = [line for line in out.read_text(encoding="utf-8").splitlines() if line[:2] == "[^"]
    title = "China Urges Tajikistan to Ensure Safety of Its Citizens After Deadly Attack"
    assert title in notes[0]
    assert all(title not in n and "“China Urges Tajikistan.”" in n for n in notes[1:])
    # The house style says Ibid. where a note repeats the source of the one before.
    text = export_note(demo_lib, note.id, tmp_path / "h.md").read_text(encoding="utf-8")
    notes = [line for line in text.splitlines() if line.startswith("[^")]
    assert title in notes[0]
    assert all(n.split(": ", 1)[1].startswith("*Ibid.* Graded F") for n in notes[1:])


def test_citations_in_code_stay_literal_text(demo_lib: Library, tmp_path: Path) -> None:
    from briefing_app.core.text.citations import cited_keys

    note = demo_lib.notes.all()[0]
    body = "Write `[@C1]` to cite.\n\n```\n[@C2]\n```\n\nReal one [@C3].\ue0001\ue001"
    assert cited_keys(body) == ["C3"]
    demo_lib.notes.set_section(note.id, "issue", body)
    text = export_note(demo_lib, note.id, tmp_path / "n.md").read_text(encoding="utf-8")
    assert "`[@C1]`" in text and "[@C2]" in text
    assert "\ue000" not in text
