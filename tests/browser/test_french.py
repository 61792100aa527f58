"""A French reader's way around the built site, in Chromium: lost at a missing
address under fr/, they get a French "not found" page with French navigation
and search, at the address they asked for; the palette they chose holds in
both editions and on both "not found" pages; no line of a French page starts
with « : » or « ? » on a phone or a desktop; a heading in Cyrillic gets an
anchor that links to it. Each check also runs on pages broken on purpose."""

from __future__ import annotations

import re

import pytest

from explainer.build.site import build_site
from explainer.model.editions import EDITIONS
from explainer.model.language import strings
from tests.conftest import copy_repository
from tests.support import edit

from .checks import change_css, change_page, color_scheme
from .conftest import Server
from .searching import Query, search_problems
from .startup import wait_until
from .test_reader import switched_to

pytestmark = pytest.mark.browser

FRENCH = next(ed for ed in EDITIONS if ed.lang == "fr")
WIDTHS = (320, 360, 1280)  # phones and a desktop


MISSING = re.compile(
    r"/russia-north-korea-pact/(fr/)?(x|no/such/page/|treaty/gone\.html\S*)(:0\))? answered 404|status of 404 \(Not Found\) \(\S+/(x|no/such/page/|treaty/gone\.html\S*):0\)"
)


def clean(page, checks) -> list[str]:
    """Console errors, failed or third-party requests and CSP violations so
    far, but for the 404 status of the missing addresses visited on purpose."""
    checks.recorder.settle(page)
    found = checks.results()
    return [
        m
        for kind in ("console", "requests", "third-party", "csp")
        for m in found.get(kind, [])
        if not MISSING.search(m)
    ]


# --------------------------------------------------------------------------
# Lost: the "not found" pages
# --------------------------------------------------------------------------

LINKS = """() => [[...document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")].map(a => a.href),
  Object.fromEntries([...document.querySelectorAll("a.md-select__link")].map(a => [a.hreflang, a.href]))]"""


def not_found_problems(page, server, path: str, lang: str, query: Query | None = None) -> list[str]:
    """A missing address `path` answers 404 with the "not found" page of its
    edition (`lang`), which keeps the address, links that edition's pages and
    both editions' homes, and searches that edition (`query`)."""
    prefix = next(ed.prefix for ed in EDITIONS if ed.lang == lang)
    where = f"/{path}"
    response = page.goto(server.url(path))
    page.wait_for_load_state("load")
    wait_until(page, f"document.documentElement.lang === {lang!r}", 3)
    problems = [] if response.status == 404 else [f"{where} answered {response.status}, not 404"]
    if page.url != server.url(path):
        problems.append(f"{where}: the address bar shows {page.url}, not the address the reader asked for")
    shown = page.evaluate("document.documentElement.lang")
    title = strings(lang)["not_found"]["title"]
    if shown != lang or not page.locator("article h1").inner_text().startswith(title):
        problems.append(
            f"{where}: the not-found page is in {shown!r}, not {lang!r} (its heading does not start with {title!r}); "
            "docs/.overrides/404.html sends a reader lost in another edition to that edition's 404.html"
        )
    nav, switcher = page.evaluate(LINKS)
    outside = [href for href in nav if not href.startswith(server.url(prefix)) or (prefix == "" and "/fr/" in href)]
    if outside:
        problems.append(f"{where}: the navigation links pages of another edition: {outside[:3]}")
    for other in EDITIONS:
        if switcher.get(other.lang) != server.url(other.prefix):
            problems.append(
                f"{where}: the language switcher's {other.lang} link leads to {switcher.get(other.lang)}, "
                f"not to {server.url(other.prefix)}; see docs/.overrides/partials/alternate.html"
            )
    if query:
        problems += [f"{where}: {p}" for p in search_problems(page, server, prefix, query)]
    return problems


FRENCH_SEARCH = Query("Corée", offers="western-reactions/")


@pytest.mark.parametrize(
    ("path", "lang", "query"),
    [
        ("fr/x", "fr", FRENCH_SEARCH),
        ("fr/no/such/page/", "fr", None),
        ("fr/treaty/gone.html?from=link#article-4", "fr", FRENCH_SEARCH),
        ("x", "en", None),
        ("no/such/page/", "en", Query("Stoltenberg", first="people/")),
    ],
)
def test_lost_readers_stay_in_their_edition(reader, server, path, lang, query):
    _, page, checks = reader
    problems = not_found_problems(page, server, path, lang, query)
    assert not problems + clean(page, checks), "\n".join(problems + clean(page, checks))


def without_redirect(html: str) -> str:
    """The root 404.html as it was: no script sending French readers on."""
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html, count=1)
    return re.sub(r"<script>\s*\(\(\) => \{\s*const own = .*?</script>", "", html, count=1, flags=re.S)


def test_french_reader_given_the_english_not_found_page_is_reported(reader, server):
    context, page, _ = reader
    change_page(context, server, "fr/no/such/page/", without_redirect)
    msg = "\n".join(not_found_problems(page, server, "fr/no/such/page/", "fr", FRENCH_SEARCH))
    assert "/fr/no/such/page/: the not-found page is in 'en', not 'fr'" in msg
    assert "/fr/no/such/page/: searching 'Corée' on /fr/" in msg  # English search, from the root's index


def as_before(html: str) -> str:
    """The switcher's French link as it was on the "not found" page."""
    return without_redirect(html).replace(
        'href="/russia-north-korea-pact/fr/" hreflang', 'href="/russia-north-korea-pact//fr/" hreflang'
    )


def test_switcher_links_of_the_not_found_page_are_checked(reader, server):
    context, page, _ = reader
    change_page(context, server, "no/such/page/", as_before)
    msg = "\n".join(not_found_problems(page, server, "no/such/page/", "en"))
    assert (
        f"/no/such/page/: the language switcher's fr link leads to {server.origin}/russia-north-korea-pact//fr/" in msg
    )


# --------------------------------------------------------------------------
# The palette, across editions
# --------------------------------------------------------------------------


def palette_across_problems(page, server) -> list[str]:
    """Dark chosen on an English page holds on the same page in French, on
    both "not found" pages, and light chosen in French holds in English."""
    page.goto(server.url("treaty/"))
    page.locator("label[for=__palette_1]").click()
    if not switched_to(page, "slate"):
        return ["the palette toggle on /treaty/ did not switch to the dark palette"]
    problems = []
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link[hreflang=fr]").click()
    page.wait_for_load_state("load")
    for path in ("", "fr/no/such/page/", "no/such/page/"):
        if path:
            page.goto(server.url(path))
            wait_until(page, f"document.documentElement.lang === {'fr' if path.startswith('fr/') else 'en'!r}", 3)
        if color_scheme(page) != "slate":
            problems.append(
                f"the dark palette chosen on /treaty/ is lost on /{path or 'fr/treaty/'}: it opens in {color_scheme(page)!r}"
            )
    page.goto(server.url("fr/glossary/"))
    if color_scheme(page) != "slate":
        return [
            *problems,
            f"the dark palette chosen on /treaty/ is lost on /fr/glossary/: it opens in {color_scheme(page)!r}",
        ]
    page.locator("label[for=__palette_0]").click()
    if switched_to(page, "default"):
        page.goto(server.url("glossary/"))
        if color_scheme(page) != "default":
            problems.append("the light palette chosen on /fr/glossary/ is lost on /glossary/")
    return problems


def test_palette_holds_across_editions(reader, server):
    _, page, checks = reader
    problems = palette_across_problems(page, server) + clean(page, checks)
    assert not problems, "\n".join(problems)


def test_palette_kept_per_edition_is_reported(reader, server):
    context, page, _ = reader
    for path in ("fr/treaty/", "fr/glossary/"):  # as before: the French edition kept its own choice
        change_page(
            context,
            server,
            path,
            lambda html: re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace(
                '__md_scope=new URL("/russia-north-korea-pact/"', '__md_scope=new URL("/russia-north-korea-pact/fr/"'
            ),
        )
    msg = "\n".join(palette_across_problems(page, server))
    assert "the dark palette chosen on /treaty/ is lost on /fr/treaty/: it opens in 'default'" in msg


# --------------------------------------------------------------------------
# Typography: no line starts with a French mark
# --------------------------------------------------------------------------

# Each : ; ! ? » that starts a line, and each « that ends one, with the words
# before it: its top is below the character it follows (or above the one
# that follows «), in the same block.
WRAPS = """() => {
  const range = document.createRange(), out = []
  const box = ({ node, i }) => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getClientRects()[0] }
  const block = node => { let el = node.parentElement
    while (el && getComputedStyle(el).display.startsWith("inline")) el = el.parentElement; return el }
  const apart = (a, b) => { const [x, y] = [box(a), box(b)]
    return x && y && x.width && y.width && block(a.node) === block(b.node) && y.top > x.bottom - 2 }
  const words = ({ node, i }) => node.data.slice(Math.max(0, i - 30), i + 1)
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: node =>
    node.parentElement.closest("script, style, code, pre, svg, [lang]:not([lang^=fr])") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT })
  let last = null, open = null
  for (let node; (node = walker.nextNode());) for (let i = 0; i < node.data.length; i++) {
    const ch = node.data[i], here = { node, i }
    if (/\\s/.test(ch)) continue
    if (open && apart(open, here)) out.push(`'${words(open)}' ends a line before '${node.data.slice(i, i + 12)}'`)
    if (":;!?»".includes(ch) && last && apart(last, here)) out.push(`'${ch}' starts a line after '${words(last)}'`)
    open = ch === "«" ? here : null
    last = here
  }
  return out
}"""


def wrap_problems(page, server, path: str, widths=WIDTHS) -> list[str]:
    page.goto(server.url(path))
    problems = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        problems += [f"/{path} at {width} px: {' '.join(wrap.split())}" for wrap in page.evaluate(WRAPS)]
    return problems


def french_paths(site) -> list[str]:
    pages = sorted((site / FRENCH.prefix).rglob("index.html"))
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in pages] + ["fr/no/such/page/"]


def test_no_line_starts_with_a_french_mark(reader, server, site):
    _, page, checks = reader
    problems = [p for path in french_paths(site) for p in wrap_problems(page, server, path)]
    assert not problems + clean(page, checks), "\n".join(problems)


def test_mark_wrapping_onto_its_own_line_is_reported(reader, server):
    context, page, _ = reader
    change_page(context, server, "fr/expert-views/", lambda html: html.replace("\u202f?", " ?"))
    change_css(context, "article h2 { width: 1ch; }")  # every space in a heading breaks its line
    msg = "\n".join(wrap_problems(page, server, "fr/expert-views/", widths=(1280,)))
    assert "/fr/expert-views/ at 1280 px: '?' starts a line after 'Qui sont ces deux personnes'" in msg


# --------------------------------------------------------------------------
# Anchors in another script
# --------------------------------------------------------------------------

RUSSIAN = "Договор о всеобъемлющем стратегическом партнёрстве"


@pytest.fixture(scope="module")
def cyrillic_site(tmp_path_factory):
    """The site with two headings in Russian on the French About page, and a
    link to the second one."""
    root = copy_repository(tmp_path_factory.mktemp("cyrillic") / "repo")
    anchor = RUSSIAN.lower().replace(" ", "-")
    edit(root / "docs/fr/about.md", "\n## ", f"\n## {RUSSIAN}\n\n[Le second]({'#' + anchor}_1).\n\n## {RUSSIAN}\n\n## ")
    build_site(root / "site", root=root)
    return root / "site"


def anchor_problems(page, server, path: str) -> list[str]:
    """Each link to a heading of the page leads to it, by an anchor made of its words."""
    page.goto(server.url(path))
    problems = []
    for href in page.eval_on_selector_all("article a.headerlink", "links => links.map(a => a.getAttribute('href'))"):
        page.goto(server.url(path) + href)
        target = page.evaluate("(document.querySelector(':target') || {}).id")
        shown = page.evaluate("decodeURIComponent(location.hash)")
        if target is None or not re.search(r"[^\W\d_]", shown):
            problems.append(
                f"/{path}: the heading link {href} leads to {target!r}, shown as {shown!r}: not a readable anchor"
            )
    return problems


def test_cyrillic_headings_link_by_their_words(browser, cyrillic_site):
    with Server(cyrillic_site) as srv:
        context = browser.new_context()
        page = context.new_page()
        problems = anchor_problems(page, srv, "fr/about/")
        page.goto(srv.url("fr/about/"))
        page.get_by_text("Le second").click()
        shown = page.evaluate("decodeURIComponent(location.hash)")
        if (
            shown != "#" + RUSSIAN.lower().replace(" ", "-") + "_1"
            or page.evaluate("document.querySelector(':target').tagName") != "H2"
        ):
            problems.append(f"the link to the second Russian heading shows {shown!r}")
        context.close()
    assert not problems, "\n".join(problems)


def test_anchor_without_words_is_reported(browser, cyrillic_site):
    with Server(cyrillic_site) as srv:
        context = browser.new_context()
        change_page(context, srv, "fr/about/", lambda html: html.replace(RUSSIAN.lower().replace(" ", "-"), "-"))
        msg = "\n".join(anchor_problems(context.new_page(), srv, "fr/about/"))
        context.close()
    assert "/fr/about/: the heading link #- leads to '-', shown as '#-': not a readable anchor" in msg
