"""What a check is (a named rule), what it returns (findings) and what it reads (the context)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing_app.core.records.grading import TLP_ORDER

if TYPE_CHECKING:
    from briefing_app.core.checks.document import NoteText
    from briefing_app.core.library import Library
    from briefing_app.core.models import Claim, Note, Source

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class SectionLimits:
    """A template's limits for one section; None means no limit."""

    max_words: int | None = None
    max_sentences: int | None = None
    max_sentence_words: int | None = None
    max_paragraph_sentences: int | None = None
    max_lines: int | None = None


@dataclass(frozen=True)
class CheckProfile:
    """What the checks need to know of a note's template.

    factual: sections where every sentence should cite its evidence.
    assessment: sections holding judgments (estimative language rules apply).
    key_judgments: sections whose judgments (a paragraph or list item, a table's body row)
    must not rest on one source.
    judgments: sections whose evidence, taken together, must not all be one source (a
    template's summary and assessment sections, when it marks no key-judgment section).
    """

    factual: frozenset[str] = frozenset()
    assessment: frozenset[str] = frozenset()
    key_judgments: frozenset[str] = frozenset()
    judgments: frozenset[str] = frozenset()
    limits: dict[str, SectionLimits] = field(default_factory=dict)
    marking_order: tuple[str, ...] = TLP_ORDER
    default_marking: str = ""
    disabled: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Finding:
    """One problem found in a note: which rule, how serious, where, and what to do."""

    rule: str
    severity: str
    section: str
    start: int
    end: int
    message: str
    fix: str = ""
    excerpt: str = ""

    @property
    def fingerprint(self) -> str:
        """Return a short id that survives edits elsewhere in the note (for dismissals)."""
        raw = f"{self.rule}\x00{self.section}\x00{' '.join(self.excerpt.split()).casefold()}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]

    def passage(self, note: Note) -> str:
        """Return the note's words the finding is about: its excerpt when the note holds it,
        else the text at its place (an excerpt like "C7@6" identifies, it is not text)."""
        excerpt = " ".join(self.excerpt.split())
        section = note.section(self.section)
        body = section.body if section is not None else ""
        if excerpt and excerpt in " ".join(body.split()):
            return excerpt
        text = body[self.start : self.end] if 0 <= self.start < self.end <= len(body) else ""
        return " ".join(text.split()) or excerpt

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing check --json`."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "fix": self.fix,
            "excerpt": self.excerpt,
            "fingerprint": self.fingerprint,
        }


@dataclass
class CheckContext:
    """Everything a rule reads: the note parsed into sentences, cited claims and their sources."""

    lib: Library
    note: Note
    profile: CheckProfile
    text: NoteText
    claims: dict[str, Claim]
    sources: dict[int, Source]
    _source_texts: dict[int, str] = field(default_factory=dict)
    # What several rules of a family read and is costly to make (an ACH matrix), made once.
    memo: dict[str, Any] = field(default_factory=dict)

    def source_text(self, source_id: int) -> str:
        """Return a cited source's full text, loaded once."""
        if source_id not in self._source_texts:
            self._source_texts[source_id] = self.lib.sources.get(source_id).text
        return self._source_texts[source_id]


RuleFn = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A named, documented check."""

    id: str
    title: str
    description: str
    fn: RuleFn

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield this rule's findings on the note in ctx."""
        yield from self.fn(ctx)


_RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str) -> Callable[[RuleFn], RuleFn]:
    """Register fn as the rule rule_id; its docstring is the rule's description."""

    def register(fn: RuleFn) -> RuleFn:
        _RULES[rule_id] = Rule(rule_id, title, (fn.__doc__ or "").strip(), fn)
        return fn

    return register


def all_rules() -> list[Rule]:
    """Return every registered rule, in a stable order."""
    # Importing the rule modules registers them.
    from briefing_app.core.checks import (  # noqa: F401
        attribution,
        citation_rules,
        competing_hypotheses,
        completeness,
        corroboration,
        estimative,
        evidence,
        length,
        markings,
        traceability,
    )

    return [_RULES[k] for k in sorted(_RULES)]
