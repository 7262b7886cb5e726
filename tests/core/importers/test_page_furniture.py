"""Web pages whose headline, outlet or lead come wrapped in page furniture (issue 21)."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers.base import extract_file
from tests.conftest import write_fixture

PARAGRAPHS = [
    "The ministry published the internal documents on Tuesday after a week of questions.",
    "Officials said the files had been reachable by anyone with the address for months.",
    "A spokesman said the server was taken offline as soon as the ministry was told.",
    "Opposition members called for an inquiry into how the data was stored and shared.",
]


def page(*, h1: str, head: str = "", before_body: str = "", logo: str = "") -> str:
    """Return a news page with the given headline markup, head tags and lead."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head>{head}</head><body><header>{logo}<nav><a href='/'>Home</a></nav>"
        f"</header><article>{h1}{before_body}{body}</article><footer>© 2025</footer>"
        "</body></html>"
    )


def test_a_kicker_inside_the_headline_is_not_glued_to_it(tmp_path: Path) -> None:
    html = page(
        h1="<h1><span class='article-kicker'>Interne Unterlagen im Netz</span>"
        "<span>Daten von Tausenden Bürgern offen einsehbar</span></h1>",
        head="<title>Interne Unterlagen im Netz: Daten von Tausenden Bürgern offen einsehbar"
        "</title>",
    )
    doc = extract_file(write_fixture(tmp_path / "kicker.html", html))
    assert doc.title == "Daten von Tausenden Bürgern offen einsehbar"


def test_a_section_label_and_its_colon_are_left_out_of_the_headline(tmp_path: Path) -> None:
    html = page(
        h1="<h1><span class='ts-overline'>Covid-19 </span><span class='ts-colon'>: </span>"
        "<span>Wie Firmen ihre Beschäftigten schützen</span></h1>",
        head="<meta property='og:title' content='Wie Firmen ihre Beschäftigten schützen'>",
    )
    doc = extract_file(write_fixture(tmp_path / "label.html", html))
    assert doc.title == "Wie Firmen ihre Beschäftigten schützen"


def test_an_outlet_guessed_from_the_domain_takes_the_pages_own_spelling(tmp_path: Path) -> None:
    html = page(
        h1="<h1>Ministry documents left open online</h1>",
        head="<title>Ministry documents left open online - Daily News Egypt</title>"
        "<link rel='canonical' href='https://www.dailynewsegypt.com/2025/ministry-documents/'>",
        logo="<img class='site-logo' src='/logo.png' alt='Daily News Egypt'>",
    )
    doc = extract_file(write_fixture(tmp_path / "outlet.html", html))
    assert doc.outlet == "Daily News Egypt"
    assert doc.title == "Ministry documents left open online"


def test_the_lead_under_the_headline_opens_the_body_and_the_headline_is_not_repeated(
    tmp_path: Path,
) -> None:
    lead = "Thousands of records were open to anyone for months, the ministry now admits."
    html = page(
        h1="<h1>Ministry documents left open online</h1>",
        head="<title>Ministry documents left open online</title>",
        before_body=f"<p class='standfirst'>{lead}</p><p>Ministry documents left open online</p>",
    )
    doc = extract_file(write_fixture(tmp_path / "lead.html", html))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == lead
    assert "Ministry documents left open online" not in paragraphs
    assert paragraphs[1:] == PARAGRAPHS


def test_web_page_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    html = page(h1="<h1>Ministry documents left open online</h1>")
    doc = extract_file(write_fixture(tmp_path / "paragraphs.html", html))
    assert doc.text == "\n\n".join(PARAGRAPHS)
