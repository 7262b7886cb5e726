"""The export tests' demo: the sample library with event dates an analyst has entered.

The demo itself dates no claim (its article names no date, only "last week", and has no
publication day: see seeds/demo.yaml). The chronology annexes need dated claims, so these
tests enter the dates an analyst would once the report's day is known (published 3 December
2025: "last week" is 26 November; the statements dated to the month), at every precision the
annexes print.
"""

from __future__ import annotations

import pytest

from briefing_app.core.library import Library

# Claim key -> the event date entered for these tests.
EVENT_DATES = {
    "C4": "2025-11-26",
    "C5": "2025-11-26",
    "C6": "2025-11",
    "C7": "2025-11",
    "C9": "2025-11",
}


@pytest.fixture
def demo_lib(lib: Library) -> Library:
    """Return a library holding the demo, its attack and statements dated as above."""
    from briefing_app.core.bundled.demo import build_demo

    build_demo(lib)
    for claim in lib.claims.all():
        if claim.key in EVENT_DATES:
            lib.claims.update(claim.id, event_date=EVENT_DATES[claim.key])
    return lib
