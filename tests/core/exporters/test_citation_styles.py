"""Citation style files: bundled ones load, a user's add or override, a broken one is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import CitationStyleError
from briefing_app.core.exporters.citation_styles import get_style, load_style_file, load_styles
from tests.core.exporters.export_helpers import STYLES


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
