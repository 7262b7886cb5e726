"""`briefing pack` and `briefing comment(s)` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from tests.cli.runner import briefing


def test_pack_moves_a_note_with_comments_between_libraries(tmp_path: Path) -> None:
    analyst, supervisor = tmp_path / "a.sqlite", tmp_path / "s.sqlite"
    with Library.open(analyst) as lib:
        build_demo(lib)
    pack = tmp_path / "note.briefpack"
    assert briefing("pack", "export", "1", "-o", str(pack), library=analyst).returncode == 0
    imported = briefing("pack", "import", str(pack), "--json", library=supervisor)
    assert imported.returncode == 0, imported.stderr
    note_id = json.loads(imported.stdout)["note_id"]
    added = briefing(
        "comment",
        "add",
        str(note_id),
        "summary",
        "Source for the figure?",
        "--author",
        "Supervisor",
        "--on",
        "Three Chinese workers",
        library=supervisor,
    )
    assert added.returncode == 0, added.stderr
    back = tmp_path / "back.briefpack"
    briefing("pack", "export", str(note_id), "-o", str(back), library=supervisor)
    result = briefing("pack", "import", str(back), library=analyst)
    assert result.stdout == "Imported into note 1: 1 comment\n"
    comments = json.loads(briefing("comments", "1", "--json", library=analyst).stdout)
    assert [(c["author"], c["anchor_text"]) for c in comments] == [
        ("Supervisor", "Three Chinese workers")
    ]


def test_a_damaged_pack_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    lib = tmp_path / "l.sqlite"
    Library.open(lib).close()
    bad = tmp_path / "bad.briefpack"
    bad.write_bytes(b"PK\x03\x04 truncated")
    before = lib.read_bytes()
    result = briefing("pack", "import", str(bad), library=lib)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "bad.briefpack" in result.stderr
    assert lib.read_bytes() == before


def test_accepting_a_deleted_cited_sentence_leaves_no_stray_citation(tmp_path: Path) -> None:
    from tests.core.review import word_edits

    path = tmp_path / "l.sqlite"
    with Library.open(path) as lib:
        source = lib.sources.add(
            ExtractedDocument(title="Wire", text="Workers died at the camp. Beijing pressed.")
        )
        lib.claims.add(source.id, quote="Workers died at the camp")
        lib.claims.add(source.id, quote="Beijing pressed")
        body = "Workers died at the camp [@C1]. Beijing pressed Dushanbe [@C2]. Talks went on."
        lib.notes.create("N", "briefing-note", [("summary", "Summary")], bodies={"summary": body})
    copy = tmp_path / "copy.docx"
    exported = briefing("review", "export", "1", "-o", str(copy), "--force", library=path)
    assert exported.returncode == 0, exported.stderr
    word_edits.track_delete_with_footnote(copy, "Beijing pressed Dushanbe")
    assert briefing("review", "import", str(copy), library=path).returncode == 0
    assert briefing("edit", "accept", "1", library=path).returncode == 0
    note = json.loads(briefing("note", "show", "1", "--json", library=path).stdout)
    summary = next(s["body"] for s in note["sections"] if s["key"] == "summary")
    assert summary == "Workers died at the camp [@C1]. . Talks went on."
    findings = json.loads(briefing("check", "1", "--json", library=path).stdout)["findings"]
    assert "citation.stray" not in {f["rule"] for f in findings}


def test_resolving_a_comment_takes_its_replies_out_of_the_open_list(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    assert briefing("comment", "add", "1", "summary", "Source?", library=library).returncode == 0
    first = json.loads(briefing("comments", "1", "--json", library=library).stdout)[-1]["id"]
    assert briefing("comment", "reply", str(first), "Added", library=library).returncode == 0
    assert briefing("comment", "reply", str(first), "Thanks", library=library).returncode == 0

    def open_ids() -> set[int]:
        listed = briefing("comments", "1", "--open", "--json", library=library).stdout
        return {c["id"] for c in json.loads(listed)}

    assert len(open_ids()) >= 3
    assert briefing("comment", "resolve", str(first), library=library).returncode == 0
    thread = {first, first + 1, first + 2}
    assert not open_ids() & thread
    assert briefing("comment", "resolve", "--reopen", str(first), library=library).returncode == 0
    assert thread <= open_ids()


def test_the_comments_table_says_which_comment_a_reply_answers(tmp_path: Path) -> None:
    # A reply was listed as one more comment, with nothing to say what it answered.
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    added = briefing("comment", "add", "1", "summary", "Source?", "--json", library=library)
    first = json.loads(added.stdout)["id"]
    reply = json.loads(
        briefing("comment", "reply", str(first), "The ministry", "--json", library=library).stdout
    )
    lines = briefing("comments", "1", library=library).stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "Reply", "to"]
    assert lines[-1].split()[:3] == [str(reply["id"]), str(first), "summary"]


def test_a_status_read_from_json_is_taken_back_as_it_is(tmp_path: Path) -> None:
    # `notes --json` says "in review"; `briefing status 1 "in review"` was refused (in-review).
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    assert briefing("status", "1", "in-review", library=library).returncode == 0
    shown = json.loads(briefing("notes", "--json", library=library).stdout)[0]["status"]
    assert shown == "in review"
    assert briefing("status", "1", "draft", library=library).returncode == 0
    again = briefing("status", "1", shown, library=library)
    assert again.returncode == 0, again.stderr
    assert again.stdout == "Note 1 is now in review\n"


def test_a_supervisor_suggests_an_edit_from_the_command_line_and_the_analyst_accepts_it(
    tmp_path: Path,
) -> None:
    analyst, supervisor = tmp_path / "a.sqlite", tmp_path / "s.sqlite"
    with Library.open(analyst) as lib:
        build_demo(lib)
    pack = tmp_path / "note.briefpack"
    briefing("pack", "export", "1", "-o", str(pack), library=analyst)
    briefing("pack", "import", str(pack), library=supervisor)
    suggested = briefing(
        "edit", "suggest", "1", "issue", "security", "safety", "--author", "Supervisor",
        library=supervisor,
    )  # fmt: skip
    assert suggested.returncode == 0, suggested.stderr
    assert suggested.stdout == "Suggested edit 1 in issue: 'security' → 'safety'\n"
    missing = briefing("edit", "suggest", "1", "issue", "no such words", "x", library=supervisor)
    assert missing.returncode == 1
    assert missing.stderr.startswith("Error: the words 'no such words' are not in section")
    back = tmp_path / "back.briefpack"
    briefing("pack", "export", "1", "-o", str(back), library=supervisor)
    assert briefing("pack", "import", str(back), library=analyst).stdout == (
        "Imported into note 1: 1 edit\n"
    )
    assert briefing("edit", "accept", "1", library=analyst).returncode == 0
    shown = briefing("note", "show", "1", library=analyst).stdout
    assert "the safety of Chinese investment" in shown


def test_the_claims_table_goes_to_a_spreadsheet_and_back(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    with Library.open(path) as lib:
        build_demo(lib)
    table = tmp_path / "claims.csv"
    assert briefing("claims", "--format", "csv", "-o", str(table), library=path).returncode == 0
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace(",reported fact,2,", ",reported fact,3,", 1), encoding="utf-8")
    back = briefing("claim", "update-from", str(table), library=path)
    assert back.returncode == 0, back.stderr
    assert back.stdout == "Updated 1 claim from claims.csv; 9 unchanged\n"
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(text.replace(",reported fact,2,", ",reported fact,9,", 1), encoding="utf-8")
    refused = briefing("claim", "update-from", str(wrong), library=path)
    assert refused.returncode == 1
    assert refused.stderr.startswith("Error: wrong.csv, line ")


def test_diff_says_when_nothing_changed_and_shows_what_did(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    assert briefing("status", "1", "in-review", library=library).returncode == 0  # version 1

    same = briefing("diff", "1", "1", library=library)
    assert (same.returncode, same.stdout) == (0, "No changes from version 1 to the note now.\n")

    body = tmp_path / "summary.md"
    body.write_text("Drei Tote, selon la police [@C5].\n", encoding="utf-8")
    assert briefing("status", "1", "draft", library=library).returncode == 0  # version 2
    set_body = briefing("note", "set", "1", "summary", "--file", str(body), library=library)
    assert set_body.returncode == 0, set_body.stderr
    changed = briefing("diff", "1", "1", library=library)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.startswith("## Summary (changed)\n")
    assert "{+Drei+} [-Chinese-]{+Tote,+}" in changed.stdout
    assert briefing("diff", "1", "1", "2", library=library).stdout == (
        "No changes from version 1 to version 2.\n"
    )


def test_review_import_names_words_typed_with_track_changes_off(tmp_path: Path) -> None:
    from tests.core.review import word_edits

    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    copy = tmp_path / "copy.docx"
    exported = briefing("review", "export", "1", "-o", str(copy), "--force", library=library)
    assert exported.returncode == 0, exported.stderr
    word_edits.edit_text(copy, "Beijing has pressed", "Beijing has publicly pressed")
    result = briefing("review", "import", str(copy), library=library)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Note 1: 0 comment(s) and 0 suggested edit(s) added, 0 already imported"
    assert lines[1].startswith("not imported: Summary: the copy differs from the note ('publicly'")


def test_a_comment_whose_words_were_deleted_is_listed_as_no_longer_in_its_section(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib.sqlite"
    assert briefing("demo", library=library).returncode == 0
    words = "a drone against"
    added = briefing("comment", "add", "1", "summary", "Sure?", "--on", words, library=library)
    assert added.returncode == 0
    note = json.loads(briefing("note", "show", "1", "--json", library=library).stdout)
    summary = next(s["body"] for s in note["sections"] if s["key"] == "summary")
    typed = "Update: " + summary
    assert briefing("note", "set", "1", "summary", typed, library=library).returncode == 0
    (listed,) = json.loads(briefing("comments", "1", "--json", library=library).stdout)
    assert typed[listed["start"] : listed["end"]] == words
    assert listed["unanchored"] is False
    gone = typed.replace(words + " ", "")
    assert briefing("note", "set", "1", "summary", gone, library=library).returncode == 0
    (listed,) = json.loads(briefing("comments", "1", "--json", library=library).stdout)
    assert listed["unanchored"] is True
    table = briefing("comments", "1", library=library).stdout
    assert f"{words} (no longer in the section)" in table
