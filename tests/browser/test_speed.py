"""The speed levers, in Chromium: the first view fetches only what the page
budget counts (tests/test_budget.py); Material's bundle starts only at the
reader's first activity, and what the reader did first still works (a
palette click, a search shortcut, a hover); search loads on demand and still
suggests and highlights; tooltips, the palette toggle and the language
switcher work (on a phone, without footnote tooltips); nothing moves while a page loads or when Material starts, even
when a page arrives in parts; and the trimmed stylesheets (scripts/csstrim.py)
compute the same styles as Material's own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from explainer.checks import budget as pageweight
from explainer.model.html import html_pages
from explainer.model.layout import rel

from .conftest import BASE_PATH, Server
from .startup import LAYOUT_SHIFTS, header_in_parts_problems, material_start_problems, start_material, wait_until

pytestmark = pytest.mark.browser

MATERIAL_CSS = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"


def requests_of(page, url: str, action=None) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if action:
        action()
    return seen


def test_first_view_fetches_only_what_the_budget_counts(site, browser, server):
    """On every page the browser fetches nothing the budget test does not
    count: so no search index, search worker, sitemap or other origin."""
    context = browser.new_context()
    problems = []
    try:
        for html in html_pages(site):
            where = rel(html, site)
            if where == "fr/404.html":
                continue  # GitHub Pages serves only the root 404.html
            counted = {server.url(a.url) for a in pageweight.page_weight(html, site, BASE_PATH).assets}
            url = server.url(where.removesuffix("index.html"))
            page = context.new_page()
            fetched = {u.split("#")[0] for u in requests_of(page, url) if not u.startswith("data:")}
            page.close()
            fetched.discard(url)
            extra = sorted(u for u in fetched if u not in counted)
            if extra:
                problems.append(
                    f"{where}: the first view also fetches {extra}, which pageweight.page_weight does not count"
                )
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_search_loads_on_demand_and_still_suggests_and_highlights(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        seen = requests_of(page, server.url("treaty/"))
        assert not [u for u in seen if "search" in u], f"search files fetched on load: {seen}"
        page.keyboard.press("/")  # Material's shortcut opens search
        assert wait_until(page, "document.activeElement.matches('.md-search__input')"), (
            "the search shortcut did not focus the search field"
        )
        page.keyboard.type("ratif")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert any(u.endswith("search/search_index.json") for u in seen) and any("/workers/search." in u for u in seen)
        assert page.locator(".md-search__suggest").inner_text().strip().lower().startswith("ratif"), (
            "search.suggest shows nothing"
        )
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("networkidle")
        assert "h=ratif" in page.url, f"search result link lost its highlight query: {page.url}"
        page.wait_for_selector("article mark", timeout=15000)  # search.highlight
    finally:
        context.close()


def test_tooltips_palette_and_language_switcher_still_work(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        page = context.new_page()
        page.goto(server.url("treaty/"))
        page.wait_for_load_state("networkidle")
        for trigger in ("article abbr", "article .footnote-ref"):
            el = page.locator(trigger).first
            el.scroll_into_view_if_needed()
            el.hover()
            page.wait_for_selector(".md-tooltip2--active", timeout=5000)
            assert page.locator(".md-tooltip2--active").inner_text().strip(), f"empty tooltip on {trigger}"
            page.mouse.move(0, 0)
            page.wait_for_selector(".md-tooltip2--active", state="detached", timeout=5000)
        scheme = page.evaluate("document.body.dataset.mdColorScheme")
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
        assert wait_until(page, f"document.body.dataset.mdColorScheme !== {json.dumps(scheme)}"), (
            "the palette toggle did not switch"
        )
        french = page.locator(".md-select__link[hreflang=fr]").first
        assert french.get_attribute("href").endswith("fr/treaty/"), french.get_attribute("href")
    finally:
        context.close()


# Enough to catch a missing rule: layout, box, colour, text and icon properties.
PROPERTIES = [
    "display",
    "position",
    "top",
    "left",
    "width",
    "height",
    "margin-top",
    "margin-left",
    "padding-top",
    "padding-left",
    "color",
    "background-color",
    "border-top-width",
    "border-top-color",
    "border-left-width",
    "outline-style",
    "box-shadow",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "text-decoration-line",
    "text-transform",
    "white-space",
    "opacity",
    "visibility",
    "transform",
    "z-index",
    "overflow-x",
    "overflow-y",
    "content",
    "mask-image",
    "cursor",
    "list-style-type",
    "flex-direction",
    "justify-content",
    "align-items",
    "vertical-align",
    "pointer-events",
]
SNAPSHOT = """([props, store]) => {
  // A full layout first: after partial ones (a hover, a stylesheet swap)
  // Chromium may report an auto margin as 0px instead of its used value.
  const root = document.documentElement.style
  root.display = 'none'; document.documentElement.offsetHeight; root.display = ''
  const out = {}; let i = 0
  for (const el of document.querySelectorAll('body *')) {
    i++
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo)
      out[`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}#${i}${pseudo || ''}`] = props.map(p => cs.getPropertyValue(p)).join('|')
    }
  }
  if (store) { window.__styles = out; return Object.keys(out).length }
  const diffs = []
  for (const key in window.__styles) if (window.__styles[key] !== out[key]) {
    const a = window.__styles[key].split('|'), b = (out[key] || '').split('|')
    diffs.push(key + ': ' + props.filter((p, j) => a[j] !== b[j]).map(p => `${p} ${a[props.indexOf(p)]} (trimmed) vs ${b[props.indexOf(p)]} (Material's)`).join(', '))
  }
  return diffs
}"""
SWAP = """async () => {
  const links = [...document.querySelectorAll('link[rel=stylesheet]')].filter(l => /\\/(main|palette)\\.\\w+\\.min\\.css$/.test(l.href))
  await Promise.all(links.map(l => new Promise(done => { l.onload = done; l.href = l.href.replace(/\\/(main|palette)\\./, '/material-$1.') })))
  return links.length
}"""


def test_trimmed_stylesheets_compute_the_same_styles_as_materials(site, browser, tmp_path):
    """Same page, same state, Material's full stylesheets swapped in: every
    element's computed style is unchanged, in both palettes, on a phone and a
    desktop, with search open, a tooltip shown and the drawer open."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for sheet in MATERIAL_CSS.glob("*.min.css"):
        shutil.copyfile(sheet, copy / "assets/stylesheets" / f"material-{sheet.name}")
    problems = []
    with Server(copy) as srv:
        for width, scheme, states in (
            (1280, "light", ("load", "search", "tooltip")),
            (390, "dark", ("load", "drawer")),
        ):
            for state in states:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
                )
                page = context.new_page()
                page.goto(srv.url("treaty/"))
                page.wait_for_load_state("networkidle")
                start_material(page)
                if state == "search":
                    page.keyboard.press("/")
                    assert wait_until(page, "document.activeElement.matches('.md-search__input')")
                    page.keyboard.type("treaty")
                    page.wait_for_selector(".md-search-result__item", timeout=15000)
                elif state == "tooltip":
                    page.locator("article abbr").first.hover()
                    page.wait_for_selector(".md-tooltip2--active", timeout=5000)
                elif state == "drawer":
                    page.locator("label.md-header__button[for=__drawer]").click()
                page.wait_for_timeout(600)  # Material's delayed state changes (scroll lock, tooltips) settle
                page.evaluate(SNAPSHOT, [PROPERTIES, True])
                assert page.evaluate(SWAP) == 2, "Material's two stylesheets were not found on the page"
                diffs = page.evaluate(SNAPSHOT, [PROPERTIES, False])
                problems += [f"treaty/ at {width}px, {scheme}, {state}: {d}" for d in diffs[:5]]
                context.close()
    assert not problems, (
        "scripts/csstrim.py dropped rules this page uses: the class or attribute they need must not be in its "
        "MARKUP_ONLY_* or DORMANT lists, or comes from a script it does not read:\n" + "\n".join(problems)
    )


def test_nothing_moves_while_a_page_loads_or_when_material_starts(browser, server):
    """CLS 0, and no change on screen when Material's bundle starts at the
    reader's first activity (a pointer move is not an input that excuses a
    layout shift): its palette switch, palette and header are already in
    place. In both system colour schemes, with nothing stored."""
    problems = []
    for width, mobile, scheme in ((412, True, "dark"), (1280, False, "light"), (1280, False, "dark")):
        context = browser.new_context(
            viewport={"width": width, "height": 823},
            is_mobile=mobile,
            has_touch=mobile,
            color_scheme=scheme,
            reduced_motion="reduce",
        )
        context.add_init_script(LAYOUT_SHIFTS)
        for path in ("", "treaty/", "fr/people/", "no/such/page/"):
            page = context.new_page()
            page.goto(server.url(path))
            page.wait_for_load_state("networkidle")
            problems += material_start_problems(page, f"{path or 'home'} at {width}px, {scheme}")
            page.close()
        context.close()
    assert not problems, "\n".join(problems)


def test_a_page_that_arrives_in_parts_is_painted_with_its_whole_header(site, browser):
    """A slow network or a busy processor can stop the parser inside the
    header; the first paint waits for the start of the content (the page's
    render-blocking "expect" link), so the header's buttons never move."""
    problems = header_in_parts_problems(browser, site, ("", "treaty/", "fr/people/"))
    assert not problems, "\n".join(problems)


def test_first_activity_is_not_lost_before_material_starts(browser, server):
    """Material's bundle is fetched after the load event and starts at the
    reader's first activity. What that activity asked for still happens: a
    palette switch activated without a pointer (as screen readers do), a
    search shortcut as the first key, a hover on a footnote."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        page = context.new_page()
        seen = requests_of(page, server.url("treaty/"))
        page.wait_for_timeout(500)
        assert any("/assets/javascripts/bundle." in u for u in seen), (
            f"Material's bundle was not fetched after load: {seen}"
        )
        assert not page.evaluate("'component$' in window"), "Material's bundle started with no activity from the reader"
        page.evaluate(
            "[...document.querySelectorAll('[data-md-component=palette] label')].find(l => l.offsetParent).click()"
        )
        assert wait_until(page, "document.body.dataset.mdColorScheme === 'slate' && 'component$' in window"), (
            "a palette switch activated before Material started did not switch to dark once it had"
        )
        shown = page.evaluate(
            "[...document.querySelectorAll('[data-md-component=palette] label')].map(l => !!l.offsetParent)"
        )
        assert shown == [False, True], (
            f"after switching to dark, the visible palette switches are {shown}, not only the one back to light"
        )
        page.reload()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", (
            "the dark palette chosen before Material started was forgotten"
        )

        page.goto(server.url("glossary/"))
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        assert wait_until(
            page, "document.activeElement.matches('.md-search__input') && document.getElementById('__search').checked"
        ), "the search shortcut, pressed before Material started, did not open search"

        page.goto(server.url("people/"))
        page.wait_for_load_state("networkidle")
        page.locator("article .footnote-ref").first.hover()
        page.wait_for_selector(".md-tooltip2--active", timeout=5000)
    finally:
        context.close()


def test_on_a_phone_material_starts_without_footnote_tooltips_and_sets_the_colour_scheme(browser, server):
    """Where nothing can hover, Material sets up no footnote tooltips (a tap
    on a reference goes to the footnote); abbreviations keep theirs. The
    colour-scheme <meta> Material adds, which partials/on-demand.html adds
    in a task of its own, is there once, with the palette's scheme."""
    context = browser.new_context(
        viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True, color_scheme="dark"
    )
    try:
        page = context.new_page()
        page.goto(server.url("treaty/"))
        page.wait_for_load_state("networkidle")
        start_material(page)
        assert wait_until(page, "document.querySelector('meta[name=color-scheme]')?.content === 'dark'"), (
            "Material's colour-scheme <meta> was not added, or not set to the dark palette's scheme"
        )
        assert page.locator("meta[name=color-scheme]").count() == 1
        features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
        assert "content.footnote.tooltips" not in features and "content.tooltips" in features, features
        page.locator("article abbr").first.tap()
        page.wait_for_selector(".md-tooltip2--active", timeout=5000)
    finally:
        context.close()


def test_a_search_highlight_starts_material_at_once(browser, server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url("treaty/?h=treaty"))
        page.wait_for_selector("article mark", timeout=10000)
    finally:
        context.close()
