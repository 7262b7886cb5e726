"""Third-party components shipped with Briefing, with their versions and licences.

Read from the installed distributions' metadata (importlib.metadata), so Help ▸ About and the
bundle's THIRD_PARTY_LICENSES list what is really installed, not what was true once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

from briefing_app.core.bundled.resources import bundled_dir

# Briefing's runtime dependencies when its own metadata is missing (a bare source checkout);
# their own dependencies are followed from their metadata.
_ROOTS = (
    "PySide6-Essentials",
    "python-docx",
    "Markdown",
    "sqlite-utils",
    "PyYAML",
    "click",
    "platformdirs",
    "charset-normalizer",
    "trafilatura",
    "pypdf",
    "nh3",
    "readability-lxml",
    "lxml_html_clean",
    "citeproc-py",
    "dateparser",
    "rispy",
    "bibtexparser",
    "openpyxl",
    "pyspellchecker",
)
# sqlite-utils requires pip for its own `install` command, which Briefing never runs or ships.
_NOT_SHIPPED = frozenset({"pip"})
_LICENSE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
_CLASSIFIER = "License :: OSI Approved :: "
# Licence texts in resources/licenses/, for components whose distributions ship none.
_SHIPPED_TEXTS = ("LGPL-3.0", "GPL-3.0")


@dataclass(frozen=True)
class Component:
    """One installed third-party distribution: its name, version and licence."""

    distribution: str
    version: str
    license: str


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    declared = _field(meta, "License")
    # Some projects paste the whole licence text into License: keep only short names.
    if declared and "\n" not in declared and len(declared) <= 60 and declared != "UNKNOWN":
        return declared
    classifiers = [
        c[len(_CLASSIFIER) :] for c in meta.get_all("Classifier") or [] if c.startswith(_CLASSIFIER)
    ]
    if classifiers:
        return " / ".join(classifiers)
    return "see its licence file"


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    names = []
    for line in dist.requires or []:
        spec, _, marker = line.partition(";")
        if "extra" in marker:
            continue  # optional extras are not installed with Briefing
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec.strip())
        if match:
            names.append(match.group(0))
    return names


def bundled_components() -> list[Component]:
    """Return every installed runtime dependency of Briefing (recursively), sorted by name."""
    seen: dict[str, Component] = {}
    try:
        queue = _requirement_names(metadata.distribution("briefing"))
    except metadata.PackageNotFoundError:
        queue = list(_ROOTS)
    while queue:
        name = queue.pop()
        if name.lower() in _NOT_SHIPPED:
            continue
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-specific dependency that this installation does not use
        seen[key] = Component(str(dist.metadata["Name"]), dist.version, _licence_of(dist))
        queue.extend(_requirement_names(dist))
    return sorted(seen.values(), key=lambda c: c.distribution.lower())


def _shipped_texts(licence: str) -> list[str]:
    """Full texts from resources/licenses/ for the licences named in an SPDX expression."""
    try:
        folder = bundled_dir("resources") / "licenses"
    except FileNotFoundError:
        return []
    texts = []
    for spdx in _SHIPPED_TEXTS:
        if re.search(rf"\b{re.escape(spdx)}\b", licence):
            path = folder / f"{spdx}.txt"
            if path.is_file():
                texts.append(path.read_text(encoding="utf-8").strip())
    return texts


def license_text(distribution: str) -> str:
    """Return distribution's licence files joined ('' when neither it nor Briefing has one)."""
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return ""
    parts = []
    for file in dist.files or []:
        if _LICENSE_FILE.search(str(file)):
            text = file.read_text(encoding="utf-8")
            if text:
                parts.append(text.strip())
    if not parts:
        # Qt for Python's wheels carry no licence file: use the texts Briefing ships.
        parts = _shipped_texts(_licence_of(dist))
    return "\n\n".join(parts)


def third_party_notice() -> str:
    """Return THIRD_PARTY_LICENSES: each component's name, version, licence and licence text."""
    sections = []
    for component in bundled_components():
        header = f"{component.distribution} {component.version} — {component.license}"
        body = license_text(component.distribution) or "(no licence file in its distribution)"
        sections.append(f"{header}\n{'=' * len(header)}\n\n{body}\n")
    return "\n\n".join(sections)
