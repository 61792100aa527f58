"""What a reader sees first: the overview's box on what the article says, on
the first screen of a phone and a desktop, and the treaty page's comparison
table, which fits a 320 px screen and stays where it is when Material starts."""

from __future__ import annotations

import re

import pytest

from .checks import change_page
from .startup import start_material

pytestmark = pytest.mark.browser

EDITIONS = ("", "fr/")
SCREENS = ((320, 568), (360, 640), (1280, 800))

ARTICLE_BOX = """() => { const box = document.querySelector('article .article-box');
  if (!box) return null;
  const title = box.querySelector('.admonition-title').getBoundingClientRect();
  return {top: Math.round(box.getBoundingClientRect().top), titleBottom: Math.round(title.bottom),
          links: box.querySelectorAll('li a:not(.status):not(.footnote-ref)').length} }"""


def article_box_problems(page, where: str, height: int) -> list[str]:
    """The box is on the page, its title wholly on the first screen, and each
    of its points links to the page that tells it."""
    box = page.evaluate(ARTICLE_BOX)
    if box is None:
        return [f'{where}: the overview has no "what the article says" box (!!! note article-box in docs/*/index.md)']
    problems = []
    if box["titleBottom"] > height:
        problems.append(
            f'{where}: the "what the article says" box starts {box["top"]} px down, below the first screen '
            f"({height} px); keep what comes before it in docs/*/index.md to the lead paragraph and one sentence"
        )
    if box["links"] < 4:
        problems.append(
            f"{where}: the article box links to {box['links']} pages, not to each of the four that tell the article"
        )
    return problems


def open_at(browser, server, width: int, height: int, path: str, change=None):
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    if change:
        change_page(context, server, path, change)
    page = context.new_page()
    page.goto(server.url(path))
    return context, page


def test_the_overview_first_screen_holds_the_article_box(browser, server):
    problems = []
    for path in EDITIONS:
        for width, height in SCREENS:
            context, page = open_at(browser, server, width, height, path)
            problems += article_box_problems(page, f"/{path} at {width}×{height}", height)
            context.close()
    assert not problems, "\n".join(problems)


def test_an_article_box_pushed_below_the_first_screen_is_reported(browser, server):
    lead = "<p>" + "A long introduction that an editor added before the box. " * 12 + "</p>"
    context, page = open_at(
        browser,
        server,
        360,
        640,
        "",
        lambda html: html.replace(
            '<div class="admonition note article-box">', lead + '<div class="admonition note article-box">', 1
        ),
    )
    found = "\n".join(article_box_problems(page, "/ at 360×640", 640))
    context.close()
    assert re.search(
        r'/ at 360×640: the "what the article says" box starts \d+ px down, below the first screen \(640 px\)', found
    ), found


# --------------------------------------------------------------------------
# The comparison table (build/markup.py, explainer.css)
# --------------------------------------------------------------------------

TABLE = """() => { const t = document.querySelector('article table');
  if (!t) return null; const r = t.getBoundingClientRect();
  return {box: [r.x, r.y, r.width, r.height].map(Math.round).join(' '), right: Math.round(r.right),
          wrapped: !!t.closest('.md-typeset__scrollwrap'), page: document.scrollingElement.scrollWidth} }"""


def comparison_problems(page, where: str, width: int) -> list[str]:
    """The table fits the screen, and Material's start-up neither wraps nor moves it."""
    before = page.evaluate(TABLE)
    if before is None:
        return [f'{where}: no comparison table (a Markdown table in <div class="comparison" markdown>)']
    problems = []
    if before["right"] > width or before["page"] > width:
        problems.append(
            f"{where}: the comparison table is {before['right']} px wide on a {width} px screen; it must fit without scrolling"
        )
    start_material(page)
    page.wait_for_timeout(300)
    after = page.evaluate(TABLE)
    if after["wrapped"] or after["box"] != before["box"]:
        problems.append(
            f"{where}: when Material starts, the comparison table moves from {before['box']} to {after['box']}"
            + (" inside Material's scrolling box" if after["wrapped"] else "")
            + '; build/markup.py gives tables in <div class="comparison"> a class so that Material leaves them alone'
        )
    return problems


def test_the_comparison_table_fits_a_phone_and_stays_put(browser, server):
    problems = []
    for path in ("treaty/", "fr/treaty/"):
        for width, height in ((320, 568), (1280, 800)):
            context, page = open_at(browser, server, width, height, path)
            problems += comparison_problems(page, f"/{path} at {width} px", width)
            context.close()
    assert not problems, "\n".join(problems)


def test_a_comparison_table_material_wraps_is_reported(browser, server):
    context, page = open_at(
        browser,
        server,
        320,
        568,
        "treaty/",
        lambda html: html.replace('<table class="comparison__table">', "<table>", 1),
    )
    found = "\n".join(comparison_problems(page, "/treaty/ at 320 px", 320))
    context.close()
    assert "/treaty/ at 320 px: when Material starts, the comparison table moves from" in found, found
    assert "inside Material's scrolling box" in found
