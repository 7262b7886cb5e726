"""TextEdit: the stretches an edit changed, and where offsets land after it."""

from __future__ import annotations

from math import isqrt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.text.text_edit import DIFF_LIMIT, TextEdit
from tests.time_limit import time_limit

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
    # Typed straight after "held" (no space), the change takes the word it is glued to.
    assert TextEdit.between(old, new).changes == ((29_996, 30_000, 29_996, 30_019),)


def test_a_rewrite_too_long_to_compare_word_by_word_is_one_change() -> None:
    words = isqrt(DIFF_LIMIT)  # about twice as many tokens (words and spaces) on each side
    old = " ".join(f"w{i}w" for i in range(words))
    new = " ".join(f"v{i}v" for i in range(words))
    assert TextEdit.between(old, new).changes == ((0, len(old), 0, len(new)),)


@pytest.mark.parametrize(
    ("old", "new", "ranged"),
    [
        ("Police say the dam is safe.", "Police say the damaged dam is safe.", "dam is safe"),
        ("names Smith as the source.", "names Smithson and Smith as the source.", "Smith as"),
        ("the river safe for for", "the river said safe for for", "safe for for"),
    ],
)
def test_a_word_typed_before_words_sharing_its_first_letters_stays_outside_a_range_on_them(
    old: str, new: str, ranged: str
) -> None:
    # The review found "damaged " typed before "dam" read as "aged dam" typed after "dam": a
    # comment on "dam is safe" became one on "damaged dam is safe".
    start = old.index(ranged)
    edit = TextEdit.between(old, new)
    assert new[edit.start(start) : edit.end(start + len(ranged))] == ranged


def test_a_changed_word_is_replaced_whole() -> None:
    old, new = "the dam is safe", "the dam is unsafe"
    edit = TextEdit.between(old, new)
    assert edit.changes == ((11, 15, 11, 17),)
    assert new[edit.start(4) : edit.end(15)] == "dam is unsafe"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a " * 600 + "x", "y " + "a " * 599 + "z"),  # one repeated word: was cubic, 6.7 s
        ("a\nb\n" * 8000, "b\na\n" * 8000),  # repeated lines: quadratic, 13.6 s at 32 KB
        ("A b. C d. " * 8000, "C d. A b. " * 8000),  # repeated sentences: 13.9 s at 80 KB
        ("Alpha one.\nBeta two.\n" * 8000, "Beta two.\nAlpha one.\n" * 8000),  # 15 s
    ],
)
def test_hostile_rewrites_are_compared_in_bounded_time(old: str, new: str) -> None:
    # A section save runs this inside its transaction: the window waits and the library is
    # locked for as long as it takes (the limit is far above the expected tenth of a second).
    with time_limit(10, "comparing the section's old and new text"):
        edit = TextEdit.between(old, new)
    assert edit.changes  # something changed, placed somewhere in both texts
    assert all(
        0 <= i1 <= i2 <= len(old) and 0 <= j1 <= j2 <= len(new) for i1, i2, j1, j2 in edit.changes
    )
