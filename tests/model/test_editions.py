"""Editions: where each page is published, and back."""

from __future__ import annotations

import pytest

from explainer.model.editions import EDITIONS, built_path, discover_pages, edition, page_slug, source_of


@pytest.mark.parametrize("slug", ["index.md", "treaty.md", "people.md"])
@pytest.mark.parametrize("ed", EDITIONS, ids=lambda e: e.lang)
def test_built_path_and_source_of_are_inverses(ed, slug):
    assert source_of(built_path(ed.lang, slug)) == (ed.lang, slug)


def test_built_paths():
    assert built_path("en", "index.md") == "index.html"
    assert built_path("fr", "treaty.md") == "fr/treaty/index.html"
    assert source_of("404.html") is None and source_of("assets/x.css") is None


def test_every_edition_has_pages():
    for ed in EDITIONS:
        assert any(page_slug(p)[0] == ed.lang for p in discover_pages()), f"no pages found in {ed.docs}"


def test_unknown_language_is_named():
    with pytest.raises(KeyError, match="no edition for language 'de'; known"):
        edition("de")
