"""Claim discipline, checked on the built pages of every edition: status
labels and attributed quotations."""

from __future__ import annotations

import pytest

from explainer.build.labels import key_html
from explainer.checks.claims import check_quotations, check_status_key, check_status_labels, speaker_names
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


@pytest.mark.rule("quotations")
def test_quotation_without_speaker(tmp_path):
    page = markdown_page(tmp_path, "# X\n\nIt was called “a breakthrough document”.\n")
    msg = report(check_quotations(article("<p>It was called “a breakthrough document”.</p>"), {"Putin"}, page))
    assert "docs/en/treaty.md:6: quotation “a breakthrough document” has no speaker named in its paragraph" in msg


def test_quotation_with_speaker_passes(tmp_path):
    page = markdown_page(tmp_path, "x")
    html = "<p>Putin called it “a breakthrough document”.</p><p>Poutine a parlé d’un « document historique ».</p>"
    assert check_quotations(article(html), {"Putin", "Poutine"}, page) == []


def test_list_that_carries_its_label_once_passes(tmp_path):
    page = markdown_page(tmp_path, "x")
    html = (
        '<p class="status-all"><a class="status status--reported" href="#status-reported">Reported</a> every item below</p>'
        f"<ul><li>One.{REF}</li><li>Two.{REF}</li></ul>"
    )
    assert check_status_labels(article(html), page, True) == []
    unlabelled = f"<p>Intro.</p><ul><li>One.{REF}</li></ul>"
    assert "claim without a status label: “One. 1…”" in report(check_status_labels(article(unlabelled), page, True))


# --- the key to the labels -----------------------------------------------------


def labelled(label_html: str, key: str) -> object:
    return article(f"<p>{label_html} Claim.{REF}</p>{key}")


LABEL = '<a class="status status--stated" href="#status-stated">Stated</a>'


def test_page_with_the_key_passes(tmp_path):
    page = markdown_page(tmp_path, "# X\n\n**Stated**{ .status } Claim.[^1]\n")
    assert check_status_key(labelled(LABEL, key_html("en")), page) == []


@pytest.mark.rule("status-key")
def test_labels_without_key_or_leading_elsewhere_are_reported(tmp_path):
    page = markdown_page(tmp_path, "# X\n\n**Stated**{ .status } Claim.[^1]\n")
    msg = report(check_status_key(labelled(LABEL, ""), page))
    assert "docs/en/treaty.md: the page's status labels have no key saying what they mean" in msg
    wrong = key_html("en").replace("An expert&#x27;s view or interpretation.", "An opinion.")
    msg = report(check_status_key(labelled(LABEL.replace("#status-stated", "../about/"), wrong), page))
    assert (
        "docs/en/treaty.md: the key says ('Analysis', 'An opinion.') for 'Analysis', not extra.i18n's "
        "('Analysis', \"An expert's view or interpretation.\")" in msg
    )
    assert "docs/en/treaty.md:6: the label 'Stated' links to '../about/', not to its meaning in the key" in msg


@pytest.mark.rule("status-key")
def test_about_page_without_its_key_is_reported(tmp_path):
    page = markdown_page(tmp_path, '# About\n\nLabels:\n\n<div class="status-key"></div>\n', where="docs/fr/about.md")
    msg = report(check_status_key(article("<p>Labels:</p>"), page))
    assert "docs/fr/about.md:8: the About page has no key to the status labels" in msg


DECOMPOSED = "Rapporte\u0301"  # « Rapporté » with its accent typed as a separate mark
TABLE_ROW = "<table><tr><th>Treaty</th><th>Duty</th></tr><tr><td>2000, with Russia</td><td>No such clause.{ref}</td></tr></table>"
BROKEN_LABELS = [
    pytest.param(
        "**Rumoured**{ .status } Claim.[^1]",
        '<p><strong class="status">Rumoured</strong> Claim.{ref}</p>',
        "docs/en/treaty.md:6: status label 'Rumoured' is not one of Stated, Reported, Analysis, Confirmed",
        id="unknown label",
    ),
    pytest.param(
        "**Reported**{ .status } Affirmation.[^1]",
        '<p><strong class="status">Reported</strong> Affirmation.{ref}</p>',
        "docs/fr/treaty.md:6: status label 'Reported' is not one of Déclaré, Rapporté, Analyse, Confirmé",
        id="English label on a French page",
    ),
    pytest.param(
        "| Treaty | Duty |\n|---|---|\n| 2000, with Russia | No such clause.[^1] |",
        TABLE_ROW,
        "docs/en/treaty.md:8: claim without a status label: “2000, with Russia No such clause. 1…”",
        id="table row without a label",
    ),
    pytest.param(
        "*Stated*{ .status } Claim.[^1]",
        '<p><em class="status">Stated</em> Claim.{ref}</p>',
        "docs/en/treaty.md:6: status label 'Stated' is not written in bold, so it is neither drawn nor linked as a "
        "label; write it between double asterisks, as **Reported**{ .status }",
        id="label in italics",
    ),
    pytest.param(
        f"**{DECOMPOSED}**{{ .status }} Affirmation.[^1]",
        f'<p><strong class="status">{DECOMPOSED}</strong> Affirmation.{{ref}}</p>',
        f"docs/fr/treaty.md:6: status label '{DECOMPOSED}' has its accent typed as a separate mark",
        id="accent typed as a separate mark",
    ),
]


@pytest.mark.rule("status-labels")
@pytest.mark.parametrize(("markdown", "html", "message"), BROKEN_LABELS)
def test_broken_label_is_reported(tmp_path, markdown, html, message):
    where = message.split(":")[0]
    page = markdown_page(tmp_path, f"# X\n\n{markdown}\n", where=where)
    assert message in report(check_status_labels(article(html.format(ref=REF)), page, True))
