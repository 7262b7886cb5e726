"""Statements with no reporting verb of their own (issue 21, fourth pass): transcript turns,
lists under a lead-in, quotations still open, and documents as speakers.

The sentences are written for these tests.
"""

from __future__ import annotations

from tests.core.suggest.suggested import found


def test_the_interviewer_of_a_published_interview_asks_and_the_subject_answers() -> None:
    text = (
        "Dana Whitlock built her first bakery in a garage. We talked with her last week.\n"
        "Courier: How did it start?\n"
        "Whitlock: With one oven and a loan from my aunt. I said yes before I had a plan.\n"
        "What would you do differently?\n"
        "Whitlock: Nothing. The mistakes were the school.\n"
        "I still bake on Sundays.\n"
    )
    assert found(text) == [
        ("Dana Whitlock", "With one oven and a loan from my aunt. I said yes before I had a plan"),
        ("Dana Whitlock", "Nothing. The mistakes were the school"),
        ("Dana Whitlock", "I still bake on Sundays"),
    ]


def test_headings_with_a_colon_are_no_transcript() -> None:
    text = (
        "Oregon: The state widens family leave to two weeks.\n"
        "Texas: Drivers must carry proof of insurance on paper.\n"
        "Related: Ten laws that change in January\n"
        "Ohio: Fireworks are allowed on more days.\n"
    )
    assert found(text) == []


def test_one_labelled_line_is_no_transcript() -> None:
    text = "Key Points: The bridge closes on Monday for repairs that will take a month.\n"
    assert found(text) == []


def test_a_bulleted_list_under_a_long_lead_in_is_the_speakers() -> None:
    text = (
        "The coach later told players in a long letter what the new season would ask of them:\n"
        "- Train every morning, even in the rain.\n"
        "- Nobody skips the team meal. Eating together builds trust.\n"
        "The season starts in May.\n"
    )
    assert found(text) == [
        ("The coach", "Train every morning, even in the rain"),
        ("The coach", "Nobody skips the team meal"),
        ("The coach", "Eating together builds trust"),
    ]


def test_a_list_of_rules_someone_wrote_down_is_theirs() -> None:
    text = (
        "Kowalski eventually wrote down his rules for the team:\n"
        "- Nobody trains alone.\n"
        "- Ideas matter more than rank.\n"
    )
    assert found(text) == [
        ("Kowalski", "Nobody trains alone"),
        ("Kowalski", "Ideas matter more than rank"),
    ]


def test_a_list_credited_to_a_source_in_its_lead_in_is_the_sources() -> None:
    text = (
        "The cabinet approved new cuts on Friday. The details come from Reuters:\n"
        "- Pensions above $2,000 a month will be cut by a tenth\n"
        "- 5,000 clerks will be moved to a reserve list\n"
    )
    assert [party for party, _ in found(text)][-2:] == ["Reuters", "Reuters"]


def test_a_list_under_a_heading_or_a_place_is_nobodys() -> None:
    text = (
        "Photos from Lisbon:\n"
        "- The old tram climbs the hill.\n"
        "Highlights from Tuesday:\n"
        "- The market opened late.\n"
        "What to pack for the trip:\n"
        "- Two pairs of boots.\n"
    )
    assert found(text) == []


def test_a_long_source_headed_by_documents_is_the_documents() -> None:
    text = (
        "According to court records and testimony by two former guards of the prison, "
        "the warden ordered the cameras switched off."
    )
    assert found(text) == [("court records", "the warden ordered the cameras switched off")]


def test_polls_over_a_long_phrase_with_a_list_say_what_follows_the_list() -> None:
    text = (
        "According to polls since early March of a three-way race between the mayor, Ross and Lee, "
        "Lee has a clear lead."
    )
    assert found(text) == [("polls", "Lee has a clear lead")]


def test_a_source_on_a_website_is_one_source() -> None:
    text = "According to a notice on the council’s website, the pool will reopen in June."
    assert found(text) == [
        ("a notice on the council’s website", "the pool will reopen in June"),
    ]


def test_a_description_or_articles_can_be_a_source() -> None:
    assert [
        p for p, _ in found("According to the product description, the kettle boils in a minute.")
    ] == ["the product description"]
    assert [p for p, _ in found("The plan, according to a series of articles, was dropped.")] == [
        "a series of articles"
    ]


def test_according_to_police_on_monday_stops_at_the_day() -> None:
    text = "Two men were arrested, according to police on Monday."
    assert [p for p, _ in found(text)] == ["police"]


def test_a_lead_in_announcing_someones_words_gives_them_the_next_paragraph() -> None:
    text = (
        "Prices at the market have fallen for a year.\n"
        "Economists offered a few theories:\n"
        "Shoppers may have moved online, where delivery is now free.\n"
        "The market opens at six.\n"
    )
    assert found(text) == [
        ("Economists", "Shoppers may have moved online, where delivery is now free"),
    ]


def test_the_following_statement_after_a_pronoun_is_the_persons() -> None:
    text = (
        "Mayor Ana Ruiz spoke on Monday.\n"
        "She later posted the campaign’s website, which carries the following statement:\n"
        "“Our river is sick. We can heal it together.”\n"
    )
    assert found(text)[-1] == ("Ana Ruiz", "Our river is sick. We can heal it together")


def test_a_lead_in_to_highlights_or_ingredients_is_nobodys() -> None:
    text = (
        "Here are some of the highlights:\n"
        "The new model is lighter.\n"
        "I have three favourites:\n"
        "A can of peaches and some lime juice.\n"
        "See his full statement:\n"
        "We will win the vote.\n"
    )
    assert found(text) == []


def test_a_dated_poll_showing_how_is_the_polls_finding() -> None:
    text = "A Gallup poll from June showed just how unpopular the new tax is."
    assert found(text) == [("A Gallup poll", "just how unpopular the new tax is")]


def test_a_survey_dated_by_month_keeps_its_name_without_the_date() -> None:
    text = "A survey in March 2021 found that most tenants pay more than a third of their income."
    assert [p for p, _ in found(text)] == ["A survey"]


def test_police_from_a_town_finding_something_is_an_action() -> None:
    assert found("Officers from Dayton found a body near the river.") == []


def test_a_list_of_what_a_document_holds_is_the_documents() -> None:
    text = (
        "An aide shared a memo setting out the party’s lines, which include:\n"
        "• Rents have doubled in ten years.\n"
        "• Nobody voted for the new tolls.\n"
    )
    assert found(text) == [
        ("a memo setting out the party’s lines", "Rents have doubled in ten years"),
        ("a memo setting out the party’s lines", "Nobody voted for the new tolls"),
    ]


def test_a_list_items_sentences_inside_one_quotation_are_one_statement() -> None:
    text = (
        "The mayor wrote down her three promises to voters:\n"
        '• "The buses will run all night.\n'
        '• "The parks stay open. Every one of them.\n'
        '• The library gets a new roof. And nobody pays more for it."\n'
        "- Page one. Page two.\n"
    )
    assert [quote for _, quote in found(text)] == [
        "The buses will run all night",
        "The parks stay open. Every one of them",
        "The library gets a new roof. And nobody pays more for it",
        "Page one",
        "Page two",
    ]


def test_a_quotation_credited_by_a_dash_line_under_it_is_that_persons() -> None:
    text = (
        "A look back at the harbour strike.\n\n"
        "“We held the line for forty days, and we would do it again.”\n\n"
        "— Maria Costa, Porto, May 2, 2019\n\n"
        "The strike ended in June.\n"
    )
    assert found(text) == [
        ("Maria Costa", "“We held the line for forty days, and we would do it again.”"),
    ]


def test_a_dash_line_under_narration_or_naming_no_one_credits_nothing() -> None:
    text = (
        "The strike ended in June after forty days.\n\n"
        "— Reporting by Maria Costa\n\n"
        "“It was a long summer.”\n\n"
        "— Porto, May 2019\n"
    )
    assert found(text) == []


def test_headings_in_capitals_are_no_transcript() -> None:
    text = (
        "KEY MOMENT: The visitors scored twice before the break.\n"
        "BIG PICTURE: The home side pulled one back but ran out of time.\n"
        "FINAL WORD: The league is wide open.\n"
    )
    assert found(text) == []


def test_a_document_with_its_title_set_beside_it_speaks_and_its_quotation_goes_on() -> None:
    text = (
        "“Few who passed him on the street knew his name,” the memoir, "
        "“A Life in Tin: The Story of a Toymaker,” concludes.\n"
        "“He fed the pigeons every morning and spoke to no one.”\n"
    )
    assert found(text) == [
        ("the memoir", "Few who passed him on the street knew his name"),
        ("the memoir", "He fed the pigeons every morning and spoke to no one"),
    ]


def test_a_possessive_document_speaks_but_possessive_residents_name_nobody() -> None:
    assert found("Their paper argues that the universe is flat.") == [
        ("Their paper", "the universe is flat")
    ]
    assert found("Its residents say the river is clean.") == [("", "the river is clean")]


def test_the_document_a_long_lead_in_names_last_holds_the_list_and_furniture_does_not() -> None:
    text = (
        "A senior aide to the mayor shared with the paper a memo setting out the lines, "
        "which include:\n"
        "- Rents rose by a third.\n"
    )
    assert found(text) == [("a memo setting out the lines", "Rents rose by a third")]
    assert found("She bought the new chairs, which include:\n- Two armchairs.\n") == []


def test_points_scored_before_a_colon_are_no_lead_in() -> None:
    text = "The team earned three points:\nThe league table is tight.\n"
    assert found(text) == []
