"""Every factual sentence is sourced (checks/sourcing.py): each block of a
content page with text has a footnote, unless its shape says it is no claim
or an editor marked it, saying why."""

from __future__ import annotations

import pytest

from explainer.checks.sourcing import check_markers, check_sourcing
from explainer.model.problems import report
from tests.support import markdown_page

NOTE = "\n[^1]: [TASS](sources.md#tass)\n"


def problems(tmp_path, body, where="docs/en/western-reactions.md", meta="sources: [tass]"):
    return report(check_sourcing(markdown_page(tmp_path, body + NOTE, meta=meta, where=where)))


@pytest.mark.rule("sourcing")
@pytest.mark.parametrize(
    ("where", "sentence", "label"),
    [
        ("docs/en/western-reactions.md", "South Korea summoned the Russian ambassador.", "**Reported**{ .status } (or Stated, Analysis, Confirmed)"),
        ("docs/fr/western-reactions.md", "La Corée du Sud a convoqué l’ambassadeur russe.", "**Rapporté**{ .status } (or Déclaré, Analyse, Confirmé)"),
    ],
    ids=["en", "fr"],
)  # fmt: skip
def test_sentence_without_footnote_or_label(tmp_path, where, sentence, label):
    msg = problems(tmp_path, f"# Reactions\n\n{sentence}\n", where=where)
    assert msg == (
        f"{where}:6: paragraph with no footnote and no status label: “{sentence}”; every factual sentence needs a "
        f"source: start it with a status label, {label}, and end it with a footnote [^1] defined as "
        "[^1]: [Publisher](sources.md#source-id); if it is about the site, not the world, put "
        "<!-- not a claim: why --> on the line before it"
    )


@pytest.mark.rule("sourcing")
def test_label_without_footnote(tmp_path):
    msg = problems(tmp_path, "# X\n\n- **Stated**{ .status } A list item with a label only.\n")
    assert msg.startswith(
        "docs/en/western-reactions.md:6: list item with a status label but no footnote: “A list item with a label "
        "only.”; every factual sentence needs a source: end it with a footnote [^1]"
    )


@pytest.mark.rule("sourcing")
@pytest.mark.parametrize("where", ["docs/en/treaty.md", "docs/fr/treaty.md"])
def test_sentence_after_the_last_footnote(tmp_path, where):
    msg = problems(tmp_path, "# X\n\n**Stated**{ .status } Sourced.[^1] Then an unsourced sentence follows.\n", where)
    assert msg == (
        f"{where}:6: the last sentence of this paragraph has no footnote: “Then an unsourced sentence follows.”; "
        "end it with a footnote too; if it is about the site, not the world, put <!-- not a claim: why --> on the "
        "line before it"
    )


@pytest.mark.rule("sourcing")
def test_table_rows_and_definitions_are_checked(tmp_path):
    body = (
        "# X\n\n| Year | Event |\n|---|---|\n| 2024 | Signed.[^1] |\n| 2025 | In force. |\n\nTerm\n:   A definition.\n"
    )
    msg = problems(tmp_path, body)
    assert (
        "docs/en/western-reactions.md:9: table row with no footnote and no status label: “| 2025 | In force. |”" in msg
    )
    assert "docs/en/western-reactions.md:12: definition with no footnote and no status label: “A definition.”" in msg
    assert ":8:" not in msg and "Year" not in msg


def test_allowed_shapes_pass(tmp_path):
    body = (
        "# X\n\n**Stated**{ .status } Sourced.[^1]\n\n**What we know**\n\n"
        "- [The pact](treaty.md): what was signed and when.\n\n"
        "Mentioned on: [Overview](index.md), [Timeline](timeline.md).\n\n"
        "<!-- not a claim: this sentence is about the site -->\nThis page lists what each side said.\n\n"
        "**Stated**{ .status } Sourced.[^1] This page sets out the rest. <!-- not a claim: about the page -->\n\n"
        "![A map of the Korean peninsula](map.png)\n"
    )
    assert problems(tmp_path, body) == ""


def test_pages_without_claims_pass(tmp_path):
    assert problems(tmp_path, "# X\n\nNo claims here.\n", meta="sources: []\nclaims: false") == ""


@pytest.mark.rule("not-a-claim-markers")
@pytest.mark.parametrize("marker", ["<!-- not a claim -->", "<!-- not a claim: -->", "<!-- NOT A CLAIM: x -->"])
def test_marker_without_reason(tmp_path, marker):
    page = markdown_page(tmp_path, f"# X\n\n{marker}\nA sentence.\n", where="docs/fr/treaty.md")
    assert report(check_markers(page)) == (
        "docs/fr/treaty.md:6: a 'not a claim' marker must say why the text needs no source; write the reason after "
        "the colon, e.g. <!-- not a claim: this sentence is about the site -->"
    )


def test_markers_change_nothing_readers_see(site):
    """The marker is an HTML comment: in review, in the Markdown; on the site, nowhere a reader looks."""
    from explainer.model.blocks import markers
    from explainer.model.editions import built_path
    from explainer.model.html import content_root, parse
    from explainer.model.pages import load_pages

    marked = [page for page in load_pages()[0] if markers(page)]
    assert marked, "no page uses the marker, so this test checks nothing"
    for page in marked:
        text = content_root(parse(site / built_path(page.lang, page.slug))).get_text(" ")
        assert "not a claim" not in text, f"{page.where}: the marker shows on the built page"
