"""Shared by the backup tests: backups named as older versions named them, or made long ago."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing_app.core.storage.backup import make_backup


def make_legacy_backup(lib_path: Path, new: Path | None = None) -> Path:
    """Rename a backup (a new one if none is given) as older versions named it.

    That is `<stem>-<time>.sqlite`, with no library in its sidecar.
    """
    new = new or make_backup(lib_path)
    stamp = new.name.rsplit(".", 2)[-2]
    legacy = new.with_name(f"{lib_path.stem}-{stamp}.sqlite")
    new.rename(legacy)
    sidecar = json.loads(new.with_suffix(".json").read_text(encoding="utf-8"))
    del sidecar["library"]
    legacy.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
    new.with_suffix(".json").unlink()
    return legacy


def age_backup(backup: Path, hours: int) -> Path:
    """Rename a backup (and its sidecar) as if made hours ago, so the next one is due."""
    stamp = (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y%m%dT%H%M%S%fZ")
    older = backup.with_name(f"{backup.name.split('.sqlite.')[0]}.sqlite.{stamp}.sqlite")
    backup.rename(older)
    backup.with_suffix(".json").rename(older.with_suffix(".json"))
    return older
