"""Links in the built HTML: internal targets and anchors exist, external
links are https to registered or allowed hosts. Checking the output also
covers links the Markdown validator never sees (nav, snippets, templates)."""

from __future__ import annotations

import pytest

import siterules

ORIGIN, BASE = siterules.site_prefix(siterules.load_config("mkdocs.yml"))


def test_built_links_resolve(site, registry):
    problems = siterules.check_built_links(site, ORIGIN, BASE, registry)
    assert not problems, siterules.report(problems)


def test_footnotes_cite_registered_sources(registry):
    problems = []
    for page in siterules.load_pages()[0]:
        problems += siterules.check_footnotes(page, registry)
    assert not problems, siterules.report(problems)


# --- each rule, fed a broken page --------------------------------------------


def tiny_site(tmp_path, body: str):
    site = tmp_path / "site"
    (site / "treaty").mkdir(parents=True)
    (site / "index.html").write_text('<h2 id="key-facts">Key facts</h2>', encoding="utf-8")
    (site / "treaty" / "index.html").write_text(body, encoding="utf-8")
    return siterules.report(siterules.check_built_links(site, ORIGIN, BASE, {"x": {"url": "https://tass.com/a"}}))


def test_good_links_pass(tmp_path):
    body = '<a href="../">home</a><a href="../#key-facts">facts</a><a href="https://tass.com/b">TASS</a><a href="#top">top</a><p id="top"></p>'
    assert tiny_site(tmp_path, body) == ""


def test_broken_internal_link(tmp_path):
    msg = tiny_site(tmp_path, '<a href="../no-such-page/">x</a>')
    assert f"treaty/index.html: link ../no-such-page/ points to {BASE}no-such-page/, which does not exist" in msg


def test_broken_anchor(tmp_path):
    msg = tiny_site(tmp_path, '<a href="../#nothing-here">x</a>')
    assert "link ../#nothing-here: no element with id 'nothing-here' in index.html" in msg


def test_broken_asset(tmp_path):
    msg = tiny_site(tmp_path, '<img src="../assets/missing.png" alt="">')
    assert "link ../assets/missing.png points to" in msg and "does not exist" in msg


def test_http_link(tmp_path):
    msg = tiny_site(tmp_path, '<a href="http://tass.com/b">x</a>')
    assert "treaty/index.html: link http://tass.com/b is not https; use the https address" in msg


def test_unregistered_host(tmp_path):
    msg = tiny_site(tmp_path, '<script src="https://cdn.example.net/lib.js"></script>')
    assert "goes to cdn.example.net, which is neither a registered source nor allowed" in msg


def page_with(tmp_path, body, sources="[known]"):
    path = tmp_path / "docs" / "en" / "treaty.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nsources: {sources}\n---\n{body}", encoding="utf-8")
    page, _ = siterules.split_front_matter(path, root=tmp_path)
    return siterules.report(siterules.check_footnotes(page, {"known": {}}, root=tmp_path))


def test_good_footnote(tmp_path):
    assert page_with(tmp_path, "Claim.[^1]\n\n[^1]: [Interfax](sources.md#known)\n") == ""


def test_unknown_source_in_footnote(tmp_path):
    msg = page_with(tmp_path, "Claim.[^1]\n\n[^1]: [NBC](sources.md#nbc-exclusive)\n")
    assert "docs/en/treaty.md: footnote [^1] cites 'nbc-exclusive', which is not in the source registry" in msg


def test_footnote_without_source(tmp_path):
    msg = page_with(tmp_path, "Claim.[^1]\n\n[^1]: Somebody said so.\n")
    assert "footnote [^1] does not cite a registered source; link it to the source's entry" in msg


def test_page_without_footnotes(tmp_path):
    msg = page_with(tmp_path, "An unsourced claim.\n")
    assert "docs/en/treaty.md: has no footnotes, but every factual sentence needs one" in msg


def test_undefined_footnote(tmp_path):
    msg = page_with(tmp_path, "Claim.[^1] Other.[^2]\n\n[^1]: [Interfax](sources.md#known)\n")
    assert "footnote [^2] is used but never defined" in msg


def test_sources_list_must_match_footnotes(tmp_path):
    msg = page_with(tmp_path, "Claim.[^1]\n\n[^1]: [Interfax](sources.md#known)\n", sources="[]")
    assert "front matter: 'sources' lacks 'known', which a footnote cites" in msg


@pytest.mark.online
def test_external_urls_answer(registry):
    """Opt-in: `python3 scripts/dev.py test --online`. Results are cached for a week."""
    import linkcheck

    broken = linkcheck.check_all(sorted({e["url"] for e in registry.values() if e.get("url")}))
    assert not broken, "\n".join(f"{url}: {why}" for url, why in broken)
