"""TextEdit: the stretches an edit changed, and where offsets land after it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.text.text_edit import WORD_DIFF_LIMIT, TextEdit

WORDS = st.sampled_from(["the", "dam", "is", "safe", "said", " ", " ", ". ", "\n\n", ","])
TEXTS = st.lists(WORDS, max_size=40).map("".join)


def _applied(old: str, new: str, edit: TextEdit) -> str:
    """Return old with each change replaced by what new holds there."""
    out, at = [], 0
    for i1, i2, j1, j2 in edit.changes:
        out += [old[at:i1], new[j1:j2]]
        at = i2
    return "".join([*out, old[at:]])


@given(TEXTS, TEXTS)
def test_the_changes_turn_the_old_text_into_the_new(old: str, new: str) -> None:
    edit = TextEdit.between(old, new)
    assert _applied(old, new, edit) == new


@given(TEXTS, TEXTS, st.data())
def test_words_no_change_touched_land_on_the_same_words(
    old: str, new: str, data: st.DataObject
) -> None:
    edit = TextEdit.between(old, new)
    start = data.draw(st.integers(0, len(old)))
    end = data.draw(st.integers(start, len(old)))
    untouched = all(i2 <= start or i1 >= end for i1, i2, _j1, _j2 in edit.changes)
    new_start, new_end = edit.start(start), edit.end(end)
    assert 0 <= new_start <= len(new) and 0 <= new_end <= len(new)
    if untouched and start < end:
        assert new[new_start:new_end] == old[start:end]


def test_text_typed_at_either_end_of_a_range_stays_outside_it() -> None:
    old = "the dam is safe"
    edit = TextEdit.between(old, "so the dam is safe now")
    assert (edit.start(4), edit.end(15)) == (7, 18)
    edit = TextEdit.between(old, "the old dam is safe")
    assert (edit.start(4), edit.end(15)) == (8, 19)


def test_a_long_section_typed_in_once_is_one_small_change() -> None:
    old = "The dam held. " * 4000  # 56,000 characters
    new = old[:30_000] + "Engineers said so. " + old[30_000:]
    assert TextEdit.between(old, new).changes == ((30_000, 30_000, 30_000, 30_019),)


def test_a_rewrite_too_long_to_compare_word_by_word_is_one_change() -> None:
    old = " ".join(f"w{i}w" for i in range(WORD_DIFF_LIMIT))
    new = " ".join(f"v{i}v" for i in range(WORD_DIFF_LIMIT))
    assert TextEdit.between(old, new).changes == ((0, len(old), 0, len(new)),)
