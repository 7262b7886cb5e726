"""A source's language guessed from its text: ours named, others and short texts left unsure."""

from __future__ import annotations

import pytest

from briefing_app.core.text.language import guess_language, language_tag

ENGLISH = (
    "The Chinese embassy in Dushanbe said on Tuesday that three workers had been killed in "
    "an attack on the company's camp in Khatlon province. Tajik officials blamed a group "
    "operating from across the border, but the Taliban administration denied that any of "
    "its fighters were involved and called for a joint investigation."
)
FRENCH = (
    "L’ambassade de Chine à Douchanbé a déclaré mardi que trois ouvriers avaient été tués "
    "lors d’une attaque contre le camp de l’entreprise dans la province de Khatlon. Les "
    "autorités tadjikes ont accusé un groupe venu de l’autre côté de la frontière, mais "
    "l’administration des talibans a démenti toute implication de ses combattants."
)
GERMAN = (
    "Die chinesische Botschaft in Duschanbe teilte am Dienstag mit, dass bei einem Angriff "
    "auf das Lager des Unternehmens in der Provinz Chatlon drei Arbeiter getötet worden "
    "seien. Tadschikische Behörden machten eine Gruppe von jenseits der Grenze "
    "verantwortlich, doch die Verwaltung der Taliban wies jede Beteiligung ihrer Kämpfer "
    "zurück und forderte eine gemeinsame Untersuchung."
)
PORTUGUESE = (
    "A embaixada da China em Duchambé afirmou na terça-feira que três trabalhadores foram "
    "mortos num ataque contra o acampamento da empresa na província de Khatlon. As "
    "autoridades tajiques culparam um grupo vindo do outro lado da fronteira, mas a "
    "administração dos talibãs negou que os seus combatentes estivessem envolvidos."
)
ITALIAN = (
    "L’ambasciata cinese a Dushanbe ha dichiarato martedì che tre operai sono stati uccisi "
    "in un attacco contro il campo dell’azienda nella provincia di Khatlon. Le autorità "
    "tagike hanno accusato un gruppo proveniente dall’altra parte del confine, ma "
    "l’amministrazione dei talebani ha negato che i suoi combattenti fossero coinvolti."
)
SPANISH = (
    "La embajada china en Dushanbe afirmó el martes que tres trabajadores murieron en un "
    "ataque contra el campamento de la empresa en la provincia de Khatlon. Las autoridades "
    "tayikas culparon a un grupo llegado del otro lado de la frontera, pero la "
    "administración de los talibanes negó que sus combatientes estuvieran implicados."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de"), (PORTUGUESE, "pt")],
)
def test_a_paragraph_in_one_of_our_languages_is_named(text: str, language: str) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize("text", [ITALIAN, SPANISH], ids=["italian", "spanish"])
def test_a_language_without_word_lists_is_left_unsure_not_mislabelled(text: str) -> None:
    # Italian reads much like French, Spanish like Portuguese: neither may take their rules.
    assert guess_language(text) == ""


def test_chinese_and_russian_are_left_unsure() -> None:
    chinese = "中国驻杜尚别大使馆星期二表示，三名工人在哈特隆州的袭击中遇难。" * 5
    russian = (
        "Посольство Китая в Душанбе заявило во вторник, что трое рабочих погибли при "
        "нападении на лагерь компании в Хатлонской области. "
    ) * 3
    assert guess_language(chinese) == ""
    assert guess_language(russian) == ""


def test_a_five_word_text_is_too_short_to_tell() -> None:
    assert guess_language("The minister resigned on Monday") == ""
    assert guess_language("Der Minister ist zurückgetreten heute") == ""


def test_a_text_half_english_half_german_is_left_unsure() -> None:
    assert guess_language(ENGLISH + "\n\n" + GERMAN) == ""


def test_a_quotation_in_another_language_does_not_change_the_guess() -> None:
    quoted = f"{GERMAN} {GERMAN} Der Sprecher zitierte die Erklärung: “We are not involved.”"
    assert guess_language(quoted) == "de"


def test_text_without_words_is_left_unsure() -> None:
    assert guess_language("") == ""
    assert guess_language("2024-05-03 12:00 | 1,234 | 5.6 % | — | ...") == ""


def test_only_the_opening_of_a_long_text_is_read() -> None:
    # A French book with an English index at the end is still French.
    assert guess_language(FRENCH * 60 + ENGLISH * 100) == "fr"


def test_a_declared_language_is_written_as_a_tag() -> None:
    assert language_tag("pt_BR") == "pt-BR"
    assert language_tag(" DE-de ") == "de-DE"
    assert language_tag("fr") == "fr"
    assert language_tag("") == ""


def test_a_long_text_mixed_from_its_opening_is_left_unsure() -> None:
    # Past the opening look, the whole sample is weighed: no language leads.
    assert guess_language((ENGLISH + "\n\n" + GERMAN + "\n\n") * 20) == ""


def test_a_long_text_is_judged_by_its_clear_opening() -> None:
    assert guess_language(GERMAN * 12 + ENGLISH * 60) == "de"
