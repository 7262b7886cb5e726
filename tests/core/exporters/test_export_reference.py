"""A user's reference .docx is read safely: a link, a DTD or a part that inflates to a gigabyte
is refused with one line, in seconds and megabytes, and the bundled ones still style exports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import BriefingError, FileTooLarge, TemplateError
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template, user_templates_dir
from tests import hostile_docx as hostile
from tests.capped_child import run_capped
from tests.core.exporters.export_helpers import demo_note

STYLES = "word/styles.xml"


@pytest.fixture
def reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return where the user's briefing-note template expects its reference (not yet written)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    spec = get_template("briefing-note").path
    assert spec is not None
    text = spec.read_text(encoding="utf-8").replace(
        "reference_docx: briefing-note.docx", "reference_docx: ours.docx"
    )
    (folder / "briefing-note.yaml").write_text(text, encoding="utf-8")
    return folder / "ours.docx"


def bundled_parts() -> dict[str, bytes]:
    """Return the parts of the bundled briefing-note reference document."""
    with zipfile.ZipFile(bundled_dir("templates") / "briefing-note.docx") as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_docx_parts(path: Path, parts: dict[str, bytes]) -> Path:
    """Write parts as a .docx (zip) archive at path."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def refusal(lib: Library, tmp_path: Path) -> BriefingError:
    """Export the demo note as .docx and return the error that refused it (nothing written)."""
    out = tmp_path / "note.docx"
    with pytest.raises(BriefingError) as err:
        export_note(lib, demo_note(lib).id, out)
    assert not out.exists()
    assert "\n" not in str(err.value)
    return err.value


def test_a_valid_user_reference_still_styles_the_export(
    demo_lib: Library, tmp_path: Path, reference: Path
) -> None:
    parts = bundled_parts()
    parts[STYLES] = parts[STYLES].replace(b'w:ascii="Arial"', b'w:ascii="Georgia"', 1)
    assert b"Georgia" in parts[STYLES]
    write_docx_parts(reference, parts)
    out = export_note(demo_lib, demo_note(demo_lib).id, tmp_path / "note.docx")
    with zipfile.ZipFile(out) as zf:
        assert b"Georgia" in zf.read(STYLES)
    assert docx.Document(str(out)).paragraphs


def test_a_reference_that_is_a_symbolic_link_is_refused(
    demo_lib: Library, tmp_path: Path, reference: Path
) -> None:
    target = write_docx_parts(tmp_path / "elsewhere.docx", bundled_parts())
    reference.symlink_to(target)
    error = refusal(demo_lib, tmp_path)
    assert isinstance(error, TemplateError)
    assert str(error).startswith(f"{reference}: ") and "symbolic link" in str(error)


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE w:styles [<!ENTITY name SYSTEM "file:///etc/hostname">]>',
        b'<!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE w:styles SYSTEM "http://example.org/styles.dtd">',
    ],
    ids=["external-entity", "entity-expansion", "external-dtd"],
)
def test_a_reference_declaring_a_dtd_or_entities_is_refused(
    demo_lib: Library, tmp_path: Path, reference: Path, doctype: bytes
) -> None:
    parts = bundled_parts()
    declaration, sep, rest = parts[STYLES].partition(b"?>")
    assert sep
    if b"ENTITY name" in doctype:  # used as a style's name, where python-docx would read it
        rest = rest.replace(b'<w:name w:val="header"', b'<w:name w:val="&name;"', 1)
    parts[STYLES] = declaration + sep + doctype + rest
    write_docx_parts(reference, parts)
    error = refusal(demo_lib, tmp_path)
    assert isinstance(error, TemplateError)
    assert str(error).startswith(f"{reference}: ") and STYLES in str(error)
    assert "DTD" in str(error)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_dtd_in_a_part_written_in_another_encoding_is_refused_too(
    demo_lib: Library, tmp_path: Path, reference: Path, encoding: str
) -> None:
    # Not the bytes "<!DOCTYPE" in this encoding: the part is parsed to find it.
    parts = bundled_parts()
    declaration, sep, rest = parts[STYLES].decode("utf-8").partition("?>")
    label = encoding.upper().removesuffix("-LE")
    declaration = declaration.replace("encoding='UTF-8'", f"encoding='{label}'")
    doctype = '<!DOCTYPE w:styles SYSTEM "http://example.org/styles.dtd">'
    text = declaration + sep + doctype + rest
    # Without a byte order mark, UTF-16LE is told by its first bytes ("<\0?\0").
    data = text.encode(encoding)
    assert b"<!DOCTYPE" not in data
    parts[STYLES] = data
    write_docx_parts(reference, parts)
    error = refusal(demo_lib, tmp_path)
    assert isinstance(error, TemplateError)
    assert "DTD" in str(error) and STYLES in str(error)


@pytest.mark.parametrize("damage", ["not-a-zip", "damaged-part"])
def test_a_damaged_reference_is_refused_with_one_line(
    demo_lib: Library, tmp_path: Path, reference: Path, damage: str
) -> None:
    if damage == "not-a-zip":
        reference.write_bytes(b"PK\x03\x04 not really a zip archive")
    else:
        data = bytearray(write_docx_parts(reference, bundled_parts()).read_bytes())
        with zipfile.ZipFile(reference) as zf:
            member = zf.getinfo(STYLES)
        start = member.header_offset + 30 + len(STYLES)  # the compressed data
        data[start + 10 : start + 50] = b"\xff" * 40
        reference.write_bytes(bytes(data))
    error = refusal(demo_lib, tmp_path)
    assert isinstance(error, TemplateError)
    assert str(error).startswith(f"{reference}: ")


def deflated_zip(path: Path, parts: dict[str, bytes], big_name: str, big_gib: int) -> Path:
    """Write a zip holding parts plus big_name: big_gib GiB of spaces, honestly declared."""
    members = [hostile.honest(name, data) for name, data in parts.items()]
    members.append(hostile.inflating(big_name, b"", 1024 * big_gib, honest=True))
    path.write_bytes(hostile.zip_of(*members))
    return path


_EXPORT_IN_CHILD = """\
import sys
from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import BriefingError
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
lib = Library.open(sys.argv[1], backup=False)
try:
    export_note(lib, int(sys.argv[2]), sys.argv[3])
except BriefingError as exc:
    print(type(exc).__name__, exc)
"""


def test_a_reference_with_a_gigabyte_styles_part_is_refused_in_seconds_and_megabytes(
    demo_lib: Library, library_path: Path, tmp_path: Path, reference: Path
) -> None:
    parts = bundled_parts()
    del parts[STYLES]
    deflated_zip(reference, parts, STYLES, big_gib=1)
    assert reference.stat().st_size < 2 * 2**20
    with zipfile.ZipFile(reference) as zf:  # a well-formed archive, sizes declared honestly
        assert zf.getinfo(STYLES).file_size == 2**30
    note_id = demo_note(demo_lib).id
    demo_lib.close()
    run = run_capped(_EXPORT_IN_CHILD, str(library_path), str(note_id), str(tmp_path / "note.docx"))
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith(f"{FileTooLarge.__name__} {reference}: "), run.stdout
    assert STYLES in run.stdout and len(run.stdout.splitlines()) == 1
    assert run.peak_mb < 300, f"peak {run.peak_mb:.0f} MB"
    assert run.seconds < 60  # generous: reading the gigabyte took far longer and far more
    assert not (tmp_path / "note.docx").exists()


def test_a_reference_part_compressed_as_word_never_does_is_refused(
    demo_lib: Library, tmp_path: Path, reference: Path
) -> None:
    # bzip2 inflates with no bound on what one chunk gives: Word never writes it.
    parts = [hostile.honest(name, data) for name, data in bundled_parts().items()]
    parts = [hostile.with_method(p.name, b"BZh9", 12) if p.name == STYLES else p for p in parts]
    reference.write_bytes(hostile.zip_of(*parts))
    error = refusal(demo_lib, tmp_path)
    assert isinstance(error, TemplateError)
    assert str(error).startswith(f"{reference}: ") and f"{STYLES} uses zip compression" in str(
        error
    )
