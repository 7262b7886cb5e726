"""Speech reported inside another speaker's statement: whose words a nested clause holds.

"A diplomat said that Beijing had asked for permission": what Beijing asked is part of what the
diplomat said, one statement, and the diplomat is its party; Beijing is only someone the
diplomat speaks about.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_app.core.suggest.attribution import Attribution
    from briefing_app.core.suggest.languages import Lexicon

# What opens the clause a verb reports: "said (on Monday) that", "a déclaré (jeudi) que",
# "sagte(, dass)"; English with no "that" only after the verbs below.
_COMPLEMENTISER = {
    "en": re.compile(r"\s*,?\s*that\s+"),
    "fr": re.compile(r"\s*,?\s*qu(?:e\s+|[’']\s*)"),
    "de": re.compile(r"\s*,\s*(?:dass\s+)?"),
}
# English verbs whose clause often goes without "that" ("said Beijing had asked").
_BARE_CLAUSE_LEMMAS = frozenset(
    (
        *("say", "tell", "add", "claim", "state", "insist", "believe", "think", "argue"),
        *("report", "write", "explain", "warn", "announce", "confirm", "allege", "note"),
        *("acknowledge", "admit", "estimate", "predict", "testify", "reply", "answer"),
    )
)
# The attributions that can report a clause: "X said", "said X", "…and said", "…, saying",
# "Saying…, X".
_OUTER_PATTERNS = frozenset(
    ("X verb", "verb X", "coordinated", "participle", "fronted participle", "according to X")
)
# "denounced what he called a bid", "rejected what Beijing described as…": a name inside what
# the speaker says.
_NAMING_LEMMAS = frozenset(("call", "describe", "characterise", "brand", "dub", "qualifier"))
_WHAT = re.compile(r"\s+(?:what\s+|ce\s+qu(?:e\s+|[’']\s*))")
# Whom a speaker told: "told reporters (that) Moscow had warned".
_LISTENER = re.compile(
    r"\s+(?:me|him|her|us|them|you|"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w.&’'-]+\s+){0,3}?[\w.&’'-]+)"
    r"(?=\s)"
)
_LISTENER_LEMMAS = frozenset(("tell", "inform", "assure", "remind", "avertir", "prévenir"))
# Where a reported clause ends and the writer's own next clause may begin: a stop, a quotation,
# "…, but …", "…, and the minister…" (not "…, and that…", which goes on reporting).
_CLAUSE_END = re.compile(
    r"[;“”\"«»„]|:\s*[“\"«„]"
    # ("…was fine and the military said…", "…, however Woodbridge hit out…", "…as residents
    # reported…": the writer goes on to another speaker.)
    r"|(?:,\s*|\s)(?:and|but|as|however|while|whereas|although|though|yet|et|mais|tandis|alors|"
    r"und|aber|doch)\s(?!(?:that|que|qu[’']|dass)\b)"
)
# A clause that only sets the scene for the sentence's main clause: "When Page mentioned…, ".
_SUBORDINATE_HEAD = re.compile(
    r"(?i)(?:^|[,;]\s*)(?:after|when|before|while|as|since|although|though|if|because|once|"
    r"until|whereas|après|avant|lorsque|quand|nachdem|als|bevor|während|obwohl|weil)\s+"
    r"(?:[^,;]*\s)?$"
)
# "…, a claim the government denied.", "…, a charge the campaign rejected.": a name for the
# clause before, then whoever answers it.
_JUDGED_AS = re.compile(
    r"(?i)(?:a|an|the|this|that|one)\s+(?:[\w-]+\s+)?(?:claim|charge|allegation|accusation|"
    r"assertion|view|figure|account|version|suggestion|assessment|characteri[sz]ation|"
    r"description|estimate|idea|notion|theory|argument|point|remark|comment|statement|story|"
    r"rumou?r|move|decision|step)s?\s"
)
# A speaker inside a fronted clause ("After Russia said in March that…, Clinton said…"): what
# the speaker said ends at the comma that closes the clause.
_FRONTED = re.compile(
    r"(?i)(?:^|[,;]\s*)(?:after|when|before|while|as|since|although|though|if|because|once|"
    r"until|whereas|après|avant|lorsque|quand|alors|nachdem|als|bevor|während|obwohl|weil)\s"
    r"[^,;]*$"
)
# With no "that", what follows the verb may be its object, then an event of its own.
_BARE_END = re.compile(
    r"\s(?:after|before|when|whenever|because|since|until|once|following|amid|despite|if|"
    r"unless)\s"
)
# A reported clause read for its speakers at most this far: longer, the clause has ended.
_MOST_CLAUSE = 300
# Hearsay with no one behind it: "Reports say that the agency warned banks…" holds the agency's
# own warning, the reports only pass it on.
_UNNAMED_HEARSAY = re.compile(r"(?i)(?:(?:media|news|press|unconfirmed)\s+)?(?:reports|rumou?rs)")
# What may close a sentence after a trailing attribution: "…, a diplomat said."
_CLOSING = r"[\s.!?”\"’»]*"
# Words on a closing credit's speaker, or what the speaker went on to say: "…, a diplomat said
# on condition of anonymity.", "…, said a diplomat who declined to be named.", "…, X said,
# adding that talks would go on."
_ABOUT_THE_SPEAKER = (
    r"(?:\s+on\s+condition\s+of\s+anonymity|\s+(?:who|which)\s[^;:“”\"«»„]*"
    r"|,\s+(?:adding|saying|citing|noting|speaking|who)\b[^;:“”\"«»„]*)?"
)
# Whom a closing credit told: "…, diplomats told Reuters."
_LAST_LISTENER = (
    r"(?:\s+(?:me|him|her|us|them|you|reporters|journalists|"
    r"(?:the\s+|a\s+|an\s+)?[A-Z][\w&’'-]*\.?(?:\s+[A-Z][\w&’'-]*\.?){0,3}|"
    r"(?:the|a|an)\s+(?:[\w&’'-]+\s+){0,2}[\w&’'-]+))?"
)


def reported_within(
    sentence: str, inner: Attribution, outer: Attribution, lexicon: Lexicon
) -> bool:
    """Return whether inner's speaker stands in the clause that outer's speaker says.

    >>> from briefing_app.core.suggest.attribution import find_attributions
    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> said = find_attributions("Police said that Smith had denied it.", lexicon_for("en"))
    >>> [a.party for a in said]
    ['Police']
    """
    if (
        inner is outer
        or inner.pattern != "X verb"
        or inner.party_start < 0
        or not outer.party
        or outer.pattern not in _OUTER_PATTERNS
        or _UNNAMED_HEARSAY.fullmatch(outer.party)
    ):
        return False
    if inner.party_end <= outer.anchor_start and outer.anchor_end <= inner.verb_start:
        # "Beijing, a diplomat said, had asked…": an aside that credits the whole clause.
        return outer.pattern in ("X verb", "verb X") and _aside(sentence, inner, outer, lexicon)
    if outer.pattern == "fronted participle":
        # "Saying that Beijing had asked…, the diplomat…": the clause ends before the speaker.
        return (
            outer.verb_end <= inner.party_start
            and inner.verb_end <= outer.party_start
            and _in_clause(sentence, inner, outer, lexicon)
        )
    if outer.anchor_end <= inner.party_start:
        return outer.pattern != "according to X" and _in_clause(sentence, inner, outer, lexicon)
    # ("…, according to a diplomat.": the source closing the sentence is its credit too; a
    # source opening it leaves the speaker after it in charge, "According to X, Y predicts…".)
    return outer.pattern in ("X verb", "verb X", "according to X") and _closes_clause(
        sentence, inner, outer, lexicon
    )


def _aside(sentence: str, inner: Attribution, outer: Attribution, lexicon: Lexicon) -> bool:
    """Return whether outer stands between commas inside inner's clause ("X, Y said, did…")."""
    before = sentence[inner.party_end : outer.anchor_start]
    after = _setting(lexicon.setting_words).match(sentence, outer.anchor_end, inner.verb_start)
    rest = sentence[after.end() if after is not None else outer.anchor_end : inner.verb_start]
    # (What stands between the comma and the verb is the verb's: "had", "has already".)
    return before.strip() == "," and re.fullmatch(r"\s*,\s*(?:\w+\s+){0,2}", rest) is not None


def _in_clause(sentence: str, inner: Attribution, outer: Attribution, lexicon: Lexicon) -> bool:
    """Return whether inner's party stands in the clause outer's verb opens."""
    start = outer.verb_end if outer.pattern == "fronted participle" else outer.anchor_end
    end = inner.party_start
    if end - start > _MOST_CLAUSE:
        return False
    if closes_sentence(sentence, inner, lexicon, described=True):
        return False  # "…, US and Israeli sources said.": the sentence's credit, not a clause's
    if inner.lemma in _NAMING_LEMMAS and _WHAT.fullmatch(sentence, start, end):
        return True  # "denouncing what he called a bid…": the name is part of the denunciation
    clause = _clause_start(sentence, start, end, outer.lemma, lexicon)
    if clause is None:
        return False
    opened, bare = clause
    if _CLAUSE_END.search(sentence, opened, end) is not None:
        return False
    if bare and _BARE_END.search(sentence, opened, end) is not None:
        return False  # "announced a recall after regulators warned…": an object, then an event
    # (The fronted clause is looked for near the speaker only: a long sentence costs no more.)
    near = max(0, outer.anchor_start - _MOST_CLAUSE)
    return "," not in sentence[opened:end] or not _FRONTED.search(
        sentence, near, outer.anchor_start
    )


def _clause_start(
    sentence: str, start: int, end: int, lemma: str, lexicon: Lexicon
) -> tuple[int, bool] | None:
    """Return where the clause a verb ending at start reports begins and whether no "that"
    opens it, or None if the verb opens no clause there."""
    setting = _setting(lexicon.setting_words).match(sentence, start, end)
    at = setting.end() if setting is not None else start
    if lemma in _LISTENER_LEMMAS:
        # ("told reporters that…": whom, then the clause; else the listener is the subject.)
        listener = _LISTENER.match(sentence, at, end)
        that = listener and _opened_by(sentence, listener.end(), end, lexicon)
        if that is not None:
            return that, False
    that = _opened_by(sentence, at, end, lexicon)
    if that is not None:
        return that, False
    if lexicon.language == "en" and lemma in _BARE_CLAUSE_LEMMAS:
        return at, True  # "said Beijing had asked": the clause with no "that"
    return None


def _opened_by(sentence: str, at: int, end: int, lexicon: Lexicon) -> int | None:
    """Return the end of a complementiser ("that", "que", ", dass") at at, or None."""
    pattern = _COMPLEMENTISER.get(lexicon.language)
    opened = pattern.match(sentence, at, end) if pattern is not None else None
    return opened.end() if opened is not None else None


def closes_sentence(
    sentence: str, att: Attribution, lexicon: Lexicon, described: bool = False
) -> bool:
    """Return whether an attribution closes its sentence after a comma ("…, a diplomat said.",
    "…, two diplomats told Reuters on Monday."); described allows words on the speaker after
    it ("…, a diplomat said on condition of anonymity.", "…, adding that…")."""
    if not sentence[: att.anchor_start].rstrip().endswith(","):
        return False
    closing = _closing(lexicon.setting_words, att.lemma in _LISTENER_LEMMAS, described)
    return closing.fullmatch(sentence, att.anchor_end) is not None


def _closes_clause(sentence: str, inner: Attribution, outer: Attribution, lexicon: Lexicon) -> bool:
    """Return whether outer closes the sentence after the clause inner's speaker opens.

    "Beijing had asked for permission, a diplomat said.": the clause before the comma is what
    the diplomat said.
    """
    if inner.verb_end > outer.anchor_start:
        return False
    head = sentence[: inner.party_start]
    if _SUBORDINATE_HEAD.search(head):
        return False  # "When Page mentioned…, Chan told him why.": a clause of its own
    if _JUDGED_AS.match(outer.party):
        return False  # "…, a claim the government denied.": the clause judged, not credited
    between = sentence[inner.verb_end : outer.anchor_start]
    return (
        not re.search(r"[“”\"«»„]", head)
        # (A quoted phrase inside the clause is the clause's: "…to make “progress”, X said.")
        and not re.search(r"[;:]", between)
        and closes_sentence(sentence, outer, lexicon, described=True)
    )


def after_setting(sentence: str, pos: int, lexicon: Lexicon) -> int:
    """Return where when or how something was said ends, from pos ("said on Monday, …")."""
    setting = _setting(lexicon.setting_words).match(sentence, pos)
    return setting.end() if setting is not None else pos


@cache
def _closing(setting_words: str, told: bool, described: bool) -> re.Pattern[str]:
    """Return the pattern of what may follow a credit that closes a sentence."""
    listener = _LAST_LISTENER if told else ""
    about = _ABOUT_THE_SPEAKER if described else ""
    return re.compile(listener + _setting(setting_words).pattern + about + _CLOSING)


@cache
def _setting(setting_words: str) -> re.Pattern[str]:
    """Return the pattern of when or how something was said, between a verb and its clause."""
    words = setting_words or r"(?!)"
    return re.compile(r"(?:\s+(?:" + words + r"))*")
