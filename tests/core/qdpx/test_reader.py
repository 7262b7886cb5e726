"""Importing REFI-QDA projects as QualCoder, NVivo, ATLAS.ti and MAXQDA write them."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.errors import ImportCancelled
from briefing_app.core.library import Library
from briefing_app.core.models import Claim
from briefing_app.core.qdpx.reader import import_project
from briefing_app.core.qdpx.reader_positions import PositionMap
from briefing_app.core.qdpx.reader_undo import remove_import, restore_import
from briefing_app.core.text.anchors import normalise_text
from tests.core.qdpx.projects import Code, Memo, Sel, Src, guid, span, write_project
from tests.core.records.library_dump import dump

ARTICLE = (
    "China Urges Tajikistan to Ensure Safety of Its Citizens\n"
    "\n"
    "Officials said three Chinese workers were killed in Khatlon province.\n"
    "The Chinese embassy in Dushanbe called on Tajikistan to protect its citizens.\n"
    "The Taliban administration denied any role in the attack.\n"
)


def claims_by_quote(lib: Library) -> dict[str, Claim]:
    """Return the library's claims keyed by their quote."""
    return {c.quote: c for c in lib.claims.all()}


def assert_anchored(lib: Library) -> None:
    """Every claim's offsets point at its quote in the stored text."""
    for claim in lib.claims.all():
        assert lib.sources.get(claim.source_id).text[claim.start : claim.end] == claim.quote


# -- QualCoder: lowercase sources/, internal:// paths, exclusive ends ---------------------------


def qualcoder_project(tmp_path: Path) -> Path:
    text = ARTICLE
    killed = "three Chinese workers were killed in Khatlon province"
    denied = "The Taliban administration denied any role in the attack."
    embassy = "The Chinese embassy in Dushanbe called on Tajikistan"
    wrong = span(text, embassy)
    return write_project(
        tmp_path / "qualcoder.qdpx",
        [
            Src(
                "Tajik report",
                text,
                [
                    Sel(*span(text, killed), name=killed, codes=["Khatlon", "casualties"]),
                    Sel(*span(text, denied), name=denied, codes=["denial", "Taliban"]),
                    # Positions shifted by a tool's bug: the name puts it right.
                    Sel(wrong[0] + 7, wrong[1] + 7, name=embassy),
                    Sel(10, 20, name="words that are not in the article"),
                ],
                variables={
                    "Outlet": "Xinhua",
                    "URL": "https://example.org/a",
                    "Published": "2025-11",
                },
                description="Reprinted from the embassy's statement.",
            )
        ],
        codes=[
            Code("Tags: place", [Code("Khatlon")], codable=False),
            Code("Tags: actor", [Code("Taliban")], codable=False),
            Code("casualties"),
            Code("Claim kind", [Code("denial")], codable=False),
            Code("Unused code"),
        ],
        others=[
            '<PDFSource guid="11111111-2222-3333-4444-555555555555" name="Scan" '
            'path="internal://11111111-2222-3333-4444-555555555555.pdf"/>'
        ],
    )


def test_qualcoder_project_becomes_sources_claims_and_tags(lib: Library, tmp_path: Path) -> None:
    report = import_project(lib, qualcoder_project(tmp_path))

    assert report.kept["sources"] == 1 and report.kept["claims"] == 3
    (source,) = lib.sources.all()
    source = lib.sources.get(source.id)
    assert (source.title, source.outlet, source.url, source.published) == (
        "Tajik report", "Xinhua", "https://example.org/a", "2025-11",
    )  # fmt: skip
    assert source.analyst_note == "Reprinted from the embassy's statement."
    claims = claims_by_quote(lib)
    killed = claims["three Chinese workers were killed in Khatlon province"]
    assert sorted(killed.tag_refs) == ["place:Khatlon", "topic:casualties"]
    denied = claims["The Taliban administration denied any role in the attack."]
    assert denied.kind == "denial" and denied.tag_refs == ["actor:Taliban"]
    # Without a coding the selection is still a claim, untagged; it was re-anchored by name.
    embassy = claims["The Chinese embassy in Dushanbe called on Tajikistan"]
    assert embassy.tags == []
    assert_anchored(lib)
    assert [(i.what, i.reason) for i in report.adjusted] == [
        ("selection", "re-anchored by its name (positions " + _shifted(ARTICLE) + ")")
    ]
    discarded = {(i.what, i.name): i.reason for i in report.discarded}
    assert discarded[("selection", "words that are not in the article")] == (
        "its name 'words that are not in the article' occurs nowhere in the source"
    )
    assert "Briefing reads text only" in discarded[("source", "Scan")]
    # A code no selection uses is still part of the analyst's vocabulary: a tag.
    assert ("topic", "Unused code") in {(t.kind, t.name) for t in lib.tags.all()}


def _shifted(text: str) -> str:
    start, end = span(text, "The Chinese embassy in Dushanbe called on Tajikistan")
    return f"{start + 7}-{end + 7}"


def test_importing_the_same_project_again_adds_nothing(lib: Library, tmp_path: Path) -> None:
    path = qualcoder_project(tmp_path)
    import_project(lib, path)
    before = dump(lib)

    again = import_project(lib, path)

    assert dump(lib) == before
    assert again.kept["sources already here"] == 1
    assert again.kept["claims already here"] == 3
    assert again.kept["sources"] == again.kept["claims"] == 0


# -- NVivo: Sources/ folder, paths without internal://, CRLF text with a BOM, notes and links ---


def nvivo_sources() -> list[Src]:
    """Two sources as NVivo writes them: CRLF text with a BOM, paths without internal://."""
    text = ARTICLE.replace("\n", "\r\n")
    killed = "three Chinese workers were killed in Khatlon province"
    denied = "The Taliban administration denied any role in the attack."
    return [
        Src(
            "Interview 1",
            text,
            [
                Sel(*span(text, killed), name=killed, codes=["Khatlon"], label="killed"),
                Sel(*span(text, denied), name=denied, codes=["Fear"], notes=["doubt"]),
            ],
            bom=True,
            path="folder",
            notes=["provenance"],
        ),
        Src("Interview 2", "A second, plain interview.\r\nNothing coded.", path="bare"),
    ]


def nvivo_project(tmp_path: Path) -> tuple[Path, str]:
    text = ARTICLE.replace("\n", "\r\n")
    memo = "# Situation\r\n\r\nTense.\r\n\r\n## Outlook\r\n\r\nMore attacks are likely."
    path = write_project(
        tmp_path / "nvivo.qdpx",
        nvivo_sources(),
        folder="Sources",
        codes=[
            Code("Places", [Code("Khatlon")], codable=False),
            Code("Emotions", [Code("Fear")], codable=False),
        ],
        memos=[
            Memo("annotation", "Casualty figure from the provincial police."),
            Memo("doubt", "The Taliban denied earlier attacks too."),
            Memo("provenance", "Transcribed by the field team."),
            Memo("Project memo", memo.replace("\r\n", "\n")),
        ],
        links=[("annotation", "killed")],
        project_memos=["Project memo"],
    )
    return path, text


def test_nvivo_project_with_crlf_and_bom_lands_on_the_stored_text(
    lib: Library, tmp_path: Path
) -> None:
    path, _ = nvivo_project(tmp_path)

    report = import_project(lib, path)

    assert report.kept["sources"] == 2 and report.kept["claims"] == 2
    claims = claims_by_quote(lib)
    killed = claims["three Chinese workers were killed in Khatlon province"]
    assert killed.tag_refs == ["place:Khatlon"]
    # NVivo's annotation (a Link from a note to the selection) becomes the claim's statement.
    assert killed.statement == "Casualty figure from the provincial police."
    denied = claims["The Taliban administration denied any role in the attack."]
    assert denied.tag_refs == ["topic:Emotions / Fear"]
    assert denied.statement == "The Taliban denied earlier attacks too."
    assert_anchored(lib)
    source = lib.sources.get(killed.source_id)
    assert "\r" not in source.text and not source.text.startswith("\ufeff")
    assert source.analyst_note == "Transcribed by the field team."
    # The project memo is a note, its headings its sections.
    (note,) = [lib.notes.get(h.id) for h in lib.notes.headers()]
    assert note.title == "Project memo"
    assert [(s.heading, s.body) for s in note.sections] == [
        ("Situation", "Tense."),
        ("Outlook", "More attacks are likely."),
    ]
    assert report.discarded == []
    again = import_project(lib, path)
    assert again.kept["notes already here"] == 1 and len(lib.notes.headers()) == 1


def test_positions_counted_in_lf_text_are_recognised(lib: Library, tmp_path: Path) -> None:
    """Some tools count positions after turning CRLF into LF: the names show it."""
    crlf = ARTICLE.replace("\n", "\r\n")
    quotes = [
        "The Chinese embassy in Dushanbe called on Tajikistan",
        "The Taliban administration denied any role in the attack.",
    ]
    path = write_project(
        tmp_path / "lf.qdpx",
        [Src("LF counted", crlf, [Sel(*span(ARTICLE, q), name=q) for q in quotes])],
    )

    report = import_project(lib, path)

    assert sorted(claims_by_quote(lib)) == sorted(quotes)
    assert [i.reason for i in report.adjusted] == [
        "selections read as positions in the text LF line ends, end exclusive"
    ]


# -- ATLAS.ti: inline text, inclusive ends, Parent::Child names, shortened quotation names -------


def test_atlas_ti_project_with_inclusive_ends_and_parent_child_codes(
    lib: Library, tmp_path: Path
) -> None:
    text = ARTICLE
    killed = "three Chinese workers were killed in Khatlon province"
    embassy = "The Chinese embassy in Dushanbe called on Tajikistan to protect its citizens."
    path = write_project(
        tmp_path / "atlas.qdpx",
        [
            Src(
                "Report",
                text,
                [
                    Sel(*span(text, killed, inclusive=True), name=killed, codes=["Place::Khatlon"]),
                    Sel(
                        *span(text, embassy, inclusive=True),
                        name="The Chinese embassy in Dushanbe…",
                        codes=["Actors::Chinese embassy", "Mood::Worried"],
                    ),
                ],
                inline=True,
            )
        ],
        codes=[Code("Place::Khatlon"), Code("Actors::Chinese embassy"), Code("Mood::Worried")],
    )

    report = import_project(lib, path)

    claims = claims_by_quote(lib)
    assert set(claims) == {killed, embassy}
    assert claims[killed].tag_refs == ["place:Khatlon"]
    assert sorted(claims[embassy].tag_refs) == ["actor:Chinese embassy", "topic:Mood / Worried"]
    assert_anchored(lib)
    assert "end inclusive" in report.adjusted[0].reason


# -- MAXQDA: <name>.qde, NFD text and emoji -------------------------------------------------------


def test_maxqda_project_with_nfd_text_and_emoji(lib: Library, tmp_path: Path) -> None:
    nfc = "Le ministre a déclaré 🙂 que la région de Genève était calme. Réunion à 15 h. 🇫🇷 Fin."
    text = unicodedata.normalize("NFD", nfc)
    quotes = ["la région de Genève était calme", "Réunion à 15 h. 🇫🇷 Fin."]
    quotes_nfd = [unicodedata.normalize("NFD", q) for q in quotes]
    path = write_project(
        tmp_path / "maxqda.qdpx",
        [
            Src(
                "Déclaration",
                text,
                [Sel(*span(text, q), name=q, codes=["calm"]) for q in quotes_nfd],
            )
        ],
        qde_name="Déclaration.qde",
        codes=[Code("calm")],
    )

    report = import_project(lib, path)

    assert sorted(claims_by_quote(lib)) == sorted(quotes)
    assert_anchored(lib)
    assert report.discarded == [] and report.adjusted == []


# -- Our own attribute codes and description --------------------------------------------------


def test_our_attribute_codes_set_kind_status_credibility_and_party(
    lib: Library, tmp_path: Path
) -> None:
    quote = "The Taliban administration denied any role in the attack."
    path = write_project(
        tmp_path / "ours.qdpx",
        [
            Src(
                "Report",
                ARTICLE,
                [
                    Sel(
                        *span(ARTICLE, quote),
                        name=quote,
                        description="The Taliban deny responsibility.\n\nClaim C7",
                        codes=["denial", "disputed", "3", "Taliban administration", "bad kind"],
                    )
                ],
                variables={
                    "Reliability": "B",
                    "Marking": "TLP:AMBER",
                    "Colour": "red",
                    "Language": "German",
                    "DOI": "10.5555/report",
                },
            )
        ],
        codes=[
            Code("Claim kind", [Code("denial"), Code("bad kind")], codable=False),
            Code("Claim status", [Code("disputed")], codable=False),
            Code("Credibility", [Code("3")], codable=False),
            Code("Party", [Code("Taliban administration")], codable=False),
        ],
    )

    report = import_project(lib, path)

    (claim,) = lib.claims.all()
    assert (claim.key, claim.statement) == ("C7", "The Taliban deny responsibility.")
    assert (claim.kind, claim.status, claim.credibility, claim.party) == (
        "denial", "disputed", 3, "Taliban administration",
    )  # fmt: skip
    source = lib.sources.get(claim.source_id)
    assert (source.reliability, source.marking) == ("B", "TLP:AMBER")
    # A tool's language name becomes the code the word lists go by.
    assert (source.language, source.doi) == ("de", "10.5555/report")
    discarded = {(i.what, i.name): i.reason for i in report.discarded}
    assert discarded[("variable", "Report: Colour")] == "no source field holds it"
    assert (
        "'bad kind' is not a claim kind" in discarded[("coding", f"{quote}: Claim kind::bad kind")]
    )


def test_a_cancelled_import_leaves_the_library_unchanged(lib: Library, tmp_path: Path) -> None:
    path, _ = nvivo_project(tmp_path)
    before = dump(lib)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    with pytest.raises(ImportCancelled):
        import_project(lib, path, progress=progress, cancel=lambda: len(seen) >= 1)

    assert dump(lib) == before
    assert seen == [(1, 3)]


def test_selection_names_that_are_labels_leave_the_positions_in_charge(
    lib: Library, tmp_path: Path
) -> None:
    quotes = ["three Chinese workers were killed", "denied any role"]
    path = write_project(
        tmp_path / "labels.qdpx",
        [
            Src(
                "Report",
                ARTICLE,
                [Sel(*span(ARTICLE, q), name=f"Reference {i}") for i, q in enumerate(quotes, 1)],
            )
        ],
    )

    report = import_project(lib, path)

    assert sorted(claims_by_quote(lib)) == sorted(quotes)
    assert [i.reason for i in report.adjusted] == [
        "selection names are labels, not quotes: positions trusted"
    ]


@settings(max_examples=200)
@given(st.text(alphabet="ab \r\n\ufeff\u0301\u0327e\U0001f642\u1100\u1161", max_size=60))
def test_positions_map_to_the_stored_text_as_normalising_the_text_before_them(raw: str) -> None:
    positions = PositionMap(raw, every=3)  # checkpoints every few characters: all cases met
    for i in range(len(raw) + 1):
        assert positions.stored(i) == len(normalise_text(raw[:i]))
    assert positions.stored(len(raw)) == len(normalise_text(raw))


def test_positions_map_across_checkpoints_of_a_long_text() -> None:
    raw = "\ufeff" + ("Cafe\u0301 au lait\r\n" * 2000) + "fin"
    positions = PositionMap(raw)
    stored = normalise_text(raw)
    assert positions.stored(len(raw)) == len(stored)
    at = raw.index("fin")
    assert stored[positions.stored(at) :] == "fin"


def test_links_between_selections_named_by_a_relation_link_the_claims(
    lib: Library, tmp_path: Path
) -> None:
    killed = "three Chinese workers were killed"
    denied = "The Taliban administration denied any role"
    path = write_project(
        tmp_path / "links.qdpx",
        [
            Src(
                "Report",
                ARTICLE,
                [
                    Sel(*span(ARTICLE, killed), name=killed),
                    Sel(*span(ARTICLE, denied), name=denied),
                    # A second coder's selection of the same text: one claim, both codings.
                    Sel(*span(ARTICLE, denied), name=denied, codes=["Taliban"], label="again"),
                ],
            )
        ],
        codes=[Code("Actors", [Code("Taliban")], codable=False)],
        raw_links=[("contradicts", denied, killed), ("see also", killed, denied)],
    )

    report = import_project(lib, path)

    claims = claims_by_quote(lib)
    assert len(claims) == 2 and claims[denied].tag_refs == ["actor:Taliban"]
    (relation,) = lib.relations.all()
    assert (relation.from_claim_id, relation.relation, relation.to_claim_id) == (
        claims[denied].id, "contradicts", claims[killed].id,
    )  # fmt: skip
    assert report.kept["relations"] == 1
    assert [(i.what, i.name) for i in report.discarded] == [("link", "see also")]
    assert ("selection", "merged with a selection of the same text") in {
        (i.what, i.reason) for i in report.adjusted
    }
    again = import_project(lib, path)
    assert again.kept["relations already here"] == 1 and len(lib.relations.all()) == 1


def test_a_character_xml_cannot_hold_stands_as_a_replacement_in_a_name(
    lib: Library, tmp_path: Path
) -> None:
    text = "Page one ends here.\x0cPage two starts here."
    quote = "here.\x0cPage two"
    path = write_project(
        tmp_path / "replaced.qdpx",
        [Src("Scan", text, [Sel(*span(text, quote), name=quote.replace("\x0c", "\ufffd"))])],
    )

    report = import_project(lib, path)

    assert list(claims_by_quote(lib)) == [quote] and report.adjusted == []


def test_a_memo_with_front_matter_keeps_its_header_and_exact_section_bodies(
    lib: Library, tmp_path: Path
) -> None:
    body = "Three died.\n\n## A subheading inside the body\n\nStill the summary.  "
    memo = (
        "---\ntitle: Khatlon brief\ntemplate: sitrep\nmarking: TLP:AMBER\nmemo_to: Director\n"
        "sections:\n- key: summary\n  heading: Summary\n- key: outlook\n  heading: Outlook\n---\n"
        f"\n# Khatlon brief\n\n## Summary\n\n{body}\n\n## Outlook\n\nCalm.\n"
    )
    path = write_project(
        tmp_path / "memo.qdpx", [Src("Report", ARTICLE)], memos=[Memo("memo", memo)]
    )

    import_project(lib, path)

    (header,) = lib.notes.headers()
    note = lib.notes.get(header.id)
    assert (note.title, note.template, note.marking, note.memo_to) == (
        "Khatlon brief", "sitrep", "TLP:AMBER", "Director",
    )  # fmt: skip
    assert [(s.key, s.heading, s.body) for s in note.sections] == [
        ("summary", "Summary", body),
        ("outlook", "Outlook", "Calm."),
    ]


def test_sources_without_or_with_repeated_guids_stay_apart(lib: Library, tmp_path: Path) -> None:
    first, second = "The first interview.", "The second interview, another text."
    path = write_project(
        tmp_path / "guids.qdpx",
        [
            Src("One", first, [Sel(4, 9, name="first")]),
            Src("Two", second, [Sel(4, 10, name="second")]),
        ],
    )
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    qde = members["project.qde"].decode()
    for label in ("One", "Two"):
        qde = qde.replace(
            f'guid="{guid("src:" + label)}"', 'guid="AAAAAAAA-0000-0000-0000-000000000000"'
        )
    members["project.qde"] = qde.encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)

    import_project(lib, path)

    texts = sorted(lib.sources.get(s.id).text for s in lib.sources.all())
    assert texts == sorted([first, second])
    assert sorted(claims_by_quote(lib)) == ["first", "second"]


def test_an_import_is_undone_and_redone_exactly(demo_lib: Library, tmp_path: Path) -> None:
    """Undo takes out what the import made, even on a source already here; redo puts it back."""
    demo = demo_lib.sources.get(demo_lib.sources.all()[0].id)
    quote = "Taliban"
    path = write_project(
        tmp_path / "undo.qdpx",
        [
            Src("Demo again", demo.text, [Sel(*span(demo.text, quote), name=quote)], codes=["New"]),
            *nvivo_sources(),
        ],
        codes=[Code("New"), Code("Places", [Code("Khatlon")], codable=False)],
        memos=[Memo("Memo", "## Outlook\n\nCalm.")],
        project_memos=["Memo"],
        raw_links=[("contradicts", "killed", quote)],
    )
    before = dump(demo_lib)
    report = import_project(demo_lib, path)
    after = dump(demo_lib)
    records = report.created
    assert records.retagged and records.note_ids and records.relation_ids and records.tag_ids

    removed = remove_import(demo_lib, records)
    undone = dump(demo_lib)
    # Keys handed out are never handed out again: only the key counter remembers the import.
    assert {k: v for k, v in undone.items() if k != "counters"} == {
        k: v for k, v in before.items() if k != "counters"
    }
    restore_import(demo_lib, removed)
    assert dump(demo_lib) == after
    remove_import(demo_lib, restore_import(demo_lib, remove_import(demo_lib, records)))
    assert dump(demo_lib) == undone


def test_a_project_zipped_with_its_folder_is_read(lib: Library, tmp_path: Path) -> None:
    quote = "three Chinese workers were killed"
    flat = write_project(
        tmp_path / "flat.qdpx", [Src("Report", ARTICLE, [Sel(*span(ARTICLE, quote), name=quote)])]
    )
    path = tmp_path / "folder.qdpx"
    with zipfile.ZipFile(flat) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            dst.writestr(f"Tajik study/{name}", src.read(name))

    report = import_project(lib, path)

    assert list(claims_by_quote(lib)) == [quote] and report.discarded == []


@settings(max_examples=40)
@given(
    text=st.text(alphabet="ab é\r\n\ufeff\u0301🙂", min_size=1, max_size=40).filter(str.strip),
    selections=st.lists(
        st.tuples(
            st.integers(-3, 45),
            st.integers(-3, 45),
            st.one_of(st.none(), st.text("abé 🙂", max_size=6)),
        ),
        max_size=6,
    ),
)
def test_any_selections_import_or_are_reported_never_misplaced(
    text: str,
    selections: list[tuple[int, int, str | None]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    sels = [Sel(s, e, name=n, label=f"{i}") for i, (s, e, n) in enumerate(selections)]
    path = write_project(folder / "fuzz.qdpx", [Src("Fuzz", text, sels, bom=True)])
    lib = Library.open(":memory:")

    report = import_project(lib, path)

    assert (
        report.kept["claims"]
        + len([i for i in report.discarded if i.what == "selection"])
        + sum(1 for i in report.adjusted if "merged" in i.reason)
        == len(selections)
        or not lib.sources.all()
    )
    assert_anchored(lib)
    for claim in lib.claims.all():
        assert claim.quote.strip()


def test_a_pdf_source_comes_in_by_its_text_representation(lib: Library, tmp_path: Path) -> None:
    quote = "three Chinese workers were killed"
    start, end = span(ARTICLE, quote)
    pdf = (
        '<PDFSource guid="11111111-2222-3333-4444-555555555555" name="Scanned report" '
        'path="internal://11111111-2222-3333-4444-555555555555.pdf">'
        "<Description>From the embassy's site.</Description>"
        '<PDFSelection guid="21111111-2222-3333-4444-555555555555" page="1" '
        'firstX="1" firstY="2" secondX="30" secondY="40"/>'
        '<Representation guid="31111111-2222-3333-4444-555555555555" '
        'plainTextPath="internal://31111111-2222-3333-4444-555555555555.txt">'
        f'<PlainTextSelection guid="41111111-2222-3333-4444-555555555555" name="{quote}" '
        f'startPosition="{start}" endPosition="{end}"/></Representation>'
        '<Coding guid="51111111-2222-3333-4444-555555555555">'
        f'<CodeRef targetGUID="{guid("code:Khatlon")}"/></Coding></PDFSource>'
    )
    path = write_project(
        tmp_path / "pdf.qdpx",
        [],
        codes=[Code("Places", [Code("Khatlon")], codable=False)],
        others=[pdf],
        extra_members={
            "sources/11111111-2222-3333-4444-555555555555.pdf": b"%PDF-1.4 not read",
            "sources/31111111-2222-3333-4444-555555555555.txt": ARTICLE.encode(),
        },
    )

    report = import_project(lib, path)

    (claim,) = lib.claims.all()
    source = lib.sources.get(claim.source_id)
    assert (claim.quote, source.title, source.analyst_note) == (
        quote, "Scanned report", "From the embassy's site.",
    )  # fmt: skip
    assert lib.tags.on_source(source.id)[0].name == "Khatlon"
    assert [(i.name, i.reason) for i in report.discarded] == [
        (
            "Scanned report: 1 PDF area selection(s)",
            "Briefing keeps a PDF's text, not areas of its pages",
        )
    ]


def test_a_source_whose_text_file_is_missing_is_reported_with_its_selections(
    lib: Library, tmp_path: Path
) -> None:
    quote = "three Chinese workers"
    path = write_project(
        tmp_path / "missing.qdpx",
        [
            Src("Kept", ARTICLE, [Sel(*span(ARTICLE, quote), name=quote)]),
            Src(
                "Lost", "Another text.", [Sel(0, 7, name="Another")], raw_path="internal://gone.txt"
            ),
        ],
    )

    report = import_project(lib, path)

    assert list(claims_by_quote(lib)) == [quote]
    assert [(i.name, i.reason) for i in report.discarded] == [
        ("Lost", "its text file gone.txt is not in the project; its 1 selection(s) go with it")
    ]


# -- The report in words -----------------------------------------------------------------------


def test_the_report_counts_one_in_the_singular_and_more_in_the_plural(
    lib: Library, tmp_path: Path
) -> None:
    path = qualcoder_project(tmp_path)
    first = import_project(lib, path)
    again = import_project(lib, path)

    assert first.line().startswith("Imported qualcoder.qdpx: 1 source, 3 claims, ")
    assert again.line() == (
        "Imported qualcoder.qdpx: 1 source already here, 3 claims already here; "
        "0 adjusted, 2 discarded"
    )
    # The machine-readable counts keep their names, whatever the number.
    assert again.to_json()["kept"]["sources_already_here"] == 1


def test_our_own_user_is_understood_and_another_tools_user_is_reported(
    lib: Library, tmp_path: Path
) -> None:
    from briefing_app.core.qdpx.guids import stable_guid
    from briefing_app.core.qdpx.mapping import ANALYST_USER_UID, USER_KIND

    ours = stable_guid(USER_KIND, ANALYST_USER_UID)
    quote = "three Chinese workers were killed"
    sources = [Src("Report", ARTICLE, [Sel(*span(ARTICLE, quote), name=quote)])]
    only_ours = write_project(tmp_path / "ours.qdpx", sources, users=[(ours, "Analyst")])
    # Written by Briefing elsewhere: braces and lower case are the same GUID.
    both = write_project(
        tmp_path / "both.qdpx",
        sources,
        users=[("{" + ours.lower() + "}", "Analyst"), (guid("coder"), "Coder 2")],
    )

    assert import_project(lib, only_ours).discarded == []
    report = import_project(lib, both)
    assert [(i.what, i.name) for i in report.discarded] == [("part", "1 × User")]
