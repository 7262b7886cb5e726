"""Review comments: a thread of replies is open or resolved as one."""

from __future__ import annotations

from briefing_app.core.library import Library
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
