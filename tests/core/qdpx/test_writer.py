"""A .qdpx export opens in a QDA tool as the analyst left the work: valid against the official
REFI-QDA schema, every selection on exactly its quote, every code and note in place."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.qdpx.mapping import guid_for
from briefing_app.core.qdpx.writer import export_project
from tests.qdpx_project import Project, read_project

# Emoji outside the BMP (two UTF-16 units each), a ZWJ family, a flag, a q with two combining
# marks that NFC cannot compose, Cyrillic and Arabic. Written decomposed (NFD), as macOS pastes.
TRICKY = unicodedata.normalize(
    "NFD",
    "Report 🇹🇯 from Khatlon 👩‍👩‍👧 near the border.\r\n"
    "Officials said q̣̇ three workers 😀 died.\r\n\r\n"
    "Ре́спублика Таджикистан: «стрельба». قال المتحدث إن الهجوم وقع\r\n"
    "The embassy denied it.",
)


@pytest.fixture
def tricky_lib(lib: Library) -> Library:
    """A library whose text needs care: emoji, combining marks, CRLF at import, many tag kinds."""
    source = lib.sources.add(
        ExtractedDocument(
            title="Khatlon 🇹🇯 report",
            text=TRICKY,
            byline="A. Writer; B. Writer",
            outlet="Asia-Plus",
            published="2025-11",
            url="https://example.org/khatlon",
            reliability="B",
            marking="TLP:AMBER",
            analyst_note="Read on the day; the figures differ from Xinhua's.",
            tags=["topic:Border", "source type:News report"],
        )
    )
    lib.claims.add(
        source.id,
        quote="Khatlon 👩‍👩‍👧",
        statement="An attack in Khatlon.",
        tags=["place:Khatlon", "topic:Casualties", "actor:Taliban", "event:Khatlon attack"],
    )
    lib.claims.add(
        source.id,
        quote="q̣̇ three workers 😀 died",
        statement="Three workers died.",
        party="Officials",
        kind="official statement",
        credibility=2,
        status="corroborated",
        tags=["organisation:Shahin SM Company"],
    )
    lib.claims.add(source.id, quote="Ре́спублика Таджикистан")  # no tags, no party
    lib.claims.add(source.id, quote="قال المتحدث", kind="allegation", credibility=4)
    lib.claims.add(
        source.id, quote="The embassy denied it.", kind="denial", party="Chinese Embassy"
    )
    return lib


def _export(lib: Library, tmp_path: Path, name: str = "out.qdpx", **scope: object) -> Project:
    report = export_project(lib, tmp_path / name, **scope)  # type: ignore[arg-type]
    assert report.path == tmp_path / name
    return read_project(report.path)


def _selections_slice_to_their_quotes(project: Project, lib: Library) -> int:
    count = 0
    for source in project.all("//q:TextSource"):
        text = project.text_of(source)
        for sel in source.xpath("q:PlainTextSelection", namespaces={"q": source.nsmap[None]}):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert text[start:end] == sel.get("name")
            claim = next(c for c in lib.claims.all() if guid_for("claim", c.uid) == sel.get("guid"))
            assert sel.get("name") == claim.quote
            count += 1
    return count


def test_the_demo_library_exports_a_valid_project(demo_lib: Library, tmp_path: Path) -> None:
    project = _export(demo_lib, tmp_path)
    # read_project validated it against Project.xsd, and checked the sources folder.
    assert len(project.texts) == 1
    (source,) = project.all("//q:TextSource")
    assert project.text_of(source) == demo_lib.sources.get(1).text
    assert _selections_slice_to_their_quotes(project, demo_lib) == 10
    assert project.qde.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    notes = project.all("/q:Project/q:Notes/q:Note")
    assert [n.get("name") for n in notes] == ["Attack on Chinese workers in Khatlon province"]
    assert "[@C5; @C4]" in notes[0].findtext("{*}PlainTextContent")
    assert project.all("/q:Project/q:Users/q:User/@name") == ["Analyst"]


def test_tricky_text_keeps_every_selection_on_its_quote(
    tricky_lib: Library, tmp_path: Path
) -> None:
    project = _export(tricky_lib, tmp_path)
    assert _selections_slice_to_their_quotes(project, tricky_lib) == 5
    (source,) = project.all("//q:TextSource")
    text = project.text_of(source)
    assert "\r" not in text and text == tricky_lib.sources.get(1).text
    # Positions count code points: the emoji before "died" would shift UTF-16 offsets.
    died = project.all("//q:PlainTextSelection[contains(@name, 'died')]")[0]
    start = int(died.get("startPosition"))
    assert start == text.index("q̣̇")
    assert start != len(text[:start].encode("utf-16-le")) // 2


def test_each_claim_is_coded_with_its_tags_and_attributes(
    tricky_lib: Library, tmp_path: Path
) -> None:
    project = _export(tricky_lib, tmp_path)
    by_quote = {s.get("name"): s for s in project.all("//q:PlainTextSelection")}
    assert project.codings(by_quote["Khatlon 👩‍👩‍👧"]) == [
        "Tags: topic/Casualties",
        "Tags: actor/Taliban",
        "Tags: place/Khatlon",
        "Tags: event/Khatlon attack",
        "Claim kind/reported fact",
        "Claim status/unverified",
        "Credibility/6",
    ]
    assert project.codings(by_quote["q̣̇ three workers 😀 died"]) == [
        "Tags: organisation/Shahin SM Company",
        "Claim kind/official statement",
        "Claim status/corroborated",
        "Credibility/2",
        "Party/Officials",
    ]
    # A claim without tags or party still carries its attributes.
    assert project.codings(by_quote["Ре́спублика Таджикистан"]) == [
        "Claim kind/reported fact",
        "Claim status/unverified",
        "Credibility/6",
    ]
    description = by_quote["q̣̇ three workers 😀 died"].findtext("{*}Description")
    assert description == "Three workers died.\n\nClaim C2"
    assert by_quote["Ре́спублика Таджикистан"].findtext("{*}Description") == "\n\nClaim C3"


def test_the_codebook_has_kind_parents_and_attribute_codes(
    tricky_lib: Library, tmp_path: Path
) -> None:
    project = _export(tricky_lib, tmp_path)
    top = project.all("/q:Project/q:CodeBook/q:Codes/q:Code")
    assert [(c.get("name"), c.get("isCodable")) for c in top] == [
        ("Tags: topic", "false"),
        ("Tags: actor", "false"),
        ("Tags: place", "false"),
        ("Tags: organisation", "false"),
        ("Tags: event", "false"),
        ("Tags: source type", "false"),
        ("Claim kind", "false"),
        ("Claim status", "false"),
        ("Credibility", "false"),
        ("Party", "false"),
    ]
    children = {c.get("name"): [k.get("name") for k in c] for c in top}
    assert children["Tags: topic"] == ["Border", "Casualties"]
    assert children["Credibility"] == ["1", "2", "3", "4", "5", "6"]
    assert children["Claim kind"] == [
        "reported fact",
        "allegation",
        "denial",
        "official statement",
        "assessment",
    ]
    assert children["Party"] == ["Chinese Embassy", "Officials"]
    assert all(c.get("isCodable") == "true" for c in project.all("//q:Code/q:Code"))


def test_a_source_carries_its_note_variables_and_tags(tricky_lib: Library, tmp_path: Path) -> None:
    project = _export(tricky_lib, tmp_path)
    (source,) = project.all("//q:TextSource")
    assert source.get("name") == "Khatlon 🇹🇯 report"
    assert source.findtext("{*}Description") == "Read on the day; the figures differ from Xinhua's."
    variables = {v.get("guid"): v.get("name") for v in project.all("//q:Variable")}
    assert all(v.get("typeOfVariable") == "Text" for v in project.all("//q:Variable"))
    values = {
        variables[v.find("{*}VariableRef").get("targetGUID")]: v.findtext("{*}TextValue")
        for v in source.findall("{*}VariableValue")
    }
    assert values == {
        "Outlet": "Asia-Plus",
        "Byline": "A. Writer; B. Writer",
        "Published": "2025-11",
        "URL": "https://example.org/khatlon",
        "Reliability": "B",
        "Marking": "TLP:AMBER",
    }
    assert project.codings(source) == ["Tags: topic/Border", "Tags: source type/News report"]


def test_two_exports_of_one_library_are_the_same_bytes(tricky_lib: Library, tmp_path: Path) -> None:
    first = export_project(tricky_lib, tmp_path / "a.qdpx")
    second = export_project(tricky_lib, tmp_path / "b.qdpx")
    assert first.path.read_bytes() == second.path.read_bytes()
    project = read_project(first.path)
    claim = tricky_lib.claims.by_key("C2")
    assert claim is not None
    (sel,) = project.all(f"//q:PlainTextSelection[@guid='{guid_for('claim', claim.uid)}']")
    assert sel.get("name") == claim.quote
    assert project.all("//q:TextSource/@guid") == [
        guid_for("source", tricky_lib.sources.get(1).uid)
    ]


def test_a_note_export_holds_the_sources_it_cites_and_their_claims(
    demo_lib: Library, tmp_path: Path
) -> None:
    other = demo_lib.sources.add(
        ExtractedDocument(title="Other", text="Nothing cited here at all.")
    )
    demo_lib.claims.add(other.id, quote="Nothing cited", tags=["place:Elsewhere"])
    demo_lib.notes.create("Second note", "briefing-note", [("summary", "Summary")])

    project = _export(demo_lib, tmp_path, note_id=1)
    assert [s.get("name") for s in project.all("//q:TextSource")] == [demo_lib.sources.get(1).title]
    assert len(project.all("//q:PlainTextSelection")) == 10  # every claim of the cited source
    assert [n.get("name") for n in project.all("//q:Note")] == [demo_lib.notes.get(1).title]
    assert not any("Elsewhere" in name for name in project.code_names().values())

    everything = _export(demo_lib, tmp_path, "all.qdpx")
    assert len(everything.all("//q:TextSource")) == 2
    assert len(everything.all("//q:Note")) == 2
    assert "Tags: place/Elsewhere" in everything.code_names().values()


def test_a_sources_export_holds_those_sources_only(demo_lib: Library, tmp_path: Path) -> None:
    other = demo_lib.sources.add(ExtractedDocument(title="Other", text="Only this one goes."))
    demo_lib.claims.add(other.id, quote="this one", tags=["actor:Someone"])

    project = _export(demo_lib, tmp_path, source_ids=[other.id])
    assert [s.get("name") for s in project.all("//q:TextSource")] == ["Other"]
    assert [s.get("name") for s in project.all("//q:PlainTextSelection")] == ["this one"]
    assert project.all("//q:Note") == []
    assert [c for c in project.code_names().values() if c.startswith("Tags")] == [
        "Tags: actor",
        "Tags: actor/Someone",
    ]


def test_the_report_names_what_the_format_cannot_carry(demo_lib: Library, tmp_path: Path) -> None:
    for key in ("C4", "C5"):
        claim = demo_lib.claims.by_key(key)
        assert claim is not None
        demo_lib.claims.update(claim.id, event_date="2025-11-26")
    report = export_project(demo_lib, tmp_path / "demo.qdpx")
    assert (report.sources, report.claims, report.notes, report.links) == (1, 10, 1, 2)
    assert "2 claim event date(s): a REFI-QDA selection has no date" in report.left_out
    assert any("key question" in line for line in report.left_out)
    assert report.to_json()["claims"] == 10


def test_the_report_says_the_matrices_and_assumptions_stay_behind_with_the_questions(
    demo_lib: Library, tmp_path: Path
) -> None:
    # The walk: "2 key question(s): REFI-QDA has no place for them" left unsaid that the
    # hypotheses, ratings and key assumptions weighed on them stay behind too.
    report = export_project(demo_lib, tmp_path / "demo.qdpx")
    assert (
        "1 key question, with its ACH matrix (3 hypotheses, 15 ratings) and 1 key assumption: "
        "REFI-QDA has no place for them"
    ) in report.left_out


def test_relations_become_links_between_selections(demo_lib: Library, tmp_path: Path) -> None:
    project = _export(demo_lib, tmp_path)
    selections = {s.get("guid") for s in project.all("//q:PlainTextSelection")}
    links = project.all("//q:Link")
    assert len(links) == len(demo_lib.relations.all()) == 2
    for link in links:
        assert {link.get("originGUID"), link.get("targetGUID")} <= selections
        assert (link.get("name"), link.get("direction")) == ("contradicts", "Bidirectional")


def test_control_characters_are_replaced_in_names_and_kept_in_the_text(
    lib: Library, tmp_path: Path
) -> None:
    source = lib.sources.add(
        ExtractedDocument(title="Page\x0cbreak", text="End of page one.\x0cPage two says so.")
    )
    lib.claims.add(source.id, quote="one.\x0cPage", statement="Across\x0bthe break")
    report = export_project(lib, tmp_path / "cc.qdpx")
    project = read_project(report.path)
    (sel,) = project.all("//q:PlainTextSelection")
    text = project.text_of(project.all("//q:TextSource")[0])
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert text[start:end] == "one.\x0cPage"
    assert sel.get("name") == "one.\ufffdPage"
    # A description is free text: the statement's manual line break (Shift+Enter) is a new line
    # there, nothing replaced, so only the title's and the quote's form feeds are reported.
    assert sel.findtext("{*}Description") == "Across\nthe break\n\nClaim C1"
    assert [line for line in report.left_out if "U+FFFD" in line] == [
        "2 character(s) XML cannot hold (control characters), written as U+FFFD in names and "
        "descriptions; the source texts keep them"
    ]


def test_manual_line_breaks_in_descriptions_are_new_lines(lib: Library, tmp_path: Path) -> None:
    source = lib.sources.add(
        ExtractedDocument(
            title="Convoy", text="The convoy stopped.", analyst_note="Read twice \x0b in May."
        )
    )
    lib.claims.add(
        source.id, quote="The convoy stopped.", statement="Convoy stopped \x0b Road shut."
    )
    report = export_project(lib, tmp_path / "breaks.qdpx")
    project = read_project(report.path)
    (source_description,) = project.all("//q:TextSource/q:Description")
    assert source_description.text == "Read twice\nin May."
    (sel,) = project.all("//q:PlainTextSelection")
    assert sel.findtext("{*}Description") == "Convoy stopped\nRoad shut.\n\nClaim C1"
    assert report.left_out == ()


def test_text_stored_with_cr_line_ends_is_remapped(lib: Library, tmp_path: Path) -> None:
    # An older library could hold CR line ends; the file has LF, and selections follow it.
    source = lib.sources.add(ExtractedDocument(title="Old", text="placeholder text"))
    stored = "\ufeffFirst line.\r\nSecond 😀 line.\r\n\r\nThird line\rends here."
    lib.conn.execute("UPDATE sources SET text = ? WHERE id = ?", (stored, source.id))
    lib.claims.add(source.id, quote="Second 😀 line")
    lib.claims.add(source.id, quote="line.\r\n\r\nThird")
    lib.claims.add(source.id, quote="ends here.")
    project = _export(lib, tmp_path)
    text = project.text_of(project.all("//q:TextSource")[0])
    assert text == "First line.\nSecond 😀 line.\n\nThird line\nends here."
    spans = [
        text[int(s.get("startPosition")) : int(s.get("endPosition"))]
        for s in project.all("//q:PlainTextSelection")
    ]
    assert spans == ["Second 😀 line", "line.\n\nThird", "ends here."]
    assert spans == [s.get("name") for s in project.all("//q:PlainTextSelection")]


def test_an_empty_library_exports_a_valid_project(lib: Library, tmp_path: Path) -> None:
    project = _export(lib, tmp_path)
    assert project.texts == {}
    assert project.all("//q:Sources") == []


@pytest.mark.parametrize(
    ("scope", "error", "message"),
    [
        ({"note_id": 99}, NotFound, "no note with id 99"),
        ({"source_ids": [1, 42]}, NotFound, "no source with id 42"),
        ({"note_id": 1, "source_ids": [1]}, InvalidInput, "not both"),
    ],
)
def test_bad_scope_writes_nothing(
    demo_lib: Library, tmp_path: Path, scope: dict[str, object], error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        export_project(demo_lib, tmp_path / "x.qdpx", **scope)  # type: ignore[arg-type]
    assert list(tmp_path.glob("*.qdpx")) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_export_leaves_the_previous_file(
    demo_lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "demo.qdpx"
    export_project(demo_lib, target)
    before = target.read_bytes()

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", broken)
    with pytest.raises(Exception, match="No space left"):
        export_project(demo_lib, target)
    assert target.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["demo.qdpx"]  # no temporary left


def test_a_name_other_than_qdpx_is_refused(demo_lib: Library, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"\.qdpx"):
        export_project(demo_lib, tmp_path / "demo.zip")
    assert not (tmp_path / "demo.zip").exists()


def test_an_export_reads_one_state_of_the_library(
    demo_lib: Library, library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another window deletes a source while the export runs: the export is of the library as
    # it was when it began, not half of each.
    other = demo_lib.sources.add(ExtractedDocument(title="Other", text="Soon gone from here."))
    claim = demo_lib.claims.add(other.id, quote="Soon gone")
    import briefing_app.core.qdpx.writer as writer

    build = writer.build_codebook

    def build_then_delete(*args: object) -> object:
        second = Library.open(library_path, backup=False)
        try:
            second.claims.delete(claim.id)
            second.sources.delete(other.id)
        finally:
            second.close()
        return build(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "build_codebook", build_then_delete)
    project = _export(demo_lib, tmp_path)
    assert [s.get("name") for s in project.all("//q:TextSource")][-1] == "Other"
    assert "Soon gone" in [s.get("name") for s in project.all("//q:PlainTextSelection")]
    assert demo_lib.sources.all(ids=[other.id]) == []  # gone once the export has finished


def test_a_note_citing_a_missing_claim_still_exports(demo_lib: Library, tmp_path: Path) -> None:
    body = demo_lib.notes.get(1).sections[1].body
    demo_lib.notes.set_section(1, "issue", body + " Disputed [@C99].")
    report = export_project(demo_lib, tmp_path / "note.qdpx", note_id=1)
    assert report.claims == 10
    assert "the note cites C99, which the library does not hold" in report.left_out
    note = read_project(report.path).all("//q:Note/q:PlainTextContent")[0]
    assert "Disputed [@C99]." in note.text


def test_a_claim_outside_its_text_is_left_out_and_named(demo_lib: Library, tmp_path: Path) -> None:
    # A damaged library: a claim's end past its source's text.
    demo_lib.conn.execute('UPDATE claims SET "end" = 10000000 WHERE key = ?', ("C1",))
    report = export_project(demo_lib, tmp_path / "damaged.qdpx")
    assert report.claims == 9
    assert "1 claim(s) whose span lies outside their source's text" in report.left_out
    project = read_project(report.path)
    assert len(project.all("//q:PlainTextSelection")) == 9


def test_a_manual_line_break_in_a_note_is_a_line_break_in_the_project(
    demo_lib: Library, tmp_path: Path
) -> None:
    # Walk: a Shift+Enter in the note editor came out of the QDPX export as "�", with a
    # warning that a character had been replaced.
    note = demo_lib.notes.all()[0]
    demo_lib.notes.set_section(note.id, note.sections[0].key, "Convoy stopped \x0bRoad shut.")
    report = export_project(demo_lib, tmp_path / "breaks.qdpx")
    project = read_project(report.path)
    (text,) = [n.findtext("{*}PlainTextContent") or "" for n in project.all("//q:Note")]
    # Markdown's hard line break: a new line in the QDA tool, a line break back in Briefing.
    assert "\n\nConvoy stopped  \nRoad shut.\n" in text
    assert "\ufffd" not in text
    assert not any("U+FFFD" in line for line in report.left_out)
