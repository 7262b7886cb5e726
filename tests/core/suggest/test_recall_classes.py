"""Classes of attributed statements the suggester used to miss (issue 21, recall on new pages)."""

from __future__ import annotations

import pytest

from briefing_app.core.suggest import suggest_claims
from tests.core.suggest.suggested import found


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The retired teacher said the school had no heating.", "The retired teacher"),
        ("The award-winning actor described it as his “north star.”", "The award-winning actor"),
        ("According to the man, the pills “worked within two days.”", "the man"),
        ("In the words of the patient: “I could not climb the stairs.”", "the patient"),
    ],
)
def test_a_role_noun_names_the_speaker(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_a_role_noun_deep_in_a_clause_is_no_party() -> None:
    text = "The doctor then prescribed the man in the report steroids and told him to rest."
    assert [p for p, _ in found(text)] != ["The doctor then prescribed the man in the report"]


def test_an_aside_between_the_speaker_and_the_verb_is_stepped_over() -> None:
    text = (
        "In Ohio, the candidate, Jane Roe — whose mother held the same seat — promised to "
        "protect the hospital."
    )
    assert [p for p, _ in found(text)] == ["Jane Roe"]


def test_a_clause_before_the_speaker_is_the_statement_not_an_appositive() -> None:
    assert found("The road was shut, Jane Roe said in an email.") == [
        ("Jane Roe", "The road was shut")
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("State health officials are reporting a sixth death.", "State health officials"),
        ("As she recounted, “the ward was full every night.”", ""),
        ("Jane Roe countered that the figures were old.", "Jane Roe"),
        ("The mayor shot back that the budget was balanced.", "The mayor"),
        ("Jane Roe observed that prices had doubled.", "Jane Roe"),
        ("Jane Roe revealed that she had left the party.", "Jane Roe"),
        ("Police records indicate that the driver was sober.", "Police records"),
        ("The minister assured reporters that the border was open.", "The minister"),
        ("Jane Roe informed the board that she would resign.", "Jane Roe"),
        ("Jane Roe shared that she was expecting a child.", "Jane Roe"),
        ("Economists cautioned that rates could rise.", "Economists"),
        ("The union contends that the contract was broken.", "The union"),
        ("Jane Roe asserted that the vote was fair.", "Jane Roe"),
        ("Jane Roe speculated that the leak came from inside.", "Jane Roe"),
        ("Jane Roe echoed that view, saying the plan was sound.", "Jane Roe"),
        ("The company made clear that it would appeal.", "The company"),
        ("The study concluded that coffee is safe.", "The study"),
        ("Jane Roe characterized the deal as a surrender.", "Jane Roe"),
        ("Jane Roe slammed the ruling as a disgrace.", "Jane Roe"),
        ("Jane Roe voiced concern that the dam would fail.", "Jane Roe"),
        ("Jane Roe took to Twitter to call the ruling a disgrace.", "Jane Roe"),
        ("The statement read: “We will appeal.”", "The statement"),
        ("Officials estimate 300 homes were lost.", "Officials"),
    ],
)
def test_reporting_verbs_and_frames_outside_the_old_word_list(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_a_disputed_account_is_a_denial() -> None:
    [suggestion] = suggest_claims("Jane Roe disputed that she had been paid.")
    assert suggestion.kind == "denial"


@pytest.mark.parametrize(
    "text",
    [
        "Blood tests revealed that the lungs were scarred.",
        "The attack signalled that the truce was over.",
        "The curator shared a photo of the vase.",
        "She revealed a scar on her arm.",
        "She wanted to read the filing before the hearing.",
        "She observed the birds for an hour.",
        "The condition is related to feather bedding.",
    ],
)
def test_the_new_verbs_as_actions_or_findings_are_not_claims(text: str) -> None:
    assert found(text) == []


def test_quoted_words_in_the_next_sentence_stay_the_speakers() -> None:
    text = (
        "“I was shocked,” said Jane Roe, a fish buyer. "
        "The price, which rival stores matched, is “as low as I’ve ever seen.”"
    )
    assert [p for p, _ in found(text)] == ["Jane Roe", "Jane Roe"]


@pytest.mark.parametrize(
    "follow_on",
    [
        "Her film (“The One I Love”) opens on Friday.",
        "She runs the “Starts with one” campaign in the city.",
        "It was a “good” year.",
    ],
)
def test_a_quoted_title_or_word_in_the_next_sentence_is_not_a_statement(follow_on: str) -> None:
    text = "“I was shocked,” said Jane Roe, a fish buyer. " + follow_on
    assert [p for p, _ in found(text)] == ["Jane Roe"]


def test_she_said_skips_the_man_named_last() -> None:
    text = (
        "Mary Steenburgen wrote songs after surgery, and she kept writing for years. "
        "Steenburgen thought she was losing her mind. "
        "Her son, Charlie McDowell, was worried, and he called her every day. "
        "McDowell knew he had to help. "
        "“I thought he was joking,” Charlie McDowell said. "
        "“I could not stop hearing melodies,” she said."
    )
    assert [s.party for s in suggest_claims(text)][-1] == "Mary Steenburgen"


def test_a_quantifier_or_a_dateline_is_no_one_a_pronoun_can_mean() -> None:
    text = (
        "ST. JOSEPH, Mich. (AP) — Some of Jonathan Owens’ remarks drew criticism. "
        "He said the rules were unfair."
    )
    assert [s.party for s in suggest_claims(text)] == ["Jonathan Owens"]


def test_a_described_role_is_the_person_introduced_with_it() -> None:
    text = (
        "The actor Pierce Brosnan arrived in Cannes on Monday. "
        "The award-winning actor said the film was his best work."
    )
    suggestion = suggest_claims(text)[0]
    assert (suggestion.party, suggestion.mention) == ("Pierce Brosnan", "The award-winning actor")


def test_an_adverb_after_the_speaker_is_not_part_of_the_party() -> None:
    text = "Robert Kennedy sometimes says the vaccines are unsafe."
    assert [s.party for s in suggest_claims(text)] == ["Robert Kennedy"]


def test_a_name_with_a_long_affiliation_is_the_person() -> None:
    text = (
        "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services says "
        "the risk continues. He says residents should take precautions."
    )
    # "he" is the person, without the title
    assert [s.party for s in suggest_claims(text)] == ["Dr. Joneigh Khaldun", "Joneigh Khaldun"]


def test_she_said_after_a_sentence_about_her_is_hers() -> None:
    text = (
        "Mary Steenburgen wrote songs, and she kept writing. Steenburgen said she was lost. "
        "Charlie McDowell, her son, said he was worried. "
        "Later, Steenburgen approached the film as a part to play. "
        "“I fought to get the full script,” she said."
    )
    assert suggest_claims(text)[-1].party == "Mary Steenburgen"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The family said the boy was a gifted swimmer.", "The family"),
        ("Kelly said the boy was a gifted swimmer.", "Kelly"),
        ("The 45-year-old nurse said the ward was full.", "The 45-year-old nurse"),
        (
            "A 2020 study by Harvard researchers found that coffee is safe.",
            "A 2020 study by Harvard researchers",
        ),
        ("The victim’s mother told WLUK she was heartbroken.", "The victim’s mother"),
        (
            "A person familiar with the matter said the deal was off.",
            "A person familiar with the matter",
        ),
        ("The layoffs were confirmed by Microsoft.", "Microsoft"),
    ],
)
def test_parties_the_rules_used_to_drop(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_a_capitalised_common_noun_is_no_one_she_can_mean() -> None:
    text = "Others disagreed with the post. “It is cruel,” she said."
    assert [s.party for s in suggest_claims(text)][-1] != "Others"


def test_the_paragraph_under_a_lead_in_is_the_speakers() -> None:
    text = (
        "Barack Obama spoke in Berlin on Monday. Mr Obama said:\n\n"
        "The talks had failed. Both sides would try again.\n\n"
        "The weather was fine."
    )
    assert found(text) == [
        ("Barack Obama", "The talks had failed"),
        ("Barack Obama", "Both sides would try again"),
    ]


def test_a_text_the_subject_published_says_what_its_participle_says() -> None:
    text = "The group published articles in March and April claiming the virus was a plot."
    assert [p for p, _ in found(text)] == ["The group"]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Cependant, comme l’a souligné l’Arcep, le texte pose problème.",
            "l’Arcep",
            "le texte pose problème",
        ),
        (
            "Comme l’a dit le ministre, la loi sera votée.",
            "le ministre",
            "la loi sera votée",
        ),
        (
            "La CNIL a fait part de sa volonté de contrôler les fichiers.",
            "La CNIL",
            "de sa volonté de contrôler les fichiers",
        ),
        (
            "La Commission nationale informatique et libertés (CNIL), qui critique la loi.",
            "La Commission nationale informatique et libertés",
            "la loi",
        ),
    ],
)
def test_french_frames_inverted_after_comme_and_relative_clauses(
    text: str, party: str, quote: str
) -> None:
    assert found(text, "fr") == [(party, quote)]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Die Bürgermeisterin warnte, die Brücke sei einsturzgefährdet.",
            "Die Bürgermeisterin",
            "die Brücke sei einsturzgefährdet",
        ),
        (
            "„Die Brücke ist sicher“, erklärte der Minister.",
            "der Minister",
            "„Die Brücke ist sicher“",
        ),
    ],
)
def test_german_frames_are_unchanged(text: str, party: str, quote: str) -> None:
    assert found(text, "de") == [(party, quote)]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "O técnico Tite declarou que errou ao visitar o Instituto.",
            "O técnico Tite",
            "errou ao visitar o Instituto",
        ),
        ("“Em 2012 eu errei”, disse o técnico.", "o técnico", "Em 2012 eu errei"),
        ("Segundo a polícia, três pessoas morreram.", "a polícia", "três pessoas morreram"),
        (
            "O treinador deixou claro que preferiria evitar a visita.",
            "O treinador",
            "preferiria evitar a visita",
        ),
    ],
)
def test_portuguese_pages_have_a_word_list(text: str, party: str, quote: str) -> None:
    assert found(text, "pt") == [(party, quote)]


def test_a_portfolio_before_a_name_is_not_a_given_name() -> None:
    text = (
        "Brussels Secretary of State for Urbanism Ans Persoons spoke on Monday. "
        "The rules are outdated, according to Persoons."
    )
    assert [s.party for s in suggest_claims(text)] == ["Ans Persoons"]


def test_something_of_a_persons_is_no_one_he_can_mean() -> None:
    text = (
        "Robert Kennedy spoke in Ohio. Kennedy’s Instagram showed the crowd. "
        "He said the vaccines were unsafe."
    )
    assert [s.party for s in suggest_claims(text)] == ["Robert Kennedy"]


def test_a_portuguese_preposition_opening_a_quote_is_no_party() -> None:
    text = "“Em 2012 eu errei”, disse Tite. “Em 2018 não errei.”"
    assert "Em" not in [s.party for s in suggest_claims(text, language="pt")]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("“I feel unsafe,” one resident said.", "one resident"),
        ("Doe and her deputy said the firm was staying.", "Doe and her deputy"),
        ("A survey of 2,000 adults by YouGov found that most were worse off.", "A survey"),
    ],
)
def test_singular_speakers_and_counted_samples(text: str, party: str) -> None:
    parties = [p for p, _ in found(text)]
    assert len(parties) == 1
    assert party in parties[0]


def test_a_reporting_noun_after_a_preposition_is_no_verb() -> None:
    assert found("In remarks to reporters, Doe said the firm was staying.") == [
        ("Doe", "the firm was staying")
    ]
