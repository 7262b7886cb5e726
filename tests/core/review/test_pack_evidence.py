"""Key questions, claim relations and event dates travel in review packages, merged by uid."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing_app.core.library import Library
from briefing_app.core.review.packs import InvalidPack, export_pack, import_pack
from tests.core.records.library_dump import dump


@pytest.fixture
def other(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "supervisor.sqlite")


def evidence(lib: Library) -> dict[str, Any]:
    """Return questions, relations and event dates by global id."""
    uid = {c.key: c.uid for c in lib.claims.all()}
    return {
        "questions": {
            q.uid: (q.text, q.note, [uid[k] for k in q.claim_keys]) for q in lib.questions.all()
        },
        "relations": {
            r.uid: (uid[r.from_key], r.relation, uid[r.to_key], r.note, r.created_at)
            for r in lib.relations.all()
        },
        "event_dates": {c.uid: c.event_date for c in lib.claims.all()},
    }


def forge(pack: Path, out: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Write a copy of pack with its members changed and the manifest's hashes made to fit."""
    with zipfile.ZipFile(pack) as src:
        members = {i.filename: json.loads(src.read(i.filename)) for i in src.infolist()}
    change(members)
    manifest = members.pop("manifest.json")
    encoded = {name: json.dumps(data).encode() for name, data in members.items()}
    manifest["files"] = {n: hashlib.sha256(b).hexdigest() for n, b in encoded.items()}
    with zipfile.ZipFile(out, "w") as dst:
        dst.writestr("manifest.json", json.dumps(manifest))
        for name, body in encoded.items():
            dst.writestr(name, body)
    return out


def test_questions_relations_and_event_dates_round_trip(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    pack = export_pack(demo_lib, note.id, tmp_path / "out.briefpack")
    result = import_pack(other, pack)
    assert (result.added["questions"], result.added["relations"]) == (1, 2)
    assert evidence(other) == evidence(demo_lib)
    assert other.questions.by_key("Q1").text == "Who carried out the Khatlon attack?"
    before = dump(other)
    again = import_pack(other, pack)
    assert (again.added["questions"], again.added["relations"]) == (0, 0)
    assert (again.reused["questions"], again.reused["relations"]) == (1, 2)
    assert dump(other) == before


def test_what_the_reviewer_adds_comes_back(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    c4, c5, c8 = (other.claims.by_key(k) for k in ("C4", "C5", "C8"))
    assert c4 and c5 and c8
    other.relations.link(c5.id, "corroborates", c4.id, "same attack")
    other.questions.assign(other.questions.by_key("Q1").id, [c8.id])
    other.claims.update(c8.id, event_date="2025-11-26")
    back = export_pack(other, result.note_id, tmp_path / "back.briefpack")
    merged = import_pack(demo_lib, back)
    assert merged.added["relations"] == 1 and merged.conflicts == []
    assert evidence(demo_lib) == evidence(other)
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7", "C8"]


def test_a_pair_linked_differently_keeps_this_librarys_link_and_says_so(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.all()[0]
    result = import_pack(other, export_pack(demo_lib, note.id, tmp_path / "out.briefpack"))
    for lib, relation in ((demo_lib, "corroborates"), (other, "repeats")):
        a, b = lib.claims.by_key("C4"), lib.claims.by_key("C5")
        assert a and b
        lib.relations.link(a.id, relation, b.id)
    merged = import_pack(demo_lib, export_pack(other, result.note_id, tmp_path / "b.briefpack"))
    assert merged.conflicts == [
        "claims C4 and C5: linked as corroborates here, repeats in the package; "
        "this library's link kept"
    ]
    c4 = demo_lib.claims.by_key("C4")
    assert c4 and [r.relation for r in demo_lib.relations.all(c4.id)] == ["corroborates"]


def test_a_package_from_before_questions_and_relations_still_imports(
    demo_lib: Library, other: Library, tmp_path: Path
) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "out.briefpack")

    def strip(members: dict[str, Any]) -> None:
        del members["questions.json"], members["relations.json"]
        # Matrices came later still: a package from before questions has none.
        del members["matrices.json"], members["judgment.json"]
        for claim in members["claims.json"]:
            del claim["event_date"]

    result = import_pack(other, forge(pack, tmp_path / "old.briefpack", strip))
    assert result.added["claims"] == 10
    assert other.questions.all() == [] and other.relations.all() == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda m: m["relations.json"][0].update(relation="refutes"),
            r"claim relation #1 is of no known kind \('refutes'\)",
        ),
        (
            lambda m: m["relations.json"][0].update(to_uid=m["relations.json"][0]["from_uid"]),
            "links a claim to itself",
        ),
        (
            lambda m: m["relations.json"][0].update(to_uid="nope"),
            "names a claim not in the package",
        ),
        (lambda m: m["questions.json"][0]["claims"].append("nope"), "names a claim not in"),
        (lambda m: m["questions.json"][0].update(text=" "), "has no text"),
        (lambda m: m.update({"relations.json": {}}), "relations.json is not a list"),
        (lambda m: m["relations.json"][0].update(note=3), "'note' is a whole number, not text"),
        (lambda m: m["relations.json"][0].update(note="x" * 501), "a note over 500 characters"),
        (
            lambda m: m["claims.json"][0].update(event_date="2025-13"),
            "event date '2025-13' is not a real date",
        ),
    ],
)
def test_bad_questions_or_relations_are_refused_and_change_nothing(
    demo_lib: Library,
    other: Library,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    pack = export_pack(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "out.briefpack")
    forged = forge(pack, tmp_path / "forged.briefpack", change)
    before = dump(other)
    with pytest.raises(InvalidPack, match=message):
        import_pack(other, forged)
    assert dump(other) == before
