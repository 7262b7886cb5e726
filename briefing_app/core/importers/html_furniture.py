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
# A control (role="button": a gallery opener, "Show all 50") carries a label, not prose; one
# with more text than this wraps real content and is left alone.
MAX_CONTROL_CHARS = 200


def in_furniture(element: HtmlElement) -> bool:
    """Return True when an ancestor of element is navigation, a side rail or a teaser link."""
    for ancestor in element.iterancestors():
        if ancestor.tag in FURNITURE_TAGS or ancestor.tag == "a":
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
