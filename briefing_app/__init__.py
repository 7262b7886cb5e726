"""Briefing: a desktop briefing-note editor for analysts."""

from __future__ import annotations

__version__ = "0.1.0"
