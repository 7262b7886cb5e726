"""Word table columns laid out as a browser lays out an automatic table: room by what they say."""

from __future__ import annotations

from briefing_app.core.exporters.table_widths import CHAR_TWIPS, column_widths

QUOTE = (
    "“Seven decades later, Parata, 75, has now overseen more than 500 strandings and is renowned "
    "in New Zealand as the leading Māori whale expert, called on by tribes around the country "
    "for cultural guidance as marine strandings increase”"
)
HEAD = [("Key", True), ("Quote", True), ("Party", True), ("Grade", True), ("Status", True)]
ROW = [
    ("C11", False),
    (QUOTE, False),
    ("Hori Parata", False),
    ("B5: Usually reliable; Improbable", False),
    ("unverified", False),
]


def test_a_long_quote_gets_most_of_the_room_and_a_grade_no_more_than_it_needs() -> None:
    # The tester's claims annex: the quote's column was barely wider than the grade's, and a
    # 216-character quote ran onto page 2 four words a line.
    key, quote, party, grade, status = column_widths([HEAD, ROW], 9000)
    assert quote > 2 * grade and quote > 9000 * 2 // 5
    assert grade >= len("Usually") * CHAR_TWIPS  # still whole words, no "reliab/le"
    assert key < grade and status >= len("unverified") * CHAR_TWIPS
    assert sum((key, quote, party, grade, status)) <= 9000


def test_columns_that_fit_on_one_line_share_the_width_by_their_text() -> None:
    widths = column_widths(
        [[("Party", True), ("Position", True)], [("Taliban", False), ("Denied it", False)]], 9000
    )
    assert widths[0] < widths[1] and sum(widths) <= 9000 and sum(widths) > 8990


def test_a_narrow_rating_column_keeps_its_word_when_the_text_columns_are_long() -> None:
    # Six hypotheses, long evidence and a score row: each rating column keeps its bold heading
    # and score whole; the evidence gets the rest.
    head = [("Evidence", True)] + [(f"H{i}", True) for i in range(1, 7)]
    score = [("Weighted inconsistency", True)] + [("2.41", True)] * 6
    row = [(QUOTE, False)] + [("CC", False)] * 6
    evidence, *ratings = column_widths([head, row, score], 9000)
    assert all(r >= len("2.41") * CHAR_TWIPS for r in ratings)
    assert evidence > 3 * max(ratings) and evidence >= len("inconsistency") * CHAR_TWIPS


def test_a_one_word_heading_keeps_its_room_when_the_table_is_too_narrow_for_every_word() -> None:
    # The key assumptions annex: six columns whose longest words overfill the page. The
    # writer's cells end in a space; "Hypotheses " counted as running text and its column
    # shrank with the others, printing "Hypothese/s".
    head = ["Assumption", "Rating", "Why", "Would be wrong if", "Support", "Hypotheses"]
    row = [
        ("A1 The attackers crossed into Tajikistan from Afghanistan ", True),
        ("Correct with caveats ", False),
        ("Only Tajik officials and the report say the attack originated in Afghanistan ", False),
        ("The attackers are found to have lived or been based in Khatlon ", False),
        ("C10, C9 ", False),
        ("H1, H2 ", False),
    ]
    widths = column_widths([[(f"{h} ", True) for h in head], row], 9000)
    assert widths[-1] >= (len("Hypotheses") * 1.2 + 3) * CHAR_TWIPS
    assert sum(widths) <= 9000
