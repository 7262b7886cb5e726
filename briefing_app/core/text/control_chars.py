"""Control characters a note's text may not hold: C0 controls other than tab and line breaks."""

from __future__ import annotations

import re

from briefing_app.core.errors import InvalidInput

# Word's manual line break, a vertical tab: Shift+Enter in the section editor stores it, and a
# review copy's w:br reads back as it. A line break within a paragraph, wherever text goes out.
MANUAL_BREAK = "\x0b"
_MANUAL_BREAK_SPACED = re.compile(f" *{MANUAL_BREAK} *")

# Tab, line feed, carriage return and the vertical tab (Word's manual line break, which its
# copies carry; notes stored before this rule may hold it, and every export stays a valid file
# with it, test_export_robust) are text; the rest of C0 (NUL above all, which SQLite tools and
# Word cut text at) is binary debris from a paste or a file, never typing.
_CONTROL = re.compile(r"[\x00-\x08\x0c\x0e-\x1f]")


def check_no_control_chars(text: str, what: str) -> None:
    """Refuse text holding a C0 control character other than a tab or a line break.

    >>> check_no_control_chars("a\\tb\\nc", "the section 'bluf'")
    >>> check_no_control_chars("a\\x00b", "the section 'bluf'")
    Traceback (most recent call last):
    ...
    briefing_app.core.errors.InvalidInput: the section 'bluf' holds a control character \
(U+0000 at character 2): only tabs and line breaks may be in it
    """
    found = _CONTROL.search(text)
    if found is not None:
        raise InvalidInput(
            f"{what} holds a control character (U+{ord(found.group()):04X} at character "
            f"{found.start() + 1}): only tabs and line breaks may be in it"
        )


def without_control_chars(text: str) -> str:
    """Return text with the control characters a note may not hold removed (for a paste).

    >>> without_control_chars("page one\\x0cpage two\\x0bline\\x00")
    'page one\\npage two\\nline'
    """
    # A form feed (a PDF viewer's page break) or a vertical tab (Word's line break) parts lines:
    # a line break keeps them apart in the editor; the rest is debris.
    return _CONTROL.sub("", re.sub(r"[\x0b\x0c]", "\n", text))


def manual_breaks_as(text: str, line_break: str = "\n") -> str:
    """Return text with each manual line break, and the spaces around it, as line_break.

    >>> manual_breaks_as("Convoy stopped \\x0b Road shut.", "  \\n")
    'Convoy stopped  \\nRoad shut.'
    """
    if MANUAL_BREAK not in text:
        return text
    return _MANUAL_BREAK_SPACED.sub(line_break, text)
