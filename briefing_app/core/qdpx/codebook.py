"""The codebook of an exported project: tags under their kinds, and claim attributes as codes.

Tags hang under one non-codable parent per tag kind ("Tags: place"); the claim attributes
under the four attribute parents of mapping.py, one child per value: every claim kind, status
and credibility grade, and each party the exported claims name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES, TAG_KINDS, Claim, Tag
from briefing_app.core.qdpx.mapping import (
    CLAIM_KIND_PARENT,
    CLAIM_STATUS_PARENT,
    CREDIBILITY_PARENT,
    PARTY_PARENT,
    TAG_KIND_PREFIX,
    guid_for,
)
from briefing_app.core.records.grading import CREDIBILITY


@dataclass
class Code:
    """One code of the codebook, with its children."""

    guid: str
    name: str
    codable: bool
    description: str = ""
    children: list[Code] = field(default_factory=list)


@dataclass
class CodeBook:
    """The code tree, and the code GUID for each tag and attribute value."""

    codes: list[Code]
    tags: dict[tuple[str, str], str]  # (kind, name) -> GUID, in codebook order
    attributes: dict[tuple[str, str], str]  # (parent name, value) -> GUID
    _rank: dict[tuple[str, str], int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rank = {key: n for n, key in enumerate(self.tags)}

    def count(self) -> int:
        """Return how many codes the tree holds, parents included."""

        def size(codes: list[Code]) -> int:
            return sum(1 + size(c.children) for c in codes)

        return size(self.codes)

    def claim_codes(self, claim: Claim) -> list[str]:
        """Return the GUIDs of the codes a claim's selection is coded with, tags first."""
        guids = self._in_codebook_order(_split_ref(ref) for ref in claim.tag_refs)
        guids += [
            self.attributes[(CLAIM_KIND_PARENT, claim.kind)],
            self.attributes[(CLAIM_STATUS_PARENT, claim.status)],
            self.attributes[(CREDIBILITY_PARENT, str(claim.credibility))],
        ]
        if claim.party:
            guids.append(self.attributes[(PARTY_PARENT, claim.party)])
        return guids

    def tag_codes(self, tags: Iterable[Tag]) -> list[str]:
        """Return the GUIDs of the codes for tags (a source's own tags)."""
        return self._in_codebook_order((t.kind, t.name) for t in tags)

    def _in_codebook_order(self, tags: Iterable[tuple[str, str]]) -> list[str]:
        # The order a coder sees the codes in, so a selection's codings read the same way.
        return [self.tags[key] for key in sorted(tags, key=self._rank.__getitem__)]


def build_codebook(tags: Iterable[Tag], claims: Iterable[Claim]) -> CodeBook:
    """Return the codebook for these tags and the values these claims hold.

    Every claim kind, status and grade is a code, used or not (a coder may want them); a value
    a claim holds outside the vocabulary (a library edited by hand) is one more, not lost.

    >>> from briefing_app.core.models import Claim, Tag
    >>> said = Claim(1, "c1", "C1", 1, 0, 4, "said", party="Tajik authorities")
    >>> book = build_codebook([Tag(1, "t1", "Khatlon", "place")], [said])
    >>> [(c.name, [k.name for k in c.children][:2]) for c in book.codes]  # doctest: +NORMALIZE_WHITESPACE
    [('Tags: place', ['Khatlon']), ('Claim kind', ['reported fact', 'allegation']),
     ('Claim status', ['unverified', 'corroborated']), ('Credibility', ['1', '2']),
     ('Party', ['Tajik authorities'])]
    """  # noqa: E501
    by_kind: dict[str, list[Tag]] = {}
    for tag in tags:
        by_kind.setdefault(tag.kind, []).append(tag)
    # The known kinds in their usual order; a kind this version does not know after them.
    kinds = [k for k in TAG_KINDS if k in by_kind] + sorted(set(by_kind) - set(TAG_KINDS))
    codes: list[Code] = []
    tag_guids: dict[tuple[str, str], str] = {}
    for kind in kinds:
        parent = Code(guid_for("tag-kind", kind), f"{TAG_KIND_PREFIX}{kind}", codable=False)
        for tag in sorted(by_kind[kind], key=lambda t: (t.name.casefold(), t.name)):
            guid = guid_for("tag", tag.uid)
            tag_guids[(tag.kind, tag.name)] = guid
            parent.children.append(Code(guid, tag.name, codable=True))
        codes.append(parent)

    claims = list(claims)
    grades = [(g.code, g.label) for g in CREDIBILITY.grades]
    values = (
        (CLAIM_KIND_PARENT, "claim-kind", _values(CLAIM_KINDS, (c.kind for c in claims))),
        (CLAIM_STATUS_PARENT, "claim-status", _values(CLAIM_STATUSES, (c.status for c in claims))),
        (CREDIBILITY_PARENT, "credibility", _graded(grades, (c.credibility for c in claims))),
        (PARTY_PARENT, "party", _values((), (c.party for c in claims if c.party))),
    )
    attributes: dict[tuple[str, str], str] = {}
    for parent_name, kind, children in values:
        parent = Code(guid_for("attribute", parent_name), parent_name, codable=False)
        for value, description in children:
            guid = guid_for(kind, value)
            attributes[(parent_name, value)] = guid
            parent.children.append(Code(guid, value, codable=True, description=description))
        codes.append(parent)
    return CodeBook(codes, tag_guids, attributes)


def _values(known: Iterable[str], held: Iterable[str]) -> list[tuple[str, str]]:
    """Return the known values in order, then those held beyond them by name (no description)."""
    known = list(known)
    extra = sorted(set(held) - set(known), key=lambda v: (v.casefold(), v))
    return [(v, "") for v in [*known, *extra]]


def _graded(grades: list[tuple[str, str]], held: Iterable[int]) -> list[tuple[str, str]]:
    """Return the scale's grades with their labels, then any other grade a claim holds."""
    codes = {code for code, _ in grades}
    extra = sorted({str(g) for g in held} - codes, key=lambda v: (len(v), v))
    return [*grades, *((v, "") for v in extra)]


def _split_ref(ref: str) -> tuple[str, str]:
    """Split a claim's tag ref "kind:name" as Claim.tag_refs writes it (kind first, exact)."""
    kind, _, name = ref.partition(":")
    return kind, name
