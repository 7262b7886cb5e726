"""Citations in note bodies, in pandoc's syntax: [@C12] and [@C12; @C15]."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A bracketed group holding at least one @key; keys are claim keys like C12.
CITATION_GROUP = re.compile(r"\[(?P<inner>[^\[\]]*?@C\d+[^\[\]]*?)\]")
CITATION_KEY = re.compile(r"@(?P<key>C\d+)\b")
# Code is shown as written: a [@C1] inside `code` or a fenced block is text, not a citation.
_CODE = re.compile(r"^(?P<fence>```|~~~).*?(?:^(?P=fence)[^\n]*$|\Z)|`[^`\n]+`", re.M | re.S)


@dataclass(frozen=True)
class Citation:
    """One bracketed citation group in a text: its span and the claim keys it cites."""

    start: int
    end: int
    keys: tuple[str, ...]


def find_citations(text: str) -> list[Citation]:
    """Return every citation group in text, in order.

    >>> find_citations("Three died [@C2; @C5].")
    [Citation(start=11, end=21, keys=('C2', 'C5'))]
    """
    code = (
        [(m.start(), m.end()) for m in _CODE.finditer(text)] if "`" in text or "~" in text else []
    )
    found = []
    # A loop, not a comprehension with a generator per group: an export finds every citation
    # of a note twice (its cited keys, then each section's parse), hundreds of groups a note.
    for m in CITATION_GROUP.finditer(text):
        start = m.start()
        if code and any(a <= start < b for a, b in code):
            continue
        # findall of the one group: the keys themselves.
        found.append(Citation(start, m.end(), tuple(CITATION_KEY.findall(m["inner"]))))
    return found


def cited_keys(text: str) -> list[str]:
    """Return the claim keys cited in text, each once, in order of first citation."""
    seen: dict[str, None] = {}
    for citation in find_citations(text):
        for key in citation.keys:
            seen.setdefault(key, None)
    return list(seen)


def rekey_citations(text: str, keys: dict[str, str]) -> str:
    """Return text with each cited key that keys maps replaced by its mapping, code left as is.

    >>> rekey_citations("Died [@C2; @C5]. `[@C2]`", {"C2": "C14"})
    'Died [@C14; @C5]. `[@C2]`'
    """
    if not keys:
        return text
    parts: list[str] = []
    done = 0
    for citation in find_citations(text):
        group = CITATION_KEY.sub(
            lambda k: "@" + keys.get(k["key"], k["key"]), text[citation.start : citation.end]
        )
        parts += [text[done : citation.start], group]
        done = citation.end
    return "".join([*parts, text[done:]])


# Where a rendered citation links to: the preview opens the claim when the link is clicked.
CLAIM_LINK_PREFIX = "briefing:claim/"
_CLAIM_KEY = re.compile(r"C\d+")


def claim_link(keys: tuple[str, ...] | list[str]) -> str:
    """Return the link a rendered citation group points at.

    >>> claim_link(("C1", "C12"))
    'briefing:claim/C1,C12'
    """
    return CLAIM_LINK_PREFIX + ",".join(keys)


def claim_link_keys(link: str) -> list[str]:
    """Return the claim keys a citation link points at; [] for any other link.

    >>> claim_link_keys("briefing:claim/C1,evil,C12"), claim_link_keys("https://e.org/claim/C1")
    (['C1', 'C12'], [])
    """
    if not link.startswith(CLAIM_LINK_PREFIX):
        return []
    return [k for k in link.removeprefix(CLAIM_LINK_PREFIX).split(",") if _CLAIM_KEY.fullmatch(k)]
