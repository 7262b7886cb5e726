"""Analytic checks: named rules over a note and the library that return findings.

>>> from briefing_app.core.checks import run_checks
"""

from __future__ import annotations

from briefing_app.core.checks.base import CheckProfile, Finding, Rule, all_rules
from briefing_app.core.checks.runner import CheckReport, run_checks

__all__ = ["CheckProfile", "CheckReport", "Finding", "Rule", "all_rules", "run_checks"]
