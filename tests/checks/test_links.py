"""Links in the built HTML: internal targets and anchors exist, external
links are https to registered or allowed hosts. Checking the output also
covers links the Markdown validator never sees (nav, snippets, templates)."""

from __future__ import annotations

import pytest

from explainer.checks.links import check_built_links
from explainer.model.config import published
from explainer.model.problems import report
from explainer.model.trace import Tracer
from tests.support import markdown_page

ORIGIN, BASE = published()


# --- each rule, fed a broken page --------------------------------------------


def tiny_site(tmp_path, body: str, markdown: str = ""):
    """A built page treaty/index.html with `body` in its article, next to
    docs/en/treaty.md holding `markdown`; the problems found."""
    site = tmp_path / "site"
    (site / "treaty").mkdir(parents=True)
    (site / "index.html").write_text('<h2 id="key-facts">Key facts</h2>', encoding="utf-8")
    (site / "treaty" / "index.html").write_text(
        f'<article class="md-content__inner">{body}</article>', encoding="utf-8"
    )
    markdown_page(tmp_path, markdown)
    markdown_page(tmp_path, "# Overview\n\n## Key facts\n", where="docs/en/index.md")
    return report(check_built_links(site, ORIGIN, BASE, {"x": {"url": "https://tass.com/a"}}, Tracer(tmp_path)))


def test_good_links_pass(tmp_path):
    body = '<a href="../">home</a><a href="../#key-facts">facts</a><a href="https://tass.com/b">TASS</a><a href="#top">top</a><p id="top"></p>'
    assert tiny_site(tmp_path, body) == ""


@pytest.mark.rule("links")
def test_broken_internal_link_names_the_markdown_line(tmp_path):
    msg = tiny_site(tmp_path, '<a href="../no-such-page/">x</a>', "# The pact\n\nSee [x](no-such-page.md).\n")
    assert f"docs/en/treaty.md:6: link ../no-such-page/ points to {BASE}no-such-page/, which does not exist" in msg


@pytest.mark.rule("links")
def test_renamed_heading_names_both_pages(tmp_path):
    msg = tiny_site(
        tmp_path, '<a href="../#nothing-here">facts</a>', "# The pact\n\nThe [facts](index.md#nothing-here).\n"
    )
    assert (
        "docs/en/treaty.md:6: link ../#nothing-here goes to #nothing-here, but docs/en/index.md has no heading with that anchor (was it renamed?)"
        in msg
    )
    assert (
        "point the link at the heading's current anchor (the ¶ link next to it in docs/en/index.md), or restore the heading"
        in msg
    )


@pytest.mark.rule("links")
def test_broken_asset(tmp_path):
    msg = tiny_site(tmp_path, '<img src="../assets/missing.png" alt="">')
    assert "link ../assets/missing.png points to" in msg and "does not exist" in msg


@pytest.mark.rule("links")
def test_http_link(tmp_path):
    msg = tiny_site(
        tmp_path, '<a href="http://tass.com/b">TASS</a>', "# The pact\n\nAs [TASS](http://tass.com/b) said.\n"
    )
    assert "docs/en/treaty.md:6: link http://tass.com/b is not https; use the https address" in msg


@pytest.mark.rule("links")
def test_unregistered_host(tmp_path):
    msg = tiny_site(tmp_path, '<script src="https://cdn.example.net/lib.js"></script>')
    assert "goes to cdn.example.net, which is neither a registered source nor allowed" in msg


@pytest.mark.online
def test_external_urls_answer(registry):
    """Opt-in: `python3 scripts/dev.py test --online`. Results are cached for a week."""
    from explainer.tools import linkcheck

    broken = linkcheck.check_all(sorted({e["url"] for e in registry.values() if e.get("url")}))
    assert not broken, "\n".join(f"{url}: {why}" for url, why in broken)
