"""Parts of a source that are not its article text: a reply's quoted message, footnotes and
reference lines, cross-references. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from briefing_app.core.suggest.mail_quotes import quoted_messages
from tests.core.suggest.suggested import found, parties

REPLY = (
    "Bob said the dam talks stalled yesterday.\n\n"
    "On Mon, 3 May 2024 at 10:02, Bob Smith <bob@example.org> wrote:\n"
    "> Any news about the dam talks?\n"
    "> The minister said the talks would resume on Friday.\n"
    "> Carol told me the Ethiopian side wants a new deal.\n"
)


def test_a_quoted_reply_is_read_without_its_marks_and_its_question_is_no_claim() -> None:
    assert found(REPLY) == [
        ("Bob", "the dam talks stalled yesterday"),
        ("The minister", "the talks would resume on Friday"),
        ("Carol", "the Ethiopian side wants a new deal"),
    ]


def test_a_quoted_writers_first_person_report_is_credited_to_the_writer() -> None:
    text = (
        "Thanks Bob.\n"
        "On Mon, 3 May 2024 at 10:02, Bob Smith <bob@example.org> wrote:\n"
        "> I told the minister the deal is dead.\n"
        "> My sources say Egypt walked out.\n"
    )
    assert found(text) == [("Bob Smith", "the deal is dead"), ("", "Egypt walked out")]
    # Outside a quoted message "I" is the author's own voice: not suggested.
    assert found("I told the minister the deal is dead.") == []
    # A quoted message whose writer no line names lends "I" to no one.
    assert found("Thanks.\n> I told the minister the deal is dead.\n") == []


@pytest.mark.parametrize(
    ("header", "writer"),
    [
        ("On Mon, 3 May 2024 at 10:02, Bob Smith <bob@example.org> wrote:", "Bob Smith"),
        ("On Mon, 3 May 2024 at 10:02, Bob Smith <bob@example.org>\nwrote:", "Bob Smith"),
        ("Le lun. 3 mai 2024 à 10:02, Marie Dupont <m@example.fr> a écrit :", "Marie Dupont"),
        ("Am Mo., 3. Mai 2024 um 10:02 Uhr schrieb Jana Vogel <j@example.de>:", "Jana Vogel"),
        ("Some line of the reply.", ""),
    ],
)
def test_a_quoted_message_is_credited_to_the_writer_its_header_names(
    header: str, writer: str
) -> None:
    text = f"Thanks.\n{header}\n> The talks failed.\n> Nobody came.\n"
    messages = quoted_messages(text)
    assert [(text[m.start : m.end], m.writer) for m in messages] == [
        ("> The talks failed.\n> Nobody came.", writer)
    ]


def test_a_nested_quotation_belongs_to_the_earlier_writer() -> None:
    text = (
        "Agreed.\nOn Tue, 4 May 2024, Bob Smith <b@x.org> wrote:\n> I doubt it.\n"
        "> On Mon, 3 May 2024, Carol Jones <c@x.org> wrote:\n>> The dam is full.\n"
    )
    writers = {text[m.start : m.end]: m.writer for m in quoted_messages(text)}
    assert writers[">> The dam is full."] == "Carol Jones"
    assert writers[next(k for k in writers if k.startswith("> I doubt"))] == "Bob Smith"


def test_a_first_person_report_in_a_nested_quotation_is_the_earlier_writers() -> None:
    text = (
        "Agreed.\nOn Tue, 4 May 2024, Bob Smith <b@x.org> wrote:\n> I told Ana the dam is full.\n"
        "> On Mon, 3 May 2024, Carol Jones <c@x.org> wrote:\n"
        ">> I told the envoy the talks failed.\n"
    )
    assert found(text) == [
        ("Bob Smith", "the dam is full"),
        ("Carol Jones", "the talks failed"),
    ]


def test_an_outlook_original_message_is_credited_to_its_sender() -> None:
    text = (
        "See below.\n-----Original Message-----\nFrom: Bob Smith <bob@example.org>\n"
        "Sent: Monday, May 3, 2024 10:02 AM\nTo: Ana\nSubject: Dam\n\n"
        "The minister said the talks would resume on Friday.\n"
    )
    assert [m.writer for m in quoted_messages(text)] == ["Bob Smith"]
    # The header lines are no statement and "From: Bob Smith" is no speaker.
    assert found(text) == [("The minister", "the talks would resume on Friday")]


@pytest.mark.parametrize(
    "line",
    [
        "1 Reuters, 3 May: Egypt says talks on the dam have failed.",
        '[2] BBC News, 4 May 2024, "Sudan says it will not sign".',
        "³ Le Monde, 12 mars 2024, “L’Égypte dit que les négociations ont échoué”.",
        "Source: Reuters reported the dam would be filled by July.",
        "Sources: AFP, Reuters; officials said the figures were provisional.",
    ],
)
def test_a_footnote_or_reference_line_is_no_statement(line: str) -> None:
    text = f"The ministry said the talks had stalled.\n\n{line}\n"
    assert found(text) == [("The ministry", "the talks had stalled")]


@pytest.mark.parametrize(
    ("line", "language", "claim"),
    [
        (
            'Source: Reuters. "The dam is safe," the minister said.',
            "en",
            ("the minister", "The dam is safe"),
        ),
        (
            "Photo credit: Jane Doe/Reuters. The minister said the dam was safe.",
            "en",
            ("The minister", "the dam was safe"),
        ),
        (
            "Quelle: dpa. „Der Damm ist sicher“, sagte der Minister.",
            "de",
            ("der Minister", "„Der Damm ist sicher“"),
        ),
        (
            "Source : AFP. « Le barrage est sûr », a déclaré le ministre.",
            "fr",
            ("le ministre", "Le barrage est sûr"),
        ),
    ],
)
def test_a_statement_after_a_credit_on_its_line_is_still_suggested(
    line: str, language: str, claim: tuple[str, str]
) -> None:
    # A page run together puts the story on the credit's line: only the credit is blanked.
    assert found(f"Talks resumed.\n\n{line}\n", language) == [claim]


@pytest.mark.parametrize(
    "line",
    [
        # (The lexicon's "Dr." ends no sentence: the credit runs on to the line's end.)
        "Source: Dr. Jane Smith said the dam would be filled by July.",
        # A read-more line is another story's headline, all of it.
        "Read more: Dam talks fail. Egypt says it will walk out.",
    ],
)
def test_a_credit_or_read_more_line_holding_one_sentence_stays_no_statement(line: str) -> None:
    assert found(f"Talks resumed.\n\n{line}\n") == []


def test_a_numbered_list_item_is_still_a_statement() -> None:
    # The footnote shape needs an outlet, a comma and a date or title right after it.
    text = "Key points:\n1. The minister said the talks would resume on Friday.\n"
    assert parties(text) == ["The minister"]


def test_a_line_opening_with_a_number_in_a_name_is_still_read() -> None:
    text = "3M, 2024 results showed that sales fell, the company said."
    assert any("sales fell" in quote for _, quote in found(text))


@pytest.mark.parametrize(
    ("text", "party", "language"),
    [
        (
            "Siehe Facebook: „Wir haben alle Beiträge gelöscht und die Konten gesperrt.“",
            "Facebook",
            "de",
        ),
        ("See Facebook: “We removed the posts and banned the accounts.”", "", "en"),
    ],
)
def test_a_cross_reference_word_is_never_part_of_a_party(
    text: str, party: str, language: str
) -> None:
    assert all(not p.startswith(("See", "Siehe")) for p in parties(text, language))
    if party:
        assert party in parties(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Source: Facebook. It said the accounts were fake.",
        "The posts were removed.\nSee Facebook.\nIt said the accounts were fake.",
    ],
)
def test_a_source_or_pointer_line_lends_no_name_to_a_pronoun(text: str) -> None:
    assert all(p not in ("Source", "See Facebook", "Facebook") for p in parties(text))


def test_a_news_lead_in_with_wrote_is_no_mail_header() -> None:
    # A mail program's header always gives a time or an address; a story's "X wrote:" is a
    # lead-in whose next paragraph is X's.
    text = (
        "The president posted overnight.\nOn Monday, Trump wrote:\nThe wall will be built by May.\n"
    )
    assert quoted_messages(text) == []
    assert found(text) == [("Trump", "The wall will be built by May")]


@pytest.mark.parametrize(
    "header", ["On Sun, 3 Mar 2024, Bob wrote:", "On 3 May 2024, Bob Smith wrote:"]
)
def test_a_wrote_line_with_no_time_right_above_quoted_lines_is_a_mail_header(header: str) -> None:
    # Walk: a reply whose mail program wrote no time offered "> Any news about the dam talks?"
    # as Bob's claim (the "wrote:" line was read as a lead-in to everything under it).
    text = (
        "Thanks for this.\n\n"
        f"{header}\n"
        "> Any news about the dam talks?\n"
        "> The minister said the deal is dead.\n"
        "> I told the minister the deal is dead.\n"
    )
    claims = found(text)
    assert ("The minister", "the deal is dead") in claims
    assert all("Any news" not in quote for _, quote in claims)
    writer = header.split(", ")[-1].removesuffix(" wrote:")
    assert (writer, "the deal is dead") in claims
