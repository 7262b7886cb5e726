"""The Linux desktop files validate, the icon set is complete, and the user guide ships."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing_app.core.bundled.resources import user_guide_path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"


def _tool(name: str) -> str:
    """Return the validator's path; skip when it is missing, unless CI requires it."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("BRIEFING_REQUIRE_RENDER") == "1":
            pytest.fail(f"{name} is required here (BRIEFING_REQUIRE_RENDER=1) but not installed")
        pytest.skip(f"{name} is not installed")
    return path


def test_desktop_file_validates_and_opens_briefing_packs() -> None:
    desktop = LINUX / "briefing.desktop"
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout
    entries = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entries["Exec"] == "briefing %F"
    assert "application/x-briefing-pack" in entries["MimeType"].split(";")
    assert entries["Icon"] == "briefing"


def test_appstream_metainfo_validates() -> None:
    metainfo = LINUX / "io.github.briefing.Briefing.metainfo.xml"
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(metainfo).getroot()
    assert root.findtext("launchable") == "briefing.desktop"
    assert root.find("content_rating") is not None
    assert root.find("releases/release[@version]") is not None
    image = root.findtext("screenshots/screenshot/image") or ""
    assert image.endswith("docs/screenshots/main-window.png")
    assert (ROOT / "docs" / "screenshots" / "main-window.png").is_file()


def test_mime_type_claims_the_briefpack_extension() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(LINUX / "briefing-pack.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-briefing-pack"
    globs = [g.get("pattern") for g in mime.findall("m:glob", ns)]
    assert globs == ["*.briefpack"]


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_app_icon_is_committed_in_each_standard_size(size: int) -> None:
    png = LINUX / "icons" / f"{size}x{size}" / "briefing.png"
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    assert struct.unpack(">II", header[16:24]) == (size, size)


def test_user_guide_ships_with_its_screenshots() -> None:
    guide = user_guide_path()
    text = guide.read_text(encoding="utf-8")
    for section in ("Import", "Tag", "Write", "Check", "Export", "Review"):
        assert f"## {section}" in text, f"the user guide has no '{section}' section"
    for line in text.splitlines():
        if line.startswith("![") and "](" in line:
            target = line.split("](", 1)[1].rstrip(")")
            assert (guide.parent / target).is_file(), f"user guide image missing: {target}"
