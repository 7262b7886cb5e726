"""The fast GUIDs of an export are exactly the shared mapping's, so the importer finds them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.qdpx.guids import stable_guid
from briefing_app.core.qdpx.mapping import guid_for


@given(st.sampled_from(["source", "claim", "coding", "tag", "note"]), st.text())
def test_stable_guid_is_guid_for(kind: str, uid: str) -> None:
    assert stable_guid(kind, uid) == guid_for(kind, uid)
