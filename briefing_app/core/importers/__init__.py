"""Importers: one module per format behind one interface (see base.py)."""

from __future__ import annotations

from briefing_app.core.importers.base import (
    DuplicateSource,
    ExtractedDocument,
    extract_file,
    importable_suffixes,
)

__all__ = ["DuplicateSource", "ExtractedDocument", "extract_file", "importable_suffixes"]
