"""The editions say the same things: same pages, same sources, same footnoted
sources, and the built HTML links each page to its counterpart."""

from __future__ import annotations

import json

import pytest

from explainer.build.engines import ZENSICAL
from explainer.checks import editions as editionrules
from explainer.model.config import edition_config
from explainer.model.editions import EDITIONS, built_path, edition
from explainer.model.html import parse
from explainer.model.pages import Page
from explainer.model.problems import report

CONFIGS = {ed.lang: edition_config(ed.lang) for ed in EDITIONS}


@pytest.mark.rule("editions")
def test_missing_counterpart_is_reported(tmp_path):
    en = tmp_path / "docs/en/treaty.md"
    fake = Page(en, {"sources": ["a"]}, "", 1, tmp_path)
    msg = report(editionrules.check_parity({"en": {"treaty.md": fake}, "fr": {}}, root=tmp_path))
    assert "docs/fr/treaty.md: is missing; every page in docs/en/ needs its French counterpart" in msg


@pytest.mark.rule("editions")
def test_different_sources_are_reported(tmp_path):
    en = Page(
        tmp_path / "docs/en/treaty.md",
        {"sources": ["a", "b"]},
        "x[^1]\n\n[^1]: [A](sources.md#a)\n",
        4,
        tmp_path,
        "sources: [a, b]\n",
    )
    fr = Page(
        tmp_path / "docs/fr/treaty.md",
        {"sources": ["a"]},
        "x[^1]\n\n[^1]: [A](sources.md#a) [B](sources.md#b)\n",
        4,
        tmp_path,
        "sources: [a]\n",
    )
    msg = report(editionrules.check_parity({"en": {"treaty.md": en}, "fr": {"treaty.md": fr}}, root=tmp_path))
    assert (
        "docs/fr/treaty.md:2: front matter 'sources' differs from docs/en/treaty.md (only in docs/en/treaty.md: b)"
        in msg
    )


@pytest.mark.rule("editions")
def test_different_reporting_periods_are_reported(tmp_path):
    def page(lang, month):
        meta = {"sources": ["a"], "reporting": month}
        text = f"sources: [a]\nreporting: {month}\n"
        return Page(tmp_path / f"docs/{lang}/treaty.md", meta, "x[^1]\n\n[^1]: [A](sources.md#a)\n", 4, tmp_path, text)

    pages = {"en": {"treaty.md": page("en", "2026-03")}, "fr": {"treaty.md": page("fr", "2025-06")}}
    msg = report(editionrules.check_parity(pages, root=tmp_path))
    assert (
        "docs/fr/treaty.md:3: front matter 'reporting' is 2025-06, but 2026-03 in docs/en/treaty.md; "
        "both editions report the same events: give them the same month" in msg
    )


@pytest.mark.rule("language-links")
def test_wrong_language_metadata_is_reported(site):
    en = edition("en")
    soup = parse(site / built_path("fr", "treaty.md"))  # a French page where English is expected
    msg = report(editionrules.check_language_links(soup, en, "treaty.md", CONFIGS["en"], site))
    assert "<html lang> is 'fr'; expected 'en'" in msg
    assert "language switcher link to fr" in msg


@pytest.mark.rule("search-index")
def test_mixed_search_index_is_reported(tmp_path):
    fr = edition("fr")
    (tmp_path / "fr/search").mkdir(parents=True)
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "../treaty/", "title": "The pact", "text": ""}]}
    (tmp_path / "fr/search/search_index.json").write_text(json.dumps(index), encoding="utf-8")
    msg = report(editionrules.check_search_index(tmp_path, fr))
    assert "fr/search/search_index.json: search language is ['en']; expected ['fr']" in msg
    assert "document '../treaty/' points outside the fr edition" in msg
    assert "fr/search.json: is missing: zensical wrote no search index" in report(
        editionrules.check_search_index(tmp_path, fr, ZENSICAL)
    )


def test_sitemap_lists_both_editions(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    for ed in EDITIONS:
        root = next(a["root"] for a in CONFIGS[ed.lang]["extra"]["alternate"] if a["lang"] == ed.lang)
        assert f"<loc>{root}treaty/</loc>" in text, f"sitemap.xml does not list the {ed.lang} edition"
