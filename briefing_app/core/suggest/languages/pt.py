"""Portuguese reporting verbs, attribution phrases and party nouns (the common news frames)."""

from __future__ import annotations

from briefing_app.core.suggest.languages import Lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _forms(past: str, past_plural: str, present: str, present_plural: str) -> tuple[str, ...]:
    """Return the simple past news Portuguese reports in, then the present; singular, plural."""
    return (past, past_plural, present, present_plural)


# lemma -> inflected forms; news Portuguese reports in the simple past ("disse", "afirmou").
_VERBS: dict[str, tuple[str, ...]] = {
    "dizer": _forms("disse", "disseram", "diz", "dizem"),
    "declarar": _forms("declarou", "declararam", "declara", "declaram"),
    "afirmar": _forms("afirmou", "afirmaram", "afirma", "afirmam"),
    "contar": _forms("contou", "contaram", "conta", "contam"),
    "explicar": _forms("explicou", "explicaram", "explica", "explicam"),
    "acrescentar": _forms("acrescentou", "acrescentaram", "acrescenta", "acrescentam"),
    "anunciar": _forms("anunciou", "anunciaram", "anuncia", "anunciam"),
    "confirmar": _forms("confirmou", "confirmaram", "confirma", "confirmam"),
    "negar": _forms("negou", "negaram", "nega", "negam"),
    "admitir": _forms("admitiu", "admitiram", "admite", "admitem"),
    "reconhecer": _forms("reconheceu", "reconheceram", "reconhece", "reconhecem"),
    "alertar": _forms("alertou", "alertaram", "alerta", "alertam"),
    "criticar": _forms("criticou", "criticaram", "critica", "criticam"),
    "acusar": _forms("acusou", "acusaram", "acusa", "acusam"),
    "defender": _forms("defendeu", "defenderam", "defende", "defendem"),
    "garantir": _forms("garantiu", "garantiram", "garante", "garantem"),
    "ressaltar": _forms("ressaltou", "ressaltaram", "ressalta", "ressaltam"),
    "destacar": _forms("destacou", "destacaram", "destaca", "destacam"),
    "comentar": _forms("comentou", "comentaram", "comenta", "comentam"),
    "escrever": _forms("escreveu", "escreveram", "escreve", "escrevem"),
    "falar": _forms("falou", "falaram", "fala", "falam"),
    "deixar claro": _forms("deixou claro", "deixaram claro", "deixa claro", "deixam claro"),
}

LEXICON = Lexicon(
    language="pt",
    verb_forms={form: lemma for lemma, forms in _VERBS.items() for form in forms},
    verb_kinds={"negar": "denial", "acusar": "allegation"},
    inverting_forms=frozenset(
        form
        for lemma in ("dizer", "declarar", "afirmar", "contar", "explicar", "acrescentar", "falar")
        for form in _VERBS[lemma]
    ),
    after_quote_forms=frozenset(),
    source_phrases=("segundo", "de acordo com", "conforme"),
    passive_patterns=(r"\b(?:supostamente|alegadamente|teria sido|teriam sido)\b",),
    official_nouns=_words(
        """ministro ministra ministério governo polícia presidente presidência prefeito prefeita
        prefeitura governador governadora secretário secretária tribunal justiça procurador
        procuradoria embaixada exército porta-voz autoridades"""
    ),
    organisation_nouns=_words(
        """ministério governo polícia tribunal associação empresa companhia partido sindicato
        instituto universidade banco federação confederação clube agência"""
    ),
    speaker_nouns=_words(
        """ministro ministra governo polícia autoridades porta-voz especialistas testemunhas
        moradores advogado advogada advogados técnico treinador jogador jogadores relatório
        estudo nota comunicado empresa sindicato presidente fontes fonte médico médicos"""
    ),
    leading_noise=_words("e mas porém como que também ainda já ontem hoje"),
    trailing_noise=_words("tem têm tinha foi era é são não também já"),
    pronouns={"ele": "person", "ela": "person", "eles": "group", "elas": "group"},
    determiners=_words(
        "o a os as um uma uns umas do da dos das no na nos nas este esta esse essa seu sua"
    ),
    abbreviations=_words("sr sra srta dr dra prof profa etc av"),
    non_party_starts=_words(
        """em no na nos nas de do da dos das para por com sem após depois antes quando onde se
        hoje ontem amanhã aqui lá isso isto"""
    ),
    quantifiers=_words("um uma dois duas três vários várias alguns algumas muitos muitas"),
    possessives=_words("seu sua seus suas"),
    complementisers=("que",),
    gendered={"ele": "m", "ela": "f"},
    relatives=("que",),
    # "…", falou Tite ao programa: the name ends where to whom or where it was said begins.
    right_stops=r"ao|aos|à|às|no|na|nos|nas|em|durante|após|nesta|neste|ontem|hoje",
)
