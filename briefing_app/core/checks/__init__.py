"""Analytic checks: named rules over a note and the library that return findings.

>>> from briefing_app.core.checks import run_checks
"""

from __future__ import annotations

from briefing_app.core.checks.base import CheckProfile, Finding, Rule, all_rules
from briefing_app.core.checks.runner import CheckFailed, CheckReport, gate_export, run_checks

__all__ = [
    "CheckFailed",
    "CheckProfile",
    "CheckReport",
    "Finding",
    "Rule",
    "all_rules",
    "gate_export",
    "run_checks",
]
