"""`briefing` with no command starts the desktop app directly; everything else is the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app import launch
from briefing_app.core.library import LIBRARY_ENV


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--library", "~/work/lib.sqlite"], Path("~/work/lib.sqlite").expanduser()),
        (["--library=/tmp/a b.sqlite"], Path("/tmp/a b.sqlite")),
        (["--library", "x.sqlite", "search", "x"], None),
        (["search", "ministry"], None),
        (["--help"], None),
        (["--version"], None),
        (["--library"], None),
        (["--library", "--help"], None),
        (["--library="], None),
    ],
)
def test_only_the_arguments_that_start_the_app_skip_the_command_line(
    argv: list[str], expected: Path | None
) -> None:
    assert launch.gui_library(argv) == expected


def test_no_arguments_start_the_app_on_the_default_library(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(LIBRARY_ENV, str(tmp_path / "env.sqlite"))
    started: list[Path] = []
    monkeypatch.setattr(launch, "_start_gui", lambda path: started.append(path) or 0)
    monkeypatch.setattr("sys.argv", ["briefing"])
    with pytest.raises(SystemExit) as exit_info:
        launch.main()
    assert exit_info.value.code == 0
    assert started == [tmp_path / "env.sqlite"]


def test_a_command_still_runs_through_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(launch, "_start_gui", lambda path: pytest.fail("GUI started"))
    monkeypatch.setattr("sys.argv", ["briefing", "--library", str(tmp_path / "l.sqlite"), "demo"])
    with pytest.raises(SystemExit) as exit_info:
        launch.main()
    assert exit_info.value.code in (0, None)
    assert "Demo loaded" in capsys.readouterr().out
