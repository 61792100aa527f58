"""Claim discipline, checked on the built pages of every edition: status
labels, attributed quotations, and no copying from the source article."""

from __future__ import annotations

import pytest

import contentrules
import fingerprint
import siterules

PAGES, _ = siterules.load_pages()
IDS = [siterules.rel(p.path) for p in PAGES]


def built(site, page):
    lang, slug = siterules.page_slug(page.path)
    return siterules.parse_html(site / siterules.built_path(lang, slug))


@pytest.fixture(scope="session")
def speakers(site):
    names = {}
    for ed in siterules.EDITIONS:
        people = site / siterules.built_path(ed.lang, "people.md")
        assert people.is_file(), f"the {ed.lang} who's-who page (people.md) is missing"
        names[ed.lang] = contentrules.speaker_names(siterules.parse_html(people))
        assert names[ed.lang], f"no names found in the {ed.lang} who's-who headings"
    return names


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_status_labels(site, page):
    lang, _ = siterules.page_slug(page.path)
    claims = page.meta.get("claims", True) and siterules.page_slug(page.path)[1] not in siterules.META_PAGES
    problems = contentrules.check_status_labels(built(site, page), lang, siterules.rel(page.path), claims)
    assert not problems, siterules.report(problems)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_quotations_name_their_speaker(site, page, speakers):
    lang, _ = siterules.page_slug(page.path)
    problems = contentrules.check_quotations(built(site, page), speakers[lang], siterules.rel(page.path))
    assert not problems, siterules.report(problems)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_copying_from_the_article(site, page):
    prints = fingerprint.load()
    runs = [run for seg in contentrules.prose_segments(built(site, page)) for run in fingerprint.copied_runs(seg, prints)]
    assert not runs, (
        f"{siterules.rel(page.path)}: {len(runs)} run(s) of {fingerprint.N} words copied from the source article, "
        f"e.g. “{runs[0]}”; rewrite it in your own words, or quote one sentence at most with its speaker"
    )


def test_article_text_is_not_in_the_repository():
    """Only the fingerprint is committed; the article itself never is."""
    assert len(fingerprint.load()) > 500
    for path in siterules.ROOT.rglob("*"):
        if path.is_file() and ".git" not in path.parts and ".venv" not in path.parts and "node_modules" not in path.parts:
            assert path.name != "article.fr.txt", f"{siterules.rel(path)}: the source article must not be committed"


# --- each rule, fed a broken page --------------------------------------------

from bs4 import BeautifulSoup  # noqa: E402


def soup(html):
    return BeautifulSoup(f'<article class="md-content__inner">{html}</article>', "html.parser")


REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


def test_claim_without_label():
    msg = siterules.report(contentrules.check_status_labels(soup(f"<p>Russia could supply submarines.{REF}</p>"), "en", "docs/en/x.md", True))
    assert "docs/en/x.md: claim without a status label: “Russia could supply submarines." in msg
    assert "start it with one of Stated, Reported, Analysis, Confirmed" in msg


def test_labelled_claim_passes():
    html = f'<p><strong class="status">Reported</strong> Russia could supply submarines.{REF}</p>'
    assert contentrules.check_status_labels(soup(html), "en", "x", True) == []


def test_unknown_label():
    html = f'<p><strong class="status">Rumoured</strong> Claim.{REF}</p>'
    msg = siterules.report(contentrules.check_status_labels(soup(html), "en", "docs/en/x.md", True))
    assert "status label 'Rumoured' is not one of Stated, Reported, Analysis, Confirmed" in msg


def test_english_label_on_french_page():
    html = f'<p><strong class="status">Reported</strong> Affirmation.{REF}</p>'
    msg = siterules.report(contentrules.check_status_labels(soup(html), "fr", "docs/fr/x.md", True))
    assert "status label 'Reported' is not one of Déclaré, Rapporté, Analyse, Confirmé" in msg


def test_quotation_without_speaker():
    msg = siterules.report(contentrules.check_quotations(soup("<p>It was called “a breakthrough document”.</p>"), {"Putin"}, "docs/en/x.md"))
    assert "docs/en/x.md: quotation “a breakthrough document” has no speaker named in its paragraph" in msg


def test_quotation_with_speaker_passes():
    html = "<p>Putin called it “a breakthrough document”.</p><p>Poutine a parlé d’un « document historique ».</p>"
    assert contentrules.check_quotations(soup(html), {"Putin", "Poutine"}, "x") == []


def test_copied_run_is_caught():
    article = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"
    prints = set(fingerprint.ngram_hashes(article))
    page = soup("<p>Ils ont dit : un deux trois quatre cinq six sept huit neuf dix onze douze, puis rien.</p>")
    runs = [r for seg in contentrules.prose_segments(page) for r in fingerprint.copied_runs(seg, prints)]
    assert runs == ["un deux trois quatre cinq six sept huit neuf dix onze douze"]


def test_quoted_run_is_allowed():
    article = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"
    prints = set(fingerprint.ngram_hashes(article))
    page = soup("<p>Kim a dit « un deux trois quatre cinq six sept huit neuf dix onze douze ».</p>")
    assert [r for seg in contentrules.prose_segments(page) for r in fingerprint.copied_runs(seg, prints)] == []


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_diagrams_are_accessible(site, page):
    problems = contentrules.check_diagrams(built(site, page), siterules.rel(page.path))
    assert not problems, siterules.report(problems)


def test_the_exchange_diagram_is_there(site):
    for ed in siterules.EDITIONS:
        page = siterules.parse_html(site / siterules.built_path(ed.lang, "technology-transfers.md"))
        assert page.select("article svg[role=img] title"), f"the {ed.lang} technology-transfers page has lost its diagram"


def test_broken_diagram_is_reported():
    html = '<svg role="img" aria-labelledby="t" viewBox="0\u202f0 300 730" style="x"><title id="t">T</title></svg>'
    msg = siterules.report(contentrules.check_diagrams(soup(html), "docs/fr/x.md"))
    assert "docs/fr/x.md: diagram 1: aria-labelledby must point to the diagram's own <title> and <desc>" in msg
    assert "viewBox is '0\\u202f0 300 730', not four numbers" in msg  # the stray narrow space is shown escaped
    assert "contains a script or a style attribute" in msg
