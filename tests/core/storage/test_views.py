"""The library is plain SQLite: someone with the `sqlite-utils` command line sees well-named views
of claims with their sources and of sources with their counts, even while the app has it open."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from briefing_app.core.library import Library


def _sqlite_utils(*args: str) -> Any:
    result = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_sqlite_utils_reads_claims_with_their_sources_while_the_library_is_open(
    demo_lib: Library,
) -> None:
    assert demo_lib.path is not None
    path = str(demo_lib.path)
    source = demo_lib.sources.all()[0]
    demo_lib.sources.update(source.id, reliability="B")
    claim = demo_lib.claims.all()[0]
    demo_lib.claims.update(claim.id, credibility=2)

    views = {v["view"] for v in _sqlite_utils("views", path)}
    assert {"claims_with_sources", "sources_with_counts"} <= views

    rows = _sqlite_utils("rows", path, "claims_with_sources")
    assert len(rows) == len(demo_lib.claims.all())
    row = next(r for r in rows if r["key"] == claim.key)
    assert row["grade"] == "B2"
    assert (row["quote"], row["party"]) == (claim.quote, claim.party)
    assert row["source_title"] == source.title
    assert sorted(filter(None, (row["tags"] or "").split(", "))) == sorted(claim.tags)

    (listed,) = _sqlite_utils("rows", path, "sources_with_counts")
    assert (listed["title"], listed["reliability"]) == (source.title, "B")
    assert listed["claims"] == len(rows)
    assert listed["characters"] == len(demo_lib.sources.get(source.id).text)
    # Reading it took no lock the app would notice: it still writes at once.
    demo_lib.claims.update(claim.id, status="corroborated")
    assert demo_lib.claims.get(claim.id).status == "corroborated"
