"""Classes of false suggestions on pages never seen, each narrowed by a general rule (issue 21).

The sentences are written for these tests. Each class pins both sides: the shape that made a
false suggestion, and the statement of the same words that is still suggested.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    "text",
    [
        # A noun form followed by a verb of its own is the subject of that verb.
        "The government report includes the reserve, which inflates the total.",
        "If the newest Labor Department estimates stay accurate, the county will lose a seat.",
        # A determiner and an adjective (or an adverb and a participle) before a noun form.
        "Take his persistent claim that the bridge is unsafe.",
        "Her frequent claims that the count was rigged drew a rebuke.",
        # A possessive before "vows": what someone vowed, named by the author.
        "Despite the mayor’s vows to fix the roads, the potholes remain.",
    ],
)
def test_a_reporting_noun_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The audit report shows that the fund lost money.", "The audit report"),
        ("A newly released report warns that the river will flood.", "A newly released report"),
        ("The mayor vows to fix the roads.", "The mayor"),
        ("Officials report the bridge is unsafe.", "Officials"),
        ("In a newly released report, the agency warned that the river would flood.", "the agency"),
    ],
)
def test_the_same_words_as_verbs_still_report(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Dana Hill would love to tell you that she took up running for fun.",
        "Staff should not be afraid to say “no” to a client.",
        "Most members were too timid to suggest a change, and the plan passed.",
        "The mayor would like to point out that the budget is balanced.",
    ],
)
def test_a_wish_a_fear_or_an_inability_to_speak_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The minister was quick to point out that the budget had grown.", "The minister"),
        ("Dana Hill took the stand to say that she had never met him.", "Dana Hill"),
        ("Dana Hill said she would love to run the race again.", "Dana Hill"),
    ],
)
def test_an_infinitive_that_was_spoken_still_reports(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Qui aurait cru que la mairie pouvait oublier ses habitants ?",
        "Qui aurait pensé que la ville oublierait son maire ?",
        "Le maire aurait cru à une plaisanterie.",
    ],
)
def test_a_french_conditional_of_thinking_is_no_report(text: str) -> None:
    assert found(text, "fr") == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Le maire aurait déclaré que le budget était tenu.", "le budget était tenu"),
        ("Le maire aurait été arrêté lundi.", "Le maire aurait été arrêté lundi"),
    ],
)
def test_the_french_conditional_of_a_report_still_reports(text: str, quote: str) -> None:
    assert [q for _, q in found(text, "fr")] == [quote]


def test_one_word_of_a_quotation_broken_by_a_line_end_is_no_statement() -> None:
    text = (
        "Auch die Ministerin Anna Gruber fordert mehr Nachtzüge.\n"
        '"Was\nwürde dem Klima mehr helfen als ein Nachtzug nach Paris?", sagte Gruber am Montag.'
    )
    quotes = [q for _, q in found(text, "de")]
    assert "Was" not in quotes
    assert any("sagte Gruber" in q or "Nachtzug nach Paris" in q for q in quotes)


def test_a_one_word_quotation_that_ends_a_sentence_still_goes_on() -> None:
    text = "“We will not pay,” Mayor Ruth Lane said.\n“Never.”\nThe council met again on Friday."
    assert found(text) == [("Mayor Ruth Lane", "We will not pay"), ("Mayor Ruth Lane", "Never")]


@pytest.mark.parametrize(
    "text",
    [
        # A result shows, no one reports it.
        "Breathing tests showed that her lungs were weak.",
        "The scans show that the tumour has shrunk.",
        # Something withheld is an act, not a denial.
        "The governor is denying vaccines to prisoners in county jails.",
        "The court denied him bail on Monday.",
    ],
)
def test_a_result_or_an_act_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A study of 300 nurses showed that night shifts raise blood pressure.",
            [("A study of 300 nurses", "night shifts raise blood pressure")],
        ),
        (
            "Emails seen by the paper show that the deal was agreed in May.",
            [("Emails", "the deal was agreed in May")],
        ),
        (
            "Dr. Ruth Okafor’s lab showed that the drug cut deaths.",
            [("Dr. Ruth Okafor’s lab", "the drug cut deaths")],
        ),
        ("The minister denied the charges.", [("The minister", "the charges")]),
        ("The minister denied that she had lied.", [("The minister", "she had lied")]),
        # A report inside what another party said is part of that statement, one speaker.
        (
            "One survey of 200 farmers found that most growers reported smaller harvests.",
            [("One survey of 200 farmers", "most growers reported smaller harvests")],
        ),
        (
            "Police said that witnesses reported hearing three shots.",
            [("Police", "witnesses reported hearing three shots")],
        ),
    ],
)
def test_a_source_a_denial_and_a_nested_report_keep_one_statement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The span left to the first source would be the attribution alone: no statement.
        (
            "As Dana Levy reported, the mayor told the council that the budget was short.",
            [("the mayor", "the mayor told the council that the budget was short")],
        ),
        (
            "According to a blog post for the Rainforest Trust, the national weather agency "
            "predicts that rain will fall.",
            [
                (
                    "the national weather agency",
                    "the national weather agency predicts that rain will fall",
                )
            ],
        ),
        # With something said, the source keeps it.
        ("According to the FBI, two men were held.", [("the FBI", "two men were held")]),
        ("The ministry denied the reports.", [("The ministry", "the reports")]),
    ],
)
def test_an_attribution_alone_is_no_statement(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An infinitive of purpose after "To" names no one whose view follows.
        "To reach their findings, scientists compared maps of the region.",
        "To test the theory, the researchers flooded a field.",
        # The subject's own plan is a state of mind, not a forecast said.
        "The company expects to cut its emissions by half next year.",
        "The director expects that the move will attract more staff.",
    ],
)
def test_a_purpose_or_a_plan_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("To Hoenig, the policy is a gamble.", "Hoenig"),
        ("To many economists, the plan looks risky.", "many economists"),
        ("Analysts expect the market to grow by a third.", "Analysts"),
        ("Economists expect that growth will slow.", "Economists"),
        ("The company said it expects to cut its emissions by half.", "The company"),
    ],
)
def test_a_view_and_a_forecast_still_report(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        # A supposition: what happens if someone is suspected of something.
        "Police may hold people for a week if they are suspected of theft.",
        # A newsroom's note on its own story.
        "(Corrects third paragraph to show the plant is in Ohio, not Iowa.)",
    ],
)
def test_a_supposition_or_an_editors_note_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("He is suspected of theft.", ""),
        ("(“We will rebuild,” the mayor added.)", "the mayor"),
    ],
)
def test_a_passive_and_a_bracketed_quotation_still_report(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "The bank will buy more bonds, suggesting a bit more support for housing.",
        "Sales fell for a third month, indicating weaker demand.",
    ],
)
def test_what_an_act_suggests_to_the_author_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The minister spoke for an hour, suggesting that the plan might change.", "The minister"),
        ("The report praised the plan, suggesting “considerable” gains.", "The report"),
    ],
)
def test_a_participle_with_what_was_said_still_reports(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_an_act_in_a_when_clause_is_no_statement_but_names_the_next_he() -> None:
    text = (
        "Dana Owens won the race. It caused a stir when Owens admitted it in an interview. "
        "“I love her,” he said."
    )
    assert found(text) == [("Dana Owens", "I love her")]
    assert found("The virus has spread since May, when researchers found it on two websites.") == []


@pytest.mark.parametrize(
    "text",
    [
        "It caused a stir when Dana Owens admitted that she had lied.",
        "It caused a stir when Dana Owens denied the charges.",
    ],
)
def test_what_the_party_said_or_denied_still_reports(text: str) -> None:
    assert parties(text) == ["Dana Owens"]


@pytest.mark.parametrize(
    "text",
    [
        "It is possible that the mayor had agreed with the council that the tax was needed.",
        "The ministry has effectively admitted as much by ordering a review.",
    ],
)
def test_the_authors_guess_or_reading_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("It is possible that the virus spread earlier, researchers said.", "researchers"),
        ("Researchers said it is likely that the virus spread earlier.", "Researchers"),
        ("The ministry admitted that the figures were wrong.", "The ministry"),
    ],
)
def test_a_party_s_own_hedge_or_admission_still_reports(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_a_second_adjective_after_and_is_no_verb() -> None:
    text = "During the hearing, the judge spoke in a tone that was alternately weary and assured."
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor was calm and assured the crowd that help was coming.",
        "The mayor was upset and disagreed.",
    ],
)
def test_a_verb_after_an_adjective_and_and_still_reports(text: str) -> None:
    assert parties(text) == ["The mayor"]


@pytest.mark.parametrize(
    "text",
    [
        "Ohio: The state becomes the latest state requiring voters show a photo ID.",
        "Ohio became the latest state requiring voters show a photo ID at the polls.",
    ],
)
def test_what_a_rule_makes_people_do_is_no_statement(text: str) -> None:
    assert found(text) == []


def test_a_party_bound_by_a_rule_still_speaks() -> None:
    text = "The mayor, required by law to explain the delay, said the budget was short."
    assert found(text) == [("The mayor", "the budget was short")]
