"""Quote and party classes an analyst hit in a real-window walk on fresh pages (issue 21).

The sentences are written for these tests, after the shapes the walk reported.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("American officials said Thursday that the demand was met.", "the demand was met"),
        ("Officials have argued for years that it was time.", "it was time"),
        ("Bong Joon Ho said backstage that no one could predict it.", "no one could predict it"),
        ("Police said Monday night that the road was shut.", "the road was shut"),
        ("The road was shut, police said Thursday night in a statement.", "The road was shut"),
        (
            "Mumper said that's not the case with medical cannabis.",
            "that's not the case with medical cannabis",
        ),
        (
            "ATLANTA -- Federal drug officials are warning that the oil is illegal.",
            "the oil is illegal",
        ),
        ("LONDON — Officials said the sanctions would end.", "the sanctions would end"),
        (
            "Eric Reeves, one of the leading critics of the regime, said he was appalled.",
            "he was appalled",
        ),
    ],
)
def test_when_where_and_who_is_not_what_was_said(text: str, quote: str) -> None:
    assert [q for _, q in found(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("As Montoya-Lewis herself said, the court must change.", "Montoya-Lewis"),
        ("Ira Katz of Five Points Pharmacy in Atlanta said the law was good.", "Ira Katz"),
        ("The whale rescue group Project Jonah said the whales were healthy.", "Project Jonah"),
        ("Bank of America said rates would rise.", "Bank of America"),
    ],
)
def test_the_party_is_the_name_not_its_emphasis_affiliation_or_description(
    text: str, party: str
) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_a_religious_title_is_no_part_of_the_full_name_a_surname_stands_for() -> None:
    text = "Rabbi Seth Goldstein said the service was moving. Later, Goldstein said he was proud."
    # The first mention keeps its title as written (as "Dr." and "Mayor" do); the surname
    # alone is the person's full name, not "Rabbi Seth Goldstein".
    assert [p for p, _ in found(text)] == ["Rabbi Seth Goldstein", "Seth Goldstein"]


def test_an_ordinal_opening_an_instruction_is_no_party() -> None:
    assert all(p != "Second" for p, _ in found("First, buy tires. Second, read this list."))


def test_a_name_never_runs_across_a_sentence_end_or_a_paragraph() -> None:
    text = (
        "The plan drew fire from prominent Democrats.\n\n"
        "No, the former mayor argued that most of the plan was sound."
    )
    assert all("Democrats" not in p for p, _ in found(text))


@pytest.mark.parametrize(
    "text",
    [
        "Elizabeth Warren spoke. The Las Vegas debate will show voters “who he is,” she said.",
        "Robert Kennedy saved upstate New York reservoirs. “It was my work,” he told a reporter.",
    ],
)
def test_she_or_he_is_never_a_place(text: str) -> None:
    assert all(p not in ("Las Vegas", "New York", "York") for p, _ in found(text))
    assert found(text)[-1][0] in ("Elizabeth Warren", "Robert Kennedy")


def test_the_company_is_the_organisation_named_last() -> None:
    text = "Apple said revenue fell. The company blamed weak demand in China."
    assert [p for p, _ in found(text)] == ["Apple", "Apple"]


def test_the_company_after_only_a_person_stays_as_written() -> None:
    text = "Jane Doe said revenue fell. The company blamed weak demand."
    assert [p for p, _ in found(text)] == ["Jane Doe", "The company"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "But indigenous elders say they aren’t being listened to.",
            "they aren’t being listened to",
        ),
        (
            "Over the longer term, a number of analysts say that prices will fall.",
            "prices will fall",
        ),
        (
            "When that doesn't work, Zuckerberg said scare tactics are effective.",
            "scare tactics are effective",
        ),
        (
            "“Parasite” director Bong Joon Ho said backstage that nobody predicted it.",
            "nobody predicted it",
        ),
        (
            '"This is how epidemics begin," Dr. Luz Arroyo, a member of the group and signatory '
            "to the letter, told NBC News.",
            "This is how epidemics begin",
        ),
        (
            "The agency said in a statement emailed to NBC News that it never denied care.",
            "it never denied care",
        ),
        (
            "The ACC said during the board meeting the grant of rights stands.",
            "the grant of rights stands",
        ),
        (
            "Police told the PA news agency that the small crowd dispersed.",
            "the small crowd dispersed",
        ),
        (
            "Saturday’s peak demand, according to Mr. Marcus, reached 44,947 megawatts.",
            "Saturday’s peak demand, according to Mr. Marcus, reached 44,947 megawatts",
        ),
        (
            "Yoon apologized for his actions in a brief address, saying they stemmed from urgency.",
            "they stemmed from urgency",
        ),
        (
            "Josh Earnest condemned the attack and said the government was willing to help.",
            "the government was willing to help",
        ),
        (
            "LONDON (AP) — A man suspected of the attack was arrested, police said.",
            "A man suspected of the attack was arrested",
        ),
    ],
)
def test_the_quote_is_what_was_said(text: str, quote: str) -> None:
    assert [q for _, q in found(text)] == [quote]


def test_the_words_before_a_trailing_attribution_stay_the_quote() -> None:
    text = "But the end of relevancy won’t mean the end of Davos, Goodman said."
    assert found(text) == [("Goodman", "But the end of relevancy won’t mean the end of Davos")]


def test_a_denial_then_a_statement_keeps_the_denial() -> None:
    text = (
        "The ministry issued a statement denying any role in the attack and said a rival group "
        "was involved."
    )
    assert "denying any role" in found(text)[0][1] or "any role" in found(text)[0][1]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Michelle Hege’s response was quick. Hege said the campaign worked.", "Michelle Hege"),
        (
            "Florida State President Richard McCullough spoke. McCullough said the case goes on.",
            "Richard McCullough",
        ),
        ("Robert M. Danin, a fellow, spoke. Danin said the deal was weak.", "Robert M. Danin"),
    ],
)
def test_a_surname_alone_is_the_full_name_given_before(text: str, party: str) -> None:
    assert [p for p, _ in found(text)][-1] == party


def test_a_surname_two_people_share_equally_is_not_guessed() -> None:
    text = (
        "John F. Kennedy was his uncle. Robert F. Kennedy Jr. spoke later. "
        "Kennedy said the vaccine was unsafe."
    )
    assert [p for p, _ in found(text)] == ["Kennedy"]


def test_wrote_a_book_is_writing_not_saying() -> None:
    assert found("Danin wrote a book about the talks.") == []


def test_they_is_never_one_person_or_one_role_holder() -> None:
    text = (
        "The manager of the grid said demand was high. The decision left experts bewildered. "
        "They said that the utilities had plenty of power."
    )
    assert [p for p, _ in found(text)] == ["The manager of the grid", ""]


def test_they_after_a_plural_speaker_is_that_speaker() -> None:
    text = "Officials in Kyiv said the strike killed four. They said a school was hit."
    assert [p for p, _ in found(text)] == ["Officials in Kyiv", "Officials in Kyiv"]


def test_their_statement_is_the_statement_of_those_named_before() -> None:
    text = (
        "Commissioner Jim Phillips and President Jim Ryan said the deal stands. "
        "“All members are bound,” their statement said."
    )
    parties = [p for p, _ in found(text)]
    assert parties[0] == parties[1] and "Jim Ryan" in parties[1]


def test_its_filing_is_the_companys() -> None:
    text = "Acme Holdings said revenue fell. Its filing says the tax rose."
    assert [p for p, _ in found(text)] == ["Acme Holdings", "Acme Holdings"]


def test_a_research_team_finds_and_a_sports_team_does_not() -> None:
    text = "After analyzing the data, the research team found a decrease in the risk."
    assert [p for p, _ in found(text)] == ["the research team"]
    assert found("The team found a way to win.") == []


def test_a_relative_clause_quotes_what_it_says_was_said() -> None:
    text = (
        "Yoon accepted the resignation of his defense minister Kim Yong-hyun, who said he took "
        "full responsibility for the order."
    )
    assert found(text) == [("Kim Yong-hyun", "he took full responsibility for the order")]


def test_a_description_of_the_source_after_it_is_no_second_half() -> None:
    text = (
        "Tourism brings in 14 percent of revenue, according to the World Travel and Tourism "
        "Council, an industry body."
    )
    assert [q for _, q in found(text)] == ["Tourism brings in 14 percent of revenue"]


def test_they_after_a_plural_subject_is_that_subject() -> None:
    text = "Others who follow his career see rough waters ahead. Turnout is low, they say."
    assert [p for p, _ in found(text)] == ["Others"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services says "
            "the risk continues.",
            "the risk continues",
        ),
        (
            "Even the policy manual of the Immigration Services, part of the Homeland Security "
            "Department, notes the CDC requirement that immigrants be vaccinated.",
            "the CDC requirement that immigrants be vaccinated",
        ),
        (
            "Rachid Ghannouchi, the party leader, condemned the attack, saying in a statement "
            "that it will not break our will.",
            "it will not break our will",
        ),
        (
            "Han Dong-hoon urged Yoon to step down, telling reporters after the address that it "
            "had become impossible.",
            "it had become impossible",
        ),
    ],
)
def test_affiliations_second_acts_and_listeners_stay_out_of_the_quote(
    text: str, quote: str
) -> None:
    assert [q for _, q in found(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "But, as the Joint Committee on Intelligence has pointed out, it would also be used "
            "against journalists.",
            "it would also be used against journalists",
        ),
        (
            "AS Opposition Leader Bill Shorten said in a letter to Abbott last month: “The laws "
            "go too far.”",
            "The laws go too far",
        ),
        ("Police said Monday: the road is shut.", "the road is shut"),
    ],
)
def test_an_as_aside_and_a_setting_before_a_colon_stay_out_of_the_quote(
    text: str, quote: str
) -> None:
    assert [q for _, q in found(text)] == [quote]
