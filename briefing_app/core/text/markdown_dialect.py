"""Markdown dialect fixes shared by the exporters and the live preview.

Python-Markdown nests a list only under four spaces of indentation, but writers (and CommonMark,
pandoc, GitHub) nest under the item's text column: three spaces under "1. ", two under "- ".
`normalize_list_indent` re-indents list content to Python-Markdown's four spaces per level, so
"2. Second\\n   - nested" is a nested bullet and not the words "- nested" run into item 2.

`~~text~~` is strikethrough, as in pandoc and GitHub; Python-Markdown has no rule for it, so
`add_strikethrough` registers a small inline rule that makes a <del> element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# A list marker Python-Markdown knows ("-", "*", "+", "1."), then at least one space and text.
_MARKER = re.compile(r"^( *)([-*+]|\d+\.)( +)(?=\S)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?: |$)")
_TAB = 4

# Two tildes, text that neither starts nor ends with a space or a tilde, two tildes: so
# "~500 to ~600" and "~~ spaced ~~" stay literal; a backslash before a tilde keeps it literal.
_STRIKE = r"(?<!~)(~~)(?=[^\s~])(.+?)(?<=[^\s~])~~(?!~)"
# Above emphasis (50) and below escapes and code (180, 190): *emphasis* inside ~~a strike~~
# still applies, and `~~code~~` or \~~ stays literal.
_STRIKE_PRIORITY = 65


def add_strikethrough(md: Any) -> None:
    """Teach a Python-Markdown instance ~~strikethrough~~ (a <del> element) and the \\~ escape."""
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    if "~" not in md.ESCAPED_CHARS:
        md.ESCAPED_CHARS.append("~")
    md.inlinePatterns.register(SimpleTagInlineProcessor(_STRIKE, "del"), "strike", _STRIKE_PRIORITY)


@dataclass(frozen=True, slots=True)
class _Item:
    content: int  # the column the item's text starts at in the source


def normalize_list_indent(text: str) -> str:
    """Return text with list items nested by their text column re-indented to 4 spaces a level."""
    if "\t" in text:
        text = text.expandtabs(_TAB)
    lines = text.split("\n")
    out: list[str] = []
    stack: list[_Item] = []
    previous = ""  # the previous source line
    for line in lines:
        if not line.strip():
            out.append(line)
            previous = line
            continue
        indent = len(line) - len(line.lstrip(" "))
        marker = _MARKER.match(line)
        after_blank = not previous.strip()
        if marker and (stack or after_blank or _HEADING.match(previous)):
            if not stack and indent >= _TAB:
                out.append(line)  # an indented code block, not a list
                previous = line
                continue
            # A marker inside an item's text column is that item's child; otherwise a sibling
            # of the innermost item it does reach (or the start of a new list).
            while stack and indent < stack[-1].content:
                stack.pop()
            spaces = len(marker[3])
            width = len(marker[2]) + (spaces if spaces <= _TAB else 1)
            out.append(" " * (_TAB * len(stack)) + line[indent:])
            stack.append(_Item(indent + width))
        elif stack and not after_blank:
            if _HEADING.match(line):
                stack.clear()  # a heading ends the list, as Python-Markdown reads it
                out.append(line)
            elif indent >= stack[-1].content:
                # A continuation line of the innermost item's paragraph: inside its column.
                out.append(" " * (_TAB * len(stack)) + line[indent:])
            else:
                out.append(line)  # a lazy continuation line: Markdown reads it as it stands
        elif stack:
            # After a blank line: a paragraph (or code, indented further) of the innermost item
            # whose text column the line reaches; extra indentation beyond the column is kept.
            while stack and indent < stack[-1].content:
                stack.pop()
            if stack:
                extra = indent - stack[-1].content
                out.append(" " * (_TAB * len(stack) + extra) + line[indent:])
            else:
                out.append(line)
        else:
            out.append(line)
        previous = line
    return "\n".join(out)
