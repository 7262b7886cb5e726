# ruff: noqa: W291  (Zotero writes "ER  - " with its trailing space)
"""Reference libraries in: Zotero's RIS, BibTeX/BibLaTeX and CSL-JSON, quirks included."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import CorruptFile
from briefing_app.core.exporters.references import write_references
from briefing_app.core.importers.batch import import_paths
from briefing_app.core.importers.references import read_references
from briefing_app.core.library import Library
from briefing_app.core.records.sources import ABSTRACT_FORMAT
from tests.core.importers.references.zotero_exports import (
    BIBTEX,
    CSL_JSON,
    RIS,
    export_folder,
)


def test_a_zotero_ris_export_folder_becomes_sources_with_the_references_metadata(
    lib: Library, tmp_path: Path
) -> None:
    export_folder(tmp_path / "export", "Exported Items.ris", RIS)
    summary = import_paths(lib, [tmp_path / "export"])
    assert summary.line() == "2 imported, 0 duplicate, 0 failed"  # the PDFs are not extra items
    attack, statement = (lib.sources.get(o.source_id or 0) for o in summary.outcomes)
    # The text is the attached PDF's (preferred over the snapshot); the metadata Zotero's.
    assert attack.format == "pdf" and "three Chinese workers were killed" in attack.text
    assert attack.title == "Three workers killed near the border"
    assert attack.byline == "Jane Roe; John Doe"  # "Last, First" as every byline: First Last
    assert attack.outlet == "Asia Wire"
    assert attack.published == "2025-11"  # DA 2025/11// : no day is invented
    assert attack.url == "https://asiawire.example.org/attack"
    assert attack.doi == "10.1234/AW.2025.11"
    assert attack.accessed == "2025-12-01"
    assert (attack.reliability, attack.marking) == ("B", "TLP:AMBER")
    assert attack.tags == ["Khatlon", "border security"]
    # Without an attachment the text is the abstract and the note, marked as such.
    assert statement.format == ABSTRACT_FORMAT
    assert statement.text == (
        "The ministry confirmed the camp had been evacuated before the attack.\n\n"
        "Only the abstract survives; the page is gone."
    )
    assert "abstract and notes" in statement.analyst_note
    assert statement.published == "2024"
    assert statement.reliability == "F"


def test_html_notes_become_plain_text_and_extra_lines_stay_out_of_them(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(RIS)
    ref = read_references(path)[0]
    assert ref.notes == ["Checked against the ministry statement & the wire."]
    assert [p.name for p in ref.attachments] == ["statement.pdf", "snapshot.html"]


def test_bibtex_and_biblatex_from_zotero(lib: Library, tmp_path: Path) -> None:
    export_folder(tmp_path / "export", "Exported Items.bib", BIBTEX)
    summary = import_paths(lib, [tmp_path / "export"])
    assert summary.line() == "2 imported, 0 duplicate, 0 failed"
    attack, statement = (lib.sources.get(o.source_id or 0) for o in summary.outcomes)
    assert attack.format == "pdf"
    assert attack.title == "Three workers killed near the Border"  # braces kept case, not text
    assert attack.byline == "Jane Roe; John Doe"
    assert attack.published == "2025-11"  # BibTeX has year and month, never a day
    assert (attack.reliability, attack.marking) == ("A", "TLP:GREEN")
    assert attack.accessed == "2025-12-01"
    assert sorted(attack.tags) == ["Khatlon", "border security"]
    # BibLaTeX: an ISO date (here a year-month), urldate, organization as outlet.
    assert (statement.published, statement.accessed) == ("2024-03", "2024-03-05")
    assert statement.outlet == "Ministry of Foreign Affairs"
    assert statement.format == ABSTRACT_FORMAT


def test_a_report_thesis_or_book_takes_its_institution_school_or_publisher_as_outlet(
    lib: Library, tmp_path: Path
) -> None:
    # The walk: Zotero writes a Report as @techreport (BibTeX) or @report (BibLaTeX) with the
    # think tank in `institution`; the source came in with no outlet at all.
    (tmp_path / "refs.bib").write_text(
        "@techreport{icg, title = {Tajikistan's Southern Border}, year = {2025},\n"
        "  institution = {International Crisis Group}, abstract = {Border gaps.}}\n"
        "@phdthesis{rahimov, title = {Border Policing in Khatlon}, year = {2021},\n"
        "  school = {University of Central Asia}, abstract = {Policing.}}\n"
        "@book{heuer, title = {Psychology of Intelligence Analysis}, year = {1999},\n"
        "  publisher = {Center for the Study of Intelligence}, abstract = {Biases.}}\n"
        "@article{art, title = {Attack in Khatlon}, year = {2025}, journal = {Asia-Plus},\n"
        "  publisher = {Asia-Plus Media Group}, abstract = {Three killed.}}\n",
        encoding="utf-8",
    )
    summary = import_paths(lib, [tmp_path / "refs.bib"])
    assert summary.line() == "4 imported, 0 duplicate, 0 failed"
    outlets = [lib.sources.get(o.source_id or 0).outlet for o in summary.outcomes]
    assert outlets == [
        "International Crisis Group",
        "University of Central Asia",
        "Center for the Study of Intelligence",
        "Asia-Plus",  # the journal first: its publisher is no outlet
    ]


def test_csl_json_with_string_date_parts_and_no_attachments(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(CSL_JSON)
    summary = import_paths(lib, [path])
    assert summary.line() == "1 imported, 0 duplicate, 0 failed"
    source = lib.sources.get(summary.outcomes[0].source_id or 0)
    assert source.published == "2025-11"  # date-parts as strings
    assert source.accessed == "2025-12-01"
    assert source.byline == "Jane Roe; Asia Wire staff"
    assert source.reliability == "C"
    assert source.ref_id == "http://zotero.org/users/local/abc/items/ZK4T2BQ8"
    # Extra lines that grade are not text; the other Extra line is kept as a note.
    assert source.text == (
        "Three workers were killed in an attack on a mining camp.\n\nOriginal date: 2025-11-29"
    )


def test_a_missing_attachment_falls_back_to_the_abstract(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(RIS)  # the files/… folder is not there
    summary = import_paths(lib, [path])
    attack = lib.sources.get(summary.outcomes[0].source_id or 0)
    assert attack.format == ABSTRACT_FORMAT
    assert attack.text == "Checked against the ministry statement & the wire."


def test_an_item_with_nothing_to_read_is_reported_and_the_others_import(
    lib: Library, tmp_path: Path
) -> None:
    path = tmp_path / "refs.ris"
    path.write_text("TY  - ELEC\nTI  - Empty item\nER  - \n\n" + RIS)
    summary = import_paths(lib, [path])
    assert summary.line() == "2 imported, 0 duplicate, 1 failed"
    failed = summary.by_status("failed")[0]
    assert failed.item == "Empty item"
    assert "no attachment, abstract or notes" in failed.reason


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("refs.ris", "not a ris file at all\n", "no references found in the RIS file"),
        ("refs.bib", "% only a comment\n", "no references found in the BibTeX file"),
    ],
)
def test_a_file_with_no_references_is_refused_in_one_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(CorruptFile, match=message):
        read_references(path)


def test_importing_the_same_export_again_duplicates_nothing(lib: Library, tmp_path: Path) -> None:
    export_folder(tmp_path / "export", "Exported Items.ris", RIS)
    first = import_paths(lib, [tmp_path / "export"])
    again = import_paths(lib, [tmp_path / "export"])
    assert again.line() == "0 imported, 2 unchanged, 0 duplicate, 0 failed"
    assert [o.source_id for o in again.outcomes] == [o.source_id for o in first.outcomes]
    assert lib.sources.count() == 2


def test_a_changed_item_updates_its_source_and_adds_new_tags(lib: Library, tmp_path: Path) -> None:
    path = export_folder(tmp_path / "export", "Exported Items.ris", RIS)
    first = import_paths(lib, [path])
    attack_id = first.outcomes[0].source_id or 0
    lib.sources.set_tags(attack_id, [*lib.sources.get(attack_id).tags, "my own tag"])
    # Same DOI (other case), a corrected title and day, a new keyword.
    path.write_text(
        RIS.replace("DO  - 10.1234/AW.2025.11", "DO  - 10.1234/aw.2025.11")
        .replace("TI  - Three workers killed near the border", "TI  - Three workers killed")
        .replace("DA  - 2025/11//", "DA  - 2025/11/30/")
        .replace("KW  - Khatlon\n", "KW  - Khatlon\nKW  - mining\n", 1)
    )
    again = import_paths(lib, [path])
    assert again.line() == "0 imported, 1 updated, 1 unchanged, 0 duplicate, 0 failed"
    attack = lib.sources.get(attack_id)
    assert (attack.title, attack.published) == ("Three workers killed", "2025-11-30")
    assert attack.tags == ["Khatlon", "border security", "mining", "my own tag"]
    assert lib.sources.count() == 2


def test_an_attachment_added_later_replaces_the_abstract_unless_claims_point_into_it(
    lib: Library, tmp_path: Path
) -> None:
    bare = tmp_path / "bare" / "refs.ris"
    bare.parent.mkdir()
    bare.write_text(RIS)
    first = import_paths(lib, [bare])
    attack_id, statement_id = (o.source_id or 0 for o in first.outcomes)
    assert lib.sources.get(attack_id).format == ABSTRACT_FORMAT
    # A claim now points into the statement's abstract; the attack has none.
    statement_text = lib.sources.get(statement_id).text
    lib.claims.add(statement_id, quote="the camp had been evacuated")
    full = export_folder(
        tmp_path / "full",
        "refs.ris",
        RIS.replace("KW  - Khatlon\nER  - ", "L1  - files/13/snapshot.html\nKW  - Khatlon\nER  - "),
    )
    again = import_paths(lib, [full])
    assert lib.sources.count() == 2
    attack = lib.sources.get(attack_id)
    assert attack.format == "pdf" and "three Chinese workers were killed" in attack.text
    assert attack.analyst_note == ""  # no longer marked as an abstract
    assert lib.sources.get(statement_id).text == statement_text
    assert again.by_status("updated")[0].source_id == attack_id


def test_a_file_imported_before_is_the_same_source_when_its_reference_comes(
    lib: Library, tmp_path: Path
) -> None:
    path = export_folder(tmp_path / "export", "Exported Items.ris", RIS)
    plain = import_paths(lib, [tmp_path / "export" / "files" / "12" / "statement.pdf"])
    refs = import_paths(lib, [path])
    assert refs.outcomes[0].status == "updated"
    assert refs.outcomes[0].source_id == plain.outcomes[0].source_id
    assert lib.sources.get(plain.outcomes[0].source_id or 0).doi == "10.1234/AW.2025.11"


def test_zotero_highlights_become_suggested_claims_and_lost_ones_are_listed(
    lib: Library, tmp_path: Path
) -> None:
    from tests.core.importers.references.zotero_exports import RIS_WITH_ANNOTATIONS

    path = export_folder(tmp_path / "export", "Exported Items.ris", RIS_WITH_ANNOTATIONS)
    summary = import_paths(lib, [path])
    outcome = summary.outcomes[0]
    assert outcome.status == "imported"
    assert outcome.reason == (
        "1 highlight(s) not found in the text: “the minister resigned on Friday” (p. 2)"
    )
    source_id = outcome.source_id or 0
    suggested = [
        s for s in lib.suggestions.for_source(source_id) if s.pattern == "zotero highlight"
    ]
    assert [s.quote for s in suggested] == ["three Chinese workers were killed in the attack"]
    assert suggested[0].mention == "Key casualty figure."
    assert [h.quote for h in lib.suggestions.unanchored(source_id)] == [
        "the minister resigned on Friday"
    ]
    # Accepting one makes it a claim, anchored where the quote is.
    claim = lib.suggestions.accept(source_id, suggested[0])
    assert claim.quote == "three Chinese workers were killed in the attack"
    assert not [s for s in lib.suggestions.for_source(source_id) if s.pattern == "zotero highlight"]
    # Importing again adds no second copy of either highlight.
    again = import_paths(lib, [path])
    assert again.outcomes[0].status == "unchanged"
    assert len(lib.suggestions.highlights(source_id)) == 2


def test_a_rejected_highlight_stays_rejected(lib: Library, tmp_path: Path) -> None:
    from tests.core.importers.references.zotero_exports import RIS_WITH_ANNOTATIONS

    path = export_folder(tmp_path / "export", "Exported Items.ris", RIS_WITH_ANNOTATIONS)
    source_id = import_paths(lib, [path]).outcomes[0].source_id or 0
    highlight = next(
        s for s in lib.suggestions.for_source(source_id) if s.pattern == "zotero highlight"
    )
    lib.suggestions.reject(source_id, highlight)
    assert highlight not in lib.suggestions.for_source(source_id)


def test_other_json_beside_pages_is_not_taken_for_references(lib: Library, tmp_path: Path) -> None:
    from tests.core.importers.samples import news_page_with_json_ld

    page = tmp_path / "pages" / "one"
    page.mkdir(parents=True)
    (page / "source.html").write_text(news_page_with_json_ld())
    (page / "truth.json").write_text('{"title": "Embassy urges safety", "byline": "Jane Roe"}')
    summary = import_paths(lib, [tmp_path / "pages"])
    assert summary.line() == "1 imported, 0 duplicate, 0 failed"


def test_what_a_re_import_changed_is_undone_and_redone_exactly(
    lib: Library, tmp_path: Path
) -> None:
    bare = tmp_path / "bare" / "refs.ris"
    bare.parent.mkdir()
    bare.write_text(RIS)
    attack_id = import_paths(lib, [bare]).outcomes[0].source_id or 0
    before = lib.sources.get(attack_id)
    full = export_folder(
        tmp_path / "full",
        "refs.ris",
        RIS.replace("DA  - 2025/11//", "DA  - 2025/11/30/").replace(
            "KW  - Khatlon\n", "KW  - mining\n", 1
        ),
    )
    outcome = import_paths(lib, [full]).outcomes[0]
    assert outcome.status == "updated" and outcome.edit is not None
    after = lib.sources.get(attack_id)
    assert after.format == "pdf" and "mining" in after.tags and after.published == "2025-11-30"
    redo = lib.sources.revert_refresh(outcome.edit)
    assert lib.sources.get(attack_id) == before  # text, metadata, modified time and tags
    lib.sources.revert_refresh(redo)
    assert lib.sources.get(attack_id) == after


# Zotero keeps duplicates apart until merged: the same article twice, the second with one
# author, the year only and only the snapshot.
RIS_WITH_DUPLICATE = (
    RIS
    + """TY  - NEWS
TI  - Three workers killed near the border
AU  - Roe, Jane
T2  - Asia Wire
PY  - 2025
UR  - https://asiawire.example.org/attack
L1  - files/13/snapshot.html
ER  - 
"""
)


def test_a_duplicate_item_in_the_export_does_not_overwrite_the_first_and_reimports_stay_still(
    lib: Library, tmp_path: Path
) -> None:
    export_folder(tmp_path / "export", "Exported Items.ris", RIS_WITH_DUPLICATE)
    summary = import_paths(lib, [tmp_path / "export"])
    assert [o.status for o in summary.outcomes] == ["imported", "imported", "duplicate"]
    first, _, again = summary.outcomes
    assert again.source_id == first.source_id
    assert again.reason == (
        f"the same item as an earlier one of this import: source {first.source_id} "
        "('Three workers killed near the border')"
    )
    attack = lib.sources.get(first.source_id or 0)
    assert attack.byline == "Jane Roe; John Doe"  # "Last, First" as every byline: First Last
    assert attack.published == "2025-11"
    assert attack.format == "pdf"
    summary = import_paths(lib, [tmp_path / "export"])
    assert [o.status for o in summary.outcomes] == ["unchanged", "unchanged", "duplicate"]


def test_reimporting_an_item_tagged_with_a_kind_changes_nothing(
    lib: Library, tmp_path: Path
) -> None:
    ris = RIS.replace("KW  - Khatlon\n", "KW  - place:Khatlon\n", 1)
    export_folder(tmp_path / "export", "Exported Items.ris", ris)
    first = import_paths(lib, [tmp_path / "export"]).outcomes[0]
    source = lib.sources.get(first.source_id or 0)
    assert {(t.name, t.kind) for t in lib.tags.on_source(source.id)} == {
        ("border security", "topic"),
        ("Khatlon", "place"),
    }
    again = import_paths(lib, [tmp_path / "export"]).outcomes[0]
    assert (again.status, again.edit) == ("unchanged", None)
    assert lib.sources.get(source.id) == source


def test_a_language_zotero_names_in_words_becomes_the_code_suggestions_read(
    lib: Library, tmp_path: Path
) -> None:
    from briefing_app.core.suggest.languages import lexicon_for

    def languages(folder: Path, name: str, text: str) -> dict[str, str]:
        export_folder(folder, name, text)
        with Library.open(folder / "library.sqlite") as fresh:
            outcomes = import_paths(fresh, [folder]).outcomes
            sources = [fresh.sources.get(o.source_id or 0) for o in outcomes]
            return {s.title: s.language for s in sources}

    bib = languages(tmp_path / "bib", "Exported.bib", BIBTEX.replace("{english}", "{ngerman}"))
    assert bib["Ministry statement on the incident"] == "de"
    lexicon_for(bib["Ministry statement on the incident"])  # suggestions can be made
    ris = languages(tmp_path / "ris", "Exported.ris", RIS.replace("LA  - en\n", "LA  - English\n"))
    assert ris["Three workers killed near the border"] == "en"


def test_a_folder_holding_a_zotero_export_imports_it_as_the_export_folder_does(
    lib: Library, tmp_path: Path
) -> None:
    # Dropped one level up (the download folder): the attachments are still no sources.
    export_folder(tmp_path / "Downloads" / "Exported Items", "Exported Items.ris", RIS)
    (tmp_path / "Downloads" / "notes.txt").write_text("A page of my own notes.\n")
    summary = import_paths(lib, [tmp_path / "Downloads"])
    assert [(o.path.name, o.status) for o in summary.outcomes] == [
        ("Exported Items.ris", "imported"),
        ("Exported Items.ris", "imported"),
        ("notes.txt", "imported"),
    ]


def test_a_ris_file_cut_short_imports_its_whole_items_and_names_the_one_cut(
    lib: Library, tmp_path: Path
) -> None:
    # A download interrupted inside the second item: no "ER  - " ends it.
    path = tmp_path / "cut.ris"
    path.write_text(RIS[: RIS.index("AB  - The ministry")], encoding="utf-8")
    summary = import_paths(lib, [path])
    assert [(o.status, o.item) for o in summary.outcomes] == [
        ("failed", ""),
        ("imported", "Three workers killed near the border"),
    ]
    assert summary.outcomes[0].reason == (
        "1 item not read: the item at line 20 has no 'ER  - ' line ending it (file cut short?)"
    )


def test_a_bibtex_file_with_a_broken_entry_imports_the_others_and_names_it(
    lib: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BIBTEX.replace("\tjournal = {Asia Wire},\n", "\tjournal = {Asia Wire,\n", 1)
    path = tmp_path / "refs.bib"
    path.write_text(broken, encoding="utf-8")
    summary = import_paths(lib, [path])
    assert [(o.status, o.item) for o in summary.outcomes] == [
        ("failed", ""),
        ("imported", "Ministry statement on the incident"),
    ]
    assert summary.outcomes[0].reason.startswith("1 entry not read: the entry at line 1 ")
    assert "\n" not in summary.outcomes[0].reason
    assert capsys.readouterr().err == ""  # the parser's own warnings stay out of the terminal


def test_a_csl_json_file_cut_short_is_named_broken_not_of_an_unknown_type(
    lib: Library, tmp_path: Path
) -> None:
    path = tmp_path / "Exported Items.json"
    path.write_text(CSL_JSON[:300], encoding="utf-8")
    (outcome,) = import_paths(lib, [path]).outcomes
    assert outcome.status == "failed"
    assert outcome.reason.startswith("not a readable CSL-JSON file (")
    assert "\n" not in outcome.reason


def test_sources_sent_to_zotero_and_back_update_without_an_attachment(
    lib: Library, tmp_path: Path
) -> None:
    """Briefing's own export (or Zotero's of it) carries no text: its items find their sources
    and update them; only an item no source matches is refused."""
    export_folder(tmp_path / "export", "Exported Items.ris", RIS)
    first = import_paths(lib, [tmp_path / "export"])
    attack_id = first.outcomes[0].source_id or 0
    out = tmp_path / "to-zotero.ris"
    write_references([lib.sources.get(s.id) for s in lib.sources.all()], out, "ris")
    # Graded in Zotero meanwhile (the Extra line), and one item that was never here.
    out.write_text(
        out.read_text().replace("Reliability: B", "Reliability: C", 1)
        + "TY  - NEWS\nTI  - Never imported\nUR  - https://example.org/new\nER  - \n"
    )
    text_before = lib.sources.get(attack_id).text

    again = import_paths(lib, [out])

    assert again.line().startswith("0 imported, ") and again.line().endswith(" 1 failed")
    assert [o.status for o in again.outcomes if o.source_id == attack_id] == ["updated"]
    attack = lib.sources.get(attack_id)
    assert attack.reliability == "C" and attack.text == text_before
    failed = again.by_status("failed")[0]
    assert failed.item == "Never imported"
    assert "no attachment, abstract or notes" in failed.reason
    assert lib.sources.count() == 2


# BibTeX is left out: its entry key (three_1) becomes the source's reference id the first time
# it comes back, as a key from Zotero would.
@pytest.mark.parametrize("fmt", ["ris", "csl-json"])
def test_sources_written_out_and_read_back_untouched_are_unchanged(
    lib: Library, tmp_path: Path, fmt: str
) -> None:
    """Nothing was edited in between: the import says so, rather than "2 updated" for the id
    and access day the export itself wrote."""
    export_folder(tmp_path / "export", "Exported Items.ris", RIS)
    import_paths(lib, [tmp_path / "export"])
    before = [lib.sources.get(s.id) for s in lib.sources.all()]
    out = tmp_path / ("out." + {"ris": "ris", "bibtex": "bib", "csl-json": "json"}[fmt])
    write_references(before, out, fmt)

    again = import_paths(lib, [out])

    assert again.line() == "0 imported, 2 unchanged, 0 duplicate, 0 failed"
    assert [lib.sources.get(s.id) for s in lib.sources.all()] == before
