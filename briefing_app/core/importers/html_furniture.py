"""Page furniture on saved web pages: navigation, side rails, widgets, other stories' teasers.

News pages surround the article with blocks that are not part of it: a ribbon of other
stories, a "most read" list, a games promo in the right rail, a gallery opener inside the
body. They are recognised by their markup (tags, ARIA roles, class and id words, a teaser
wrapped in a link), never by their words, so the rules hold across sites.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Elements that hold navigation or side content wherever they appear.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "menu"})
FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "menu", "menubar"})
# Class or id words naming side rails, widgets and lists of other stories; a word starts at
# the start of the value or after - _ or a space ("right-rail", "widget__most-read",
# "jp-relatedposts"), so "trail" or "unrelated" do not match.
_FURNITURE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:rail|sidebar|widget|related|recommend|most-?read|most-?popular|"
    r"most-?viewed|trending|promo|newsletter|ribbon|outbrain|taboola)",
    re.IGNORECASE,
)
# Markup of a credits line (a byline, a date, share buttons, labels only screen readers see):
# a word at the start of a class, id, rel or itemprop value or after - _ or a space.
_CREDIT_WORDS = re.compile(
    r"(?:^|[\s_-])(?:author|byline|by-line|date|dateline|published|timestamp|share|sharing|"
    r"social|sr-only|visually-hidden|screen-reader)",
    re.IGNORECASE,
)
_CREDIT_TAGS = frozenset({"a", "time", "button"})
# A lead is prose: one with more than this share of its text in links, dates or credit markup
# is the line of author, date and share buttons under a headline, whatever its class says.
MAX_CREDIT_SHARE = 0.5
# A control (role="button": a gallery opener, "Show all 50") carries a label, not prose; one
# with more text than this wraps real content and is left alone.
MAX_CONTROL_CHARS = 200


def in_furniture(element: HtmlElement, *, links: bool = True) -> bool:
    """Return True when an ancestor of element is navigation, a side rail or a teaser link.

    With links=False an enclosing link alone does not count (the caller judges where it goes).
    """
    for ancestor in element.iterancestors():
        if ancestor.tag in FURNITURE_TAGS or (links and ancestor.tag == "a"):
            # A block inside a link is a card linking to another story.
            return True
        if (ancestor.get("role") or "").lower() in FURNITURE_ROLES:
            return True
        words = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if _FURNITURE_WORDS.search(words):
            return True
    return False


def drop_controls(tree: HtmlElement) -> None:
    """Remove the labels of page controls (role="button") that trafilatura keeps as text.

    trafilatura drops <button> but not a <div role="button">, so a gallery opener's heading
    and its "Show all 50" landed between two paragraphs of the article.
    """
    for element in tree.xpath(".//*[@role='button']"):
        if element.tag == "a" or element.getparent() is None:
            continue  # a link styled as a button may sit inside a sentence
        if len(" ".join(element.text_content().split())) <= MAX_CONTROL_CHARS:
            element.drop_tree()  # keeps the text after it


def is_credits_line(element: HtmlElement) -> bool:
    """Return True when most of element's text is credits: links, dates, byline or share markup.

    A page's "subtitle" may hold "By <a>Jane Doe</a> on <time>…</time>" and its share buttons
    rather than a lead; its text read whole ("By Jane Doe on March 4, 2025 Share on Facebook")
    is not the article's first paragraph.
    """
    total = len(_plain(element.text_content()))
    return total > 0 and _credit_chars(element) > MAX_CREDIT_SHARE * total


def _credit_chars(element: HtmlElement) -> int:
    """Return how many characters of element's text sit in credit markup (counted once)."""
    chars = 0
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        if _is_credit(child):
            chars += len(_plain(child.text_content()))
        else:
            chars += _credit_chars(child)
    return chars


def _is_credit(element: HtmlElement) -> bool:
    if element.tag in _CREDIT_TAGS:
        return True
    marks = " ".join(element.get(a) or "" for a in ("class", "id", "rel", "itemprop"))
    return bool(_CREDIT_WORDS.search(marks))


def _plain(text: str) -> str:
    return "".join(text.split())  # spaces differ between a whole and its parts: not counted
