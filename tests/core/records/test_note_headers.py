"""The notes list reads headers only, in the same order as the full notes."""

from __future__ import annotations

from briefing_app.core.library import Library


def test_headers_list_every_note_most_recently_changed_first(demo_lib: Library) -> None:
    demo = demo_lib.notes.all()[0]
    newer = demo_lib.notes.create("Pipeline outlook", "policy-memo", [("summary", "Text.")])
    demo_lib.notes.update(demo.id, status="in review")

    headers = demo_lib.notes.headers()

    # The same notes in the same order as the full read (modified time, then newest id).
    assert [h.id for h in headers] == [n.id for n in demo_lib.notes.all()]
    assert {h.id for h in headers} == {demo.id, newer.id}
    first = next(h for h in headers if h.id == demo.id)
    assert (first.title, first.template, first.status, first.marking) == (
        demo.title,
        demo.template,
        "in review",
        demo.marking,
    )
