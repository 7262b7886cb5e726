"""A reply's quoted earlier message, imported from .eml: kept as written, suggested as prose."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers import extract_file
from briefing_app.core.library import Library
from tests.conftest import write_fixture

REPLY = (
    "From: Ana Analyst <ana@example.org>\n"
    "Subject: Re: Dam talks\n"
    "Date: Tue, 4 Mar 2024 09:00:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Thanks Bob. The envoy told me the talks resumed on Monday.\n\n"
    "On Mon, 3 Mar 2024 at 10:02, Bob Smith <bob@example.org> wrote:\n"
    "> Any news about the dam talks?\n"
    "> The minister said the talks would\n"
    "> resume on Friday.\n"
)


def test_a_reply_keeps_its_quoted_message_as_written(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "reply.eml", REPLY))
    assert "> Any news about the dam talks?" in doc.text
    assert "Bob Smith <bob@example.org> wrote:" in doc.text


def test_a_replys_quoted_question_is_no_suggestion_and_the_writer_line_no_lead_in(
    tmp_path: Path,
) -> None:
    # Walk: "> Any news about the dam talks?" came up as a claim by "Bob Smith <bob@…>".
    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(extract_file(write_fixture(tmp_path / "reply.eml", REPLY)))
    found = [(s.party, s.quote) for s in lib.suggestions.for_source(source.id)]
    assert found == [
        ("The envoy", "the talks resumed on Monday"),
        # The quoted message's reported speech is still offered, without the "> " marks
        # in its party, its words as the source holds them.
        ("The minister", "the talks would\n> resume on Friday"),
    ]


HTML_REPLY = (
    "From: Ana Analyst <ana@example.org>\n"
    "Subject: Re: Dam talks\n"
    "Date: Tue, 4 Mar 2024 09:00:00 +0000\n"
    "Content-Type: text/html; charset=utf-8\n\n"
    '<html><body><div dir="ltr">Thanks Bob. The envoy told me the talks resumed on Monday.'
    '</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 3 Mar 2024'
    " at 10:02, Bob Smith &lt;bob@example.org&gt; wrote:<br></div>"
    '<blockquote class="gmail_quote"><div dir="ltr">Any news about the dam talks?'
    "<div>The minister said the talks would resume on Friday.</div></div></blockquote></div>"
    "</body></html>\n"
)


def test_an_html_replys_quoted_question_is_no_suggestion(tmp_path: Path) -> None:
    # An HTML reply's quoted block comes in without "> " marks: the "wrote:" line still says
    # where the earlier message begins, and it is no lead-in for it.
    lib = Library.open(tmp_path / "lib.sqlite")
    doc = extract_file(write_fixture(tmp_path / "reply.eml", HTML_REPLY))
    source = lib.sources.add(doc)
    found = [(s.party, s.quote) for s in lib.suggestions.for_source(source.id)]
    assert found == [
        ("The envoy", "the talks resumed on Monday"),
        ("The minister", "the talks would resume on Friday"),
    ]


def test_a_rejected_suggestion_from_a_quoted_message_stays_rejected(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib.sqlite")
    source = lib.sources.add(extract_file(write_fixture(tmp_path / "reply.eml", REPLY)))
    minister = next(s for s in lib.suggestions.for_source(source.id) if s.party == "The minister")
    lib.suggestions.reject(source.id, minister)
    assert [s.party for s in lib.suggestions.for_source(source.id)] == ["The envoy"]
