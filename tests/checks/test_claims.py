"""Claim discipline, checked on the built pages of every edition: status
labels and attributed quotations."""

from __future__ import annotations

import pytest

from explainer.checks.claims import check_quotations, check_status_labels, speaker_names
from explainer.model.editions import EDITIONS, built_path
from explainer.model.html import parse
from explainer.model.problems import report
from tests.support import article, markdown_page


def built(site, page):
    return parse(site / built_path(page.lang, page.slug))


@pytest.fixture(scope="session")
def speakers(site):
    names = {}
    for ed in EDITIONS:
        people = site / built_path(ed.lang, "people.md")
        assert people.is_file(), f"the {ed.lang} who's-who page (people.md) is missing"
        names[ed.lang] = speaker_names(parse(people))
        assert names[ed.lang], f"no names found in the {ed.lang} who's-who headings"
    return names


# --- each rule, fed a broken page --------------------------------------------

REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


@pytest.mark.rule("status-labels")
def test_claim_without_label(tmp_path):
    page = markdown_page(tmp_path, "# X\n\nRussia could supply submarines.[^1]\n")
    msg = report(check_status_labels(article(f"<p>Russia could supply submarines.{REF}</p>"), page, True))
    assert "docs/en/treaty.md:6: claim without a status label: “Russia could supply submarines. 1…”" in msg
    assert "start it with one of Stated, Reported, Analysis, Confirmed" in msg


def test_labelled_claim_passes(tmp_path):
    page = markdown_page(tmp_path, "x")
    html = f'<p><strong class="status">Reported</strong> Russia could supply submarines.{REF}</p>'
    assert check_status_labels(article(html), page, True) == []


@pytest.mark.rule("status-labels")
def test_unknown_label(tmp_path):
    page = markdown_page(tmp_path, "# X\n\n**Rumoured**{ .status } Claim.[^1]\n")
    html = f'<p><strong class="status">Rumoured</strong> Claim.{REF}</p>'
    msg = report(check_status_labels(article(html), page, True))
    assert "docs/en/treaty.md:6: status label 'Rumoured' is not one of Stated, Reported, Analysis, Confirmed" in msg


@pytest.mark.rule("status-labels")
def test_english_label_on_french_page(tmp_path):
    page = markdown_page(tmp_path, "# X\n\n**Reported**{ .status } Affirmation.[^1]\n", where="docs/fr/treaty.md")
    html = f'<p><strong class="status">Reported</strong> Affirmation.{REF}</p>'
    msg = report(check_status_labels(article(html), page, True))
    assert "docs/fr/treaty.md:6: status label 'Reported' is not one of Déclaré, Rapporté, Analyse, Confirmé" in msg


@pytest.mark.rule("quotations")
def test_quotation_without_speaker(tmp_path):
    page = markdown_page(tmp_path, "# X\n\nIt was called “a breakthrough document”.\n")
    msg = report(check_quotations(article("<p>It was called “a breakthrough document”.</p>"), {"Putin"}, page))
    assert "docs/en/treaty.md:6: quotation “a breakthrough document” has no speaker named in its paragraph" in msg


def test_quotation_with_speaker_passes(tmp_path):
    page = markdown_page(tmp_path, "x")
    html = "<p>Putin called it “a breakthrough document”.</p><p>Poutine a parlé d’un « document historique ».</p>"
    assert check_quotations(article(html), {"Putin", "Poutine"}, page) == []
