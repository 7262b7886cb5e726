"""Hostile .qdpx projects are refused in one line before anything is written."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from briefing_app.core.errors import BriefingError, FileTooLarge, InvalidProject, UnsafeProject
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.qdpx import reader_load
from briefing_app.core.qdpx.reader import import_project
from tests.core.qdpx.projects import Memo, Sel, Src, span, write_project
from tests.core.records.library_dump import dump

TEXT = "Officials said three workers died.\n"


@pytest.fixture
def held(lib: Library) -> Library:
    """A library that already holds a source, so 'unchanged' means something."""
    lib.sources.add(ExtractedDocument(title="Held", text="A source already in the library."))
    return lib


def refused(lib: Library, path: Path, error: type[BriefingError]) -> str:
    """Import path, expect error, check the library is unchanged; return the message."""
    before = dump(lib)
    with pytest.raises(error) as caught:
        import_project(lib, path)
    assert dump(lib) == before
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name)
    return message


def plain(tmp_path: Path, name: str, **source: object) -> Path:
    quote = "three workers died"
    src = Src("Report", TEXT, [Sel(*span(TEXT, quote), name=quote)], **source)  # type: ignore[arg-type]
    return write_project(tmp_path / name, [src])


def test_a_member_climbing_out_of_the_project_is_refused(held: Library, tmp_path: Path) -> None:
    path = plain(tmp_path, "slip.qdpx")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("../../evil.txt", "owned")
    assert "points outside the project folder" in refused(held, path, UnsafeProject)


def test_an_absolute_member_name_is_refused(held: Library, tmp_path: Path) -> None:
    path = plain(tmp_path, "absolute-member.qdpx")
    with zipfile.ZipFile(path, "a") as zf:
        info = zipfile.ZipInfo("placeholder")
        info.filename = "/etc/cron.d/evil"  # ZipInfo strips a leading slash from its argument
        zf.writestr(info, "owned")
    assert "'/etc/cron.d/evil' points outside" in refused(held, path, UnsafeProject)


@pytest.mark.parametrize(
    "source_path",
    [
        "internal://../../etc/passwd",
        "../secret.txt",
        "absolute:///etc/passwd",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "relative://../../home/user/.ssh/id_rsa",
    ],
)
def test_a_source_path_leaving_the_project_is_refused(
    held: Library, tmp_path: Path, source_path: str
) -> None:
    path = plain(tmp_path, "path.qdpx", raw_path=source_path)
    message = refused(held, path, UnsafeProject)
    assert f"source path {source_path!r} points outside the project folder" in message


BILLION_LAUGHS = (
    '<!DOCTYPE Project [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
EXTERNAL_ENTITY = '<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_a_dtd_or_entity_is_refused(held: Library, tmp_path: Path, prolog: str) -> None:
    path = write_project(tmp_path / "dtd.qdpx", [Src("Report", TEXT)], prolog=prolog)
    assert "declares a DTD or entities" in refused(held, path, UnsafeProject)


def test_a_dtd_in_another_encoding_is_refused(held: Library, tmp_path: Path) -> None:
    xml = f'<?xml version="1.0" encoding="utf-16"?>{EXTERNAL_ENTITY}<Project name="x"/>'
    path = tmp_path / "utf16.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", xml.encode("utf-16"))
    assert "declares a DTD or entities" in refused(held, path, UnsafeProject)


def test_a_member_over_the_standard_limit_is_refused(held: Library, tmp_path: Path) -> None:
    path = plain(tmp_path, "huge.qdpx")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("sources/video.mp4", b"x" * 1000)
    _declare_size(path, "sources/video.mp4", 2**31)
    assert "over the REFI-QDA limit of 2147483647 bytes" in refused(held, path, FileTooLarge)


def test_a_text_over_our_cap_is_refused(
    held: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_load, "MAX_TEXT_BYTES", 20)
    path = plain(tmp_path, "big-text.qdpx")
    assert "the limit is 20 bytes" in refused(held, path, FileTooLarge)


def test_a_zip_bomb_is_refused(held: Library, tmp_path: Path) -> None:
    path = plain(tmp_path, "bomb.qdpx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("sources/bomb.txt", b"\0" * (20 << 20))
    assert "(a zip bomb)" in refused(held, path, UnsafeProject)


def test_a_member_holding_more_than_it_declares_is_refused(held: Library, tmp_path: Path) -> None:
    quote = "three workers died"
    text = TEXT + "filler line of an interview transcript\n" * 5000
    path = write_project(
        tmp_path / "liar.qdpx", [Src("Report", text, [Sel(*span(text, quote), name=quote)])]
    )
    member = next(n for n in zipfile.ZipFile(path).namelist() if n.startswith("sources/"))
    _declare_size(path, member, 1000)
    assert "more than the 1000 bytes its header declares" in refused(held, path, UnsafeProject)


def test_a_file_that_is_not_a_project_is_refused(held: Library, tmp_path: Path) -> None:
    path = tmp_path / "notes.qdpx"
    path.write_bytes(b"just some text")
    assert "not a .qdpx project" in refused(held, path, InvalidProject)
    empty = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "no project.qde inside" in refused(held, empty, InvalidProject)


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the central directory declares for member."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<L", data, at + 24, size)
            path.write_bytes(bytes(data))
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{member} not in {path}")


def test_a_yaml_alias_bomb_in_a_memo_is_kept_as_plain_text(held: Library, tmp_path: Path) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        bomb += f"a{n}: &a{n} [*a{'' if n == 1 else n - 1}" + f", *a{'' if n == 1 else n - 1}" * 9
        bomb += "]\n"
    bomb += "title: *a8\n---\n\nThe memo's words.\n"
    path = write_project(tmp_path / "yaml.qdpx", [Src("Report", TEXT)], memos=[Memo("memo", bomb)])

    report = import_project(held, path)

    (header,) = held.notes.headers()
    note = held.notes.get(header.id)
    assert note.title == "memo" and "The memo's words." in note.sections[0].body
    assert report.kept["notes"] == 1
