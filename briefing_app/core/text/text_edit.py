"""Where offsets into a text land after the text was edited: a word diff of old → new.

A review comment is anchored to a range of a note section by offsets; when the section is
typed in, `TextEdit.between(old, new)` says which stretches changed, and `start`/`end` move a
range's ends over them (as a word processor keeps a comment on its words).

The work is bounded for long sections: the common head and tail are cut off first (typing
changes one place, so only a few characters remain), and what remains is compared paragraph
by paragraph, then sentence by sentence, and only then word by word inside the stretches
that differ; no comparison at any level runs over more than `DIFF_LIMIT` pairs of pieces (a
stretch above it is taken as one change).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

# A word, a run of whitespace, or one other character: a comment's end stays at a full stop.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
# Above this many pairs of pieces (old × new), a stretch is taken as one change: a comparison
# costs up to the product of its pieces' counts, more where pieces repeat ("the", ",", spaces,
# a line typed a thousand times), and it runs inside the save's transaction.
DIFF_LIMIT = 1_000_000


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _sentences(text: str) -> list[str]:
    parts, at = [], 0
    for m in _SENTENCE_END.finditer(text):
        parts.append(text[at : m.end()])
        at = m.end()
    if at < len(text):
        parts.append(text[at:])
    return parts


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


# Coarse to fine: each level compares the pieces of the one before that differ.
_LEVELS: tuple[Callable[[str], list[str]], ...] = (_lines, _sentences, _tokens)

# A changed stretch: (old start, old end, new start, new end).
Change = tuple[int, int, int, int]


@dataclass(frozen=True)
class TextEdit:
    """The stretches of a text an edit changed, in order; between them the text is the same.

    >>> edit = TextEdit.between("the dam is safe", "so the dam is safe")
    >>> edit.start(4), edit.end(15)
    (7, 18)
    """

    changes: tuple[Change, ...]

    @classmethod
    def between(cls, old: str, new: str) -> TextEdit:
        """Return the edit that turns old into new."""
        changes: list[Change] = []
        _diff(old, new, 0, 0, 0, changes)
        return cls(tuple(changes))

    def start(self, at: int) -> int:
        """Return where the start of a range at `at` lands: after text inserted just there,
        at the start of what replaced the character at `at`."""
        k = bisect_right(
            self._old_ends, at
        )  # changes wholly before at (insertions at at among them)
        if k < len(self.changes) and self.changes[k][0] <= at:
            return self.changes[k][2]
        return self._shifted(at, k)

    def end(self, at: int) -> int:
        """Return where the end of a range at `at` lands: before text inserted just there,
        at the end of what replaced the character before `at`."""
        k = bisect_left(self._old_ends, at)  # changes ending before at
        if k < len(self.changes) and self.changes[k][0] < at:
            return self.changes[k][3]
        return self._shifted(at, k)

    def point(self, at: int) -> int:
        """Return where a point (an empty range) lands: before text inserted there."""
        return min(self.start(at), self.end(at))

    def kept(self, old: str, start: int, end: int) -> bool:
        """Whether a letter or digit of old[start:end] is still there (not deleted or replaced).

        Spaces and punctuation count only in a range of nothing else: words replaced by others
        are gone even if the space between them stayed.

        >>> TextEdit.between("dam is safe.", "bridge holds.").kept("dam is safe.", 0, 11)
        False
        """
        wordy = _has_word_char(old, start, end)
        at = start
        first = bisect_right(self._old_ends, start)
        for i1, i2, _j1, _j2 in self.changes[first:]:
            if i1 >= end:
                break
            if _still_there(old, at, i1, wordy):
                return True
            at = max(at, i2)
        return _still_there(old, at, end, wordy)

    def deleted_at(self, old: str, start: int, end: int) -> int | None:
        """Return where old[start:end] was deleted, if a deletion can be read as taking all of
        it; else None.

        A deletion can often be placed more than one way ("a drone against a town" less
        "a drone against " or less "drone against a "): the diff picks one, and the words a
        range is on decide between them.

        >>> TextEdit.between("and a drone against a town", "and a town").deleted_at(
        ...     "and a drone against a town", 4, 19)
        4
        """
        for n, (i1, i2, j1, j2) in enumerate(self.changes):
            if j1 != j2 or i1 > end or i2 < start:
                continue
            # How far it can slide while deleting the same text, not into another change, and
            # no further than covering the range needs (so at most its length).
            low = max(self.changes[n - 1][1] if n else 0, i1 - max(0, i2 - end))
            high = min(
                self.changes[n + 1][0] if n + 1 < len(self.changes) else len(old),
                i2 + max(0, start - i1),
            )
            left = 0
            while i1 - left > low and old[i1 - left - 1] == old[i2 - left - 1]:
                left += 1
            right = 0
            while i2 + right < high and old[i1 + right] == old[i2 + right]:
                right += 1
            # Slid k to the left (negative: right), it takes [i1 - k, i2 - k).
            k = max(i1 - start, -right)
            if k <= min(i2 - end, left):
                return j1 - k
        return None

    def near(self, at: int, reach: int) -> list[Change]:
        """Return the changes within reach characters of offset at of the old text."""
        return [c for c in self.changes if c[0] <= at + reach and c[1] >= at - reach]

    @cached_property
    def _old_ends(self) -> list[int]:
        return [c[1] for c in self.changes]

    def _shifted(self, at: int, before: int) -> int:
        if before == 0:
            return at
        _i1, i2, _j1, j2 = self.changes[before - 1]
        return at - i2 + j2


def _has_word_char(text: str, start: int, end: int) -> bool:
    return start < end and any(ch.isalnum() for ch in text[start:end])


def _still_there(text: str, start: int, end: int, wordy: bool) -> bool:
    """Whether text[start:end], left by an edit, holds what kept() counts."""
    return _has_word_char(text, start, end) if wordy else start < end


def common_head(a: str, b: str) -> int:
    """Return how many characters a and b share at their start (slices compared in C).

    >>> common_head("the dam held", "the damaged dam")
    7
    """
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _word_start(old: str, new: str, head: int) -> int:
    """Return head moved back to the start of the word it splits, in old or new.

    "the dam" → "the damaged dam" share "the dam", but the word typed is "damaged": a split
    inside a word would put the typed letters after "dam", inside a range on it.
    """
    while head > 0 and old[head - 1].isalnum() and (_alnum_at(old, head) or _alnum_at(new, head)):
        head -= 1
    return head


def _word_end(old: str, new: str, head: int, tail: int) -> int:
    """Return tail (shared by old[head:] and new[head:] at their ends) shortened to a word's
    end, as _word_start does for the head."""
    while tail > 0:
        at_old, at_new = len(old) - tail, len(new) - tail
        if not (
            old[at_old].isalnum()
            and (_alnum_at(old, at_old - 1, head) or _alnum_at(new, at_new - 1, head))
        ):
            break
        tail -= 1
    return tail


def _alnum_at(text: str, at: int, low: int = 0) -> bool:
    return low <= at < len(text) and text[at].isalnum()


def _diff(old: str, new: str, at_old: int, at_new: int, level: int, out: list[Change]) -> None:
    """Append the changes turning old into new (found at at_old, at_new) to out."""
    if old == new:
        return
    # What the two share at their ends is unchanged: typing (or a word replaced) in one place
    # leaves a few characters to compare.
    head = _word_start(old, new, common_head(old, new))
    tail = _word_end(old, new, head, common_head(old[head:][::-1], new[head:][::-1]))
    old, new = old[head : len(old) - tail], new[head : len(new) - tail]
    at_old, at_new = at_old + head, at_new + head
    whole = (at_old, at_old + len(old), at_new, at_new + len(new))
    if not old or not new:
        out.append(whole)
        return
    a, b = _LEVELS[level](old), _LEVELS[level](new)
    if len(a) == 1 == len(b) and level == len(_LEVELS) - 1:
        out.append(whole)  # one word each
        return
    last = level == len(_LEVELS) - 1
    if not last and len(a) == 1 and len(b) == 1:
        _diff(old, new, at_old, at_new, level + 1, out)  # one piece each: look closer
        return
    if len(a) * len(b) > DIFF_LIMIT:
        out.append(whole)
        return
    offsets_a, offsets_b = _offsets(a), _offsets(b)
    # No junk: with spaces as junk every match is one word long and a repeated word made the
    # comparison cubic (600 "a "s took seconds).
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start_a, end_a = offsets_a[i1], offsets_a[i2]
        start_b, end_b = offsets_b[j1], offsets_b[j2]
        if last:
            out.append((at_old + start_a, at_old + end_a, at_new + start_b, at_new + end_b))
        elif i2 - i1 == j2 - j1:
            # As many paragraphs (sentences) on both sides: each was edited in place (a
            # replace across the section), so each is compared with its own, word by word.
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                _diff(a[i], b[j], at_old + offsets_a[i], at_new + offsets_b[j], level + 1, out)
        else:
            _diff(
                old[start_a:end_a], new[start_b:end_b], at_old + start_a, at_new + start_b,
                level + 1, out,
            )  # fmt: skip


def _offsets(pieces: list[str]) -> list[int]:
    """Return where each piece starts in their concatenation, and its length last."""
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    return offsets
