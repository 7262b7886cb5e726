"""`briefing qdpx import`: the report printed, as text and JSON; a hostile project refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.cli.runner import briefing
from tests.core.qdpx.projects import Code, Sel, Src, span, write_project

TEXT = "Officials said three workers died in Khatlon.\nThe Taliban denied any role.\n"


def project(tmp_path: Path) -> Path:
    died, denied = "three workers died in Khatlon", "The Taliban denied any role."
    return write_project(
        tmp_path / "interviews.qdpx",
        [
            Src(
                "Interview",
                TEXT,
                [
                    Sel(*span(TEXT, died), name=died, codes=["Khatlon"]),
                    Sel(*span(TEXT, denied), name=denied, codes=["denial"]),
                    Sel(0, 5, name="a quote from another text"),
                ],
            )
        ],
        codes=[
            Code("Tags: place", [Code("Khatlon")], codable=False),
            Code("Claim kind", [Code("denial")], codable=False),
        ],
    )


def test_import_prints_the_report(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"

    result = briefing("qdpx", "import", str(project(tmp_path)), library=library)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Imported interviews.qdpx: 1 source, 2 claims, 1 tag; 0 adjusted, 1 discarded"
    )
    assert lines[1] == (
        "discarded selection 'a quote from another text': its name 'a quote from another text' "
        "occurs nowhere in the source"
    )
    claims = json.loads(briefing("claims", "--json", library=library).stdout)
    assert sorted((c["quote"], c["kind"]) for c in claims) == [
        ("The Taliban denied any role.", "denial"),
        ("three workers died in Khatlon", "reported fact"),
    ]


def test_import_report_as_json(tmp_path: Path) -> None:
    result = briefing(
        "qdpx", "import", str(project(tmp_path)), "--json", library=tmp_path / "lib.sqlite"
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["project"] == "interviews.qdpx"
    assert report["kept"]["claims"] == 2 and report["kept"]["sources"] == 1
    assert report["discarded"] == [
        {
            "what": "selection",
            "name": "a quote from another text",
            "reason": "its name 'a quote from another text' occurs nowhere in the source",
        }
    ]


def test_json_counts_have_names_a_script_can_use_and_the_same_keys_each_time(
    tmp_path: Path,
) -> None:
    # `kept` had keys such as "sources already here", and "relations" only when some came.
    library, path = tmp_path / "lib.sqlite", project(tmp_path)
    first = json.loads(briefing("qdpx", "import", str(path), "--json", library=library).stdout)
    again = json.loads(briefing("qdpx", "import", str(path), "--json", library=library).stdout)
    assert list(first["kept"]) == list(again["kept"])
    assert all(key.isidentifier() for key in first["kept"]), first["kept"]
    assert (first["kept"]["sources"], first["kept"]["sources_already_here"]) == (1, 0)
    assert (again["kept"]["sources"], again["kept"]["sources_already_here"]) == (0, 1)
    assert again["kept"]["claims_already_here"] == 2 and again["kept"]["relations"] == 0


def test_a_hostile_project_is_refused_in_one_line(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    path = project(tmp_path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("../escape.txt", "owned")

    result = briefing("qdpx", "import", str(path), library=library)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: interviews.qdpx: member '../escape.txt' points outside the project folder"
    ]
    assert json.loads(briefing("sources", "--json", library=library).stdout) == []
