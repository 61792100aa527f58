"""What readers get besides the text: the last-reviewed date, the corrections
log in every footer, share previews, a bilingual "not found" page, one
sitemap with robots.txt, and a print stylesheet. Each check is also fed a
broken input to prove it catches it."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

import pytest

import contentrules
import readerrules
import siterules
import sitemap

PAGES, _ = siterules.load_pages()
IDS = [siterules.rel(p.path) for p in PAGES]
CONFIGS = {ed.lang: siterules.load_config(ed.config) for ed in siterules.EDITIONS}
ORIGIN, BASE = siterules.site_prefix(CONFIGS[siterules.DEFAULT_LANG])
ROOTS = sitemap.edition_roots()
CSS = siterules.DOCS / ".overrides" / "assets" / "stylesheets" / "explainer.css"
FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def built(site, page):
    lang, slug = siterules.page_slug(page.path)
    where = siterules.built_path(lang, slug)
    return lang, slug, where, siterules.parse_html(site / where)


def soup_of(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def labels(lang: str) -> dict:
    return CONFIGS[lang]["extra"]["labels"]


# --------------------------------------------------------------------------
# Last reviewed
# --------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_page_shows_when_it_was_reviewed(site, page):
    lang, _, where, soup = built(site, page)
    problems = readerrules.check_reviewed_line(soup, page, lang, labels(lang)["reviewed"], where)
    assert not problems, siterules.report(problems)


def test_french_pages_give_the_month_in_french(site):
    french = [p for p in PAGES if siterules.page_slug(p.path)[0] == "fr"]
    assert french, "no French pages found"
    for page in french:
        _, _, where, soup = built(site, page)
        text = soup.select_one(".explainer-reviewed time").get_text(strip=True)
        assert text.split()[1] in FRENCH_MONTHS, f"{where}: reviewed date '{text}' is not written in French"


def fake_page(reviewed="2026-11-03", lang="fr"):
    return siterules.Page(siterules.DOCS / lang / "treaty.md", {"reviewed": dt.date.fromisoformat(reviewed)}, "", 1)


def test_missing_reviewed_line_is_reported():
    soup = soup_of("<article class='md-content__inner'><p>Text</p></article>")
    msg = siterules.report(readerrules.check_reviewed_line(soup, fake_page(), "fr", "Dernière vérification", "fr/treaty/index.html"))
    assert "fr/treaty/index.html: no 'Dernière vérification' line under the page; keep docs/.overrides/partials/source-file.html" in msg


def test_reviewed_date_in_the_wrong_language_is_reported():
    html = "<aside class='explainer-reviewed'>Dernière vérification : <time datetime='2026-11-03'>3 November 2026</time></aside>"
    msg = siterules.report(readerrules.check_reviewed_line(soup_of(html), fake_page(), "fr", "Dernière vérification", "fr/treaty/index.html"))
    assert "the reviewed date reads '3 November 2026'; readers of the fr edition expect '3 novembre 2026'" in msg


def test_stale_reviewed_date_is_reported():
    html = "<aside class='explainer-reviewed'>Last reviewed: <time datetime='2025-01-01'>1 January 2025</time></aside>"
    msg = siterules.report(readerrules.check_reviewed_line(soup_of(html), fake_page(lang="en"), "en", "Last reviewed", "treaty/index.html"))
    assert "<time datetime> is '2025-01-01'; the front matter says reviewed: 2026-11-03" in msg


# --------------------------------------------------------------------------
# Corrections log in the footer
# --------------------------------------------------------------------------


def corrections_target(lang: str) -> str:
    return siterules.edition(lang).prefix + labels(lang)["corrections_page"]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_footer_links_the_corrections_log(site, page):
    lang, _, where, soup = built(site, page)
    problems = readerrules.check_footer_corrections(soup, where, labels(lang)["corrections"], site, corrections_target(lang))
    assert not problems, siterules.report(problems)


def tiny_about(tmp_path, heading_id="corrections-log"):
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "about" / "index.html").write_text(f'<h2 id="{heading_id}">Corrections</h2>', encoding="utf-8")
    return site


def test_footer_without_corrections_link_is_reported(tmp_path):
    site = tiny_about(tmp_path)
    soup = soup_of("<footer class='md-footer'><a href='../about/'>About</a></footer>")
    msg = siterules.report(readerrules.check_footer_corrections(soup, "treaty/index.html", "Corrections log", site, "about/#corrections-log"))
    assert "treaty/index.html: the footer has no 'Corrections log' link; keep docs/.overrides/partials/copyright.html" in msg


def test_footer_link_to_a_missing_heading_is_reported(tmp_path):
    site = tiny_about(tmp_path, heading_id="something-else")
    soup = soup_of("<footer><a href='../about/#corrections-log'>Corrections log</a></footer>")
    msg = siterules.report(readerrules.check_footer_corrections(soup, "treaty/index.html", "Corrections log", site, "about/#corrections-log"))
    assert "points to #corrections-log, but about/index.html has no such heading" in msg


def test_footer_link_to_the_wrong_place_is_reported(tmp_path):
    site = tiny_about(tmp_path)
    soup = soup_of("<footer><a href='about/#corrections-log'>Corrections log</a></footer>")
    msg = siterules.report(readerrules.check_footer_corrections(soup, "treaty/index.html", "Corrections log", site, "about/#corrections-log"))
    assert "the footer's 'Corrections log' link about/#corrections-log leads to /treaty/about/#corrections-log, not /about/#corrections-log" in msg


# --------------------------------------------------------------------------
# Share previews
# --------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_share_preview_tags(site, page):
    lang, _, where, soup = built(site, page)
    expected = readerrules.expected_share_meta(page, lang, CONFIGS[lang], page.meta["title"])
    problems = readerrules.check_share_meta(soup, where, expected)
    canonical = soup.find("link", rel="canonical")
    assert canonical and canonical["href"] == expected["og:url"], f"{where}: og:url must equal the canonical URL"
    image = expected["og:image"][len(ORIGIN + BASE) :]
    assert (site / image).is_file(), f"{where}: og:image {expected['og:image']} is not in the built site"
    assert not problems, siterules.report(problems)


def test_wrong_share_tags_are_reported(site):
    page = next(p for p in PAGES if siterules.page_slug(p.path) == ("en", "treaty.md"))
    soup = siterules.parse_html(site / siterules.built_path("fr", "treaty.md"))  # the French page where English is expected
    expected = readerrules.expected_share_meta(page, "en", CONFIGS["en"], page.meta["title"])
    msg = siterules.report(readerrules.check_share_meta(soup, "treaty/index.html", expected))
    assert "treaty/index.html: <meta property=\"og:locale\"> is 'fr_FR'; expected 'en_GB'" in msg
    assert f"<meta property=\"og:url\"> is '{ROOTS['fr']}treaty/'" in msg


def test_missing_share_tags_are_reported():
    soup = soup_of("<head><meta property='og:title' content='The pact'></head>")
    msg = siterules.report(readerrules.check_share_meta(soup, "treaty/index.html", {"og:title": "The pact", "og:image": "https://x/share.png", "twitter:card": "summary_large_image"}))
    assert "<meta property=\"og:image\"> is None; expected 'https://x/share.png'" in msg
    assert "<meta name=\"twitter:card\"> is None" in msg
    assert "og:title" not in msg


def test_template_and_rules_agree_on_locales():
    template = (siterules.DOCS / ".overrides" / "main.html").read_text(encoding="utf-8")
    for lang, locale in readerrules.OG_LOCALES.items():
        assert f'"{lang}": "{locale}"' in template, f"docs/.overrides/main.html: og:locale for {lang} should be {locale}"


def test_share_image_fits_previews():
    problems = readerrules.check_share_image(siterules.DOCS / ".overrides" / readerrules.SHARE_IMAGE)
    assert not problems, siterules.report(problems)


def png(width: int, height: int, padding: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) + chunk(b"tEXt", b"x" * padding)


def test_wrong_share_image_is_reported(tmp_path):
    wrong = tmp_path / "share.png"
    wrong.write_bytes(png(800, 600, padding=150_000))
    msg = siterules.report(readerrules.check_share_image(wrong))
    assert "is 800×600 pixels; share previews expect 1200×630" in msg
    assert "keep it under 100 KB" in msg
    wrong.write_bytes(b"GIF89a")
    assert "is not a PNG file" in siterules.report(readerrules.check_share_image(wrong))


def test_absolute_link_to_the_site_counts_as_using_an_asset(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<meta property="og:image" content="{ORIGIN}{BASE}assets/share.png">'
        '<meta property="og:image" content="https://elsewhere.example/assets/other.png">',
        encoding="utf-8",
    )
    msg = siterules.report(siterules.check_unused_assets(site, own_assets={"": {"assets/share.png", "assets/other.png"}}))
    assert "assets/other.png: no page uses this asset" in msg and "share.png" not in msg


# --------------------------------------------------------------------------
# "Not found" page
# --------------------------------------------------------------------------


def test_not_found_page_works_at_any_depth(site):
    problems = readerrules.check_not_found_page(site, ORIGIN, BASE, ROOTS, missing="a/b/c/missing")
    problems += readerrules.check_not_found_page(site, ORIGIN, BASE, ROOTS, missing="fr/no-such-page/")
    assert not problems, siterules.report(problems)


def test_not_found_page_speaks_both_languages(site):
    soup = siterules.parse_html(site / "404.html")
    assert soup.html["lang"] == siterules.DEFAULT_LANG
    french = contentrules.content_root(soup).find_all(attrs={"lang": "fr"})
    assert any("introuvable" in el.get_text() for el in french), "404.html: no French text marked lang=\"fr\""


def test_relative_links_on_the_not_found_page_are_reported(tmp_path):
    site = tmp_path / "site"
    (site / "sources").mkdir(parents=True)
    (site / "sources" / "index.html").write_text("", encoding="utf-8")
    (site / "index.html").write_text("", encoding="utf-8")
    (site / "404.html").write_text(
        '<html lang="en"><article class="md-content__inner"><a href="./">Home</a><a href="sources/">Sources</a></article></html>',
        encoding="utf-8",
    )
    msg = siterules.report(readerrules.check_not_found_page(site, ORIGIN, BASE, ROOTS))
    assert f"404.html: link sources/, served at {ORIGIN}{BASE}a/b/c/missing, leads to {ORIGIN}{BASE}a/b/c/sources/, which does not exist" in msg
    assert '404.html: has no part marked lang="fr"' in msg
    assert f"404.html: does not link to {ROOTS['fr']}sources/" in msg


def test_missing_not_found_page_is_reported(tmp_path):
    msg = siterules.report(readerrules.check_not_found_page(tmp_path, ORIGIN, BASE, ROOTS))
    assert "404.html: is missing" in msg


# --------------------------------------------------------------------------
# Sitemap and robots.txt
# --------------------------------------------------------------------------


def test_one_sitemap_lists_every_page_with_alternates(site):
    pages = [siterules.page_slug(p.path) for p in PAGES]
    problems = readerrules.check_sitemap(site, ROOTS, pages)
    assert not problems, siterules.report(problems)


def edition_sitemap(urls: list[str]) -> str:
    items = "".join(f"<url><loc>{u}</loc><lastmod>2026-11-28</lastmod></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{sitemap.SITEMAP_NS}">{items}</urlset>'


def tiny_editions(tmp_path, fr_urls=None):
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "sitemap.xml").write_text(edition_sitemap([ROOTS["en"], ROOTS["en"] + "treaty/"]), encoding="utf-8")
    (site / "fr" / "sitemap.xml").write_text(edition_sitemap(fr_urls if fr_urls is not None else [ROOTS["fr"], ROOTS["fr"] + "treaty/"]), encoding="utf-8")
    return site


def test_sitemap_step_merges_the_editions(tmp_path):
    site = tiny_editions(tmp_path)
    sitemap.step(site, preview=False)
    pages = [("en", "index.md"), ("en", "treaty.md"), ("fr", "index.md"), ("fr", "treaty.md")]
    assert readerrules.check_sitemap(site, ROOTS, pages) == []
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{ROOTS["en"]}treaty/"/>' in text
    assert not (site / "fr" / "sitemap.xml").exists() and (site / "sitemap.xml.gz").is_file()


def test_unmerged_sitemaps_are_reported(tmp_path):
    site = tiny_editions(tmp_path)  # as MkDocs leaves them, before the post-build step
    msg = siterules.report(readerrules.check_sitemap(site, ROOTS, [("en", "treaty.md"), ("fr", "treaty.md")]))
    assert f"sitemap.xml: does not list {ROOTS['fr']}treaty/" in msg
    assert "sitemap.xml: has no en alternate for" in msg
    assert "fr/sitemap.xml: is still published; search engines should find one sitemap" in msg
    assert "robots.txt: is missing" in msg


def test_sitemap_url_outside_its_edition_is_reported(tmp_path):
    site = tiny_editions(tmp_path, fr_urls=["https://elsewhere.example/fr/"])
    with pytest.raises(ValueError, match=r"fr/sitemap.xml: <loc>https://elsewhere.example/fr/</loc> is outside the fr edition"):
        sitemap.step(site, preview=False)


def test_robots_txt_blocking_crawlers_is_reported(tmp_path):
    site = tiny_editions(tmp_path)
    sitemap.step(site, preview=False)
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    msg = siterules.report(readerrules.check_sitemap(site, ROOTS, [("en", "treaty.md")]))
    assert f"robots.txt: must allow every crawler and say 'Sitemap: {ROOTS['en']}sitemap.xml'" in msg


# --------------------------------------------------------------------------
# Print
# --------------------------------------------------------------------------


def test_print_styles_show_link_addresses_and_hide_the_chrome():
    problems = readerrules.check_print_css(CSS.read_text(encoding="utf-8"), siterules.rel(CSS))
    assert not problems, siterules.report(problems)


def test_print_styles_are_published(site):
    """Each edition ships the stylesheet with its print rules (that it is the
    source without its comments: tests/test_budget.py)."""
    for ed in siterules.EDITIONS:
        path = site / ed.prefix / "assets/stylesheets/explainer.css"
        problems = readerrules.check_print_css(path.read_text(encoding="utf-8"), siterules.rel(path, site))
        assert not problems, siterules.report(problems)


def test_missing_print_rules_are_reported():
    css = '.md-content a[href^="http"]::after { content: " (" attr(href) ")"; }\n@media print { .md-header { display: none } }'
    msg = siterules.report(readerrules.check_print_css(css, "explainer.css"))
    assert "explainer.css: the print styles do not write out external link addresses" in msg  # the rule is outside @media print
    assert "the print styles do not hide .md-sidebar" in msg and ".md-header" not in msg
