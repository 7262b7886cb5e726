"""Templates: the bundled four load and carry what exports and checks need; bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.checks import run_checks
from briefing_app.core.errors import NotFound
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.records.grading import TLP_ORDER
from briefing_app.core.templates import (
    TemplateError,
    get_template,
    load_template_file,
    load_templates,
    printed_marking,
    user_templates_dir,
)
from tests.conftest import write_fixture
from tests.core.exporters.export_helpers import demo_note

MINIMAL = """\
name: {name}
label: {label}
sections:
  - key: summary
    heading: {heading}
"""


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user config folder at an empty temporary folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_the_four_note_types_ship_with_their_sections() -> None:
    templates = load_templates()
    assert set(templates) == {"briefing-note", "policy-memo", "intelligence-assessment", "sitrep"}
    assert [s.key for s in templates["briefing-note"].sections] == [
        "summary",
        "issue",
        "background",
        "considerations",
        "recommendation",
    ]
    memo = templates["policy-memo"]
    assert memo.citations.style == "inline"
    assert [h.label for h in memo.header] == ["MEMO FOR", "FROM", "SUBJECT", "DATE"]
    assert memo.section_limits("bluf").max_lines == 4
    assessment = templates["intelligence-assessment"]
    assert assessment.claims_annex and assessment.citations.style == "endnotes"
    assert assessment.marking.scheme == TLP_ORDER and assessment.marking.placement == "tlp"
    assert assessment.boxes[0].title == "Estimative language"
    for template in templates.values():
        assert template.reference_docx is not None and template.reference_docx.is_file()


def test_checks_can_read_kinds_limits_and_marking_order() -> None:
    note = get_template("briefing-note")
    background = note.section("background")
    assert background is not None and background.factual and not background.assessment
    considerations = note.section("considerations")
    assert considerations is not None and considerations.assessment
    assert note.section_limits("issue").max_sentence_words == 30  # note-wide limit inherited
    assert note.section_limits("issue").max_words == 60
    assert note.marking.rank("UNCLASSIFIED") == 0
    assert note.marking.rank("secret") == 5
    assert get_template("sitrep").marking.rank("TLP:RED") == 4
    recommendation = get_template("policy-memo").section("recommendation")
    assert recommendation is not None and recommendation.decision


def test_user_template_adds_and_overrides(config_home: Path) -> None:
    folder = user_templates_dir()
    assert str(folder).startswith(str(config_home))
    write_fixture(folder / "mine.yaml", MINIMAL.format(name="mine", label="Mine", heading="Gist"))
    write_fixture(
        folder / "sitrep.yaml", MINIMAL.format(name="sitrep", label="Our sitrep", heading="Now")
    )
    templates = load_templates()
    assert templates["mine"].sections[0].heading == "Gist"
    assert templates["sitrep"].label == "Our sitrep"
    assert len(templates) == 5


def test_unknown_template_lists_the_known_ones() -> None:
    with pytest.raises(NotFound, match="briefing-note"):
        get_template("nope")


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("name: x\nsections:\n  - key: a\n    heading: A\n    kind: opinion\n", 5, "kind must"),
        ("name: x\nsections:\n  - key: a\n    heading: A\n    limits: {max_words: -3}\n", 5, ""),
        ("name: x\nsections:\n  - key: a\n  - key: b\n    heading: B\n", 3, "'heading'"),
        ("name: x\ncolour: red\nsections: []\n", 2, "unknown field 'colour'"),
        ("name: x\nsections:\n  - key: a\n    heading: A\nmarking:\n  placement: left\n", 6, ""),
        ("name: x\nsections: [\n", 3, "not valid YAML"),
        ("name: x\nsections:\n  - {key: a, heading: A}\nchecks_off: hedges\n", 4, "checks_off"),
    ],
)
def test_bad_template_names_file_and_line(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    path = write_fixture(tmp_path / "bad.yaml", text)
    with pytest.raises(TemplateError) as err:
        load_template_file(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert reason in message
    assert "\n" not in message


def test_demo_note_takes_its_headings_from_the_template(demo_lib: Library) -> None:
    (note,) = demo_lib.notes.all()
    expected = dict(get_template("briefing-note").headings())
    assert {s.key: s.heading for s in note.sections} == expected


def test_a_blank_marking_is_the_templates_default_in_exports_and_checks(
    demo_lib: Library, tmp_path: Path
) -> None:
    note = demo_lib.notes.update(demo_note(demo_lib).id, marking="")
    default = get_template(note.template).marking.default
    assert default and printed_marking(note) == default
    out = export_note(demo_lib, note.id, tmp_path / "note.md", "md")
    assert default in out.read_text(encoding="utf-8")
    # Sources marked no higher than what the memo prints are no finding.
    for claim in demo_lib.claims.by_keys(demo_lib.notes.cited_keys(note)).values():
        demo_lib.sources.update(claim.source_id, marking=default)
    rules = {f.rule for f in run_checks(demo_lib, note).findings}
    assert "marking.less-restrictive" not in rules
