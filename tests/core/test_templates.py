"""Templates: the bundled four load and carry what exports and checks need; bad files are named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing_app.core.checks import run_checks
from briefing_app.core.errors import NotFound, TemplateError
from briefing_app.core.exporters import export_note
from briefing_app.core.library import Library
from briefing_app.core.records.grading import TLP_ORDER
from briefing_app.core.templates import (
    MAX_SECTIONS,
    get_template,
    load_template_file,
    load_templates,
    printed_marking,
    template_problems,
    user_templates_dir,
)
from tests.capped_child import run_capped
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
        (
            "name: x\nsections:\n  - {key: a, heading: A}\n"
            "clearance:\n  lines:\n    - {field: subject, label: S}\n",
            6,
            "clearance field 'subject' must be a new word",
        ),
        (
            "name: x\nsections:\n  - {key: a, heading: A}\n"
            "clearance:\n  placement: footer\n  lines: []\n",
            5,
            "placement must be one of end, header",
        ),
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


# --- hostile template files: refused in seconds and megabytes, with one line ---------------

# Nine lists of nine: the last alias stands for 9**9 "lol"s, though the file is ~550 bytes.
_NINE_BY_NINE = "".join(
    f"  - &{a} [{', '.join([f'*{b}'] * 9) if b else ', '.join(['lol'] * 9)}]\n"
    for b, a in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)
ALIAS_KEY_BOMB = f"name: bomb\nboxes:\n{_NINE_BY_NINE}  - ? *i\n    : x\nsections: []\n"
MERGE_KEY_BOMB = (
    "name: bomb\nboxes:\n"
    + "  - &a {" + ", ".join(f"k{n}: {n}" for n in range(9)) + "}\n"
    + "".join(
        f"  - &{a} {{<<: [{', '.join([f'*{b}'] * 9)}]}}\n"
        for b, a in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "  - {<<: *i}\nsections: []\n"
)  # fmt: skip

_LOAD_IN_CHILD = """\
import sys
from pathlib import Path
from briefing_app.core.errors import BriefingError
from briefing_app.core.templates import load_template_file
try:
    load_template_file(Path(sys.argv[1]))
except BriefingError as exc:
    print(type(exc).__name__, exc)
"""


# PyYAML 6.0.4 itself merges each aliased mapping once; the merge-key bomb guards the loader
# whatever PyYAML does (pyproject allows any 6.x).
@pytest.mark.parametrize("bomb", [ALIAS_KEY_BOMB, MERGE_KEY_BOMB], ids=["alias-key", "merge-key"])
def test_a_yaml_alias_bomb_is_refused_in_seconds_and_megabytes(tmp_path: Path, bomb: str) -> None:
    path = write_fixture(tmp_path / "bomb.yaml", bomb)
    assert path.stat().st_size < 1000
    run = run_capped(_LOAD_IN_CHILD, str(path))
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith(f"TemplateError {path}:"), run.stdout
    assert len(run.stdout.splitlines()) == 1
    assert run.peak_mb < 300, f"peak {run.peak_mb:.0f} MB"
    assert run.seconds < 60  # generous: the bug took minutes and gigabytes


def test_twenty_thousand_sections_are_refused_at_once(tmp_path: Path) -> None:
    sections = "".join(f"  - key: s{n}\n    heading: Section {n}\n" for n in range(20_000))
    path = write_fixture(tmp_path / "many.yaml", f"name: many\nsections:\n{sections}")
    start = time.monotonic()
    with pytest.raises(TemplateError, match="limit") as err:
        load_template_file(path)
    assert time.monotonic() - start < 5  # generous: every load took ~10-30 s
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "name: x\nsections:\n"
            + "".join(f"  - {{key: s{n}, heading: S{n}}}\n" for n in range(MAX_SECTIONS + 1)),
            f"{MAX_SECTIONS + 1} sections; the limit is {MAX_SECTIONS}",
        ),
        (
            f"name: x\nsections:\n  - key: a\n    heading: {'H' * 1000}\n",
            "heading is 1000 characters; the limit is",
        ),
        (
            f"name: x\nsections:\n  - key: a\n    heading: A\n    guidance: {'g ' * 20_000}\n",
            "guidance is 39999 characters; the limit is",
        ),
        (f"name: x\nsections:\n  - key: a\n    heading: {'H' * 10_000_000}\n", "the limit is"),
    ],
    ids=["sections", "heading", "guidance", "10-MB-heading"],
)
def test_template_limits_name_the_file_and_the_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = write_fixture(tmp_path / "big.yaml", text)
    with pytest.raises(TemplateError) as err:
        load_template_file(path)
    message = str(err.value)
    assert message.startswith(str(path)) and reason in message, message
    assert "\n" not in message


BROKEN = "name: broken\nsections:\n  - key: a\n    heading: A\n    kind: opinion\n"


def test_a_broken_user_template_is_left_out_reported_and_the_rest_work(
    config_home: Path,
) -> None:
    folder = user_templates_dir()
    write_fixture(folder / "mine.yaml", MINIMAL.format(name="mine", label="Mine", heading="Gist"))
    broken = write_fixture(folder / "broken.yaml", BROKEN)

    templates = load_templates()
    assert set(templates) == {
        "briefing-note", "policy-memo", "intelligence-assessment", "sitrep", "mine",
    }  # fmt: skip
    (problem,) = template_problems()
    assert str(problem).startswith(f"{broken}:5: kind must be")
    assert get_template("sitrep").name == "sitrep"
    assert get_template("mine").sections[0].heading == "Gist"
    # Asked for by its own name, the broken template's error is the answer, not "no template".
    with pytest.raises(TemplateError, match="kind must be"):
        get_template("broken")


def test_a_broken_user_override_is_not_replaced_by_the_bundled_template(config_home: Path) -> None:
    write_fixture(user_templates_dir() / "sitrep.yaml", BROKEN.replace("broken", "sitrep"))
    with pytest.raises(TemplateError, match=r"sitrep\.yaml:5: kind must be"):
        get_template("sitrep")
    assert get_template("policy-memo").name == "policy-memo"
