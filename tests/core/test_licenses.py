"""The third-party licence list reflects the installed distributions."""

from __future__ import annotations

from importlib import metadata

from briefing_app.core.licenses import bundled_components, license_text, third_party_notice


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
