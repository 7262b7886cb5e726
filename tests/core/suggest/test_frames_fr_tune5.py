"""French frames of the fifth tune batch (issue 21): verbs news French reports with that the
word list lacked, the future of narration after a quotation, and words set inside a verb."""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Le maire note que les travaux ont pris du retard.", "Le maire"),
        ("Au dernier pointage, le préfet note trois blessés.", "le préfet"),
        ("La ministre concède que le calendrier est serré.", "La ministre"),
        ("Le syndicat constate « une dégradation nette » des conditions.", "Le syndicat"),
        ("Le maire reconnait qu’il a tardé.", "Le maire"),
        ("Le maire avoue que le chantier a dérapé.", "Le maire"),
        ("Des médecins ont alerté dès mars sur les risques.", "Des médecins"),
        ("L’ONG alerte sur la hausse des expulsions.", "L’ONG"),
        ("Les élus ont tous nié avoir été prévenus.", "Les élus"),
    ],
)
def test_more_french_reporting_verbs_name_their_party(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("« Rien n’est joué » analyse Claire Martin.", "Claire Martin"),
        ("« Le texte est bancal », évoque Paul Girard.", "Paul Girard"),
        ("« On verra bien », souffle un proche du maire.", "un proche du maire"),
        ("« Nous tiendrons » , ajoutera Claire Martin devant la presse.", "Claire Martin"),
        (
            "Claire Martin a quitté la mairie. « Je ne regrette rien », dira-t-elle plus tard.",
            "Claire Martin",
        ),
    ],
)
def test_french_verbs_after_a_quotation_name_their_party(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


@pytest.mark.parametrize(
    "text",
    [
        # A noun, or an act of telling someone: nothing said is reported.
        "Les secours sont en alerte depuis mardi.",
        "Les salariés ont alerté leur direction après l’incendie.",
        "L’analyse des experts a pris trois mois.",
        # The future before anything is said announces a statement, it reports none.
        "Le ministre dira demain s’il se représente.",
        "Le comité analysera les dossiers en juin.",
    ],
)
def test_french_nouns_acts_and_announcements_report_nothing(text: str) -> None:
    assert parties(text, "fr") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("« Rien ne change » insiste quant à lui Marc Petit.", "Marc Petit"),
        ("« Nous irons », assure de son côté la ministre.", "la ministre"),
        (
            "« Le calendrier tient » indique pour sa part le préfet de police Jean Roux.",
            "Jean Roux",
        ),
        ("« Les chiffres sont connus » confirme Ivan Morel « et ils sont mauvais ».", "Ivan Morel"),
        (
            "« Je comprends », ajoutera Claire Martin devant les élus, « mais c’est trop tard ».",
            "Claire Martin",
        ),
    ],
)
def test_an_aside_or_a_quotation_after_an_inverted_verb_keeps_its_party(
    text: str, party: str
) -> None:
    found_parties = parties(text, "fr")
    assert len(found_parties) == 1
    assert party in found_parties[0]


def test_selon_before_a_quotation_names_its_party_up_to_the_quotation() -> None:
    text = "Selon le ministre « rien n’est décidé. Tout reste ouvert. »"
    assert parties(text, "fr") == ["le ministre"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Selon la sociologue, la réforme ne changera rien.", "la sociologue"),
        ("« Rien ne bouge », regrette le journaliste.", "le journaliste"),
        ("Le philosophe dénonce le recours aux commissions.", "Le philosophe"),
        ("Les médias répètent que la ville a peur.", "Les médias"),
        ("Des chiffres que le quotidien juge « alarmants » ont circulé.", "le quotidien"),
        ("C’est ce qu’affirme la porte-parole du collectif.", "la porte-parole du collectif"),
    ],
)
def test_french_role_nouns_and_clauses_name_their_party(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


def test_a_french_role_is_the_person_introduced_with_it() -> None:
    text = (
        "Léa Morel, sociologue et chercheuse au CNRS, a publié un livre. "
        "« La police protège l’ordre établi. » Selon la chercheuse, les rédactions ont suivi."
    )
    assert parties(text, "fr")[-1] == "Léa Morel"


def test_celui_ci_is_the_person_named_before() -> None:
    text = "Paul Girard a été mis en examen. Celui-ci conteste les faits qui lui sont reprochés."
    assert parties(text, "fr") == ["Paul Girard"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Le maire nous a expliqué que le chantier reprendrait.", "Le maire"),
        ("La préfète lui a confié que la route rouvrirait.", "La préfète"),
        ("Les grands médias nous le répètent, la ville a peur.", "Les grands médias"),
        ("Le maire le confirme : les travaux reprendront.", "Le maire"),
        ("La directrice m’a assuré que rien ne changerait.", "La directrice"),
        ("Le procureur leur a indiqué que l’enquête continuait.", "Le procureur"),
    ],
)
def test_an_object_pronoun_before_a_french_verb_is_no_part_of_the_party(
    text: str, party: str
) -> None:
    assert parties(text, "fr") == [party]


@pytest.mark.parametrize(
    "text",
    [
        "La critique de Libération est sévère.",
        "Le juge a condamné Paul Roux à un an de prison.",
        "Sur l’action civile, le tribunal le condamne au paiement d’une amende.",
    ],
)
def test_a_french_noun_or_a_court_sentence_reports_nothing(text: str) -> None:
    assert parties(text, "fr") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Le suspect serait arrivé lundi à Lyon.", ""),
        ("Les deux hommes seraient partis avant l’aube.", ""),
        ("On apprend que le maire était informé depuis mars.", ""),
        ("Dans le rapport de l’inspection, on apprend que la digue était fissurée.", "le rapport"),
    ],
)
def test_french_hearsay_is_a_statement_of_whoever_the_text_names(text: str, party: str) -> None:
    found_parties = parties(text, "fr")
    assert len(found_parties) == 1
    assert found_parties[0].startswith(party)


@pytest.mark.parametrize(
    "text",
    [
        "Ce serait fini avant l’été.",
        "La réforme serait possible en 2027.",
        "Dans la soirée, le maire a quitté la salle.",
    ],
)
def test_a_french_conditional_of_the_author_reports_nothing(text: str) -> None:
    assert parties(text, "fr") == []


def test_il_skips_a_woman_the_text_calls_directrice() -> None:
    text = (
        "Le journaliste Marc Petit filme les cortèges. "
        "Pour Claire Roux, directrice de la rédaction, les choix sont éditoriaux. "
        "Un argument qui peine à convaincre Marc Petit. "
        "« Il faut du temps long », explique-t-il."
    )
    assert parties(text, "fr") == ["Claire Roux", "Marc Petit"]


@pytest.mark.parametrize(("pronoun", "party"), [("elle", "Claire Roux"), ("il", "Marc Petit")])
def test_a_french_title_gives_the_sex_a_pronoun_agrees_with(pronoun: str, party: str) -> None:
    first, second = (
        ("M. Marc Petit", "Mme Roux") if pronoun == "il" else ("Mme Claire Roux", "M. Petit")
    )
    text = (
        f"{first} a reçu ses collègues lundi. "
        f"{second} a parlé une heure. "
        f"« Rien n’est réglé », a-t-{pronoun} ajouté."
    )
    assert parties(text, "fr")[-1] == party


def test_a_person_named_after_an_opening_phrase_is_who_il_means() -> None:
    text = (
        "Radio Bleue a consacré une émission au sujet. "
        "Ainsi dans les cortèges, le journaliste Marc Petit passe rarement inaperçu. "
        "« La question a été abordée dès le début », explique-t-il."
    )
    assert parties(text, "fr") == ["Marc Petit"]


def test_a_role_after_pour_and_a_name_is_that_person() -> None:
    text = (
        "Pour Léa Morel, sociologue et chercheuse, la police protège l’ordre établi. "
        "Elle a publié un livre. "
        "« Rien ne change. » Selon la chercheuse, les rédactions ont suivi le mouvement."
    )
    assert parties(text, "fr")[-1] == "Léa Morel"


def test_where_a_quotation_was_said_may_follow_its_party() -> None:
    text = (
        "« Les grands médias n’ont rien montré. » analyse Marc Petit dans un article "
        "du 14 mai, paru sur son blog."
    )
    assert parties(text, "fr") == ["Marc Petit"]


def test_enumerer_reports_what_was_listed() -> None:
    assert parties("La syndicaliste énumère les postes supprimés.", "fr") == ["La syndicaliste"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("« C’est une victoire », s’est réjoui le maire.", "le maire"),
        ("La députée se réjouit de la décision du Conseil.", "La députée"),
        ("« C’est injuste », s’insurge la syndicaliste.", "la syndicaliste"),
        ("Le suspect a été interpellé, de source policière.", "source policière"),
        ("Il s’agirait d’un accident, selon les premiers éléments de l’enquête.", "les premiers"),
        ("Le bilan s’élèverait à dix morts.", ""),
    ],
)
def test_pronominal_verbs_and_unnamed_sources_in_french(text: str, party: str) -> None:
    found_parties = parties(text, "fr")
    assert len(found_parties) == 1
    assert found_parties[0].startswith(party)


def test_the_party_before_a_verb_starts_after_a_closing_guillemet() -> None:
    text = "« Une voix fait-elle une radio ? » Léa Morel analyse « la fabrique d’un style »."
    assert parties(text, "fr") == ["Léa Morel"]


@pytest.mark.parametrize(
    "text",
    [
        "L’argument est faible. Il ne dit rien sur le projet.",
        "Personne ne dit une chose pareille.",
        "Le ministre n’a pas confirmé l’information.",
        "Le maire ne l’a pas démenti.",
        "En vous abonnant vous soutenez un journal libre, critique et indépendant.",
    ],
)
def test_a_negated_french_verb_or_an_adjective_reports_nothing(text: str) -> None:
    assert parties(text, "fr") == []


def test_a_participle_after_a_comma_still_gives_what_was_argued() -> None:
    text = "Le gouvernement se défend, arguant notamment que les données sont protégées."
    assert parties(text, "fr") == ["Le gouvernement"]


def test_selon_lui_inside_a_sentence_is_the_person_named_before() -> None:
    text = (
        "Éric Morel souligne la hausse des abonnés. "
        "Cette hausse illustrerait selon lui l’expression d’un malaise."
    )
    assert parties(text, "fr") == ["Éric Morel", "Éric Morel"]


def test_a_french_surname_is_the_full_name_even_after_an_accented_capital() -> None:
    text = "Élisabeth Borne a parlé lundi. Borne a ajouté que la réforme passerait."
    assert parties(text, "fr") == ["Élisabeth Borne"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Le maire soulignait que les travaux avaient pris du retard.", "Le maire"),
        ("La préfète rappelait que la route restait fermée.", "La préfète"),
        ("Publié en 2010, le livre dénonçait déjà la hausse des loyers.", "le livre"),
        ("La tribune dénonce les violences subies par les reporters.", "La tribune"),
    ],
)
def test_the_imperfect_of_report_and_texts_that_speak(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Claire Roux, fondatrice de l’ONG affirme « C’est une bonne décision ».", "Claire Roux"),
        ("Marc Petit chef d’antenne du parc déclare « la peine est juste ».", "Marc Petit"),
    ],
)
def test_a_french_apposition_without_its_commas_names_the_person(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("L’avocat de la famille a dénoncé une enquête bâclée.", "L’avocat de la famille"),
        (
            "Pour la défense, l’avocat du syndicat mandaté par la fédération pour la représenter, "
            "demande au juge une peine légère.",
            "l’avocat du syndicat",
        ),
    ],
)
def test_a_french_role_with_an_elided_article_is_a_party(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Selon les dernières estimations de l’ONG, 200 éléphants survivent.", "l’ONG"),
        ("Selon les chiffres de l’Insee, le chômage a baissé.", "l’Insee"),
        (
            "Les autorités en la personne du préfet affirment que la digue tiendra.",
            "Les autorités",
        ),
    ],
)
def test_whose_figures_and_who_in_person_in_french(text: str, party: str) -> None:
    assert parties(text, "fr") == [party]


def test_french_roles_joined_by_et_are_one_party() -> None:
    text = "Le réalisateur et les acteurs insistaient sur la fidélité du film."
    assert parties(text, "fr") == ["Le réalisateur et les acteurs"]


def test_en_temoigne_is_evidence_not_testimony() -> None:
    text = "La colère monte, comme en témoigne la grève des urgentistes, le 3 mai à Lyon."
    assert parties(text, "fr") == []


def test_verbs_inside_a_french_quotation_running_over_paragraphs_are_quoted_words() -> None:
    text = (
        "L’hebdomadaire écrivait alors : «Paul Roux rachètera-t-il le journal ? "
        "L’homme d’affaires a fait savoir qu’il étudiait le dossier.\n"
        "Mais il n’est pas le seul sur les rangs.»\n"
        "Le maire a affirmé qu’il ne s’en mêlerait pas."
    )
    assert "L’homme d’affaires" not in parties(text, "fr")
    assert parties(text, "fr")[-1] == "Le maire"


def test_an_elided_article_and_a_speaking_noun_name_a_party() -> None:
    text = "« Le pays a peur », écrivait alors l’hebdomadaire."
    assert parties(text, "fr") == ["l’hebdomadaire"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("La sociologue s’interroge sur la place des blessés dans les journaux.", "La sociologue"),
        ("Le journaliste Marc Petit questionne les moyens déployés.", "Marc Petit"),
        ("Le lendemain, Le Monde titre : « La colère monte ».", "Le Monde"),
        ("Le sondage dresse le constat d’une défiance croissante.", "Le sondage"),
        ("On l’a su quand la rédaction nous annonce que trois émissions cessent.", "la rédaction"),
        ("« Vous n’êtes rien » exprime même le président de l’association.", "le président"),
    ],
)
def test_questions_headlines_findings_and_clauses_in_french(text: str, party: str) -> None:
    found_parties = parties(text, "fr")
    assert len(found_parties) == 1
    assert found_parties[0].startswith(party)


def test_a_verb_before_a_guillemet_and_after_a_french_scene_gives_what_was_said() -> None:
    text = "Le 18 décembre, le conseiller lâche « que le président est prêt à amender le texte »."
    assert found(text, "fr") == [("le conseiller", "que le président est prêt à amender le texte")]


def test_a_l_en_croire_is_the_view_of_the_person_named_before() -> None:
    text = (
        "Paul Roux a été jugé lundi. Il a parlé longtemps. "
        "A l’en croire, la rencontre répondait à une demande des notables."
    )
    assert parties(text, "fr") == ["Paul Roux"]


def test_a_second_pour_x_in_the_same_frame_is_a_second_view() -> None:
    text = "Pour Paul Roux, c’est la dette, pour Léa Morel, c’était le chômage."
    assert found(text, "fr") == [
        ("Paul Roux", "Pour Paul Roux, c’est la dette"),
        ("Léa Morel", "pour Léa Morel, c’était le chômage"),
    ]


def test_pour_autant_is_no_second_view() -> None:
    text = "Pour la ministre, la réforme est juste, pour autant, elle reste impopulaire."
    assert parties(text, "fr") == ["la ministre"]
