"""Turns of a transcript or a Q&A: "BILL KIRBY: Swimming needs to lift its game."

Broadcast transcripts and published interviews label each turn with its speaker and a colon,
with no reporting verb. A label is a speaker's when the text names that person elsewhere (the
article introduced them) and the label asks no question (the host and the interviewer do).
A turn goes on into the following paragraphs until the next label or a question.
"""

from __future__ import annotations

import re

from briefing_app.core.suggest.languages import Lexicon
from briefing_app.core.suggest.languages.places import is_place
from briefing_app.core.suggest.party_names import is_person_like

# A label opening a paragraph: one to three capitalised words, a colon, then the turn.
# (French sets a space before the colon: "Jean Dupont : …".)
_LABEL = re.compile(
    r"(?P<name>[A-ZÀ-Ö][\w.’'-]*(?: [A-ZÀ-Ö][\w.’'-]*){0,2})[ \u00a0\u202f]?:[ \t]*(?=\S)"
)
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
# Paragraphs of a turn after its label, at most: an interview's answer is a few paragraphs.
_MOST_FOLLOWING = 2
# Labels a speaker needs in the text: one labelled line alone is a heading or a caption.
_FEWEST_TURNS = 2
# Labels of a page's furniture, not of a speaker ("Photo: …", "Credit: …", "Tags: …").
_FURNITURE = frozenset(
    (
        *("photo", "photos", "image", "video", "credit", "credits", "caption", "source"),
        *("sources", "note", "update", "updated", "correction", "clarification", "editor"),
        *("read", "watch", "listen", "related", "see", "topics", "tags", "category", "share"),
        *("posted", "published", "filed", "by", "email", "phone", "tel", "fax", "address"),
        *("warning", "disclaimer", "advertisement", "transcript", "q", "a", "question"),
        *("answer", "host", "reporter", "interviewer", "moderator", "narrator", "subscribe"),
        *("pros", "cons", "step", "tip", "update", "breaking", "live", "today", "tonight"),
        # A schedule's days and months ("Monday: rain; Tuesday: sun").
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        # French and German page furniture ("Crédit : AFP", "Foto: dpa", "Quelle: …").
        *("crédit", "crédits", "légende", "vidéo", "lire", "foto", "fotos", "bild", "quelle"),
        *("anzeige", "mehr", "lesen", "hinweis", "aktualisiert"),
    )
)


def transcript_turns(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Return (start, end, speaker) of each speaker's paragraph of a transcript's turns."""
    if ":" not in text:
        return []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    labels: list[tuple[int, str, int]] = []  # paragraph index, name, where the turn starts
    for i, (start, end) in enumerate(paragraphs):
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        match = _LABEL.match(text, start + lead, end)
        if match is not None:
            labels.append((i, match.group("name"), match.end()))
    if lexicon.unlabelled_answers:
        # "Greenpeace: Gab es Überraschungen?" / "Christoph Thies: Neue Fakten gab es nicht.":
        # the interviewer's label (one, at most) asks; the one label that answers is the
        # interviewee's.
        answering = [label for label in labels if not _is_question(text, paragraphs[label[0]])]
        if len(answering) == 1 and len(labels) <= 2:
            return _answers(text, paragraphs, answering[0], lexicon)
    if len(labels) < _FEWEST_TURNS:
        return []
    turns_of: dict[str, list[tuple[int, int]]] = {}
    count: dict[str, int] = {}
    for n, (i, name, turn_start) in enumerate(labels):
        count[name] = count.get(name, 0) + 1
        last = labels[n + 1][0] if n + 1 < len(labels) else len(paragraphs)
        spans = [(turn_start, paragraphs[i][1])]
        for j in range(i + 1, min(last, i + 1 + _MOST_FOLLOWING)):
            paragraph = text[paragraphs[j][0] : paragraphs[j][1]].strip()
            if paragraph.endswith("?") or _is_heading(paragraph):
                break  # an unlabelled question, or a heading: the turn is over
            spans.append(paragraphs[j])
        turns_of.setdefault(name, []).extend(spans)
    label_lines = {paragraphs[i][0] for i, _, _ in labels}
    turns: list[tuple[int, int, str]] = []
    first_question = next((paragraphs[i][0] for i, name, _ in labels if name == "Q"), 0)
    for name, spans in turns_of.items():
        if count[name] < _FEWEST_TURNS or any(text[a:b].rstrip().endswith("?") for a, b in spans):
            # One labelled line is a heading or a caption; the host's and the interviewer's
            # turns ask, they state nothing. (Checked first: naming a speaker scans the text.)
            continue
        if name == "A" and count.get("Q", 0) >= _FEWEST_TURNS:
            # "Q: … A: …": the answers are the interviewee's, the person the introduction
            # names most (unresolved when it names no one).
            speaker: str | None = _interviewee(text[:first_question], lexicon)
        else:
            speaker = _speaker(text, name, label_lines, lexicon)
        if speaker is None:
            continue
        turns.extend((a, b, speaker) for a, b in spans)
    return sorted(turns)


# Answers an interview with one labelled answer needs after it: two, each after a question.
_FEWEST_ANSWERS = 2


def _answers(
    text: str, paragraphs: list[tuple[int, int]], label: tuple[int, str, int], lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """Return the answers of an interview that labels only its first one.

    "Herr Vilanek, …?" / "Christoph Vilanek: …" / "Was kostet …?" / "Wir prüfen …": after a
    question, the labelled speaker answers; each run of paragraphs between two questions is
    their answer. None when the label answers no question, its name is nobody the text
    addresses elsewhere, or fewer than two unlabelled answers follow.
    """
    index, name, turn_start = label
    if index == 0 or not _is_question(text, paragraphs[index - 1]):
        return []
    if name.split()[0].lower() in _FURNITURE or not is_person_like(name, lexicon):
        return []
    surname = name.split()[-1]
    start, end = paragraphs[index]
    if text.find(surname, 0, start) < 0 and text.find(surname, end) < 0:
        return []  # the name stands only in its label ("Herr Vilanek, …?" addresses them)
    runs: list[tuple[int, int]] = [(turn_start, paragraphs[index][1])]
    answered = True  # the labelled answer answers the question before it
    for span in paragraphs[index + 1 :]:
        paragraph = text[span[0] : span[1]].strip()
        if _is_question(text, span):
            answered = False
        elif _is_heading(paragraph):
            break
        elif answered:
            runs[-1] = (runs[-1][0], span[1])  # the answer goes on (a wrapped line, a paragraph)
        else:
            runs.append(span)
            answered = True
    if len(runs) - 1 < _FEWEST_ANSWERS:
        return []
    return [(a, b, name) for a, b in runs]


def _is_question(text: str, span: tuple[int, int]) -> bool:
    return text[span[0] : span[1]].rstrip().endswith("?")


def _speaker(text: str, label: str, label_lines: set[int], lexicon: Lexicon) -> str | None:
    """Return a label's name as the text writes it elsewhere, or None if the text never does."""
    name = label.title() if label.isupper() else label
    if name.split()[0].lower() in _FURNITURE:
        return None
    if is_place(name) or not is_person_like(name, lexicon):
        return None  # "California: Students can…": a list of places, not of speakers
    # A surname alone stands for someone the text names in full ("Jim McKelvey"); a first name
    # alone ("Jack: …") for the full name the text gives ("Jack Dorsey"). (Each mention is found
    # by a plain search: a pattern run over a long text for every label costs seconds.)
    single = " " not in name
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        bounded = (at == 0 or not text[at - 1].isalnum()) and (
            end >= len(text) or not text[end].isalnum()
        )
        line = text.rfind("\n", 0, at) + 1
        if bounded and not (line in label_lines and not text[line:at].strip()):
            if not single or _GIVEN_BEFORE.search(text, max(0, at - 40), at):
                return name
            full = _SURNAME_AFTER.match(text, end)
            if full is not None and is_person_like(name + full.group(0), lexicon):
                return name + full.group(0)
        at = text.find(name, at + 1)
    return None


_GIVEN_BEFORE = re.compile(r"\b[A-Z][\w’'.-]+[ \t]+$")
_SURNAME_AFTER = re.compile(r"[ \t]+[A-Z][\w’'-]+\b")


_FULL_NAME = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,2}")


def _interviewee(introduction: str, lexicon: Lexicon) -> str:
    """Return the person an interview's introduction names most often, or "" if none."""
    names = [
        m.group(0)
        for m in _FULL_NAME.finditer(introduction)
        if is_person_like(m.group(0), lexicon) and not is_place(m.group(0))
    ]
    if not names:
        return ""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    return max(reversed(names), key=lambda n: counts[n])


def _is_heading(paragraph: str) -> bool:
    """Return whether a paragraph is a short heading (most words capitalised, no end stop)."""
    words = paragraph.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 12 and capitalised >= 0.6 * len(words) and paragraph[-1:] not in '.!”"'
