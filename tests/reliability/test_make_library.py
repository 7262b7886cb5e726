"""benchmarks/make_library.py keeps working: a tiny synthetic library is sound and realistic."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from briefing_app.core.library import Library

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "make_library.py"


def load_script() -> ModuleType:
    """Import benchmarks/make_library.py (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_library", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_library", module)
    spec.loader.exec_module(module)
    return module


def test_a_small_synthetic_library_has_sources_claims_tags_and_citing_notes(
    library_path: Path,
) -> None:
    counts = load_script().build(library_path, 30)
    assert counts == {"sources": 30, "claims": 300, "notes": 1}
    with Library.open(library_path, backup=False) as lib:
        sources = [lib.sources.get(s.id) for s in lib.sources.all()]  # all() omits text
        assert all(3000 <= len(s.text) <= 8500 for s in sources)
        assert len({s.text[:200] for s in sources}) == 30  # varied, not one text repeated
        claims = lib.claims.all()
        assert all(lib.sources.get(c.source_id).text[c.start : c.end] == c.quote for c in claims)
        note = lib.notes.all()[0]
        cited = lib.notes.cited_keys(note)
        assert len(cited) == 20
        assert set(lib.claims.by_keys(cited)) == set(cited)
        assert lib.tags.all()
