"""The examples in core's docstrings run and show what they say (one test per module)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import briefing_app.core


def _modules_with_examples() -> list[str]:
    """Return the name of every core module whose docstrings hold at least one example."""
    names = []
    finder = doctest.DocTestFinder()
    prefix = f"{briefing_app.core.__name__}."
    for info in pkgutil.walk_packages(briefing_app.core.__path__, prefix):
        module = importlib.import_module(info.name)
        if any(test.examples for test in finder.find(module)):
            names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules_with_examples())
def test_the_docstring_examples_hold(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an example that writes a relative path writes it here
    module = importlib.import_module(name)
    report: list[str] = []
    runner = doctest.DocTestRunner()
    for test in doctest.DocTestFinder().find(module):
        runner.run(test, out=report.append)
    assert runner.tries > 0
    assert runner.failures == 0, "".join(report)
