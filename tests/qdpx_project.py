"""Reading back an exported .qdpx as a QDA tool would, checking it against the standard.

`read_project` validates project.qde against the official REFI-QDA Project schema (a copy in
tests/fixtures/refi_qda/) and the container rules a tool relies on: UTF-8 without a BOM, a
lowercase sources/ folder of LF-only .txt files, each named by the GUID its source points to.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from briefing_app.core.qdpx.mapping import NAMESPACE

SCHEMA_PATH = Path(__file__).parent / "fixtures" / "refi_qda" / "Project.xsd"
NS = {"q": NAMESPACE}


@cache
def project_schema() -> etree.XMLSchema:
    """Return the REFI-QDA Project schema 1.0."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


@dataclass(frozen=True)
class Project:
    """An exported project: its parsed project.qde, raw bytes, and source texts by file name."""

    root: etree._Element
    qde: bytes
    texts: dict[str, str]

    def all(self, path: str) -> list[etree._Element]:
        """Return the elements an XPath over the q: namespace finds."""
        found: list[etree._Element] = self.root.xpath(path, namespaces=NS)
        return found

    def text_of(self, source: etree._Element) -> str:
        """Return the plain text a TextSource's plainTextPath points to."""
        path = source.get("plainTextPath")
        assert path is not None and path.startswith("internal://"), path
        return self.texts[f"sources/{path.removeprefix('internal://')}"]

    def code_names(self) -> dict[str, str]:
        """Return each code's GUID -> 'Parent/Child' name."""
        names = {}
        for code in self.all("//q:Code"):
            parent = code.getparent()
            prefix = f"{parent.get('name')}/" if parent.tag == code.tag else ""
            names[code.get("guid")] = prefix + code.get("name")
        return names

    def codings(self, element: etree._Element) -> list[str]:
        """Return the 'Parent/Child' names of the codes an element is coded with, in order."""
        names = self.code_names()
        return [
            names[r.get("targetGUID")] for r in element.xpath("q:Coding/q:CodeRef", namespaces=NS)
        ]


def read_project(path: Path) -> Project:
    """Open a .qdpx, assert it is what the standard asks, and return its parts."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert "project.qde" in names, names
        qde = zf.read("project.qde")
        texts = {}
        for name in names:
            if name == "project.qde":
                continue
            assert name.startswith("sources/") and name.endswith(".txt"), name
            assert "/" not in name.removeprefix("sources/"), name  # a flat folder
            data = zf.read(name)
            assert not data.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"
            assert b"\r" not in data, f"{name} holds a CR"
            texts[name] = data.decode("utf-8")
    assert not qde.startswith(b"\xef\xbb\xbf"), "project.qde starts with a BOM"
    root = etree.fromstring(qde)
    schema = project_schema()
    assert schema.validate(root), str(schema.error_log)
    project = Project(root, qde, texts)
    pointed = {
        f"sources/{s.get('plainTextPath').removeprefix('internal://')}"
        for s in project.all("//q:TextSource")
    }
    assert pointed == set(texts), (pointed, set(texts))
    for source in project.all("//q:TextSource"):
        assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
    return project
