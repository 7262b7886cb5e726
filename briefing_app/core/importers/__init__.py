"""Importers: one module per format behind one interface (see base.py)."""

from __future__ import annotations

from briefing_app.core.errors import DuplicateSource
from briefing_app.core.importers.base import (
    ExtractedDocument,
    extract_file,
    importable_suffixes,
)

__all__ = ["DuplicateSource", "ExtractedDocument", "extract_file", "importable_suffixes"]
