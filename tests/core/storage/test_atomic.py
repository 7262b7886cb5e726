"""Atomic writes: a killed export leaves nothing for long, a replaced file keeps its mode."""

from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.errors import ReadOnlyTarget
from briefing_app.core.library import Library
from briefing_app.core.storage.atomic import atomic_path

WORKER = Path(__file__).parents[2] / "reliability" / "worker.py"


def start_export(target: Path) -> tuple[subprocess.Popen[str], Path]:
    """Start a process writing target atomically; return it and its temporary, once written."""
    child = subprocess.Popen(
        [sys.executable, str(WORKER), "hold-write", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    kind, _, payload = child.stdout.readline().partition(" ")
    assert kind == "READY"
    return child, target.with_name(json.loads(payload)["temporary"])


def test_a_temporary_left_by_a_killed_export_goes_at_the_next_export_to_that_folder(
    tmp_path: Path,
) -> None:
    killed, left = start_export(tmp_path / "memo.docx")
    live, writing = start_export(tmp_path / "other.docx")
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    assert left.exists()  # what SIGKILL leaves: a hidden `.memo.docx.xxxxxxxx.tmp`

    with atomic_path(tmp_path / "memo.docx") as tmp:
        tmp.write_text("the whole memo", encoding="utf-8")
    assert not left.exists()
    assert writing.exists()  # another export still writing keeps its temporary
    assert (tmp_path / "memo.docx").read_text(encoding="utf-8") == "the whole memo"

    assert live.stdin is not None
    live.stdin.write("done\n")
    live.stdin.close()
    assert live.wait(timeout=30) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx", "other.docx"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)  # the analyst keeps this one private
    with atomic_path(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_read_only_file_is_replaced_only_when_asked_and_stays_read_only(
    tmp_path: Path,
) -> None:
    target = tmp_path / "memo.md"
    target.write_text("signed off", encoding="utf-8")
    target.chmod(0o444)
    with (
        pytest.raises(ReadOnlyTarget, match=r"memo\.md: the file is read-only; not replaced"),
        atomic_path(target) as tmp,
    ):
        tmp.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "signed off"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]

    with atomic_path(target, replace_read_only=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_library_its_log_or_a_backup_is_never_written_over(demo_lib: Library) -> None:
    """`-o library.sqlite` put the memo where the library was, with status 0."""
    from briefing_app.core.errors import CannotWrite
    from briefing_app.core.storage.backup import make_backup
    from tests.core.storage.test_side_files import opens_of

    library = Path(str(demo_lib.path))
    backup = make_backup(library)
    demo_lib.notes.create("Unsaved in the log", "sitrep", [("summary", "Summary")])
    for target in (library, Path(f"{library}-wal"), backup):
        with (
            opens_of(library) as seen,
            pytest.raises(CannotWrite, match="nothing is written over it"),
            atomic_path(target, replace_read_only=True) as tmp,
        ):
            tmp.write_text("# A memo\n", encoding="utf-8")
        assert seen == []  # asked of SQLite: this process's locks on the library hold
    assert "Unsaved in the log" in {n.title for n in demo_lib.notes.all()}
    assert sorted(p.name for p in library.parent.iterdir() if p.name.endswith(".tmp")) == []
    # A file that merely has a database's name, or is empty, is the user's to replace.
    for name, data in (("notes.sqlite", b"plain text"), ("empty.db", b"")):
        other = library.parent / name
        other.write_bytes(data)
        with atomic_path(other) as tmp:
            tmp.write_text("replaced", encoding="utf-8")
        assert other.read_text(encoding="utf-8") == "replaced"
