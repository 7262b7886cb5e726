"""Citation style files and the CSL styles of the Sources list: bundled ones load, a user's add
or override, a broken one is refused with its file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import CitationStyleError, NotFound
from briefing_app.core.exporters import export_note
from briefing_app.core.exporters.citation_styles import get_style, load_style_file, load_styles
from briefing_app.core.exporters.csl_sources import csl_entries
from briefing_app.core.library import Library
from tests.core.exporters.export_helpers import STYLES, add_wire_claim


def test_bundled_styles_load_and_hide_claim_keys(tmp_path: Path) -> None:
    styles = load_styles(tmp_path)
    assert set(STYLES) <= set(styles)
    assert not any(s.keys for s in styles.values())  # keys are the analyst's, off by default
    assert get_style(user_dir=tmp_path).name == "house"
    assert styles["house"].ibid and styles["house"].grade == "code"
    assert styles["intel"].fields == ("outlet", "date") and styles["intel"].grade == "brackets"


def test_a_user_style_overrides_a_bundled_one_by_name(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: house\nkeys: true\n", encoding="utf-8")
    style = get_style("house", user_dir=tmp_path)
    assert style.keys and style.path == tmp_path / "mine.yaml"


def test_a_user_style_edited_between_exports_is_read_again(tmp_path: Path) -> None:
    # Styles are kept between exports (read once): the analyst's edit must still be seen.
    mine = tmp_path / "mine.yaml"
    mine.write_text("name: house\nkeys: true\n", encoding="utf-8")
    assert get_style("house", user_dir=tmp_path).keys
    mine.write_text("name: house\nkeys: false\nibid: false\n", encoding="utf-8")
    edited = get_style("house", user_dir=tmp_path)
    assert not edited.keys and not edited.ibid
    mine.write_text("name: house\nkeys: maybe\n", encoding="utf-8")
    with pytest.raises(CitationStyleError, match="keys must be true or false"):
        get_style("house", user_dir=tmp_path)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("name: x\ngrade: stars\n", "grade must be one of code, brackets, words, none"),
        ("name: x\nibid: maybe\n", "ibid must be true or false"),
        ("name: x\nfields: [title, publisher]\n", "fields must name some of author, title"),
        ("name: x\nfootnotes: true\n", "unknown field 'footnotes'"),
        ("label: no name\n", "name must be one word"),
        ("name: [x\n", "not valid YAML"),
        ("- a list\n", "must be a YAML mapping"),
    ],
)
def test_a_broken_style_is_refused_with_file_and_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CitationStyleError) as caught:
        load_style_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}") and reason in message and "\n" not in message


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user config folder at an empty temporary folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "briefing"


def _wire(lib: Library) -> None:
    """Add a fully described source and cite it from the demo note's background."""
    claim = add_wire_claim(lib)
    note = lib.notes.all()[0]
    lib.notes.set_section(note.id, "background", f"The crossing closed [@{claim.key}].")


def test_the_bundled_csl_styles_format_the_sources_list(demo_lib: Library) -> None:
    _wire(demo_lib)
    sources = demo_lib.sources.all()
    lines = {
        style: ["".join(t for t, _ in parts) for _, parts in csl_entries(sources, style)]
        for style in ("chicago-note-bibliography", "chicago-author-date", "apa")
    }
    wire = "Border crossings shut after attack on Chinese camp"
    assert lines["chicago-note-bibliography"][1] == (
        f"Jane Roe. “{wire}.” Example Wire, December 1, 2025. https://example.org/border."
    )
    assert lines["chicago-author-date"][1] == (
        f"Jane Roe. 2025. “{wire}.” Example Wire, December 1. https://example.org/border."
    )
    assert lines["apa"][1] == (
        f"Jane Roe. (2025, December 1). {wire}. Example Wire. https://example.org/border"
    )
    # Without an author the title leads, and sorts, the entry.
    assert lines["apa"][0].startswith("China Urges Tajikistan to Ensure Safety")


def test_a_users_csl_file_formats_the_sources_list_through_a_style_naming_it(
    demo_lib: Library, tmp_path: Path, config_home: Path
) -> None:
    _wire(demo_lib)
    (config_home / "csl").mkdir(parents=True)
    bundled = (bundled_dir("resources") / "csl" / "apa.csl").read_text(encoding="utf-8")
    mine = bundled.replace('<text variable="URL"/>', '<text value="[web]"/>')
    (config_home / "csl" / "my-apa.csl").write_text(mine, encoding="utf-8")
    (config_home / "citation_styles").mkdir()
    (config_home / "citation_styles" / "mine.yaml").write_text(
        "name: mine\ncsl: my-apa\n", encoding="utf-8"
    )
    out = export_note(demo_lib, demo_lib.notes.all()[0].id, tmp_path / "n.md", style="mine")
    assert "Example Wire. \\[web\\]" in out.read_text(encoding="utf-8")


def test_a_broken_csl_file_is_refused_with_file_and_reason(
    demo_lib: Library, tmp_path: Path, config_home: Path
) -> None:
    (config_home / "csl").mkdir(parents=True)
    broken = config_home / "csl" / "apa.csl"  # overrides the bundled one
    bundled = (bundled_dir("resources") / "csl" / "apa.csl").read_text(encoding="utf-8")
    # Well-formed XML, but CSL knows no variable "web-address".
    broken.write_text(bundled.replace('"URL"', '"web-address"'), encoding="utf-8")
    note_id = demo_lib.notes.all()[0].id
    with pytest.raises(CitationStyleError) as caught:
        export_note(demo_lib, note_id, tmp_path / "n.docx", style="academic")
    message = str(caught.value)
    assert message.startswith(f"{broken}:") and "not a valid CSL style" in message
    assert "\n" not in message and not (tmp_path / "n.docx").exists()
    broken.write_text("<style><oops", encoding="utf-8")
    with pytest.raises(CitationStyleError, match="not a readable XML file"):
        csl_entries(demo_lib.sources.all(), "apa")
    with pytest.raises(NotFound, match="no CSL style 'harvard'"):
        csl_entries(demo_lib.sources.all(), "harvard")
