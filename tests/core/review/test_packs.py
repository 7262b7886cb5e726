"""Review packages: a note with its evidence moves between libraries without loss or duplicates."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.importers.base import Annotation, ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack


def contents(lib: Library) -> dict[str, Any]:
    """Return a library's content by global id, ignoring local ids and keys."""
    uid_of_key = {c.key: c.uid for c in lib.claims.all()}
    notes = {}
    for n in lib.notes.all():
        bodies = {}
        for s in n.sections:
            body = s.body
            for key, uid in sorted(uid_of_key.items(), key=lambda kv: -len(kv[0])):
                body = body.replace(f"@{key}]", f"@{uid}]").replace(f"@{key};", f"@{uid};")
            bodies[s.uid] = body
        notes[n.uid] = (n.title, n.marking, n.status, bodies)
    return {
        "sources": {
            s.uid: (s.title, s.sha256, s.reliability, s.marking) for s in lib.sources.all()
        },
        "claims": {
            c.uid: (
                c.start,
                c.end,
                c.quote,
                c.statement,
                c.party,
                c.kind,
                c.credibility,
                c.status,
                tuple(c.tags),
            )
            for c in lib.claims.all()
        },
        "notes": notes,
        "comments": {
            c.uid: (c.section_key, c.author, c.body, c.resolved, c.anchor_text)
            for n in lib.notes.all()
            for c in lib.comments.all(n.id)
        },
    }


@pytest.fixture
def other(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "supervisor.sqlite")


def test_round_trip_into_an_empty_library_and_back(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.comments.add(note.id, "summary", "Check the casualty figure", author="Analyst")
    pack = export_pack(demo_lib, note.id, tmp_path / "out.briefpack")

    result = import_pack(other, pack)
    assert result.added == {"sources": 1, "claims": 10, "notes": 1, "versions": 0, "comments": 1,
                            "edits": 0, "questions": 1, "relations": 2, "hypotheses": 3,
                            "assumptions": 1, "ratings": 15}  # fmt: skip
    assert contents(other) == contents(demo_lib)

    # The supervisor comments and sends it back.
    back_note = other.notes.get(result.note_id)
    other.comments.add(
        back_note.id, "issue", "Say who says so", author="Supervisor", anchor_text="security"
    )
    first = other.comments.all(back_note.id)[0]
    other.comments.resolve(first.id)
    returned = export_pack(other, back_note.id, tmp_path / "back.briefpack")
    again = import_pack(demo_lib, returned)
    assert again.added == {"sources": 0, "claims": 0, "notes": 0, "versions": 0, "comments": 1,
                           "edits": 0, "questions": 0, "relations": 0, "hypotheses": 0,
                           "assumptions": 0, "ratings": 0}  # fmt: skip
    assert again.conflicts == []
    assert contents(demo_lib) == contents(other)
    comments = demo_lib.comments.all(note.id)
    assert [(c.author, c.resolved) for c in comments] == [("Analyst", True), ("Supervisor", False)]


def test_reference_metadata_and_zotero_highlights_travel_with_the_source(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    text = "Officials said the border post was attacked at night. Residents heard shots at dawn."
    doc = ExtractedDocument(title="Wire", text=text, doi="10.1000/khatlon.1", accessed="2025-12")
    source = demo_lib.sources.add(doc)
    claim = demo_lib.claims.add(source.id, start=0, end=53, party="Officials")
    note = demo_lib.notes.all()[0]
    section = note.sections[0]
    demo_lib.notes.set_section(note.id, section.key, f"{section.body} [@{claim.key}]")
    quote = "Residents heard shots at dawn."
    demo_lib.suggestions.add_highlights(source.id, [Annotation(quote, "2", "Check this")])
    pack = export_pack(demo_lib, note.id, tmp_path / "out.briefpack")

    import_pack(other, pack)
    arrived = other.sources.by_uid(source.uid)
    assert arrived is not None
    assert (arrived.doi, arrived.accessed) == ("10.1000/khatlon.1", "2025-12")
    assert other.suggestions.highlights(arrived.id) == [Annotation(quote, "2", "Check this")]
    suggested = [s.quote for s in other.suggestions.for_source(arrived.id)]
    assert quote in suggested


def test_a_pack_with_a_malformed_highlight_is_refused_and_changes_nothing(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    import hashlib
    import json

    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.briefpack")
    forged = tmp_path / "forged.briefpack"
    with zipfile.ZipFile(pack) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    manifest = json.loads(members["manifest.json"])
    name = next(n for n in members if n.startswith("sources/"))
    source = json.loads(members[name])
    source["highlights"] = [{"quote": 7, "page": "", "comment": ""}]
    members[name] = json.dumps(source).encode()
    manifest["files"][name] = hashlib.sha256(members[name]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(forged, "w") as dst:
        for member, body in members.items():
            dst.writestr(member, body)
    with pytest.raises(InvalidPack, match="highlight #1") as err:
        import_pack(other, forged)
    assert len(str(err.value).splitlines()) == 1
    assert other.sources.count() == 0


def test_importing_twice_adds_nothing(demo_lib: Library, other: Library, tmp_path: Path) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.briefpack")
    import_pack(other, pack)
    before = contents(other)
    second = import_pack(other, pack)
    assert sum(second.added.values()) == 0
    assert contents(other) == before


def test_citations_are_rewritten_to_the_receiving_librarys_keys(
    demo_lib: Library, tmp_path: Path
) -> None:
    receiver = Library.open(tmp_path / "r.sqlite")
    src = receiver.sources.add(ExtractedDocument(title="Other", text="Unrelated words here."))
    receiver.claims.add(src.id, quote="Unrelated")  # takes key C1 in the receiver
    sent_note = demo_lib.notes.all()[0]
    sent = demo_lib.notes.cited_keys(sent_note)
    pack = export_pack(demo_lib, sent_note.id, tmp_path / "n.briefpack")
    result = import_pack(receiver, pack)
    note = receiver.notes.get(result.note_id)
    received = receiver.notes.cited_keys(note)
    assert len(received) == len(sent) == 10  # the demo note cites all ten of its claims
    received_uids = []
    for key in received:
        claim = receiver.claims.by_key(key)
        assert claim is not None and claim.source_id != src.id
        received_uids.append(claim.uid)
    # Each citation names the claim it named before; the one whose key was taken got a new key.
    sent_claims = demo_lib.claims.by_keys(sent)
    assert received_uids == [sent_claims[k].uid for k in sent]
    assert received[sent.index("C1")] == "C11"
    receiver.close()


def test_edits_on_both_sides_are_kept_as_both_and_flagged(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    import_pack(other, export_pack(demo_lib, note.id, tmp_path / "a.briefpack"))
    mine = demo_lib.claims.by_key("C5")
    theirs = other.claims.by_uid(mine.uid) if mine else None
    assert mine and theirs
    demo_lib.claims.update(mine.id, status="corroborated")
    other.claims.update(theirs.id, status="disputed")
    other.notes.set_section(other.notes.all()[0].id, "issue", "Rewritten by the supervisor.")
    result = import_pack(
        demo_lib, export_pack(other, other.notes.all()[0].id, tmp_path / "b.briefpack")
    )
    assert len(result.conflicts) == 2
    assert demo_lib.claims.get(mine.id).status == "corroborated"  # not overwritten
    statuses = sorted(c.status for c in demo_lib.claims.all() if c.quote == mine.quote)
    assert statuses == ["corroborated", "disputed"]
    titles = [n.title for n in demo_lib.notes.all()]
    assert len(titles) == 2 and any("review copy" in t for t in titles)


@pytest.mark.parametrize("damage", ["truncate", "tamper", "not-zip", "unlisted", "no-manifest"])
def test_damaged_packages_are_refused_and_change_nothing(
    demo_lib: Library, other: Library, tmp_path: Path, damage: str
) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.briefpack")
    data = pack.read_bytes()
    bad = tmp_path / "bad.briefpack"
    if damage == "truncate":
        bad.write_bytes(data[: len(data) // 2])
    elif damage == "not-zip":
        bad.write_bytes(b"hello, not a zip")
    else:
        with zipfile.ZipFile(pack) as src, zipfile.ZipFile(bad, "w") as dst:
            for info in src.infolist():
                body = src.read(info.filename)
                if damage == "tamper" and info.filename == "claims.json":
                    body = body.replace(b"three", b"thirty")
                if damage == "no-manifest" and info.filename == "manifest.json":
                    continue
                dst.writestr(info.filename, body)
            if damage == "unlisted":
                dst.writestr("extra.json", b"{}")
    before = contents(other)
    with pytest.raises(InvalidPack) as err:
        import_pack(other, bad)
    assert "bad.briefpack" in str(err.value)
    assert len(str(err.value).splitlines()) == 1
    assert contents(other) == before


def test_a_pack_whose_claims_do_not_match_their_source_is_refused(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    import hashlib
    import json

    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.briefpack")
    forged = tmp_path / "forged.briefpack"
    with zipfile.ZipFile(pack) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    claims = json.loads(members["claims.json"])
    claims[0]["start"] += 1
    members["claims.json"] = json.dumps(claims).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["claims.json"] = hashlib.sha256(members["claims.json"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(forged, "w") as dst:
        for name, body in members.items():
            dst.writestr(name, body)
    with pytest.raises(InvalidPack, match="does not match its source text"):
        import_pack(other, forged)
    assert other.sources.count() == 0


def test_versions_travel_with_the_pack(demo_lib: Library, other: Library, tmp_path: Path) -> None:
    note = demo_lib.notes.all()[0]
    demo_lib.notes.set_status(note.id, "in review", "Round 1")
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "v.briefpack"))
    versions = other.versions.all(result.note_id)
    assert [(v.reason, v.status) for v in versions] == [("Round 1", "draft")]
    assert other.notes.get(result.note_id).status == "in review"
    again = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "v2.briefpack"))
    assert again.added["versions"] == 0


def test_comment_threads_arrive_with_each_reply_under_its_comment(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    first = demo_lib.comments.add(note.id, "summary", "Source?", author="Supervisor")
    demo_lib.comments.reply(first.id, "The ministry.", author="Analyst")
    demo_lib.comments.add(note.id, "issue", "Fine.", author="Supervisor")

    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "t.briefpack"))

    assert result.added["comments"] == 3
    comments = other.comments.all(result.note_id)
    by_id = {c.id: c for c in comments}
    threads = [(c.body, by_id[c.parent_id].body if c.parent_id else None) for c in comments]
    assert threads == [("Source?", None), ("The ministry.", "Source?"), ("Fine.", None)]


def test_a_failure_after_the_comments_are_in_leaves_the_library_exactly_as_it_was(
    demo_lib: Library, other: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.core.review.comments import CommentManager

    note = demo_lib.notes.all()[0]
    for n in range(30):
        demo_lib.comments.add(note.id, "summary", f"Comment {n}", author="Supervisor")
    pack = export_pack(demo_lib, note.id, tmp_path / "n.briefpack")
    other.sources.add(ExtractedDocument(title="Already here", text="Kept as it was."))
    before = list(other.conn.iterdump())
    heard: list[object] = []
    other.subscribe(heard.append)
    add_many = CommentManager.add_many

    def add_then_fail(self: CommentManager, *args: Any, **kwargs: Any) -> list[int]:
        ids = add_many(self, *args, **kwargs)  # sources, claims, note and comments are in
        assert len(ids) == 30
        raise OSError("disk full")

    monkeypatch.setattr(CommentManager, "add_many", add_then_fail)
    with pytest.raises(OSError, match="disk full"):
        import_pack(other, pack)

    # sqlite-utils' bulk insert joined the import's transaction instead of committing it.
    assert not other.conn.in_transaction
    assert list(other.conn.iterdump()) == before
    assert heard == []
    monkeypatch.undo()
    assert import_pack(other, pack).added["comments"] == 30


def test_a_comment_whose_section_was_shortened_since_still_travels(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    """A comment's offsets past its shortened section made every receiver refuse the package."""
    note = demo_lib.notes.all()[0]
    body = note.section("summary").body  # type: ignore[union-attr]
    tail = body[-40:]
    moved = demo_lib.comments.add(
        note.id, "summary", "Which source?", anchor_text=tail,
        start=len(body) - 40, end=len(body),
    )  # fmt: skip
    gone = demo_lib.comments.add(
        note.id, "summary", "Too long.", anchor_text=body[-80:-40],
        start=len(body) - 80, end=len(body) - 40,
    )  # fmt: skip
    kept = demo_lib.comments.add(
        note.id, "summary", "Good start.", anchor_text=body[:5], start=0, end=5
    )
    demo_lib.notes.set_section(note.id, "summary", f"Shorter now. {tail}")
    demo_lib.notes.set_section(note.id, "issue", "Rewritten.")
    demo_lib.comments.add(note.id, "issue", "Whole section.")

    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "short.briefpack"))

    received = {c.uid: c for c in other.comments.all(result.note_id)}
    assert received[moved.uid].anchor_text == tail
    assert (received[moved.uid].start, received[moved.uid].end) == (13, 13 + len(tail))
    # Its words are gone: it comments on the section as a whole, its words kept with it.
    assert (received[gone.uid].start, received[gone.uid].end) == (None, None)
    assert received[gone.uid].anchor_text == body[-80:-40]
    # "Three" was replaced by "Shorter now.": its words are gone too, however short.
    assert (received[kept.uid].start, received[kept.uid].end) == (None, None)
    assert received[kept.uid].anchor_text == body[:5]
    # The sender's own comments followed the edit: the package says where they are now.
    assert demo_lib.comments.get(moved.id).start == 13
    assert {c.id for c in demo_lib.comments.unanchored(note.id)} == {gone.id, kept.id}
