"""What a date in a claim's sentence dates: the event reported, the reporting, or an earlier
event told in passing.

"Residents said on Tuesday that they had seen a car on 1 March": "on Tuesday" is when they
said it (it sits on the reporting verb), "1 March" when the car was seen (inside what was
said). "The plant, which failed an inspection in January 2024, exploded": January 2024 dates
the inspection, told in a relative clause, not the explosion; so does "The plant that failed
on May 2 will reopen" without commas (English). "Prices rose after the March 3 decision": the
rise is later than March 3, which bounds the event rather than dating it. The reporting verbs
are the suggester's word lists; a language without one has every date read as the event's.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from briefing_app.core.errors import InvalidInput
from briefing_app.core.suggest.attribution import word_trie
from briefing_app.core.suggest.languages import lexicon_for


class DateRole(Enum):
    """What a date found in a sentence dates."""

    EVENT = "event"  # the event the sentence reports
    REPORTING = "reporting"  # when it was said: the event is on or before it
    EARLIER = "earlier"  # an earlier event told in passing (a relative clause)
    AFTER = "after"  # what the event follows ("after", "since" it): the event is later


# Words that may stand between a reporting verb and its date ("told reporters on Tuesday",
# "teilte am Sonntag mit"): a preposition, or the one or two words of whom it was said to.
_BETWEEN_VERB_AND_DATE = {
    "en": r"(?:(?:reporters|journalists|parliament|lawmakers|the\s+press|[A-Z][\w.-]*)\s+)?"
    r"(?:(?:in\s+an?\s+(?:statement|interview|briefing|post|letter|speech)|at\s+an?\s+"
    r"(?:news|press)\s+conference)\s+)?(?:on\s+|late\s+|early\s+|last\s+|this\s+|earlier\s+)?",
    "fr": r"(?:(?:le|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?",
    "de": r"(?:(?:am|an\s+diesem|bereits\s+am|schon\s+am)\s+)?",
    "pt": r"(?:(?:na|no|nesta|neste|em)\s+)?",
}
# Relative pronouns after a comma that open a clause told in passing.
_RELATIVES = {
    "en": ("which", "who", "whose", "where"),
    "fr": ("qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"),
    "de": ("der", "die", "das", "welche", "welcher", "welches", "wo"),
    "pt": ("que", "onde", "cujo", "cuja"),
}
# The words that make a date what the event follows: "after the March 3 decision", "since
# 3 March", "depuis le 3 mars", "seit dem 3. März" (dateparser sometimes takes the word in).
_AFTER = {
    "en": r"(?:after|since|following)",
    "fr": r"(?:après|depuis)",
    "de": r"(?:nach|seit)",
}
_ARTICLE = r"(?:(?:the|le|la|les|l['’]|dem|den|der)\s*)?"
# "After" opening a clause the date sits in: "…, a week after three workers were killed on
# 26 November", "après que … le 26 novembre", "nachdem am 26. November …". The event told
# beside such a clause follows it; a comma or colon between ends the clause first. Not
# "since", "following", "depuis", "nach": as often a preposition of something else ("since
# childhood", "the following statement", "nach Angaben der Polizei").
_AFTER_CLAUSE = {"en": "after", "fr": "après", "de": "nachdem"}
_AFTER_CLAUSE_WORDS = 15  # words between the opening word and the date, at most
# A restrictive relative clause without commas, English only ("the plant that failed on May 2
# will reopen"): "that" after a noun its determiner opens, closed by the main clause's
# auxiliary soon after the date. A "that" after a reporting verb opens what was said instead.
_DETERMINER = (
    r"(?<!\w)(?:the|a|an|this|these|those|its|their|his|her|our|any|every|each)\s+"
    r"(?:[\w'’-]+\s+){1,3}$"
)
_THAT = re.compile(r"(?<!\w)that\s+", re.IGNORECASE)
# Verbs whose object is who is told, so that "that" opens what they were told.
_TOLD = (
    r"(?<!\w)(?:tell|tells|told|inform|informs|informed|assure|assures|assured|warn|warns|"
    r"warned|remind|reminds|reminded|notify|notifies|notified|brief|briefs|briefed|promise|"
    r"promises|promised|convince|convinced|persuade|persuaded|show|shows|showed)\s+$"
)
# The main clause going on after the date: an auxiliary within a few words ("will reopen",
# "last year was closed"), or a past tense at once ("exploded", "quickly reopened").
_MAIN_GOES_ON = re.compile(
    r"\s+(?:(?:[\w'’-]+\s+){0,2}?(?:will|would|shall|should|can|could|may|might|must|is|are|"
    r"was|were|has|have|had|remains?|remained)|(?:[a-z]+ly\s+)?[a-z]+ed)\b"
)
# What ends an inverted attribution after its date: "…,” said the minister on Tuesday.",
# "…, teilte das Ministerium am Dienstag mit."
_END_OF_ATTRIBUTION = r"\s*(?:[,.;:!?]|$|mit\s*[,.;:]|mit$)"
# Auxiliaries of a saying still to come, which is then the event itself.
_TO_COME = r"\b(?:will|would|shall|to|wird|werden|va|vont)\s+$"
# A date on its verb is the saying's whatever follows ("said Tuesday they had…"), unless it
# is a possessive that makes it part of what was said ("said Sunday's attack…").
_NOT_AFTER_REPORTING = r"['’]s\b"


def date_role(
    sentence: str, start: int, end: int, language: str, claim: tuple[int, int] | None = None
) -> DateRole:
    """Return what the date written at sentence[start:end] dates, for a claim at claim.

    >>> s = "Residents said on Tuesday that they saw a car on 1 March."
    >>> date_role(s, s.index("on Tuesday"), s.index(" that"), "en").value
    'reporting'
    """
    lang = (language or "").split("-")[0].strip().lower()
    try:
        patterns = _reporting_patterns(lang)
    except InvalidInput:
        return DateRole.EVENT
    if _on_reporting_verb(sentence, start, end, patterns):
        return DateRole.REPORTING
    clause = _relative_clause(sentence, start, lang)
    if clause is None and lang == "en":
        clause = _restrictive_clause(sentence, start, end, patterns[3])
    if clause is not None:
        inside = claim is not None and clause[0] <= claim[0] and claim[1] <= clause[1]
        if not inside:
            return DateRole.EARLIER
    if _follows(sentence, start, end, lang):
        return DateRole.AFTER
    opening = _after_clause(sentence, start, lang)
    # A claim that is the earlier event itself ("three workers were killed on 26 November")
    # has its date as its own.
    if opening is not None and not (claim is not None and claim[0] >= opening):
        return DateRole.AFTER
    return DateRole.EVENT


def _follows(sentence: str, start: int, end: int, lang: str) -> bool:
    """Return whether the date is one the event follows ("after the March 3 decision")."""
    after = _AFTER.get(lang)
    if after is None:
        return False
    if re.match(rf"{after}\b", sentence[start:end], re.IGNORECASE):
        return True
    return re.search(rf"(?<!\w){after}\s+{_ARTICLE}$", sentence[:start], re.IGNORECASE) is not None


def _after_clause(sentence: str, start: int, lang: str) -> int | None:
    """Return where the clause opened by "after" (or "since") that holds the date starts
    ("a week after three workers were killed on 26 November"), else None."""
    after = _AFTER_CLAUSE.get(lang)
    if after is None:
        return None
    opening = None
    for found in re.finditer(rf"(?<!\w){after}(?!\w)", sentence[:start], re.IGNORECASE):
        opening = found
    if opening is None:
        return None
    between = sentence[opening.end() : start]
    if re.search(r"[,;:!?()“”\"«»„]", between) or len(between.split()) > _AFTER_CLAUSE_WORDS:
        return None
    return opening.start()


def _restrictive_clause(
    sentence: str, start: int, end: int, verb: re.Pattern[str]
) -> tuple[int, int] | None:
    """Return the span of a restrictive "that" clause holding the date, if the main clause
    goes on after it ("The plant that failed on May 2 will reopen"), else None."""
    before = sentence[:start]
    opening = None
    for found in _THAT.finditer(before):
        opening = found
    if opening is None or re.search(r"[,;:]", before[opening.end() :]):
        return None
    noun = re.search(_DETERMINER, before[: opening.start()], re.IGNORECASE)
    if noun is None:
        return None
    # "the minister said that …", "told the press that …": what was said, not a relative.
    if verb.search(before[noun.start() : opening.start()]) or re.search(
        _TOLD, before[: noun.start()], re.IGNORECASE
    ):
        return None
    closing = _MAIN_GOES_ON.match(sentence, end)
    if closing is None:
        return None
    return opening.start(), closing.start()


def _on_reporting_verb(
    sentence: str, start: int, end: int, patterns: tuple[re.Pattern[str], ...]
) -> bool:
    """Return whether the date stands on a reporting verb rather than inside what was said."""
    on_verb, inverted, opening, _ = patterns
    before = sentence[:start]
    after = sentence[end:]
    # "said on Tuesday that …", "…, police said on Tuesday.", "a dit dimanche que …". Verbs
    # are matched as written: "the United States" is no "states".
    if on_verb.search(before) and not re.match(_NOT_AFTER_REPORTING, after):
        return True
    # Inverted after what was said, the speaker between verb and date: "…,” said the
    # minister on Tuesday.", "…, teilte das Ministerium am Dienstag mit."
    if inverted.search(before) and re.match(_END_OF_ATTRIBUTION, after):
        return True
    # "On Tuesday, police said that …", "Am Montag sagte der Minister, …": a date opening the
    # sentence, its reporting verb within a few words and nothing said before the verb. Not a
    # saying to come ("On Friday, the administration will announce …"): that is the event.
    if before.strip(' "“„«') in ("", "On", "on", "Am", "am", "Le", "le"):
        found = opening.match(after)
        return found is not None and not re.search(_TO_COME, found[1])
    return False


def _relative_clause(sentence: str, start: int, lang: str) -> tuple[int, int] | None:
    """Return the span of a relative clause set off by commas that holds start, if any."""
    relatives = _RELATIVES.get(lang, ())
    if not relatives:
        return None
    opening = None
    for found in re.finditer(rf",\s+(?:{'|'.join(relatives)})\b", sentence[:start]):
        opening = found
    if opening is None or "," in sentence[opening.end() : start]:
        return None
    closing = sentence.find(",", start)
    if closing < 0:
        # Unclosed, it runs to the end of the sentence and may carry the news itself ("Police
        # arrested a man, who had fled on Sunday"): only a clause closed by a comma, with the
        # main clause going on after it, is told in passing.
        return None
    return opening.start(), closing


@cache
def _reporting_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Return a language's patterns of a date on its reporting verb, compiled once: the verb
    then the date, the inverted verb with its speaker then the date, the verb after an opening
    date, and any of the verbs (each holds every verb form; rebuilt per date they cost a long
    string each time)."""
    # (The suggester's trie of the forms, longest first: a flat list of some 700 forms would be
    # tried one by one at every position.)
    verbs = word_trie(list(lexicon_for(lang).verb_forms)).replace(r"\ ", r"\s+")
    between = _BETWEEN_VERB_AND_DATE.get(lang, "")
    return (
        re.compile(rf"(?<!\w)(?:{verbs})\s+{between}$"),
        re.compile(rf"[,”\"»“]\s*(?:{verbs})\s+(?:[^\s,;:.!?“”\"«»]+\s+){{1,4}}?{between}$"),
        re.compile(rf"\s*,?\s*((?:[^\W\d_][\w.’'-]*\s+){{0,4}}?)(?:{verbs})\b"),
        re.compile(rf"(?<!\w)(?:{verbs})(?!\w)"),
    )
