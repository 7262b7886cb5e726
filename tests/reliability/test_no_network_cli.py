"""The command line, run as a real process, never opens a socket or resolves a name.

The suite's own guard (conftest) covers code run inside pytest; child processes get theirs from
a `sitecustomize` module on PYTHONPATH that ends the process with status 97 on any attempt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_fixture

NETWORK_EXIT = 97
GUARD = """
import os, socket, sys

def _refuse(*args, **kwargs):
    sys.stderr.write(f"NETWORK ACCESS ATTEMPTED: {args!r}\\n")
    sys.stderr.flush()
    os._exit(97)

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
socket.create_connection = _refuse
"""


@pytest.fixture
def guarded_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a child Python whose every network attempt kills it with status 97."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "BRIEFING_LIBRARY": ""}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run python with args in the guarded environment."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_guard_stops_a_child_that_reaches_for_the_network(guarded_env: dict[str, str]) -> None:
    result = run(guarded_env, "-c", "import socket; socket.getaddrinfo('example.org', 80)")
    assert result.returncode == NETWORK_EXIT
    assert "NETWORK ACCESS ATTEMPTED" in result.stderr


def test_demo_import_and_search_stay_offline(guarded_env: dict[str, str], tmp_path: Path) -> None:
    library = str(tmp_path / "library.sqlite")
    article = write_fixture(
        tmp_path / "in" / "report.md",
        "---\ntitle: Border report\nurl: https://example.org/report\n---\n"
        "Officials said the crossing at https://example.org/map was closed.\n",
    )
    for args in (["demo"], ["import", str(article)], ["search", "crossing"], ["backup", "make"]):
        result = run(guarded_env, "-m", "briefing_app", "--library", library, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "NETWORK ACCESS ATTEMPTED" not in result.stderr
