"""The installed `briefing` console script in a real child process: a few smoke tests.

Every other CLI test runs in-process (tests/cli/runner.py). These check what only a process
shows: that the script the package installs reaches the command line and the desktop app's
start, and that its output and exit status reach the shell. Each costs a Python start-up: keep
them at ten at most.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import zipfile
from pathlib import Path

import pytest

import briefing_app
from tests.conftest import write_fixture

# The checkout under test, first on the child's path: the installed script may come from another.
_CHECKOUT = str(Path(briefing_app.__file__).resolve().parents[1])


@pytest.fixture(scope="module")
def script() -> str:
    """Return the path of the `briefing` script installed beside this Python."""
    found = shutil.which("briefing", path=sysconfig.get_path("scripts"))
    assert found, "no `briefing` console script beside this Python: pip install -e ."
    return found


def run(
    script: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console script with args, as a shell would, and wait for it."""
    base = os.environ if env is None else env
    path = os.pathsep.join(p for p in (_CHECKOUT, base.get("PYTHONPATH", "")) if p)
    child_env = {**base, "PYTHONPATH": path, "BRIEFING_LIBRARY": ""}
    return subprocess.run(
        [script, *args], capture_output=True, text=True, env=child_env, timeout=120, check=False
    )


def test_help_lists_the_commands(script: str) -> None:
    """Smoke: the script starts the command line and prints its help."""
    result = run(script, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: briefing [OPTIONS] [COMMAND]")
    assert {"import", "export", "search"} <= {line.split()[0] for line in _commands(result)}


def _commands(result: subprocess.CompletedProcess[str]) -> list[str]:
    """Return the lines of the help's command list."""
    listed = result.stdout.split("Commands:\n", 1)[1]
    return [line for line in listed.splitlines() if line.startswith("  ") and line.strip()]


def test_version_is_the_packages(script: str) -> None:
    """Smoke: --version, handled by click before any command, reaches stdout."""
    result = run(script, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"briefing, version {briefing_app.__version__}\n"


def test_the_command_line_module_runs_as_a_module() -> None:
    """Smoke: `python -m briefing_app.cli.main` runs the command line (it exited 0 silently)."""
    import sys

    env = {**os.environ, "PYTHONPATH": _CHECKOUT, "BRIEFING_LIBRARY": ""}
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app.cli.main", "--version"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"briefing, version {briefing_app.__version__}\n"


def test_demo_then_list_and_export_it(script: str, tmp_path: Path) -> None:
    """Smoke: a library made by one process is read and exported by the next ones."""
    library = str(tmp_path / "demo.sqlite")
    made = run(script, "--library", library, "demo")
    assert made.returncode == 0, made.stderr
    listed = run(script, "--library", library, "sources")
    assert listed.returncode == 0 and "China Urges Tajikistan" in listed.stdout
    memo = tmp_path / "memo.docx"
    exported = run(script, "--library", library, "export", "1", "-o", str(memo))
    assert exported.returncode == 0, exported.stderr
    assert "word/document.xml" in zipfile.ZipFile(memo).namelist()


def test_import_reports_the_file(script: str, tmp_path: Path) -> None:
    """Smoke: importing a file into a new library, the command users run first."""
    article = write_fixture(tmp_path / "a.txt", "Port Closure\n\nThe harbour master said so.\n")
    result = run(script, "--library", str(tmp_path / "l.sqlite"), "import", str(article))
    assert result.returncode == 0, result.stderr
    assert "1 imported, 0 duplicate, 0 failed" in result.stdout


def test_errors_and_misuse_exit_1_with_one_line(script: str, tmp_path: Path) -> None:
    """Smoke: the shell sees the exit statuses scripts test for, and no traceback."""
    typo = tmp_path / "typo.sqlite"
    missing = run(script, "--library", str(typo), "sources")
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [
        f"Error: {typo}: no library at this path (create one with `briefing demo` or by importing)"
    ]
    unknown = run(script, "frobnicate")
    assert unknown.returncode == 1
    assert unknown.stderr.splitlines() == [
        "Error: briefing: no such command 'frobnicate' (see briefing --help)"
    ]
    assert "Traceback" not in unknown.stderr


def test_starting_the_app_without_a_display_says_so_in_one_line(
    script: str, tmp_path: Path
) -> None:
    """Smoke: no command starts the desktop app, which cannot run in-process."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    library = tmp_path / "lib.sqlite"
    result = run(script, "--library", str(library), env=env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "briefing: no display to open the window on (DISPLAY is not set); "
        "the command line works without one: briefing --help"
    ]
    assert not library.exists()


def test_output_piped_to_a_reader_that_stops_early_prints_no_error(
    script: str, tmp_path: Path
) -> None:
    """`briefing claims | head -1`: the reader leaving is no error worth a line."""
    library = tmp_path / "lib.sqlite"
    assert run(script, "--library", str(library), "demo").returncode == 0
    path = os.pathsep.join(p for p in (_CHECKOUT, os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path, "BRIEFING_LIBRARY": ""}
    child = subprocess.Popen(
        [script, "--library", str(library), "claims"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader leaves (as `head` does) before the table is written
    assert child.stderr.read().decode() == ""
    assert child.wait(timeout=120) == 1
