"""benchmarks/timeline_speed.py keeps working on any library, dated or not, and writes none."""

from __future__ import annotations

import hashlib
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from briefing_app.core.library import Library
from briefing_app.core.text.event_dates import check_event_date
from tests.cli.runner import briefing

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


@pytest.fixture
def timeline_speed(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """Import benchmarks/timeline_speed.py (benchmarks/ is not a package; it imports timing)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    yield importlib.import_module("timeline_speed")
    for name in ("timeline_speed", "timing"):
        sys.modules.pop(name, None)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The demo library (its claims are undated) with one claim dated by the analyst."""
    path = tmp_path / "demo" / "demo.sqlite"
    path.parent.mkdir()
    assert briefing("demo", library=path).returncode == 0
    assert briefing("claim", "edit", "C9", "--event-date", "2025-11", library=path).returncode == 0
    return path


def _folder_state(folder: Path) -> dict[str, str]:
    """Return every file under folder with its digest, but what any SQLite reader leaves.

    Reading a WAL library read-only (as the sqlite3 shell does) leaves its shared-memory index
    and an empty write-ahead log beside it: no data.
    """
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
    }


def _once(
    runs: int, ours: Callable[[], object], baseline: Callable[[], object]
) -> tuple[float, float]:
    """Stand in for timing.paired_medians: call each side once, report no time."""
    ours()
    baseline()
    return 1.0, 1.0


def test_the_benchmark_runs_on_a_library_of_undated_claims_and_leaves_it_as_it_was(
    timeline_speed: ModuleType, demo: Path
) -> None:
    with Library.open(demo, backup=False) as lib:
        claims = lib.claims.count()
    before = _folder_state(demo.parent)
    # Before the copy was dated, the check that both sides print the same JSON stopped it here.
    figures = timeline_speed.measure(demo, 1, _once)
    assert figures["claims"] == claims
    assert figures["dated"] == claims - 1  # all but C9, dated already
    assert _folder_state(demo.parent) == before


def test_the_copy_keeps_every_date_given_and_dates_the_rest_validly(
    timeline_speed: ModuleType, demo: Path, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    copy, dated = timeline_speed.dated_copy(demo, work)
    with Library.open(copy, backup=False) as lib:
        rows = lib.claims.all()
        assert dated == len(rows) - 1
        assert lib.claims.by_keys(["C9"])["C9"].event_date == "2025-11"
        assert all(r.event_date and check_event_date(r.event_date) == r.event_date for r in rows)
