"""Killing the app mid-work (SIGKILL, ~50 times) never corrupts the library or loses a commit.

A child process (worker.py) imports files, adds claims (singly and three per transaction),
creates notes with sections, edits sections and tags sources, printing `BEGIN` before and `OK`
after each commit. The parent kills it after a random number of lines (so sometimes mid-op),
then checks the file: integrity, links, every reported commit present, nothing half-applied.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

WORKER = Path(__file__).with_name("worker.py")
KILLS = 50
ANYTHING: Any = object()


@dataclass
class Expected:
    """What the parent knows was committed, accumulated over all the child's lives."""

    sources: dict[int, str] = field(default_factory=dict)
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    batches: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    # (note id, section key) -> bodies it may hold: the last committed, or the one in flight.
    sections: dict[tuple[int, str], set[str]] = field(default_factory=dict)
    source_tags: dict[int, set[tuple[str, ...]]] = field(default_factory=dict)


def run_child_until_killed(
    library: Path, seed: int, workdir: Path, kill_after: int
) -> tuple[list[tuple[str, dict[str, Any]]], str]:
    """Run the worker, SIGKILL it after kill_after protocol lines; return every complete line."""
    child = subprocess.Popen(
        [sys.executable, str(WORKER), "crash", str(library), str(seed), str(workdir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    lines: list[tuple[str, dict[str, Any]]] = []
    seen = 0
    raw = b""
    while seen <= kill_after:
        raw = child.stdout.readline()
        if not raw.endswith(b"\n"):
            break  # the child died by itself: its stderr says why
        seen += 1
        kind, _, payload = raw.decode().partition(" ")
        lines.append((kind, json.loads(payload)))
    child.send_signal(signal.SIGKILL)
    # Lines printed before the kill landed are reports of commits too.
    # Read through the same buffered reader (communicate() would skip what it already holds).
    rest = child.stdout.read()
    err = child.stderr.read()
    child.wait(timeout=60)
    for raw_line in rest.split(b"\n")[:-1]:  # a last line without "\n" was cut by the kill
        kind, _, payload = raw_line.decode().partition(" ")
        lines.append((kind, json.loads(payload)))
    assert child.returncode == -signal.SIGKILL, err.decode()
    return lines, err.decode()


def apply_reports(expected: Expected, lines: list[tuple[str, dict[str, Any]]]) -> None:
    """Record every OK line as committed; an edit or tag in flight may or may not have landed."""
    for kind, data in lines:
        op = data.get("op")
        if kind == "OK" and op == "import":
            expected.sources[data["source_id"]] = data["sha256"]
        elif kind == "OK" and op == "claim":
            expected.claims[data["key"]] = data
        elif kind == "OK" and op == "batch":
            expected.batches[data["group"]] = data["keys"]
        elif kind == "OK" and op == "note":
            expected.notes[data["id"]] = data["title"]
        elif op == "edit":
            where = (data["note_id"], data["key"])
            if kind == "OK":
                expected.sections[where] = {data["body"]}
            else:
                # A section never edited under watch may still hold whatever it held before.
                expected.sections.setdefault(where, {ANYTHING}).add(data["body"])
        elif op == "tag":
            tags = tuple(data["tags"])
            if kind == "OK":
                expected.source_tags[data["source_id"]] = {tags}
            else:
                expected.source_tags.setdefault(data["source_id"], {ANYTHING}).add(tags)


def check_library(library: Path, expected: Expected) -> None:
    """Assert the file is sound, holds every reported commit and no half-applied operation."""
    conn = sqlite3.connect(library, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("sources", "claims"):
            # Raises sqlite3.DatabaseError if the full-text index disagrees with its table.
            conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('integrity-check')")

        for source_id, sha in expected.sources.items():
            row = conn.execute("SELECT sha256 FROM sources WHERE id = ?", (source_id,)).fetchone()
            assert row == (sha,), f"committed import of source {source_id} is missing"
        claims = {
            key: (statement, tags)
            for key, statement, tags in conn.execute(
                "SELECT c.key, c.statement, (SELECT group_concat(name, ',') FROM "
                "(SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
                "WHERE ct.claim_id = c.id ORDER BY t.name)) FROM claims c"
            )
        }
        for key, data in expected.claims.items():
            assert claims.get(key) == (data["statement"], ",".join(data["tags"])), key
        for group, keys in expected.batches.items():
            assert [claims[k][0] for k in keys] == [f"{group}-{i}" for i in range(3)]
        for note_id, title in expected.notes.items():
            row = conn.execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()
            assert row == (title,), f"committed note {note_id} is missing"
        for (note_id, key), allowed in expected.sections.items():
            row = conn.execute(
                "SELECT body FROM note_sections WHERE note_id = ? AND key = ?", (note_id, key)
            ).fetchone()
            assert row is not None
            assert ANYTHING in allowed or row[0] in allowed, f"section {note_id}/{key} lost an edit"
            expected.sections[(note_id, key)] = {row[0]}  # what landed is the new baseline
        for source_id, allowed_tags in expected.source_tags.items():
            names = tuple(
                r[0]
                for r in conn.execute(
                    "SELECT t.name FROM source_tags st JOIN tags t ON t.id = st.tag_id "
                    "WHERE st.source_id = ? ORDER BY t.name",
                    (source_id,),
                )
            )
            assert ANYTHING in allowed_tags or names in allowed_tags, (
                f"source {source_id} tags are {names}"
            )
            expected.source_tags[source_id] = {names}

        # Nothing half-applied: every note has all its sections, every batch all three claims,
        # every single claim both its tags, and the key counter matches the claims.
        sections = conn.execute(
            "SELECT count(s.id) FROM notes n LEFT JOIN note_sections s ON s.note_id = n.id "
            "GROUP BY n.id"
        ).fetchall()
        assert {n for (n,) in sections} <= {4}
        groups = conn.execute(
            "SELECT count(*) FROM claims WHERE statement LIKE 'B%' "
            "GROUP BY substr(statement, 1, length(statement) - 2)"
        ).fetchall()
        assert {n for (n,) in groups} <= {3}
        untagged = conn.execute(
            "SELECT count(*) FROM claims c WHERE c.statement LIKE 'S%' AND "
            "(SELECT count(*) FROM claim_tags ct WHERE ct.claim_id = c.id) != 2"
        ).fetchone()[0]
        assert untagged == 0
        counter = conn.execute("SELECT value FROM counters WHERE name = 'claim_key'").fetchone()[0]
        count, top = conn.execute(
            "SELECT count(*), max(CAST(substr(key, 2) AS INTEGER)) FROM claims"
        ).fetchone()
        assert counter == count == (top or 0)
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_at_random_points_never_loses_or_half_applies_a_commit(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    workdir = tmp_path / "files"
    workdir.mkdir()
    rng = random.Random(20261128)
    expected = Expected()
    committed = 0
    for life in range(KILLS):
        lines, _ = run_child_until_killed(library, life, workdir, kill_after=rng.randint(0, 24))
        committed += sum(1 for kind, _ in lines if kind == "OK")
        apply_reports(expected, lines)
        check_library(library, expected)
    # The kills landed while work was going on, not only between idle runs.
    assert committed > KILLS
    assert expected.sources and expected.claims and expected.notes and expected.batches
    # The library still opens and works through the core after all that.
    from briefing_app.core.library import Library

    with Library.open(library, backup=False) as lib:
        assert lib.claims.count() >= len(expected.claims)
        assert os.path.exists(library)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_during_a_restore_leaves_one_whole_library_or_the_other(tmp_path: Path) -> None:
    from briefing_app.core.bundled.demo import build_demo
    from briefing_app.core.library import Library
    from briefing_app.core.storage.backup import make_backup

    library = tmp_path / "library.sqlite"
    with Library.open(library, backup=False) as lib:
        build_demo(lib)
    first = tmp_path / "first.sqlite"
    make_backup(library).rename(first)
    with Library.open(library, backup=False) as lib:
        lib.notes.create("Second note", "test", [("summary", "Summary")])
    second = tmp_path / "second.sqlite"
    make_backup(library).rename(second)
    notes_in = {"first.sqlite": 1, "second.sqlite": 2}

    rng = random.Random(7)
    state = 2  # notes in the library now (it holds the second state when the loop starts)
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, str(WORKER), "restore", str(library), str(first), str(second)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None and child.stderr is not None
        lines = []
        for _ in range(rng.randint(1, 8)):
            raw = child.stdout.readline()
            assert raw.endswith(b"\n"), child.stderr.read().decode()
            lines.append(raw)
        child.send_signal(signal.SIGKILL)
        lines += [line + b"\n" for line in child.stdout.read().split(b"\n")[:-1]]
        child.stderr.read()
        child.wait(timeout=60)
        committed, pending = state, None
        for raw in lines:
            kind, _, payload = raw.decode().partition(" ")
            if kind == "BEGIN":
                pending = notes_in[json.loads(payload)["restore"]]
            elif kind == "OK":
                committed, pending = notes_in[json.loads(payload)["restore"]], None

        conn = sqlite3.connect(library)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
            sections = conn.execute("SELECT count(*) FROM note_sections").fetchone()[0]
            claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        finally:
            conn.close()
        # The last reported restore, or the one in flight: nothing older, nothing in between.
        assert notes in {committed, pending}
        # Whole libraries, not a mix: the demo note has 5 sections, the second note 1.
        assert sections == {1: 5, 2: 6}[notes]
        assert claims == 10
        state = notes
