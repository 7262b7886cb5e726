"""Selection positions from other tools, mapped onto the text as Briefing stores it.

REFI-QDA counts a selection in Unicode code points of the source's text (§10.2), from 0, and
its end is exclusive in the schema's examples; tools differ. Some count an end inclusively,
some count in text whose CRLF line ends they already turned into LF, some count the byte-order
mark as a character. The selections' `name` (usually the selected text, or its opening) tells
which: each convention is tried and the one under which most names match wins, per source.

Briefing stores a text once normalised (`text.anchors.normalise_text`: no BOM, LF line ends,
NFC), so a position in the tool's text is mapped to the stored text by the stored length of
the text before it.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_app.core.qdpx.mapping import XML_REPLACEMENT
from briefing_app.core.text.anchors import normalise_text

# Positions are mapped from the nearest checkpoint, laid about this far apart.
CHECKPOINT_CHARS = 4096


@dataclass(frozen=True)
class Convention:
    """How a tool counted a selection: in which form of the text, and with which end."""

    text_form: str  # "as is", "LF line ends" or "BOM counted"
    inclusive_end: bool

    def describe(self) -> str:
        """Return the convention in words, for the import report."""
        end = "inclusive" if self.inclusive_end else "exclusive"
        return f"positions in the text {self.text_form}, end {end}"


STANDARD = Convention("as is", inclusive_end=False)
# In order of preference when names cannot decide (the standard's convention first).
CONVENTIONS = (
    STANDARD,
    Convention("as is", inclusive_end=True),
    Convention("LF line ends", inclusive_end=False),
    Convention("LF line ends", inclusive_end=True),
    Convention("BOM counted", inclusive_end=False),
    Convention("BOM counted", inclusive_end=True),
)


def comparable(text: str) -> str:
    """Return text as names are compared with selected text: normalised, outer space trimmed."""
    return normalise_text(text).strip()


def _name_opening(name: str) -> str:
    """Return a name without the ellipsis tools add to a shortened quotation."""
    return comparable(name).removesuffix("…").removesuffix("...").rstrip()


def name_fits(selected: str, name: str) -> bool:
    """Return whether a selection's name is its selected text, or the text's opening.

    >>> name_fits("three workers died", "three workers…"), name_fits("three", "two")
    (True, False)
    """
    got, want = comparable(selected), comparable(name)
    if not want:
        return False
    if got == want or _same_but_replaced(got, want):
        return True
    opening = _name_opening(name)
    return len(opening) >= 8 and got.startswith(opening)


def _same_but_replaced(got: str, want: str) -> bool:
    """Return whether want is got with some characters XML cannot hold written as U+FFFD.

    Our export (mapping.XML_REPLACEMENT) writes a form feed or other control character in a
    name that way; the text file keeps it.
    """
    return (
        XML_REPLACEMENT in want
        and len(got) == len(want)
        and all(w in (g, XML_REPLACEMENT) for g, w in zip(got, want, strict=True))
    )


class TextForms:
    """A source's text as the tool may have counted it, and the map of each to the stored text."""

    def __init__(self, raw: str, *, had_bom: bool = False) -> None:
        self.raw = raw
        self.stored = normalise_text(raw)
        self._forms = {"as is": raw}
        # Only the forms that differ from the text as is are worth a vote.
        if "\r" in raw:
            self._forms["LF line ends"] = raw.replace("\r\n", "\n").replace("\r", "\n")
        if had_bom:
            self._forms["BOM counted"] = "\ufeff" + raw
        self._maps: dict[str, PositionMap] = {}

    def conventions(self) -> list[Convention]:
        """Return the conventions worth trying on this text, the standard's first."""
        return [c for c in CONVENTIONS if c.text_form in self._forms]

    def form(self, convention: Convention) -> str:
        """Return the text the convention counts in."""
        return self._forms[convention.text_form]

    def selected(self, convention: Convention, start: int, end: int) -> str:
        """Return what a selection covers under a convention ('' when outside the text)."""
        text = self.form(convention)
        end += 1 if convention.inclusive_end else 0
        if not 0 <= start < end <= len(text):
            return ""
        return text[start:end]

    def to_stored(self, convention: Convention, start: int, end: int) -> tuple[int, int]:
        """Return a selection's span in the stored text."""
        end += 1 if convention.inclusive_end else 0
        form = convention.text_form
        if form not in self._maps:
            self._maps[form] = PositionMap(self._forms[form])
        positions = self._maps[form]
        return positions.stored(start), positions.stored(end)


def choose_convention(forms: TextForms, selections: Iterable[tuple[int, int, str]]) -> Convention:
    """Return the convention under which most (start, end, name) selections cover their name.

    Without names that decide (no names, or a tie), the standard's convention.
    """
    named = [(s, e, n) for s, e, n in selections if comparable(n)]
    if not named:
        return STANDARD
    candidates = forms.conventions()
    votes: dict[Convention, int] = {}
    for convention in candidates:
        votes[convention] = sum(name_fits(forms.selected(convention, s, e), n) for s, e, n in named)
        if convention == STANDARD and votes[convention] == len(named):
            return STANDARD  # every name fits: no other convention can do better
    best = max(votes.values())
    # The first convention with the most votes: the standard's when it is among them.
    return next(c for c in candidates if votes[c] == best)


class PositionMap:
    """Map code-point positions in a text to positions in its normalised (stored) form.

    >>> PositionMap("\\ufeffa\\r\\nbe\\u0301").stored(6)
    4
    """

    def __init__(self, original: str, *, every: int = CHECKPOINT_CHARS) -> None:
        self._text = original
        # (original position, stored position) at places where normalising the text before and
        # after separately gives the whole: before an ASCII character not ending a CRLF.
        self._checkpoints: list[tuple[int, int]] = [(0, 0)]
        at = every
        while at < len(original):
            cut = self._safe_cut(at, min(len(original), at + every))
            if cut is not None:
                last_orig, last_stored = self._checkpoints[-1]
                stored = last_stored + _stored_length(original[last_orig:cut], last_orig == 0)
                self._checkpoints.append((cut, stored))
            at += every
        self._keys = [c[0] for c in self._checkpoints]

    def _safe_cut(self, start: int, stop: int) -> int | None:
        text = self._text
        for i in range(start, stop):
            ch = text[i]
            if ch.isascii() and not (ch == "\n" and text[i - 1] == "\r"):
                return i
        return None

    def stored(self, position: int) -> int:
        """Return where position (0..len) of the original text falls in the stored text."""
        position = max(0, min(position, len(self._text)))
        index = bisect.bisect_right(self._keys, position) - 1
        orig, stored = self._checkpoints[index]
        return stored + _stored_length(self._text[orig:position], orig == 0)


def _stored_length(chunk: str, at_start: bool) -> int:
    """Return the length of a chunk of text once normalised as stored text is."""
    if at_start and chunk.startswith("\ufeff"):
        chunk = chunk[1:]
    chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
    return len(unicodedata.normalize("NFC", chunk))
