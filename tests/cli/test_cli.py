"""The command line as a user runs it, in-process (tests/cli/runner.py), on real library files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import docx
import pytest

from briefing_app.core.records.sources import SourceManager
from tests.cli.runner import briefing
from tests.conftest import write_fixture
from tests.core.exporters.export_helpers import word_notes


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    result = briefing("demo", library=path)
    assert result.returncode == 0, result.stderr
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_claims_json_quotes_match_the_source_text(demo_file: Path) -> None:
    claims = json.loads(briefing("claims", "--json", library=demo_file).stdout)
    sources = {
        s["id"]: s for s in json.loads(briefing("sources", "--json", library=demo_file).stdout)
    }
    inspected = json.loads(briefing("inspect", "seeds/khatlon-attack.md", "--json").stdout)
    assert len(claims) >= 8
    for claim in claims:
        assert {
            "id",
            "uid",
            "key",
            "source_id",
            "start",
            "end",
            "quote",
            "statement",
            "party",
            "kind",
            "credibility",
            "status",
            "tags",
        } <= claim.keys()
        assert inspected["text"][claim["start"] : claim["end"]] == claim["quote"]
        assert claim["source_id"] in sources
    source = next(iter(sources.values()))
    assert {
        "id",
        "uid",
        "title",
        "byline",
        "outlet",
        "published",
        "url",
        "language",
        "format",
        "sha256",
        "reliability",
        "marking",
    } <= source.keys()
    assert source["published"] is None and source["url"] == ""  # nothing invented


def test_claim_add_then_search_finds_it(tmp_path: Path) -> None:
    lib = tmp_path / "l.sqlite"
    article = write_fixture(
        tmp_path / "a.txt", "Port Closure Reported\n\nThe harbour master said the port closed.\n"
    )
    imported = json.loads(briefing("import", str(article), "--json", library=lib).stdout)
    source_id = imported["files"][0]["source_id"]
    added = briefing(
        "claim",
        "add",
        str(source_id),
        "--quote",
        "the port closed",
        "--party",
        "harbour master",
        "--statement",
        "Shipping halted",
        "--tag",
        "place:Port",
        "--json",
        library=lib,
    )
    assert added.returncode == 0, added.stderr
    claim = json.loads(added.stdout)
    assert (claim["key"], claim["party"], claim["tags"]) == ("C1", "harbour master", ["Port"])
    hits = json.loads(briefing("search", "halted", "--json", library=lib).stdout)
    assert [(h["kind"], h["label"]) for h in hits] == [("claim", "C1")]
    # Filtering with the tag as it was written when tagging finds the claim too.
    for written in ("place:Port", "Port", "PLACE: port"):
        listed = json.loads(briefing("claims", "--tag", written, "--json", library=lib).stdout)
        assert [c["key"] for c in listed] == ["C1"], written
    other_kind = briefing("claims", "--tag", "actor:Port", "--json", library=lib)
    assert json.loads(other_kind.stdout) == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["claim", "add", "1", "--quote", "words that are not there"], 1, "does not occur"),
        (["claim", "add", "999", "--quote", "x"], 1, "no source with id 999"),
        (["claim", "add", "1", "--quote", "Taliban", "--kind", "gossip"], 1, "gossip"),
        (["claim", "add", "1", "--quote", "Taliban", "--credibility", "9"], 1, "9"),
        (["claims", "--source", "42"], 1, "no source with id 42"),
        (["import", "missing-file.txt"], 1, "no such file"),
        (["import", "coded.qdpx"], 1, "a REFI-QDA project; import it with: briefing qdpx import"),
        (["import", "note.briefpack"], 1, "review package; import it with: briefing pack import"),
        (["import", "claims.csv"], 1, "import it with: briefing claim update-from claims.csv"),
        (["claim", "update-from", "missing.csv"], 1, "missing.csv: no such file or folder"),
        (["frobnicate"], 1, "no such command"),
    ],
)
def test_error_paths_print_one_line_and_leave_the_library_unchanged(
    demo_file: Path, args: list[str], code: int, message: str
) -> None:
    before = _digest(demo_file)
    result = briefing(*args, library=demo_file)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert _digest(demo_file) == before


def test_inspect_of_bad_file_names_it(tmp_path: Path) -> None:
    junk = write_fixture(tmp_path / "junk.txt", bytes(range(256)) * 10)
    result = briefing("inspect", str(junk), "--json")
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {junk}: binary data, not text"


def test_opening_a_non_library_is_one_line(tmp_path: Path) -> None:
    junk = write_fixture(tmp_path / "junk.sqlite", b"not sqlite at all" * 64)
    before = _digest(junk)
    result = briefing("sources", library=junk)
    assert result.returncode == 1
    assert "not a Briefing library" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(junk) == before


def test_import_reports_each_file_and_a_summary(tmp_path: Path) -> None:
    lib = tmp_path / "l.sqlite"
    good = write_fixture(tmp_path / "in" / "good.txt", "Headline Here\n\nBody text.\n")
    write_fixture(tmp_path / "in" / "empty.txt", b"")
    result = briefing("import", str(good.parent), library=lib)
    assert result.returncode == 1  # not everything could be imported (the rest was)
    assert "1 imported, 0 duplicate, 1 failed" in result.stdout
    assert "empty.txt: the file is empty" in result.stderr
    again = briefing("import", str(good), library=lib)
    assert "0 imported, 1 duplicate, 0 failed" in again.stdout


def test_briefing_help_names_the_variable_that_chooses_the_library() -> None:
    # The guide's command-line part and `--help` never named it: a script set --library on
    # every line of its own.
    shown = " ".join(briefing("--help").stdout.split())
    assert "--library FILE Library file to use (else $BRIEFING_LIBRARY;" in shown


def test_every_command_has_help() -> None:
    import click

    from briefing_app.cli.main import cli

    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert {"export", "import", "search"} <= set(names)
    for name in names:
        command = cli.get_command(ctx, name)
        assert command is not None and command.help, f"briefing {name} has no help"


def test_exported_files_are_readable_by_others_like_any_new_file(
    demo_file: Path, tmp_path: Path
) -> None:
    import os
    import stat

    os.umask(0o022)
    for args, name in ((["export", "1"], "memo.docx"), (["pack", "export", "1"], "n.briefpack")):
        out = tmp_path / name
        result = briefing(*args, "-o", str(out), library=demo_file)
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "args",
    [
        ["claim", "add", "99999999999999999999", "--quote", "x"],
        ["note", "show", "99999999999999999999"],
        ["claims", "--source", "99999999999999999999"],
    ],
)
def test_huge_ids_are_a_clear_error(demo_file: Path, args: list[str]) -> None:
    result = briefing(*args, library=demo_file)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_export_targets_that_cannot_be_written_are_one_line(
    demo_file: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    for args in (
        ["pack", "export", "1", "-o", str(missing / "p.briefpack")],
        ["export", "1", "-o", str(missing / "m.docx")],
        ["review", "export", "1", "-o", str(tmp_path / "copy.txt")],
    ):
        result = briefing(*args, library=demo_file)
        assert result.returncode == 1, args
        assert len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists() and not (tmp_path / "copy.txt").exists()


def _issue_body(library: Path) -> str:
    shown = json.loads(briefing("note", "show", "1", "--json", library=library).stdout)
    return str(next(s for s in shown["sections"] if s["key"] == "issue")["body"])


def test_note_set_takes_the_body_as_an_argument_or_from_standard_input(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    made = briefing("note", "new", "--template", "briefing-note", "--title", "T", library=library)
    assert made.returncode == 0, made.stderr

    def body(key: str) -> str:
        shown = json.loads(briefing("note", "show", "1", "--json", library=library).stdout)
        return str(next(s for s in shown["sections"] if s["key"] == key)["body"])

    typed = briefing("note", "set", "1", "summary", "Talks resumed in Genève.", library=library)
    assert typed.returncode == 0, typed.stderr
    assert typed.stdout == "Updated section 'summary' of note 1.\n"
    assert body("summary") == "Talks resumed in Genève."
    piped = briefing("note", "set", "1", "issue", "-", library=library, stdin="Who pays?\r\n")
    assert piped.returncode == 0, piped.stderr
    assert body("issue") == "Who pays?\n"
    with_file = briefing(
        "note", "set", "1", "background", "--file", "-", library=library, stdin="Since May.\n"
    )
    assert with_file.returncode == 0, with_file.stderr
    assert body("background") == "Since May.\n"
    assert body("summary") == "Talks resumed in Genève."


@pytest.mark.parametrize("args", [["-"], ["--file", "-"]])
def test_note_set_from_an_empty_pipe_leaves_the_section_as_it_was(
    tmp_path: Path, args: list[str]
) -> None:
    # `draft-summary | briefing note set 1 summary -` with a failing draft-summary emptied the
    # section without a word; an empty section is asked for with "" instead.
    library = tmp_path / "lib.sqlite"
    made = briefing("note", "new", "--template", "briefing-note", "--title", "T", library=library)
    assert made.returncode == 0, made.stderr
    assert briefing("note", "set", "1", "summary", "Kept.", library=library).returncode == 0

    piped = briefing("note", "set", "1", "summary", *args, library=library, stdin="")

    assert piped.returncode == 1
    assert piped.stderr == (
        "Error: nothing on standard input: 'summary' left as it was (TEXT \"\" empties it)\n"
    )
    assert "Kept." in briefing("note", "show", "1", library=library).stdout
    emptied = briefing("note", "set", "1", "summary", "", library=library)
    assert emptied.returncode == 0, emptied.stderr
    assert "Kept." not in briefing("note", "show", "1", library=library).stdout


def test_editing_a_final_note_says_the_command_that_reopens_it(tmp_path: Path) -> None:
    # "note 1 is final: reopen it to edit" named the window's way; here it is a command.
    library = tmp_path / "lib.sqlite"
    made = briefing("note", "new", "--template", "sitrep", "--title", "T", library=library)
    assert made.returncode == 0, made.stderr
    assert briefing("status", "1", "final", library=library).returncode == 0
    refused = briefing("note", "set", "1", "developments", "New.", library=library)
    assert (refused.returncode, refused.stderr) == (
        1,
        "Error: note 1 is final: reopen it to edit (briefing status 1 draft)\n",
    )
    assert briefing("status", "1", "draft", library=library).returncode == 0
    assert briefing("note", "set", "1", "developments", "New.", library=library).returncode == 0


def test_note_set_reads_utf8_and_refuses_other_encodings_and_binary(
    demo_file: Path, tmp_path: Path
) -> None:
    body = tmp_path / "body.md"
    body.write_bytes(b"\xef\xbb\xbf" + "Caf\xe9 owners fled.\r\n".encode())
    assert (
        briefing("note", "set", "1", "issue", "--file", str(body), library=demo_file).returncode
        == 0
    )
    assert _issue_body(demo_file) == "Café owners fled.\n"
    # A guessed encoding once stored "Genčve" for a cp1252 "Genève": refuse rather than guess.
    for name, data in [
        ("legacy.md", "Talks in Gen\xe8ve resumed.\n".encode("cp1252")),
        ("junk.md", bytes(range(256)) * 8),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        result = briefing("note", "set", "1", "issue", "--file", str(path), library=demo_file)
        assert result.returncode == 1
        assert result.stderr.strip() == f"Error: {path}: not UTF-8 text"
        assert _issue_body(demo_file) == "Café owners fled.\n"


def test_source_correct_refuses_a_file_that_is_not_utf8(demo_file: Path, tmp_path: Path) -> None:
    before = json.loads(briefing("sources", "--json", library=demo_file).stdout)
    fixed = tmp_path / "fixed.txt"
    fixed.write_bytes("Gen\xe8ve".encode("cp1252"))
    result = briefing("source", "correct", "1", "--file", str(fixed), library=demo_file)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {fixed}: not UTF-8 text"
    assert json.loads(briefing("sources", "--json", library=demo_file).stdout) == before


@pytest.mark.parametrize(
    "command",
    [
        ["sources"],
        ["claims"],
        ["notes"],
        ["search", "pass"],
        ["note", "show", "1"],
        ["export", "1", "-o", "{tmp}/out.md"],
        ["check", "1"],
        ["backup", "list"],
    ],
)
def test_a_mistyped_library_path_is_an_error_for_a_reading_command_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "typo" / "librray.sqlite"
    result = briefing(*(arg.format(tmp=tmp_path) for arg in command), library=typo)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {typo}: no library at this path (create one with `briefing demo` or by importing)"
    )
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize(
    "command", [["claim", "add", "1", "--quote", "three died"], ["party", "alias", "IEA", "ISIS"]]
)
def test_a_command_that_cannot_start_a_library_leaves_no_empty_one_behind(
    tmp_path: Path, command: list[str]
) -> None:
    # In a folder that exists, `claim add` made an empty library, then failed (no source 1),
    # and `party alias` made a library holding one alias: a mistyped --library left a file.
    typo = tmp_path / "librray.sqlite"
    result = briefing(*command, library=typo)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {typo}: no library at this path (create one with `briefing demo` or by importing)"
    )
    assert list(tmp_path.iterdir()) == []


def test_commands_that_make_things_still_create_a_new_library(tmp_path: Path) -> None:
    # In a folder that exists: a missing folder is a mistyped path (tests/cli/test_cli_edges.py).
    library = tmp_path / "library.sqlite"
    made = briefing("note", "new", "--template", "sitrep", "--title", "First", library=library)
    assert made.returncode == 0, made.stderr
    assert "First" in briefing("notes", library=library).stdout


def test_a_title_two_notes_share_is_refused_rather_than_guessed(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    for _ in range(2):
        made = briefing("note", "new", "--template", "sitrep", "--title", "Same", library=library)
        assert made.returncode == 0, made.stderr
    body = write_fixture(tmp_path / "body.md", "New text.\n")
    for command in (
        ["note", "show", "Same"],
        ["note", "set", "Same", "developments", "--file", str(body)],
    ):
        result = briefing(*command, library=library)
        assert result.returncode == 1
        assert result.stderr.strip() == "Error: 2 notes are titled 'Same' (ids 1, 2): give the id"
    assert "New text." not in briefing("note", "show", "1", library=library).stdout


def test_grade_a_source_and_change_a_claim_from_the_command_line(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    graded = briefing(
        "source", "set", "1", "--reliability", "b", "--outlet", "Asia-Plus", library=library
    )
    assert graded.returncode == 0, graded.stderr
    source = json.loads(briefing("sources", "--json", library=library).stdout)[0]
    assert (source["reliability"], source["outlet"]) == ("B", "Asia-Plus")

    edited = briefing(
        "claim", "edit", "c5", "--credibility", "2", "--status", "retracted",
        "--tag", "place:Khatlon", library=library,
    )  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    claim = next(
        c
        for c in json.loads(briefing("claims", "--json", library=library).stdout)
        if c["key"] == "C5"
    )
    assert (claim["credibility"], claim["status"]) == (2, "retracted")
    assert claim["tags"] == ["Khatlon"]


def test_a_claims_kind_and_status_are_taken_in_any_case_as_claims_filters_them(
    tmp_path: Path,
) -> None:
    # `briefing claims --kind Denial` matched, but `claim add --kind Denial` was refused.
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    added = briefing(
        "claim", "add", "1", "--quote", "Khatlon", "--kind", "Denial", "--status", "Disputed",
        "--json", library=library,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert (json.loads(added.stdout)["kind"], json.loads(added.stdout)["status"]) == (
        "denial",
        "disputed",
    )
    edited = briefing("claim", "edit", "C1", "--kind", "ALLEGATION", "--json", library=library)
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["kind"] == "allegation"


def test_changing_nothing_or_a_missing_claim_is_one_error_and_changes_nothing(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    before = library.read_bytes()
    missing = briefing("claim", "edit", "C99", "--status", "retracted", library=library)
    assert missing.returncode == 1 and missing.stderr.strip() == "Error: no claim C99"
    nothing = briefing("source", "set", "1", library=library)
    assert nothing.returncode == 1 and "give at least one option" in nothing.stderr
    bad = briefing("source", "set", "1", "--reliability", "Z", library=library)
    assert bad.returncode == 1
    assert library.read_bytes() == before


def test_asking_for_an_occurrence_past_the_last_says_how_many_there_are(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    result = briefing(
        "claim", "add", "1", "--quote", "Taliban", "--occurrence", "99", library=library
    )
    assert result.returncode == 1
    assert "occurrence 99 is past the last" in result.stderr
    assert "times in source 1" in result.stderr


@pytest.mark.parametrize("offset", [4096, 8192])
def test_a_damaged_library_is_named_in_one_line_with_the_way_out(
    tmp_path: Path, offset: int
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    with library.open("r+b") as f:
        f.seek(offset)
        f.write(b"\x00" * 4096)
    result = briefing("sources", library=library)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {library}: the library file is damaged (database disk image is malformed); "
        "restore a backup with `briefing backup list`"
    ]


@pytest.mark.parametrize(
    ("raised", "code", "printed"),
    [
        # Ctrl-C: one line and the shell's status for SIGINT (128 + 2), not click's "Aborted!".
        (KeyboardInterrupt(), 130, ["briefing: interrupted"]),
        (
            RuntimeError("boom"),
            1,
            [
                "Error: internal error: RuntimeError: boom",
                "(set BRIEFING_DEBUG=1 to see the traceback)",
            ],
        ),
    ],
)
def test_ctrl_c_and_an_unforeseen_failure_end_in_a_line_not_a_traceback(
    demo_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    raised: BaseException,
    code: int,
    printed: list[str],
) -> None:
    def fail(self: SourceManager) -> None:
        raise raised

    monkeypatch.delenv("BRIEFING_DEBUG", raising=False)
    monkeypatch.setattr(SourceManager, "all", fail)
    result = briefing("sources", library=demo_file)
    assert (result.returncode, result.stdout) == (code, "")
    assert result.stderr.splitlines() == printed


def test_note_set_fields_signs_clearance_lines_and_refuses_unknown_ones(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    result = briefing(
        "note", "set", "1", "--field", "approved_by=J. Tremblay",
        "--field", "approved_by_date=2026-11-21", "--field", "subject=", library=library,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = json.loads(briefing("note", "show", "1", "--json", library=library).stdout)
    assert shown["settings"]["approved_by"] == "J. Tremblay"
    assert shown["subject"] == ""
    out = tmp_path / "memo.md"
    assert briefing("export", "1", "-o", str(out), library=library).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "**Approved by:** J. Tremblay, November 21, 2026" in text
    assert "Subject" not in text  # empty: no Subject line, and the title is not repeated

    bad = briefing("note", "set", "1", "--field", "signed_by=X", library=library)
    assert bad.returncode != 0
    assert bad.stderr.strip().startswith("Error: template briefing-note has no field 'signed_by'")
    bad = briefing("note", "set", "1", "--field", "approved_by_date=21/11/2026", library=library)
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def test_done_when_of_issue_20_demo_exports_keyless_ibid_notes_with_a_legend(
    tmp_path: Path,
) -> None:
    library = tmp_path / "L.sqlite"
    assert briefing("demo", library=library).returncode == 0
    memo = tmp_path / "memo.docx"
    result = briefing("export", "1", "-o", str(memo), library=library)
    assert result.returncode == 0, result.stderr
    notes = word_notes(memo)
    assert notes[0].startswith("“China Urges Tajikistan") and "(C" not in " ".join(notes)
    assert all(n.startswith("Ibid. Graded F") for n in notes[1:])
    texts = [p.text for p in docx.Document(str(memo)).paragraphs]
    assert any(t.startswith("Admiralty source reliability: F — ") for t in texts)
    # --style switches between the bundled styles.
    intel = tmp_path / "intel.docx"
    switched = briefing("export", "1", "-o", str(intel), "--style", "intel", library=library)
    assert switched.returncode == 0, switched.stderr
    assert word_notes(intel)[1].endswith("[F2]")
    unknown = briefing("export", "1", "-o", str(intel), "--style", "mla", library=library)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("Error: no citation style 'mla' (known: academic, house")
    # --format md: the body starts with the title.
    md = tmp_path / "memo.md"
    assert briefing("export", "1", "-o", str(md), "--format", "md", library=library).returncode == 0
    body = md.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.lstrip().splitlines()[2] == "# Attack on Chinese workers in Khatlon province"
    listed = briefing("styles", "--json", library=library)
    assert {"house", "intel", "academic"} <= {s["name"] for s in json.loads(listed.stdout)}


def test_note_spelling_lists_misspelt_words_in_the_notes_language(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    body = tmp_path / "summary.md"
    body.write_text("The goverment said [@C1] NATO wrold.\nLe ministre a dit.\n", encoding="utf-8")
    briefing("note", "set", "1", "summary", "--file", str(body), library=library)
    shown = json.loads(briefing("note", "spelling", "1", "--json", library=library).stdout)
    summary = [
        (m["word"], m["suggestions"][:1]) for m in shown["misspelt"] if m["section"] == "summary"
    ]
    assert shown["language"] == "en"
    assert summary == [
        ("goverment", ["government"]),
        ("wrold", ["world"]),
        ("ministre", ["minister"]),
    ]
    text = briefing("note", "spelling", "1", library=library).stdout
    assert "goverment" in text and "government" in text

    french = json.loads(
        briefing("note", "spelling", "1", "--language", "fr", "--json", library=library).stdout
    )
    assert french["language"] == "fr"
    assert "ministre" not in [m["word"] for m in french["misspelt"]]
    refused = briefing("note", "spelling", "1", "--language", "xx", library=library)
    assert refused.returncode != 0
    assert "no spelling dictionary for 'xx'" in refused.stderr
    again = json.loads(briefing("note", "spelling", "1", "--json", library=library).stdout)
    assert again["language"] == "fr"  # the refused language changed nothing

    # Ignored in this note, as Ignore in the app: kept, and not listed again.
    args = ("note", "spelling", "1", "--language", "en", "--json")
    ignoring = json.loads(briefing(*args, "--ignore", "Wrold", library=library).stdout)
    assert "wrold" not in [m["word"] for m in ignoring["misspelt"]]
    later = json.loads(briefing("note", "spelling", "1", "--json", library=library).stdout)
    assert [m["word"] for m in later["misspelt"] if m["section"] == "summary"] == [
        "goverment",
        "ministre",
    ]
    refused = briefing("note", "spelling", "1", "--ignore", "two words", library=library)
    assert refused.returncode != 0 and "'two words' is not one word" in refused.stderr


def test_note_spelling_warns_once_of_a_word_list_it_cannot_read_and_still_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from briefing_app.core.text.spelling import user_words_path

    user_words_path().mkdir(parents=True)  # a folder where the word list should be
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    body = tmp_path / "summary.md"
    body.write_text("The goverment said so.\n", encoding="utf-8")
    briefing("note", "set", "1", "summary", "--file", str(body), library=library)
    listed = briefing("note", "spelling", "1", "--json", library=library)
    assert listed.returncode == 0
    assert "goverment" in [m["word"] for m in json.loads(listed.stdout)["misspelt"]]
    assert listed.stderr == (
        f"Warning: spelling word list {user_words_path()}: is a folder, not a file; "
        "the words you added that it holds are not known\n"
    )


def test_sources_json_lists_each_source_s_tags(tmp_path: Path) -> None:
    from briefing_app.core.library import Library
    from tests.core.importers.references.zotero_exports import RIS, export_folder

    lib = tmp_path / "lib.sqlite"
    folder = tmp_path / "export"
    export_folder(folder, "Exported Items.ris", RIS.replace("KW  - Khatlon", "KW  - place:Khatlon"))
    assert briefing("import", str(folder), library=lib).returncode == 0
    listed = json.loads(briefing("sources", "--json", library=lib).stdout)
    with Library.open(lib) as opened:
        assert [s["tags"] for s in listed] == [opened.sources.get(s["id"]).tags for s in listed]
    assert [s["tags"] for s in listed] == [["Khatlon"], ["Khatlon", "border security"]]


def test_note_new_refuses_a_setting_its_template_has_no_field_for(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    typo = briefing(
        "note", "new", "--template", "sitrep", "--title", "Lage", "--setting", "report_numbr=3",
        library=library,
    )  # fmt: skip
    assert typo.returncode == 1
    assert typo.stderr.startswith("Error: template sitrep has no field 'report_numbr' (fields: ")
    assert len(typo.stderr.strip().splitlines()) == 1
    assert not library.exists()  # no library made for a command that failed

    made = briefing(
        "note", "new", "--template", "sitrep", "--title", "Lage", "--setting", "report_number=3",
        "--json", library=library,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["settings"] == {"report_number": "3"}


def test_sources_lists_only_those_note_or_source_choose(tmp_path: Path) -> None:
    """`--note`/`--source` filter the list too: a script piping --json got every source."""
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    extra = write_fixture(tmp_path / "uncited.txt", "Nobody cites this report.\n")
    assert briefing("import", str(extra), library=library).returncode == 0

    cited = briefing("sources", "--note", "1", "--json", library=library)
    assert cited.returncode == 0, cited.stderr
    assert [s["id"] for s in json.loads(cited.stdout)] == [1]
    one = briefing("sources", "--source", "2", library=library)
    assert [line.split()[0] for line in one.stdout.splitlines()[2:]] == ["2"]
    unknown = briefing("sources", "--source", "9", library=library)
    assert (unknown.returncode, unknown.stderr) == (1, "Error: no source with id 9\n")


def test_writing_a_table_or_references_says_so_as_every_export_does(tmp_path: Path) -> None:
    # "wrote 1 source(s) to s.ris as ris" beside "Wrote memo.docx" and "Wrote review copy ...".
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    ris, csv_file = tmp_path / "s.ris", tmp_path / "c.csv"
    sources = briefing("sources", "--format", "ris", "-o", str(ris), library=library)
    assert sources.stdout == f"Wrote 1 source to {ris} as ris\n"
    claims = briefing("claims", "--format", "csv", "-o", str(csv_file), library=library)
    assert claims.stdout == f"Wrote 10 claims to {csv_file} as csv\n"


def test_sources_note_takes_a_note_as_every_command_does(tmp_path: Path) -> None:
    """`--note` took only an id here, where `qdpx export --note`, `check` and `export` take
    an id, a uid or a title: a script naming its note by title was refused."""
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    note = json.loads(briefing("notes", "--json", library=library).stdout)[0]
    for ref in (note["title"], note["uid"], "1"):
        cited = briefing("sources", "--note", ref, "--json", library=library)
        assert cited.returncode == 0, cited.stderr
        assert [s["id"] for s in json.loads(cited.stdout)] == [1]
    unknown = briefing("sources", "--note", "No such note", library=library)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("Error: ") and len(unknown.stderr.splitlines()) == 1


def test_json_with_a_written_file_prints_what_was_written_as_json(
    demo_file: Path, tmp_path: Path
) -> None:
    refs = briefing(
        "sources", "--json", "--format", "ris", "-o", str(tmp_path / "s.ris"), library=demo_file
    )
    assert refs.returncode == 0, refs.stderr
    assert json.loads(refs.stdout) == {
        "path": str(tmp_path / "s.ris"),
        "format": "ris",
        "sources": 1,
    }
    table = briefing(
        "claims", "--json", "--format", "csv", "-o", str(tmp_path / "c.csv"), library=demo_file
    )
    assert table.returncode == 0, table.stderr
    assert json.loads(table.stdout) == {
        "path": str(tmp_path / "c.csv"),
        "format": "csv",
        "claims": 10,
    }


def test_note_spelling_with_a_refused_word_does_not_set_the_language_either(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    refused = briefing(
        "note", "spelling", "1", "--language", "de", "--ignore", "zwei Wörter", library=library
    )
    assert refused.returncode == 1
    assert refused.stderr == "Error: 'zwei Wörter' is not one word\n"
    shown = json.loads(briefing("note", "spelling", "1", "--json", library=library).stdout)
    assert shown["language"] == "en"


def test_claim_add_on_words_already_claimed_adds_it_and_says_so(tmp_path: Path) -> None:
    """A tagging script run twice doubled every claim without a word."""
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    args = ("claim", "add", "1", "--quote", "killing three Chinese workers", "--party", "police")
    again = briefing(*args, library=library)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("C11: ")
    assert again.stderr == "Warning: C5 is already a claim on these words; C11 is another\n"
    other = briefing("claim", "add", "1", "--quote", "Chinese workers", library=library)
    assert other.stderr == ""
