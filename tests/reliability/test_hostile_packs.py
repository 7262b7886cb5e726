"""Hostile review packages: each is refused with one line naming what is wrong, quickly and in
bounded memory, and the receiving library is left exactly as it was.

A package is checked as strictly as a file import: the same limits on a source's text, the same
normal form, dates, addresses, grades and spans, and every member's shape, so that a forged
package ends in `InvalidPack` and never in another exception. The memory-bound cases run in a
capped child process (tests/capped_child.py), whose peak is the import's own.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.review.packs import InvalidPack, import_pack
from tests.capped_child import run_capped
from tests.reliability.hostile_packs import (
    MiB,
    RawEntry,
    forge,
    library_dump,
    many_entries,
    read_members,
    repack,
    repeated_deflate,
    sample_pack,
    set_source_text,
    source_name,
    stored,
)

# What the issue allows a hostile package: far below what reading it whole would take.
PEAK_MB = 300


def refused(lib: Library, pack: Path) -> str:
    """Import pack into lib, expecting a one-line refusal that changes nothing; return it."""
    before = library_dump(lib)
    with pytest.raises(InvalidPack) as err:
        import_pack(lib, pack)
    message = str(err.value)
    assert len(message.splitlines()) == 1, message
    assert pack.name in message
    assert len(message) < 300, message
    assert library_dump(lib) == before
    return message


@pytest.fixture
def receiver(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "receiver.sqlite", backup=False)


def first_claim(members: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = members["claims.json"][0]
    return claim


def source(members: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = members[source_name(members)]
    return found


# --- Contents a file import refuses (issue 22 §3) -------------------------------------------

CONTENTS: dict[str, tuple[Callable[[dict[str, Any]], object], list[str]]] = {
    "nul-in-text": (
        lambda m: set_source_text(m, source(m)["text"] + "\x00\x00"),
        ["source", "text", "NUL"],
    ),
    "text-not-normalised": (
        # Claim offsets index the text as import stores it: CRLF would move every one.
        lambda m: set_source_text(m, source(m)["text"] + "\r\nA last line."),
        ["source", "text"],
    ),
    "javascript-url": (
        lambda m: source(m).update(url="javascript:alert(document.cookie)"),
        ["source", "url", "javascript:"],
    ),
    "impossible-date": (
        lambda m: source(m).update(published="99999-99-99"),
        ["source", "published", "99999-99-99"],
    ),
    "comment-outside-its-section": (
        lambda m: m["comments.json"][0].update(start=5000, end=5100),
        ["comment", "5000"],
    ),
}


@pytest.mark.parametrize("case", list(CONTENTS))
def test_contents_a_file_import_refuses_are_refused_in_a_package(
    receiver: Library, tmp_path: Path, case: str
) -> None:
    change, words = CONTENTS[case]
    message = refused(receiver, forge(sample_pack(), tmp_path / f"{case}.briefpack", change))
    for word in words:
        assert word in message, message


def test_a_valid_package_still_imports(receiver: Library, tmp_path: Path) -> None:
    result = import_pack(receiver, sample_pack())
    assert result.added == {
        "sources": 1,
        "claims": 10,
        "notes": 1,
        "versions": 1,
        "comments": 2,
        "edits": 0,  # the sample package is older than suggested edits in packages
        # The demo's key question and its two contradicts links (issue 17).
        "questions": 1,
        "relations": 2,
        # Its ACH matrix: three hypotheses, one key assumption, five rows rated (issue 18).
        "hypotheses": 3,
        "assumptions": 1,
        "ratings": 15,
    }


# --- Malformed packages that ended in "internal error" (issue 22 §4) -------------------------


def _manifest_version(value: bytes) -> Callable[[dict[str, Any]], object]:
    def change(members: dict[str, Any]) -> None:
        text = json.dumps(members["manifest.json"]).replace('"format_version": 1', '"v": 0')
        members["manifest.json"] = text[:-1].encode() + b', "format_version": ' + value + b"}"

    return change


def _without(member: str, field: str, index: int = 0) -> Callable[[dict[str, Any]], object]:
    def change(members: dict[str, Any]) -> None:
        record = members[member] if member != "source" else source(members)
        if isinstance(record, list):
            record = record[index]
        del record[field]

    return change


MALFORMED: dict[str, tuple[Callable[[dict[str, Any]], object], list[str]]] = {
    "manifest-is-a-list": (
        lambda m: m.update({"manifest.json": [m["manifest.json"]]}),
        ["manifest"],
    ),
    "format-version-a-string": (_manifest_version(b'"1.0"'), ["format version"]),
    "format-version-huge": (_manifest_version(b"9" * 5000), ["manifest"]),
    "format-version-infinite": (_manifest_version(b"1e999"), ["manifest", "1e999"]),
    "deeply-nested-json": (
        lambda m: m.update({"claims.json": b"[" * 100_000 + b"]" * 100_000}),
        ["claims.json"],
    ),
    "nan-in-json": (lambda m: first_claim(m).update(credibility=float("nan")), ["claims.json"]),
    "credibility-abc": (lambda m: first_claim(m).update(credibility="abc"), ["credibility"]),
    "sections-a-string": (
        lambda m: m["note.json"].update(sections="summary"),
        ["note", "sections"],
    ),
    "claim-without-statement": (_without("claims.json", "statement"), ["claim", "statement"]),
    "source-without-title": (_without("source", "title"), ["source", "title"]),
    "comment-without-body": (_without("comments.json", "body"), ["comment", "body"]),
    "version-without-reason": (_without("versions.json", "reason"), ["version", "reason"]),
    "huge-claim-key": (
        lambda m: first_claim(m).update(key="C" + "9" * 5000),
        ["claim", "key"],
    ),
    "a-megabyte-kind": (lambda m: first_claim(m).update(kind="k" * MiB), ["kind"]),
    "claims-a-mapping": (lambda m: m.update({"claims.json": {"C1": {}}}), ["claims"]),
    "claim-offsets-floats": (lambda m: first_claim(m).update(start=0.5), ["start"]),
    "tags-not-a-list": (lambda m: first_claim(m).update(tags="actor:China"), ["tags"]),
    "history-a-number": (lambda m: first_claim(m).update(history=7), ["history"]),
    "two-sections-one-uid": (
        lambda m: m["note.json"]["sections"][1].update(uid=m["note.json"]["sections"][0]["uid"]),
        ["note_sections.uid"],
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_packages_get_a_message_saying_what_is_wrong(
    receiver: Library, tmp_path: Path, case: str
) -> None:
    change, words = MALFORMED[case]
    message = refused(receiver, forge(sample_pack(), tmp_path / f"{case}.briefpack", change))
    assert "Error" not in message and "Traceback" not in message
    for word in words:
        assert word in message, message


def test_an_encrypted_package_is_refused(receiver: Library, tmp_path: Path) -> None:
    with zipfile.ZipFile(sample_pack()) as zf:
        data = zf.read("claims.json")
    entry = stored("claims.json", data, flags=0x1)  # "encrypted"
    pack = repack(sample_pack(), tmp_path / "locked.briefpack", {"claims.json": entry})
    assert "encrypted" in refused(receiver, pack)


def test_an_unknown_compression_method_is_refused(receiver: Library, tmp_path: Path) -> None:
    with zipfile.ZipFile(sample_pack()) as zf:
        data = zf.read("claims.json")
    entry = stored("claims.json", data, method=9)  # Deflate64, which Python cannot read
    pack = repack(sample_pack(), tmp_path / "deflate64.briefpack", {"claims.json": entry})
    assert "compression" in refused(receiver, pack)


# --- Size: bounded reading, bounded memory (issue 22 §3) -------------------------------------


# Imports a package in a child process: how it ended and whether the library changed.
_IMPORT_IN_CHILD = """
import json, sys
from pathlib import Path
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.review.packs import import_pack

lib = Library.open(Path(sys.argv[1]), backup=False)
before = list(lib.conn.iterdump())
report = {"error": None, "message": ""}
try:
    import_pack(lib, Path(sys.argv[2]))
except BriefingError as exc:
    report.update(error=type(exc).__name__, message=str(exc))
report["changed"] = list(lib.conn.iterdump()) != before
lib.close()
print(json.dumps(report))
"""


def import_in_child(library: Path, pack: Path) -> dict[str, Any]:
    """Import pack into library in a capped child process; return its report and peak memory."""
    Library.open(library, backup=False).close()
    run = run_capped(_IMPORT_IN_CHILD, str(library), str(pack))
    assert run.returncode == 0, run.stderr[-2000:]
    report: dict[str, Any] = json.loads(run.stdout)
    report["peak_mb"] = run.peak_mb
    return report


def assert_refused_in_bounds(report: dict[str, Any], pack: Path) -> None:
    assert report["error"] == "InvalidPack", report
    assert pack.name in report["message"] and "\n" not in report["message"]
    assert not report["changed"]
    assert report["peak_mb"] < PEAK_MB, report


def test_a_member_lying_about_its_size_is_read_only_to_a_bound(tmp_path: Path) -> None:
    # 1 MB on disk, declared as 1 MB unpacked, inflating to 1 GiB.
    stream, crc, _size, _digest = repeated_deflate(b"\0" * MiB, 1024)
    entry = RawEntry("claims.json", stream, zipfile.ZIP_DEFLATED, crc, file_size=MiB)
    pack = repack(sample_pack(), tmp_path / "bomb.briefpack", {"claims.json": entry})
    report = import_in_child(tmp_path / "receiver.sqlite", pack)
    assert_refused_in_bounds(report, pack)


def test_a_member_declaring_a_large_size_truthfully_is_refused_before_reading(
    tmp_path: Path,
) -> None:
    stream, crc, size, _digest = repeated_deflate(b" " * MiB, 400, b"[", b"]")
    entry = RawEntry("claims.json", stream, zipfile.ZIP_DEFLATED, crc, file_size=size)
    pack = repack(sample_pack(), tmp_path / "large.briefpack", {"claims.json": entry})
    report = import_in_child(tmp_path / "receiver.sqlite", pack)
    assert_refused_in_bounds(report, pack)
    assert "claims.json" in report["message"]


def test_a_200_mb_source_text_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    members = read_members(sample_pack())
    name = source_name(members)
    # The source's own text, then 200 MB more: its claims still match, its hash is right.
    filler = b" Officials said so." * 55_000
    times = 200
    text_hash = hashlib.sha256(members[name]["text"].encode())
    for _ in range(times):
        text_hash.update(filler)
    record = dict(members[name], text="@@TEXT@@", sha256=text_hash.hexdigest())
    head, _, tail = json.dumps(record, ensure_ascii=False).encode().partition(b"@@TEXT@@")
    head += json.dumps(members[name]["text"], ensure_ascii=False)[1:-1].encode()
    stream, crc, size, digest = repeated_deflate(filler, times, head, tail)
    manifest = members["manifest.json"]
    manifest["files"][name] = digest  # signed: only the size is wrong
    entry = RawEntry(name, stream, zipfile.ZIP_DEFLATED, crc, file_size=size)
    pack = repack(
        sample_pack(),
        tmp_path / "huge-source.briefpack",
        {name: entry, "manifest.json": stored("manifest.json", json.dumps(manifest).encode())},
    )
    report = import_in_child(tmp_path / "receiver.sqlite", pack)
    assert_refused_in_bounds(report, pack)
    assert name in report["message"]


def test_a_package_listing_a_million_files_is_refused_before_the_list_is_read(
    tmp_path: Path,
) -> None:
    pack = many_entries(tmp_path / "many.briefpack", 1_000_000)
    report = import_in_child(tmp_path / "receiver.sqlite", pack)
    assert_refused_in_bounds(report, pack)
    assert "files" in report["message"]


# --- Any mutation of a package's records ends in a typed error (issue 22 §4) -----------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63, -1, 10**30, float("nan"), float("inf"), 0.5])
    | st.text(max_size=20)
    | st.sampled_from(["", "C1", "99999-99-99", "javascript:x", "\x00", "abc", "summary"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@st.composite
def mutations(draw: st.DrawFn, only: tuple[str, ...] = ()) -> Callable[[dict[str, Any]], object]:
    """A change to one value, anywhere in a package's manifest or records (or only in the
    members named), or a deletion."""
    names = list(only) or sorted(read_members(sample_pack()))
    member = draw(st.sampled_from(names))
    steps = draw(st.lists(st.integers(0, 40), min_size=0, max_size=4))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    value = draw(JSON_VALUES)
    key = draw(st.text(max_size=8))

    def change(members: dict[str, Any]) -> None:
        parent, at = members, member
        for step in steps:
            child = parent[at]
            if isinstance(child, dict) and child:
                keys = sorted(child)
                parent, at = child, keys[step % len(keys)]
            elif isinstance(child, list) and child:
                parent, at = child, step % len(child)
            else:
                break
        if action == "delete" and isinstance(parent, dict) and parent is not members:
            del parent[at]
        elif action == "add" and isinstance(parent[at], dict):
            parent[at][key] = value
        else:
            parent[at] = value

    return change


@given(change=mutations() | mutations(only=("matrices.json", "judgment.json")))
def test_mutated_packages_end_in_a_typed_error_or_a_clean_import(
    change: Callable[[dict[str, Any]], object],
) -> None:
    # Half the cases change the ACH matrices (issue 18): nested records a blind pick reaches
    # less often than the package's dozen other members.
    with tempfile.TemporaryDirectory() as folder:
        pack = forge(sample_pack(), Path(folder) / "mutated.briefpack", change)
        lib = Library.open(Path(folder) / "receiver.sqlite", backup=False)
        before = library_dump(lib)
        try:
            import_pack(lib, pack)
        except BriefingError as exc:
            assert len(str(exc).splitlines()) == 1, str(exc)
            assert library_dump(lib) == before
        finally:
            lib.close()
