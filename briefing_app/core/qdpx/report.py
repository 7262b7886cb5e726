"""The report a project import ends with: what was kept, what was changed, what was dropped.

REFI-QDA 1.5 §7 asks an importing tool to show "which elements are discarded, in as much detail
as possible"; the CLI prints this report and `--json` gives it whole.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from briefing_app.core.qdpx.reader_undo import ImportedRecords
from briefing_app.core.text.counts import counted


@dataclass(frozen=True)
class ReportItem:
    """One element of the project and what became of it: `what` names its type."""

    what: str
    name: str
    reason: str


_KEPT = (
    "sources",
    "sources already here",
    "claims",
    "claims already here",
    "relations",
    "relations already here",
    "tags",
    "notes",
    "notes already here",
)


@dataclass
class ImportReport:
    """What importing a project did: counts of what was kept, and each item adjusted or dropped."""

    project: str
    # Every count from the start, so --json has the same keys whatever the project held.
    kept: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_KEPT, 0))
    # Kept, but not as the project had it (re-anchored, a convention detected, a note attached).
    adjusted: list[ReportItem] = field(default_factory=list)
    discarded: list[ReportItem] = field(default_factory=list)
    # What the import made, for `reader_undo.remove_import` (the undo of the import).
    created: ImportedRecords = field(default_factory=ImportedRecords)

    def count(self, key: str, n: int = 1) -> None:
        """Add n to a kept count."""
        self.kept[key] = self.kept.get(key, 0) + n

    def adjust(self, what: str, name: str, reason: str) -> None:
        """Record an element kept in another form, and why."""
        self.adjusted.append(ReportItem(what, name, reason))

    def discard(self, what: str, name: str, reason: str) -> None:
        """Record an element dropped, and why."""
        self.discarded.append(ReportItem(what, name, reason))

    def line(self) -> str:
        """Return the one-line summary."""
        kept = ", ".join(counted(n, k) for k, n in self.kept.items() if n) or "nothing"
        return (
            f"Imported {self.project}: {kept}; {len(self.adjusted)} adjusted, "
            f"{len(self.discarded)} discarded"
        )

    def lines(self) -> list[str]:
        """Return the summary, then one line per adjusted and discarded element."""
        out = [self.line()]
        out += [f"adjusted {i.what} {_short(i.name)}: {i.reason}" for i in self.adjusted]
        out += [f"discarded {i.what} {_short(i.name)}: {i.reason}" for i in self.discarded]
        return out

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing qdpx import --json`."""
        data = asdict(self)
        # Names a script can use as they are (`.kept.sources_already_here` in jq).
        data["kept"] = {key.replace(" ", "_"): n for key, n in self.kept.items()}
        data["created"] = self.created.to_json()
        return data


def _short(name: str, limit: int = 60) -> str:
    flat = " ".join(name.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
