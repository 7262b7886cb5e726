"""A child process for the reliability tests: it drives the core and reports each commit.

    python worker.py crash LIBRARY SEED WORKDIR   scripted stream of operations, forever
    python worker.py writer LIBRARY NAME COUNT    COUNT claims, one transaction each
    python worker.py restore LIBRARY FIRST SECOND restore two backups in turn, forever
    python worker.py cycle LIBRARY ROLE NAME COUNT SECONDS
                                                  what the command line or the app does, in a
                                                  loop (many_processes.py drives it)
    python worker.py hold-write TARGET            start writing TARGET atomically, then wait

Every operation prints `BEGIN {json}` before it starts and `OK {json}` once committed, flushed
at once, so the parent knows exactly what was committed when it kills this process.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from briefing_app.core.errors import BriefingError
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.importers.batch import import_one
from briefing_app.core.library import Library

SECTIONS = [
    ("summary", "Summary"),
    ("issue", "Issue"),
    ("background", "Background"),
    ("considerations", "Considerations"),
]
SENTENCE = (
    "officials said the ministry confirmed that convoy reached border town after talks "
    "with local leaders while witnesses reported gunfire near the crossing late on Tuesday"
)
WORDS = SENTENCE.split(" ")


def emit(kind: str, data: dict[str, Any]) -> None:
    """Print one protocol line and flush it before anything else happens."""
    sys.stdout.write(f"{kind} {json.dumps(data, sort_keys=True)}\n")
    sys.stdout.flush()


def crash_stream(library: Path, seed: int, workdir: Path) -> None:
    """Perform random operations forever, reporting each before and after its commit."""
    rng = random.Random(seed)
    lib = Library.open(library, backup=False)
    emit("READY", {"seed": seed})
    n = 0
    while True:
        n += 1
        tag = f"{seed}-{n}"
        sources = [r[0] for r in lib.conn.execute("SELECT id FROM sources").fetchall()]
        notes = [r[0] for r in lib.conn.execute("SELECT id FROM notes").fetchall()]
        choice = rng.random()
        if not sources or choice < 0.15:
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 200)))
            path = workdir / f"doc-{tag}.md"
            path.write_text(f"---\ntitle: Report {tag}\n---\nRef {tag}. {body}\n", "utf-8")
            emit("BEGIN", {"op": "import", "title": f"Report {tag}"})
            outcome = import_one(lib, path)
            assert outcome.status == "imported", outcome.reason
            sha = lib.sources.get(outcome.source_id or 0).sha256
            emit("OK", {"op": "import", "source_id": outcome.source_id, "sha256": sha})
        elif choice < 0.45:
            source = lib.sources.get(rng.choice(sources))
            start = rng.randrange(0, max(1, len(source.text) - 20))
            tags = [f"run{seed}", f"topic{n % 5}"]
            data = {"op": "claim", "statement": f"S{tag}", "tags": sorted(tags)}
            emit("BEGIN", data)
            claim = lib.claims.add(
                source.id, start=start, end=start + 12, statement=f"S{tag}", tags=tags
            )
            emit("OK", {**data, "key": claim.key})
        elif choice < 0.55:
            # Three claims in one transaction: all or none must survive.
            source = lib.sources.get(rng.choice(sources))
            emit("BEGIN", {"op": "batch", "group": f"B{tag}"})
            keys = []
            with lib.write():
                for i in range(3):
                    start = rng.randrange(0, max(1, len(source.text) - 20))
                    claim = lib.claims.add(
                        source.id, start=start, end=start + 8, statement=f"B{tag}-{i}"
                    )
                    keys.append(claim.key)
            emit("OK", {"op": "batch", "group": f"B{tag}", "keys": keys})
        elif choice < 0.7 or not notes:
            bodies = {key: f"{heading} of note {tag}." for key, heading in SECTIONS}
            emit("BEGIN", {"op": "note", "title": f"Note {tag}"})
            note = lib.notes.create(f"Note {tag}", "crash", SECTIONS, bodies=bodies)
            emit("OK", {"op": "note", "id": note.id, "title": f"Note {tag}"})
        elif choice < 0.9:
            note_id = rng.choice(notes)
            key = rng.choice(SECTIONS)[0]
            keys = [r[0] for r in lib.conn.execute("SELECT key FROM claims LIMIT 5").fetchall()]
            body = f"Edit {tag}: " + " ".join(f"[@{k}]" for k in keys) + " " * rng.randint(0, 3000)
            data = {"op": "edit", "note_id": note_id, "key": key, "body": body}
            emit("BEGIN", data)
            lib.notes.set_section(note_id, key, body)
            emit("OK", data)
        else:
            source_id = rng.choice(sources)
            names = sorted({f"region{rng.randint(0, 3)}", f"run{seed}"})
            data = {"op": "tag", "source_id": source_id, "tags": names}
            emit("BEGIN", data)
            lib.sources.set_tags(source_id, names)
            emit("OK", data)


def writer(library: Path, name: str, count: int) -> None:
    """Add count claims to the library's first source, each in its own transaction."""
    lib = Library.open(library, backup=False)
    source = lib.sources.all()[0]
    # Wait for the parent's word, so that both writers really run at the same time.
    emit("READY", {"writer": name})
    sys.stdin.readline()
    for i in range(count):
        start = i % max(1, len(source.text) - 10)
        lib.claims.add(source.id, start=start, end=start + 5, statement=f"{name}-{i}")
    lib.close()
    emit("OK", {"writer": name, "count": count})


def seed_library(library: Path) -> None:
    """Create a library holding one source for the writers."""
    with Library.open(library, backup=False) as lib:
        lib.sources.add(ExtractedDocument(title="Shared", text=" ".join(WORDS * 20)))


def restore_stream(library: Path, first: Path, second: Path) -> None:
    """Restore two backups over the library in turn, forever, reporting each restore."""
    from briefing_app.core.storage.backup import prune_backups, restore_backup

    emit("READY", {})
    n = 0
    while True:
        n += 1
        which = first if n % 2 else second
        emit("BEGIN", {"restore": which.name})
        restore_backup(which, library)
        emit("OK", {"restore": which.name})
        prune_backups(library, keep=3)


def cycle(library: Path, role: str, name: str, count: int, seconds: float) -> None:
    """Do count operations (or stop after seconds) as one role, reporting each and every error.

    Roles: `cli` opens the library for each claim it adds, as `briefing claim add` does (the
    on-open backup runs each time); `app` keeps it open, as the window does, and makes a backup
    every 20 claims, as the app's backup worker does; `reader` opens it to count claims, as
    `briefing claim list` does. An error is reported and the loop goes on: the parent counts.
    """
    from briefing_app.core.storage.backup import backup_if_due

    deadline = time.monotonic() + seconds
    app = Library.open(library) if role == "app" else None
    emit("READY", {"role": role, "name": name})
    for i in range(count):
        if time.monotonic() > deadline:
            break
        statement = f"{name}-{i}"
        try:
            if role == "reader":
                with Library.open(library) as lib:
                    emit("READ", {"claims": lib.claims.count()})
                continue
            emit("BEGIN", {"statement": statement})
            if app is None:
                with Library.open(library) as lib:
                    _add_claim(lib, statement, i)
            else:
                _add_claim(app, statement, i)
                if i % 20 == 19:
                    backup_if_due(library, min_interval=timedelta(0))
            emit("OK", {"statement": statement})
        except (BriefingError, sqlite3.Error) as exc:
            emit("ERR", {"type": type(exc).__name__, "message": str(exc)})
    if app is not None:
        app.close()
    emit("DONE", {"name": name})


def _add_claim(lib: Library, statement: str, i: int) -> None:
    source = lib.sources.all()[0]
    start = i % max(1, len(source.text) - 10)
    lib.claims.add(source.id, start=start, end=start + 5, statement=statement)


def hold_write(target: Path) -> None:
    """Write half of TARGET's temporary, report it, and wait (for the parent's SIGKILL)."""
    from briefing_app.core.storage.atomic import atomic_path

    with atomic_path(target) as tmp:
        tmp.write_bytes(b"half a memo")
        emit("READY", {"temporary": tmp.name})
        sys.stdin.readline()


if __name__ == "__main__":
    mode, lib_arg, *rest = sys.argv[1:]
    if mode == "crash":
        crash_stream(Path(lib_arg), int(rest[0]), Path(rest[1]))
    elif mode == "restore":
        restore_stream(Path(lib_arg), Path(rest[0]), Path(rest[1]))
    elif mode == "cycle":
        cycle(Path(lib_arg), rest[0], rest[1], int(rest[2]), float(rest[3]))
    elif mode == "hold-write":
        hold_write(Path(lib_arg))
    elif mode == "writer":
        writer(Path(lib_arg), rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")
