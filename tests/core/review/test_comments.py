"""Review comments: a thread of replies is open or resolved as one; many comments arrive at once
with their threads, and bad input is refused before anything is written."""

from __future__ import annotations

import pytest

from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.library import Library
from briefing_app.core.review.comments import NewComment
from tests.core.exporters.export_helpers import demo_note


def test_a_reply_is_open_or_resolved_with_its_thread(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    top = demo_lib.comments.add(note.id, note.sections[0].key, "Source?")
    reply = demo_lib.comments.reply(top.id, "Added")
    answer = demo_lib.comments.reply(reply.id, "Thanks")
    thread = {top.id, reply.id, answer.id}
    demo_lib.comments.resolve(top.id)
    assert not {c.id for c in demo_lib.comments.all(note.id, resolved=False)} & thread
    assert thread <= {c.id for c in demo_lib.comments.all(note.id, resolved=True)}


def test_many_comments_arrive_at_once_with_replies_under_their_comments(demo_lib: Library) -> None:
    note = demo_lib.notes.all()[0]
    earlier = demo_lib.comments.add(note.id, "summary", "Source?", author="Supervisor")
    ids = demo_lib.comments.add_many(
        note.id,
        [
            NewComment("issue", "Which border?", author="Supervisor", uid="q-1"),
            NewComment("issue", "Tajik-Afghan.", author="Analyst", parent_uid="q-1"),
            NewComment("summary", "The ministry.", author="Analyst", parent_uid=earlier.uid),
        ],
    )
    comments = {c.id: c for c in demo_lib.comments.all(note.id)}
    assert [comments[i].body for i in ids] == ["Which border?", "Tajik-Afghan.", "The ministry."]
    assert comments[ids[1]].parent_id == ids[0]
    assert comments[ids[2]].parent_id == earlier.id


@pytest.mark.parametrize(
    ("bad", "error"),
    [(NewComment("summary", "  "), InvalidInput), (NewComment("nowhere", "Hm"), NotFound)],
)
def test_one_bad_comment_refuses_them_all(
    demo_lib: Library, bad: NewComment, error: type[Exception]
) -> None:
    note = demo_lib.notes.all()[0]
    with pytest.raises(error):
        demo_lib.comments.add_many(note.id, [NewComment("summary", "Fine."), bad])
    assert demo_lib.comments.all(note.id) == []
