"""The third-party licence list reflects the installed distributions."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from briefing_app.core.bundled.licenses import bundled_components, license_text, third_party_notice


def test_components_carry_the_installed_versions_and_licences() -> None:
    components = {c.distribution.lower(): c for c in bundled_components()}
    docx = components["python-docx"]
    assert docx.version == metadata.version("python-docx")
    assert docx.license == "MIT"
    assert "lxml" in components and "pip" not in components


def test_third_party_notice_includes_licence_texts() -> None:
    notice = third_party_notice()
    assert f"python-docx {metadata.version('python-docx')} — MIT" in notice
    assert "Permission is hereby granted" in notice


def test_qt_gets_the_lgpl_text_its_wheel_lacks() -> None:
    text = license_text("PySide6-Essentials")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "Version 3" in text


def test_every_runtime_dependency_is_listed() -> None:
    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    listed = {re.sub(r"[-_.]+", "-", c.distribution).lower() for c in bundled_components()}
    for requirement in declared:
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)  # type: ignore[union-attr]
        assert re.sub(r"[-_.]+", "-", name).lower() in listed, f"{name} is missing from About"
