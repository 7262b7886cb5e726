"""Build hook: ship the top-level seeds/, templates/, resources/ and docs/ inside the wheel.

They live at the top of the repository (where people edit them) and are copied to
briefing_app/data/ in the built package, where core/resources.py finds them at run time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("seeds", "templates", "resources", "docs")


class BuildWithBundledData(build_py):
    """build_py that also copies the bundled folders into briefing_app/data/."""

    def run(self) -> None:
        """Build the Python modules, then copy the data folders next to them."""
        super().run()
        root = Path(__file__).resolve().parent
        for name in BUNDLED:
            source = root / name
            if source.is_dir():
                target = Path(self.build_lib) / "briefing_app" / "data" / name
                shutil.copytree(
                    source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
                )


setup(cmdclass={"build_py": BuildWithBundledData})
