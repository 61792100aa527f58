"""The files GitHub Pages serves besides the pages: a bilingual "not found"
page that works at any depth, one sitemap, and robots.txt."""

from __future__ import annotations

import pytest

from explainer.build import sitemap
from explainer.build.context import Context
from explainer.build.engines import MKDOCS
from explainer.checks import site_files
from explainer.model.config import edition_roots, published
from explainer.model.editions import DEFAULT_LANG
from explainer.model.html import content_root, parse
from explainer.model.problems import report
from tests.build.test_sitemap import tiny_editions

ORIGIN, BASE = published()
ROOTS = edition_roots()
CONTEXT = Context(preview=False, engine=MKDOCS)


def test_not_found_page_speaks_both_languages(site):
    soup = parse(site / "404.html")
    assert soup.html["lang"] == DEFAULT_LANG
    french = content_root(soup).find_all(attrs={"lang": "fr"})
    assert any("introuvable" in el.get_text() for el in french), '404.html: no French text marked lang="fr"'


@pytest.mark.rule("served-files")
def test_relative_links_on_the_not_found_page_are_reported(tmp_path):
    site = tmp_path / "site"
    (site / "sources").mkdir(parents=True)
    (site / "sources" / "index.html").write_text("", encoding="utf-8")
    (site / "index.html").write_text("", encoding="utf-8")
    (site / "404.html").write_text(
        '<html lang="en"><article class="md-content__inner"><a href="./">Home</a><a href="sources/">Sources</a></article></html>',
        encoding="utf-8",
    )
    msg = report(site_files.check_not_found_page(site, ORIGIN, BASE, ROOTS))
    assert (
        f"404.html: link sources/, served at {ORIGIN}{BASE}a/b/c/missing, leads to {ORIGIN}{BASE}a/b/c/sources/, which does not exist"
        in msg
    )
    assert '404.html: has no part marked lang="fr"' in msg
    assert f"404.html: does not link to {ROOTS['fr']}sources/" in msg


@pytest.mark.rule("served-files")
def test_missing_not_found_page_is_reported(tmp_path):
    msg = report(site_files.check_not_found_page(tmp_path, ORIGIN, BASE, ROOTS))
    assert "404.html: is missing" in msg


@pytest.mark.rule("served-files")
def test_unmerged_sitemaps_are_reported(tmp_path):
    site = tiny_editions(tmp_path)  # as MkDocs leaves them, before the post-build step
    msg = report(site_files.check_sitemap(site, ROOTS, [("en", "treaty.md"), ("fr", "treaty.md")]))
    assert f"sitemap.xml: does not list {ROOTS['fr']}treaty/" in msg
    assert "sitemap.xml: has no en alternate for" in msg
    assert "fr/sitemap.xml: is still published; search engines should find one sitemap" in msg
    assert "robots.txt: is missing" in msg


@pytest.mark.rule("served-files")
def test_robots_txt_blocking_crawlers_is_reported(tmp_path):
    site = tiny_editions(tmp_path)
    sitemap.step(site, CONTEXT)
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    msg = report(site_files.check_sitemap(site, ROOTS, [("en", "treaty.md")]))
    assert f"robots.txt: must allow every crawler and say 'Sitemap: {ROOTS['en']}sitemap.xml'" in msg


@pytest.mark.rule("served-files")
def test_language_links_of_the_french_not_found_page_are_checked_at_depth(tmp_path):
    """The French "not found" page, as the root one sends French readers to it:
    its switcher's links (once `base_url` + '/' + '../') must reach each edition's root."""
    site = tmp_path / "site"
    for inner in ("", "sources/", "fr/", "fr/sources/"):
        (site / inner).mkdir(parents=True, exist_ok=True)
        (site / inner / "index.html").write_text("", encoding="utf-8")
    (site / "fr" / "404.html").write_text(
        f'<html lang="fr"><a class="md-select__link" hreflang="en" href="{BASE}fr//../">English</a>'
        f'<a class="md-select__link" hreflang="fr" href="{BASE}fr//./">Français</a>'
        f'<article class="md-content__inner"><a href="{BASE}fr/">Accueil</a><a href="{BASE}fr/sources/">Sources</a>'
        f'<div lang="en"><a href="{BASE}">Home</a><a href="{BASE}sources/">Sources</a></div></article></html>',
        encoding="utf-8",
    )
    msg = report(site_files.check_not_found_page(site, ORIGIN, BASE, ROOTS, "fr/a/b/missing", "fr/404.html"))
    assert msg == (
        f"fr/404.html: the language switcher's en link, served at {ORIGIN}{BASE}fr/a/b/missing, leads to "
        f"{ORIGIN}{BASE}fr/, not to {ROOTS['en']}; on a page without page.url, link each edition's root path; "
        "see docs/.overrides/partials/alternate.html\n"
        f"fr/404.html: the language switcher's fr link, served at {ORIGIN}{BASE}fr/a/b/missing, leads to "
        f"{ORIGIN}{BASE}fr//, not to {ROOTS['fr']}; on a page without page.url, link each edition's root path; "
        "see docs/.overrides/partials/alternate.html"
    )
