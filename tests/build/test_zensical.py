"""The second engine: the site built with Zensical passes the same
non-browser checks as the published MkDocs build: links, claims and
quotations, no copying, diagrams, the timeline, the reviewed line, the
language links, the search index, the one sitemap, the "not found" page,
the Content-Security-Policy, the markup fixes and valid HTML.

The page-weight budget is not one of them: Zensical's script alone is about
56 KB gzipped, and `dev.py audit` reports its pages' weight beside MkDocs's
(README, Performance)."""

from __future__ import annotations

import pytest

from explainer.build.engines import ZENSICAL
from explainer.build.site import build_site
from explainer.checks import csp, editions, markup, reader, site_files
from explainer.checks.claims import check_quotations, check_status_labels, speaker_names
from explainer.checks.copying import check_copying, load_fingerprint
from explainer.checks.diagrams import check_diagrams
from explainer.checks.links import check_built_links
from explainer.checks.paraphrase import check_paraphrase, load_signatures
from explainer.checks.timeline import check_timeline
from explainer.model.config import edition_config, edition_roots, published
from explainer.model.editions import EDITIONS, META_PAGES, built_path
from explainer.model.html import html_pages, parse
from explainer.model.layout import rel
from explainer.model.pages import load_pages
from explainer.model.problems import report
from tests.checks.test_validity import checked

PAGES, _ = load_pages()
ORIGIN, BASE = published()


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("zensical") / "site"
    build_site(site, engine=ZENSICAL)
    return site


def test_both_editions_and_their_search_indexes_are_built(zensical_site):
    problems = [p for ed in EDITIONS for p in editions.check_search_index(zensical_site, ed, ZENSICAL)]
    assert not problems, report(problems)
    assert (zensical_site / "fr" / "index.html").is_file()


def test_links_resolve(zensical_site, registry):
    problems = check_built_links(zensical_site, ORIGIN, BASE, registry)
    assert not problems, report(problems)


def test_every_page_passes_the_content_rules(zensical_site):
    names = {ed.lang: speaker_names(parse(zensical_site / built_path(ed.lang, "people.md"))) for ed in EDITIONS}
    fingerprint, signatures = load_fingerprint(), load_signatures()
    problems = []
    for page in PAGES:
        path = zensical_site / built_path(page.lang, page.slug)
        claims = page.meta.get("claims", True) and page.slug not in META_PAGES
        problems += check_status_labels(parse(path), page, claims)
        problems += check_quotations(parse(path), names[page.lang], page)
        problems += check_copying(parse(path), page, fingerprint)
        problems += check_paraphrase(parse(path), page, signatures)
        problems += check_diagrams(parse(path), page)
        problems += check_timeline(parse(path), page)
        problems += reader.check_reviewed_line(parse(path), page, page.where)
    assert not problems, report(problems)


def test_language_links_sitemap_and_not_found_page(zensical_site):
    problems = []
    for page in PAGES:
        ed = next(e for e in EDITIONS if e.lang == page.lang)
        soup = parse(zensical_site / built_path(page.lang, page.slug))
        problems += editions.check_language_links(soup, ed, page.slug, edition_config(page.lang), zensical_site)
    problems += site_files.check_sitemap(zensical_site, edition_roots(), [(p.lang, p.slug) for p in PAGES])
    problems += site_files.check_not_found_page(zensical_site, ORIGIN, BASE, edition_roots())
    assert not problems, report(problems)


def test_policy_and_markup_fixes(zensical_site):
    problems = []
    for path in html_pages(zensical_site):
        html = path.read_text(encoding="utf-8")
        problems += csp.check_page(html, rel(path, zensical_site)) + markup.check_page(html, rel(path, zensical_site))
    assert not problems, report(problems)


def test_valid_html(zensical_site):
    problems = checked(html_pages(zensical_site), zensical_site)
    assert not problems, report(problems)
