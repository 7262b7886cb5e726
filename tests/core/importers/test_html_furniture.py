"""Saved news pages keep the article, not the page furniture around or inside it."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers.base import extract_file
from tests.conftest import write_fixture

HEADLINE = "Harbour authority delays the vote on the new ferry terminal"
PARAGRAPHS = [
    "The harbour authority postponed Thursday's vote on the new ferry terminal by a month.",
    "Board members said they had received the final environmental report only on Monday.",
    "Residents near the quay have objected to the plans for more than two years now.",
    "The operator said a delay would push the opening of the terminal into next summer.",
]
# Another story's teaser: long enough to pass for a lead, marked up as a "summary".
OTHER_STORY = "Council leader resigns after inquiry into the awarding of road contracts"


def page(*, before: str = "", lead: str = "", inside: str = "", after: str = "") -> str:
    """Return a news page: furniture before, a lead, furniture inside and after the article."""
    first, rest = PARAGRAPHS[:2], PARAGRAPHS[2:]
    body = "".join(f"<p>{p}</p>" for p in first) + inside + "".join(f"<p>{p}</p>" for p in rest)
    return (
        f"<html><head><title>{HEADLINE}</title></head><body>{before}<main><article>"
        f"<h1>{HEADLINE}</h1>{lead}<div class='article-body'>{body}</div></article>"
        f"{after}</main></body></html>"
    )


def body_of(tmp_path: Path, html: str) -> str:
    """Import the page as a user would and return the stored body text."""
    return extract_file(write_fixture(tmp_path / "page.html", html)).text


def test_a_ribbon_of_other_stories_before_the_article_does_not_open_the_body(
    tmp_path: Path,
) -> None:
    ribbon = (
        "<nav class='ribbon'><ol><li><a href='/2017/other-story.html'>"
        "<article class='story theme-summary'><div class='summary'>"
        f"<h2 class='story-heading'>{OTHER_STORY}</h2></div></article></a></li></ol></nav>"
    )
    text = body_of(tmp_path, page(before=ribbon))
    assert OTHER_STORY not in text
    assert text.startswith(PARAGRAPHS[0])


def test_a_promo_box_in_the_side_rail_does_not_open_the_body(tmp_path: Path) -> None:
    rail = (
        "<div id='right-rail' class='layout-item right-rail'><div class='game-module'>"
        "<div class='games-intro'><h4>Our crosswords and puzzles</h4>"
        "<p>Play them right from this page, every day</p></div></div></div>"
    )
    text = body_of(tmp_path, page(after=rail))
    assert "puzzles" not in text
    assert text.startswith(PARAGRAPHS[0])


def test_a_most_read_list_with_summaries_does_not_open_the_body(tmp_path: Path) -> None:
    most_read = (
        "<section class='widget'><div class='widget__most-read'><ul><li>"
        f"<div class='widget__most-read--summary'><h3>1 {OTHER_STORY}</h3></div></li></ul>"
        "</div></section>"
    )
    text = body_of(tmp_path, page(after=most_read))
    assert OTHER_STORY not in text


def test_a_gallery_opener_inside_the_body_is_left_out(tmp_path: Path) -> None:
    gallery = (
        "<div class='gallery-wrapper'><div class='gallery-btn' role='button' tabindex='0'>"
        "<header><h2>Regional news in pictures</h2><span>Show all 40</span></header>"
        "<div data-gallery-length='40'><img src='a.jpg' alt='Waves on the harbour wall'></div>"
        "</div></div>"
    )
    text = body_of(tmp_path, page(inside=gallery))
    assert "in pictures" not in text
    assert "Show all" not in text
    assert text.split("\n\n") == PARAGRAPHS


def test_the_lead_under_the_headline_still_opens_the_body(tmp_path: Path) -> None:
    lead = "Board members want more time to read the environmental report before deciding."
    text = body_of(tmp_path, page(lead=f"<p class='standfirst'>{lead}</p>"))
    assert text.split("\n\n")[0] == lead


def test_real_short_paragraphs_and_a_button_styled_link_in_a_sentence_are_kept(
    tmp_path: Path,
) -> None:
    inside = (
        "<p>“No,” she said.</p>"
        "<p>Read <a role='button' href='/report.pdf'>the full report</a> on the site.</p>"
    )
    text = body_of(tmp_path, page(inside=inside))
    assert "“No,” she said." in text.split("\n\n")
    assert "Read the full report on the site." in text.split("\n\n")


def test_an_article_inside_an_expanding_control_is_kept(tmp_path: Path) -> None:
    # Some pages wrap the collapsed rest of the story in a clickable block.
    expander = (
        "<div role='button' class='read-more'>"
        + "".join(f"<p>{p} It continued.</p>" for p in PARAGRAPHS[:3])
        + "</div>"
    )
    text = body_of(tmp_path, page(inside=expander))
    assert f"{PARAGRAPHS[2]} It continued." in text
