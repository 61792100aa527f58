"""The editions say the same things: same pages, same sources, same footnoted
sources, and the built HTML links each page to its counterpart."""

from __future__ import annotations

import json

import pytest

import editionrules
import siterules

PAGES, _ = siterules.load_pages()
BY_LANG = {ed.lang: {siterules.page_slug(p.path)[1]: p for p in PAGES if siterules.page_slug(p.path)[0] == ed.lang} for ed in siterules.EDITIONS}
SLUGS = sorted(set().union(*(set(pages) for pages in BY_LANG.values())))
CONFIGS = {ed.lang: siterules.load_config(ed.config) for ed in siterules.EDITIONS}


def test_every_page_has_its_counterpart():
    problems = editionrules.check_parity(BY_LANG)
    assert not problems, siterules.report(problems)


def test_missing_counterpart_is_reported(tmp_path):
    en = tmp_path / "docs/en/treaty.md"
    fake = siterules.Page(en, {"sources": ["a"]}, "", 1)
    msg = siterules.report(editionrules.check_parity({"en": {"treaty.md": fake}, "fr": {}}, root=tmp_path))
    assert "docs/fr/treaty.md: is missing; every page in docs/en/ needs its French counterpart" in msg


def test_different_sources_are_reported(tmp_path):
    en = siterules.Page(tmp_path / "docs/en/treaty.md", {"sources": ["a", "b"]}, "x[^1]\n\n[^1]: [A](sources.md#a)\n", 1)
    fr = siterules.Page(tmp_path / "docs/fr/treaty.md", {"sources": ["a"]}, "x[^1]\n\n[^1]: [A](sources.md#a) [B](sources.md#b)\n", 1)
    msg = siterules.report(editionrules.check_parity({"en": {"treaty.md": en}, "fr": {"treaty.md": fr}}, root=tmp_path))
    assert "docs/fr/treaty.md: front matter 'sources' differs from docs/en/treaty.md (only in docs/en/treaty.md: b)" in msg


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("ed", siterules.EDITIONS, ids=lambda e: e.lang)
def test_built_page_language_metadata(site, ed, slug):
    soup = siterules.parse_html(site / siterules.built_path(ed.lang, slug))
    problems = editionrules.check_language_links(soup, ed, slug, CONFIGS[ed.lang], site)
    assert not problems, siterules.report(problems)


def test_wrong_language_metadata_is_reported(site):
    en = siterules.edition("en")
    soup = siterules.parse_html(site / siterules.built_path("fr", "treaty.md"))  # a French page where English is expected
    msg = siterules.report(editionrules.check_language_links(soup, en, "treaty.md", CONFIGS["en"], site))
    assert "<html lang> is 'fr'; expected 'en'" in msg
    assert "language switcher link to fr" in msg


@pytest.mark.parametrize("ed", siterules.EDITIONS, ids=lambda e: e.lang)
def test_search_index_holds_one_language(site, ed):
    index = json.loads((site / ed.prefix / "search/search_index.json").read_text(encoding="utf-8"))
    problems = editionrules.check_search_index(index, ed)
    assert not problems, siterules.report(problems)


def test_mixed_search_index_is_reported():
    fr = siterules.edition("fr")
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "../treaty/", "title": "The pact", "text": ""}]}
    msg = siterules.report(editionrules.check_search_index(index, fr))
    assert "fr/search/search_index.json: search language is ['en']; expected ['fr']" in msg
    assert "document '../treaty/' points outside the fr edition" in msg


def test_sitemap_lists_both_editions(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    for ed in siterules.EDITIONS:
        root = next(a["root"] for a in CONFIGS[ed.lang]["extra"]["alternate"] if a["lang"] == ed.lang)
        assert f"<loc>{root}treaty/</loc>" in text, f"sitemap.xml does not list the {ed.lang} edition"
