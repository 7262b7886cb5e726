"""Hostile review packages for tests: forged members, raw zip entries, decompression bombs.

`forge` rewrites a real package's members and signs the result again (the manifest's SHA-256
of every member), so a test reaches the validation past the tamper check, as an attacker who
builds packages by hand would. `write_zip` writes zip entries byte by byte (flags, methods and
sizes a zip library would not let a test get wrong), and `repeated_deflate` makes a deflate
stream of gigabytes from a few kilobytes of work.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_app.core.library import Library

MiB = 1 << 20


def read_members(pack: Path) -> dict[str, Any]:
    """Return a package's members as parsed JSON, by name."""
    with zipfile.ZipFile(pack) as zf:
        return {i.filename: json.loads(zf.read(i.filename)) for i in zf.infolist()}


def encode(value: Any) -> bytes:
    """Return a member's bytes: bytes as they are (raw JSON text), anything else as JSON."""
    if isinstance(value, bytes):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def forge(pack: Path, out: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    """Write out: pack's members after change(members), signed again in the manifest."""
    members = read_members(pack)
    change(members)
    encoded = {name: encode(value) for name, value in members.items() if name != "manifest.json"}
    manifest = members.get("manifest.json")
    if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict):
        manifest["files"] = {n: hashlib.sha256(d).hexdigest() for n, d in encoded.items()}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        if "manifest.json" in members:
            zf.writestr("manifest.json", encode(manifest))
        for name, data in encoded.items():
            zf.writestr(name, data)
    return out


def source_name(members: dict[str, Any]) -> str:
    """Return the member name of the package's (first) source."""
    return next(n for n in sorted(members) if n.startswith("sources/"))


def set_source_text(members: dict[str, Any], text: str) -> None:
    """Give the package's source a new text, with the hash that goes with it."""
    source = members[source_name(members)]
    source["text"] = text
    source["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RawEntry:
    """A zip entry as written byte by byte: what the headers declare and the data that follows."""

    name: str
    data: bytes  # as stored (compressed with `method`)
    method: int = zipfile.ZIP_STORED
    crc: int = 0
    file_size: int = 0  # the uncompressed size the headers declare
    flags: int = 0


def stored(name: str, data: bytes, **changes: Any) -> RawEntry:
    """Return an uncompressed entry holding data (headers overridable through changes)."""
    values: dict[str, Any] = {"crc": zlib.crc32(data), "file_size": len(data)}
    values.update(changes)
    return RawEntry(name, data, **values)


def write_zip(path: Path, entries: list[RawEntry]) -> Path:
    """Write entries as a zip file, local headers, central directory and end record."""
    body = b""
    directory = b""
    for entry in entries:
        name = entry.name.encode()
        offset = len(body)
        sizes = (entry.crc, len(entry.data), entry.file_size, len(name))
        body += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, entry.flags, entry.method, 0, 0,
                            *sizes, 0)  # fmt: skip
        body += name + entry.data
        directory += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, entry.flags,
                                 entry.method, 0, 0, *sizes, 0, 0, 0, 0, 0, offset)  # fmt: skip
        directory += name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                      len(directory), len(body), 0)  # fmt: skip
    path.write_bytes(body + directory + end)
    return path


def many_entries(path: Path, count: int) -> Path:
    """Write a zip whose list of files names count empty entries (all one local entry)."""
    name = b"a"
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + name
    entry = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1,
                        0, 0, 0, 0, 0, 0) + name  # fmt: skip
    listed = min(count, 0xFFFF)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, listed, listed, len(entry) * count,
                      len(local), 0)  # fmt: skip
    path.write_bytes(local + entry * count + end)
    return path


def repack(pack: Path, out: Path, replace: dict[str, RawEntry]) -> Path:
    """Write out with pack's entries stored as they are, except those named in replace."""
    with zipfile.ZipFile(pack) as zf:
        entries = [
            replace.get(i.filename) or stored(i.filename, zf.read(i.filename))
            for i in zf.infolist()
        ]
    return write_zip(out, entries)


def repeated_deflate(
    block: bytes, times: int, prefix: bytes = b"", suffix: bytes = b""
) -> tuple[bytes, int, int, str]:
    """Deflate prefix + block * times + suffix cheaply; return (stream, crc, size, sha256).

    After a full flush a deflate stream refers to nothing before it, so the compressed form of
    one block can be repeated: a gigabyte costs the compression of one block.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    one = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    digest = hashlib.sha256(prefix)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
        digest.update(block)
    crc = zlib.crc32(suffix, crc)
    digest.update(suffix)
    size = len(prefix) + len(block) * times + len(suffix)
    return head + one * times + tail, crc, size, digest.hexdigest()


@functools.cache
def sample_pack() -> Path:
    """Return a package of the demo note with a comment thread and a version (built once)."""
    from briefing_app.core.bundled.demo import build_demo
    from briefing_app.core.review.packs import export_pack

    folder = Path(tempfile.mkdtemp(prefix="briefing-hostile-packs-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    lib = Library.open(folder / "sender.sqlite", backup=False)
    build_demo(lib)
    note = lib.notes.all()[0]
    first = lib.comments.add(
        note.id, "summary", "Who says so?", author="Supervisor", anchor_text="Three", start=0, end=5
    )
    lib.comments.reply(first.id, "The ministry.", author="Analyst")
    lib.notes.set_status(note.id, "in review", "Round 1")
    pack = export_pack(lib, note.id, folder / "sample.briefpack")
    lib.close()
    return pack


def library_dump(lib: Library) -> list[str]:
    """Return everything the library holds, as SQL (equal dumps: nothing changed)."""
    return list(lib.conn.iterdump())
