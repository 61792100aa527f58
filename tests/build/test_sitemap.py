"""One sitemap for both editions, with hreflang alternates, and robots.txt
(build/sitemap.py)."""

from __future__ import annotations

import pytest

from explainer.build import sitemap
from explainer.build.context import Context, StepError
from explainer.build.engines import MKDOCS
from explainer.checks import site_files
from explainer.model.config import edition_roots

ROOTS = edition_roots()
CONTEXT = Context(preview=False, engine=MKDOCS)


def edition_sitemap(urls: list[str]) -> str:
    items = "".join(f"<url><loc>{u}</loc><lastmod>2026-11-28</lastmod></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{sitemap.SITEMAP_NS}">{items}</urlset>'


def tiny_editions(tmp_path, fr_urls=None):
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "sitemap.xml").write_text(edition_sitemap([ROOTS["en"], ROOTS["en"] + "treaty/"]), encoding="utf-8")
    (site / "fr" / "sitemap.xml").write_text(
        edition_sitemap(fr_urls if fr_urls is not None else [ROOTS["fr"], ROOTS["fr"] + "treaty/"]), encoding="utf-8"
    )
    return site


def test_sitemap_step_merges_the_editions(tmp_path):
    site = tiny_editions(tmp_path)
    sitemap.step(site, CONTEXT)
    pages = [("en", "index.md"), ("en", "treaty.md"), ("fr", "index.md"), ("fr", "treaty.md")]
    assert site_files.check_sitemap(site, ROOTS, pages) == []
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{ROOTS["en"]}treaty/"/>' in text
    assert not (site / "fr" / "sitemap.xml").exists() and (site / "sitemap.xml.gz").is_file()


def test_sitemap_url_outside_its_edition_is_reported(tmp_path):
    site = tiny_editions(tmp_path, fr_urls=["https://elsewhere.example/fr/"])
    with pytest.raises(
        StepError, match=r"fr/sitemap.xml: <loc>https://elsewhere.example/fr/</loc> is outside the fr edition"
    ):
        sitemap.step(site, CONTEXT)


def test_missing_edition_sitemap_stops_the_step(tmp_path):
    site = tiny_editions(tmp_path)
    (site / "fr" / "sitemap.xml").unlink()
    with pytest.raises(StepError, match=r"fr/sitemap\.xml is missing: the fr edition's build wrote no sitemap"):
        sitemap.step(site, CONTEXT)
