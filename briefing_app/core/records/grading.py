"""Source and information grading scales (Admiralty / NATO system by default)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    """One step of a grading scale: its code and what it means."""

    code: str
    label: str


@dataclass(frozen=True)
class GradingScale:
    """An ordered scale, best grade first."""

    name: str
    grades: tuple[Grade, ...]

    def codes(self) -> list[str]:
        """Return the codes in order, best first."""
        return [g.code for g in self.grades]

    def label(self, code: str) -> str:
        """Return the label for code, or the code itself when the scale does not know it."""
        return next((g.label for g in self.grades if g.code == code), code)


RELIABILITY = GradingScale(
    "Admiralty source reliability",
    (
        Grade("A", "Completely reliable"),
        Grade("B", "Usually reliable"),
        Grade("C", "Fairly reliable"),
        Grade("D", "Not usually reliable"),
        Grade("E", "Unreliable"),
        Grade("F", "Reliability cannot be judged"),
    ),
)

CREDIBILITY = GradingScale(
    "Admiralty information credibility",
    (
        Grade("1", "Confirmed by other sources"),
        Grade("2", "Probably true"),
        Grade("3", "Possibly true"),
        Grade("4", "Doubtful"),
        Grade("5", "Improbable"),
        Grade("6", "Truth cannot be judged"),
    ),
)

# TLP 2.0, least restrictive first; used to compare a note's marking with its sources'.
TLP_ORDER = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
