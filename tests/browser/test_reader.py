"""The reader's features, used as a person would: search in each edition,
the language switcher, footnote and abbreviation tooltips (by mouse and by
keyboard), the palette toggle, and print. Each check is a function that
returns its problems, run on the real pages and on pages broken on purpose.
The real-page tests also require a clean console, no failed or third-party
request and no CSP violation while the feature is used."""

from __future__ import annotations

import json
import re

import pytest

from .checks import assert_works, axe, change_css, change_page, color_scheme, new_audit, tab_until
from .startup import wait_until

pytestmark = pytest.mark.browser


# --------------------------------------------------------------------------
# The features, as checks
# --------------------------------------------------------------------------

SEARCH_DONE = """() => {
  const none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  return document.querySelector(".md-search-result__item")
    || document.querySelector(".md-search-result__meta").textContent.trim() === none;
}"""


def search(page, query: str) -> list[str]:
    """Type `query` in the search field; the addresses the results link to."""
    field = page.locator(".md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)
    page.wait_for_function(SEARCH_DONE, timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href.split(/[?#]/)[0])")


def search_problems(
    page, server, start: str, query: str, wanted: str | None = None, inside: str | None = None
) -> list[str]:
    """Searching `query` on `start` offers the page `wanted`, and only pages under `inside`."""
    page.goto(server.url(start))
    found = search(page, query)
    problems = []
    if not found:
        problems.append(f"searching {query!r} on /{start} finds nothing")
    if wanted and server.url(wanted) not in found:
        problems.append(f"searching {query!r} on /{start} does not offer /{wanted} (it offers {sorted(set(found))})")
    if inside:
        outside = sorted({url for url in found if not url.startswith(server.url(inside))})
        if outside:
            problems.append(
                f"searching {query!r} on /{start} offers pages outside /{inside}: {outside}; each edition must search only its own pages"
            )
    return problems


def switcher_problems(page, server, start: str, lang: str, landing: str) -> list[str]:
    """The language switcher on `start` leads to the same page in `lang`."""
    page.goto(server.url(start))
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang={lang}]").click()
    page.wait_for_load_state("load")
    if page.url != server.url(landing):
        return [
            f"on /{start}, the {lang} link of the language switcher leads to {page.url}, not to the same page {server.url(landing)}; see docs/.overrides/partials/alternate.html"
        ]
    if page.evaluate("document.documentElement.lang") != lang:
        return [f"the switcher's {lang} link from /{start} lands on a page whose <html lang> is not {lang}"]
    return []


def tooltip_problems(page, text: str, what: str) -> list[str]:
    """A Material tooltip reading `text` opens for `what`."""
    from playwright.sync_api import TimeoutError

    try:
        page.locator(".md-tooltip2--active").filter(has_text=text).first.wait_for(state="visible", timeout=3000)
    except TimeoutError:
        shown = page.eval_on_selector_all(".md-tooltip2--active", "els => els.map(e => e.innerText)")
        return [
            f"no tooltip reading {text!r} opened for {what} (open tooltips: {shown}); see content.tooltips and content.footnote.tooltips in mkdocs.yml"
        ]
    return []


def footnote_problems(page, server, path: str) -> list[str]:
    page.goto(server.url(path))
    ref = page.locator("a.footnote-ref").first
    note = page.locator(ref.get_attribute("href").replace(":", "\\:")).inner_text().split()
    ref.hover()
    return tooltip_problems(page, " ".join(note[:4]), f"the first footnote reference on /{path}, on hover")


def abbreviation_hover_problems(page, server, path: str) -> list[str]:
    page.goto(server.url(path))
    abbr = page.locator("article abbr[title]").first
    title = abbr.get_attribute("title")
    abbr.hover()
    return tooltip_problems(page, title, f"<abbr title={title!r}> on /{path}, on hover")


def abbreviation_keyboard_problems(page, server, path: str) -> list[str]:
    """Tabbing from the top reaches an abbreviation, which shows its focus
    and its tooltip."""
    page.goto(server.url(path))
    titles = page.eval_on_selector_all("article abbr[title]", "els => els.map(e => e.title)")
    stops = tab_until(page, "el => el.tagName === 'ABBR'")
    focused = page.evaluate(
        "(() => { const el = document.activeElement; return {tag: el.tagName, text: el.textContent, outline: getComputedStyle(el).outlineStyle}; })()"
    )
    if focused["tag"] != "ABBR":
        return [
            f"tabbing through /{path} never reaches an abbreviation ({len(titles)} on the page; last stops: {' | '.join(stops[-6:])}); build/markup.py makes the first of each focusable"
        ]
    problems = (
        []
        if focused["outline"] != "none"
        else [
            f"the focused abbreviation {focused['text']} on /{path} shows no outline; see explainer.css, section Accessibility"
        ]
    )
    return problems + tooltip_problems(
        page, titles[0], f"the abbreviation {focused['text']} on /{path}, on keyboard focus"
    )


def switched_to(page, scheme: str) -> bool:
    """The page is in `scheme` within a few seconds: a toggle activated
    before Material has started takes effect once it has (partials/on-demand.html)."""
    return wait_until(page, f"document.body.getAttribute('data-md-color-scheme') === {json.dumps(scheme)}", 3)


def palette_problems(page, server, path: str) -> list[str]:
    """The toggle switches to dark, which survives a reload and the next page."""
    page.goto(server.url(path))
    if color_scheme(page) != "default":
        return [f"/{path} opened in palette {color_scheme(page)!r} with a light system setting"]
    page.locator("label[for=__palette_1]").click()
    if not switched_to(page, "slate"):
        return [f"the palette toggle on /{path} did not switch to the dark palette"]
    page.reload()
    if color_scheme(page) != "slate":
        return [f"the dark palette chosen on /{path} was forgotten after a reload"]
    page.goto(server.url("glossary/"))
    if color_scheme(page) != "slate":
        return ["the dark palette chosen on another page was forgotten on /glossary/"]
    page.locator("label[for=__palette_0]").click()
    return [] if switched_to(page, "default") else ["the palette toggle did not switch back to light"]


def print_problems(page, server, path: str) -> list[str]:
    page.goto(server.url(path))
    page.emulate_media(media="print")
    problems = [
        f"/{path} in print still shows {selector}; hide it in the @media print rules of explainer.css"
        for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")
        if not page.locator(selector).first.is_hidden()
    ]
    if not page.locator("article h1").is_visible():
        problems.append(f"/{path} in print hides the article's title")
    return problems


# --------------------------------------------------------------------------
# On the real pages
# --------------------------------------------------------------------------


def test_english_search_offers_the_western_reactions_page(reader, server):
    _, page, checks = reader
    problems = search_problems(page, server, "", "Stoltenberg", wanted="western-reactions/")
    problems += axe(page, "index.html with search results open (light)")
    assert_works(problems, page, checks)


def test_french_search_offers_french_pages_only(reader, server):
    _, page, checks = reader
    assert_works(search_problems(page, server, "fr/", "traités", inside="fr/"), page, checks)


def test_search_results_pass_axe_in_dark_palette(browser, server):
    context, page, checks = new_audit(browser, server, "slate")
    try:
        problems = search_problems(page, server, "fr/treaty/", "traité", inside="fr/")
        assert color_scheme(page) == "slate"
        assert_works(problems + axe(page, "fr/treaty/index.html with search results open (dark)"), page, checks)
    finally:
        context.close()


@pytest.mark.parametrize(
    ("start", "lang", "landing"), [("treaty/", "fr", "fr/treaty/"), ("fr/treaty/", "en", "treaty/"), ("fr/", "en", "")]
)
def test_language_switcher_stays_on_the_same_page(reader, server, start, lang, landing):
    _, page, checks = reader
    assert_works(switcher_problems(page, server, start, lang, landing), page, checks)


@pytest.mark.parametrize(
    "problems",
    [footnote_problems, abbreviation_hover_problems, abbreviation_keyboard_problems, palette_problems, print_problems],
    ids=[
        "footnote tooltip on hover",
        "abbreviation tooltip on hover",
        "abbreviation tooltip on keyboard focus",
        "palette toggle switches and is remembered",
        "print hides navigation and header",
    ],
)
def test_reader_feature_works(reader, server, problems):
    _, page, checks = reader
    assert_works(problems(page, server, "treaty/"), page, checks)


# --------------------------------------------------------------------------
# On pages broken on purpose
# --------------------------------------------------------------------------


def without_features(*names):
    """Drop Material features from the page's __config (a data block, which the CSP does not cover)."""

    def change(html: str) -> str:
        block = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
        config = json.loads(block.group(1))
        config["features"] = [f for f in config["features"] if f not in names]
        return html[: block.start(1)] + json.dumps(config) + html[block.end(1) :]

    return change


def test_search_missing_a_page_is_reported(reader, server):
    context, page, _ = reader

    def index_without_western_reactions(route):
        response = route.fetch()
        data = response.json()
        data["docs"] = [d for d in data["docs"] if not d["location"].startswith("western-reactions/")]
        route.fulfill(response=response, json=data)

    context.route("**/search/search_index.json", index_without_western_reactions)
    msg = "\n".join(search_problems(page, server, "", "Stoltenberg", wanted="western-reactions/"))
    assert "searching 'Stoltenberg' on / does not offer /western-reactions/" in msg


def test_search_leaving_the_edition_is_reported(reader, server):
    _, page, _ = reader
    msg = "\n".join(search_problems(page, server, "", "Stoltenberg", inside="fr/"))  # English results, expected French
    assert "searching 'Stoltenberg' on / offers pages outside /fr/" in msg


def test_switcher_to_the_home_page_is_reported(reader, server):
    context, page, _ = reader
    change_page(
        context,
        server,
        "fr/treaty/",
        lambda html: re.sub(
            r'href="[^"]*"( hreflang="en" lang="en" class="md-select__link")', r'href="../../"\1', html
        ),
    )
    msg = "\n".join(switcher_problems(page, server, "fr/treaty/", "en", "treaty/"))
    assert (
        f"on /fr/treaty/, the en link of the language switcher leads to {server.url('')}, not to the same page" in msg
    )


def test_missing_tooltips_are_reported(reader, server):
    context, page, _ = reader
    change_page(context, server, "treaty/", without_features("content.tooltips", "content.footnote.tooltips"))
    assert "no tooltip reading" in "\n".join(abbreviation_hover_problems(page, server, "treaty/"))
    assert "for the first footnote reference on /treaty/, on hover" in "\n".join(
        footnote_problems(page, server, "treaty/")
    )


def test_unfocusable_abbreviation_is_reported(reader, server):
    context, page, _ = reader
    change_page(context, server, "treaty/", lambda html: html.replace(' tabindex="0"', ""))
    assert "tabbing through /treaty/ never reaches an abbreviation" in "\n".join(
        abbreviation_keyboard_problems(page, server, "treaty/")
    )


def test_forgotten_palette_is_reported(reader, server):
    context, page, _ = reader
    context.add_init_script("Storage.prototype.setItem = function () {}")  # a browser that stores nothing
    assert "the dark palette chosen on /treaty/ was forgotten after a reload" in palette_problems(
        page, server, "treaty/"
    )


def test_header_in_print_is_reported(reader, server):
    context, page, _ = reader
    change_css(context, "@media print { .md-header { display: block !important; } }")
    assert (
        "/treaty/ in print still shows .md-header; hide it in the @media print rules of explainer.css"
        in print_problems(page, server, "treaty/")
    )
