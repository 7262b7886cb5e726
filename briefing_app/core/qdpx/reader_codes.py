"""What a project's codes mean in Briefing: a claim attribute, or a tag of some kind.

A code under one of our attribute parents ("Claim kind", "Claim status", "Credibility",
"Party", see mapping.py) sets that attribute of the claims it codes. Any other code is a tag.
Its kind comes from the nearest ancestor named "Tags: <kind>" (our own exports) or named like
a tag kind ("Place", "Places", "Actors"...); without one it is a topic. ATLAS.ti writes a
hierarchy into a name ("Parent::Child"): its parts count as ancestors. The ancestors between
the kind and the code (or all of them, for a topic) are kept in the tag's name as a path,
"Parent / Child", so two codes "Child" under different parents stay two tags, and a search
for either word finds the tag. A code right under one of our own parents is taken by its whole
name, as our export wrote it: a tag or a party may have "::" in its name.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES, TAG_KINDS
from briefing_app.core.qdpx.mapping import (
    CLAIM_KIND_PARENT,
    CLAIM_STATUS_PARENT,
    CREDIBILITY_PARENT,
    PARTY_PARENT,
    TAG_KIND_PREFIX,
)
from briefing_app.core.qdpx.reader_project import Code
from briefing_app.core.records.tags import names_a_tag

PATH_SEPARATOR = " / "
NAME_SEPARATOR = "::"
_ATTRIBUTES = {
    CLAIM_KIND_PARENT: "kind",
    CLAIM_STATUS_PARENT: "status",
    CREDIBILITY_PARENT: "credibility",
    PARTY_PARENT: "party",
}


@dataclass(frozen=True)
class CodeMeaning:
    """A code as Briefing reads it: an attribute value, a tag, or a problem that drops it."""

    name: str
    attribute: str = ""
    value: str = ""
    tag_kind: str = ""
    tag_name: str = ""
    problem: str = ""

    @property
    def tag_ref(self) -> str:
        """Return the kind-qualified tag name ("place:Khatlon") the tag managers take."""
        return f"{self.tag_kind}:{self.tag_name}"


def code_path(codes: dict[str, Code], guid: str) -> list[str]:
    """Return a code's path of names from the top of the codebook, "::" names split.

    >>> codes = {"A": Code("A", "Place", False), "B": Code("B", "Asia::Khatlon", True, "A")}
    >>> code_path(codes, "B")
    ['Place', 'Asia', 'Khatlon']
    """
    names: list[str] = []
    seen: set[str] = set()
    current: str | None = guid
    while current is not None and current in codes and current not in seen:
        seen.add(current)  # a cycle of parents is damage, not a reason to loop
        code = codes[current]
        names[:0] = [p.strip() for p in code.name.split(NAME_SEPARATOR) if p.strip()]
        current = code.parent
    return names


def tag_kind_named(name: str) -> str | None:
    """Return the tag kind a parent's name stands for ("Tags: place", "Places"), or None.

    >>> tag_kind_named("Tags: place"), tag_kind_named("Organisations"), tag_kind_named("Mood")
    ('place', 'organisation', None)
    """
    text = name.strip().lower()
    text = text.removeprefix(TAG_KIND_PREFIX.lower()).strip()
    for candidate in (text, text.removesuffix("s")):
        if candidate in TAG_KINDS:
            return candidate
    return None


def code_meaning(codes: dict[str, Code], guid: str) -> CodeMeaning:
    """Return what coding with this code means for a claim (or a source)."""
    path = code_path(codes, guid)
    if not path:
        return CodeMeaning(guid, problem="the code is not in the codebook")
    shown = NAME_SEPARATOR.join(path)
    code = codes[guid]
    parent = codes.get(code.parent or "")
    if parent is not None and parent.name in _ATTRIBUTES:
        # Our own export: the value is the code's whole name, "::" and all (a party "UN::OCHA").
        return _attribute(
            f"{parent.name}{NAME_SEPARATOR}{code.name}", _ATTRIBUTES[parent.name], code.name
        )
    if parent is not None and parent.name.startswith(TAG_KIND_PREFIX):
        kind = tag_kind_named(parent.name)
        if kind is not None:
            return _tag(shown, kind, code.name)
    if len(path) >= 2 and path[-2] in _ATTRIBUTES:
        return _attribute(shown, _ATTRIBUTES[path[-2]], path[-1])
    kind, rest = "topic", path
    for i in range(len(path) - 2, -1, -1):
        found = tag_kind_named(path[i])
        if found is not None:
            kind, rest = found, path[i + 1 :]
            break
    return _tag(shown, kind, PATH_SEPARATOR.join(rest))


def _tag(shown: str, kind: str, name: str) -> CodeMeaning:
    # A code named "" or "place:" is a tag with no name: reported, never a tag "place:".
    if not names_a_tag(name):
        return CodeMeaning(shown, problem=f"a {kind} tag with no name")
    return CodeMeaning(shown, tag_kind=kind, tag_name=name)


def _attribute(shown: str, attribute: str, value: str) -> CodeMeaning:
    allowed = {"kind": CLAIM_KINDS, "status": CLAIM_STATUSES}.get(attribute)
    if allowed is not None and value.lower() not in allowed:
        return CodeMeaning(
            shown, problem=f"{value!r} is not a claim {attribute} ({', '.join(allowed)})"
        )
    if attribute == "credibility":
        digit = value.strip()[:1]
        if digit not in "123456" or not digit:
            return CodeMeaning(shown, problem=f"credibility {value!r} is not 1 to 6")
        value = digit
    return CodeMeaning(
        shown, attribute=attribute, value=value.lower() if allowed else value.strip()
    )
