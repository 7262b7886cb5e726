"""PySide6 6.12.0 leaks a reference to None on every void Qt call under Python 3.11 and aborts
after ~5,000 calls. It is pinned out in pyproject.toml; this guards the pin and the behaviour."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]

HAMMER = """
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for i in range(20_000):
    obj.setObjectName("x")  # a void Qt method
leaked = sys.getrefcount(None) - before
print(leaked)
"""


def test_installed_pyside_is_not_the_broken_release() -> None:
    assert PySide6.__version__ != "6.12.0"


def test_pyproject_excludes_the_broken_release() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pyside = next(d for d in deps if d.lower().startswith("pyside6"))
    assert "!=6.12.0" in pyside.replace(" ", "")


def test_twenty_thousand_void_qt_calls_neither_abort_nor_leak() -> None:
    result = subprocess.run(
        [sys.executable, "-c", HAMMER], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) < 100
