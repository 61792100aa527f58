"""The editions carry the same claims, block by block (checks/claim_parity.py)."""

from __future__ import annotations

import pytest

from explainer.checks.claim_parity import check_claim_parity
from explainer.model.problems import report
from tests.support import markdown_page

NOTES = "\n[^am]: [AM](sources.md#am)\n[^tass]: [TASS](sources.md#tass)\n"
EN = """# The pact

## How did the summit end?

**Reported**{ .status } The article says gifts were exchanged in Pyongyang.[^am]

**Reported**{ .status } Putin gave Kim Jong Un an Aurus limousine on 19 June 2024.[^tass]
"""
FR = """# Le pacte

## Comment le sommet s’est-il terminé ?

**Rapporté**{ .status } L’article indique que des cadeaux ont été échangés à Pyongyang.[^am]

**Rapporté**{ .status } Poutine a offert à Kim Jong-un une limousine Aurus le 19 juin 2024.[^tass]
"""
ADDED_EN = "**Reported**{ .status } The article adds that the two leaders also visited a university.[^am]\n\n"
ADDED_FR = "**Rapporté**{ .status } L’article ajoute que les deux dirigeants ont aussi visité une université.[^am]\n\n"


def check(tmp_path, en, fr):
    base = markdown_page(tmp_path, en + NOTES, meta="sources: [am, tass]", where="docs/en/treaty.md")
    page = markdown_page(tmp_path, fr + NOTES, meta="sources: [am, tass]", where="docs/fr/treaty.md")
    return report(check_claim_parity(page, base))


def test_same_claims_pass(tmp_path):
    assert check(tmp_path, EN, FR) == ""


@pytest.mark.rule("claim-parity")
@pytest.mark.parametrize("where", ["first", "last"])
def test_paragraph_added_to_the_english_page_only(tmp_path, where):
    """It cites a source the page already cites; it is still found, at its own line."""
    en = EN.replace("**Reported**{ .status } The article says", ADDED_EN + "**Reported**{ .status } The article says")
    if where == "last":
        en = EN.replace("**Reported**{ .status } Putin", ADDED_EN + "**Reported**{ .status } Putin")
    line = 8 if where == "first" else 10
    after = "after line 6" if where == "first" else "after line 8"
    assert check(tmp_path, en, FR) == (
        f"docs/en/treaty.md:{line}: paragraph (Reported; citing am) “The article adds that the two leaders "
        "also…” under “How did the summit end?” has no counterpart in docs/fr/treaty.md; both editions must "
        f"say the same things: add its French version to docs/fr/treaty.md ({after}), or remove it here"
    )


@pytest.mark.rule("claim-parity")
def test_paragraph_added_to_the_french_page_only(tmp_path):
    fr = FR.replace("**Rapporté**{ .status } Poutine", ADDED_FR + "**Rapporté**{ .status } Poutine")
    assert check(tmp_path, EN, fr) == (
        "docs/fr/treaty.md:10: paragraph (Rapporté; citing am) “L’article ajoute que les deux dirigeants "
        "ont…” under “Comment le sommet s’est-il terminé ?” has no counterpart in docs/en/treaty.md; both editions "
        "must say the same things: add its English version to docs/en/treaty.md (after line 8), or remove it here"
    )


@pytest.mark.rule("claim-parity")
def test_list_item_missing_from_one_edition(tmp_path):
    en = EN + "\n- **Stated**{ .status } A key fact.[^tass]\n- **Stated**{ .status } Another key fact.[^am]\n"
    fr = FR + "\n- **Déclaré**{ .status } Un fait clé.[^tass]\n"
    assert check(tmp_path, en, fr).startswith(
        "docs/en/treaty.md:13: list item (Stated; citing am) “Another key fact.” under “How did the summit end?” "
        "has no counterpart in docs/fr/treaty.md"
    )


@pytest.mark.rule("claim-parity")
def test_section_missing_from_one_edition(tmp_path):
    en = EN + "\n## What next?\n"
    assert check(tmp_path, en, FR).startswith(
        "docs/en/treaty.md:12: heading “What next?” has no counterpart in docs/fr/treaty.md"
    )


COUNTERPARTS_THAT_DIFFER = [
    pytest.param(
        EN,
        FR.replace("**Rapporté**{ .status } Poutine", "**Déclaré**{ .status } Poutine").replace(
            "2024.[^tass]", "2024.[^am]"
        ),
        "docs/fr/treaty.md:10: this paragraph does not match its counterpart at docs/en/treaty.md:10: it is labelled "
        "Déclaré, its counterpart Reported and its footnotes cite other sources (only here: am; only there: tass); "
        "the same claim takes the same label (Stated = Déclaré, Reported = Rapporté, Analysis = Analyse, "
        "Confirmed = Confirmé) and the same sources in both editions; change them together",
        id="label and sources",
    ),
    pytest.param(
        EN.replace("an Aurus limousine on 19 June 2024", "1,000 Aurus limousines on 19 June 2024"),
        FR.replace("une limousine Aurus le 19 juin 2024", "10\u202f000 limousines Aurus le 19 juin 2025"),
        "docs/fr/treaty.md:10: this paragraph gives 2,025, 10,000 where its counterpart at docs/en/treaty.md:10 "
        "gives 1,000, 2,024; the same claim gives the same figures, dates and years in both editions: check which "
        "is right, and correct the other",
        id="figures",
    ),
]


@pytest.mark.rule("claim-parity")
@pytest.mark.parametrize(("en", "fr", "message"), COUNTERPARTS_THAT_DIFFER)
def test_a_counterpart_that_differs(tmp_path, en, fr, message):
    assert check(tmp_path, en, fr) == message


def test_figures_written_the_way_each_language_writes_them_match(tmp_path):
    en = EN.replace("an Aurus limousine", "1,000 Aurus limousines and eleven")
    fr = FR.replace("une limousine Aurus", "1\u202f000 limousines Aurus et onze")
    assert check(tmp_path, en, fr) == ""


@pytest.mark.rule("claim-parity")
def test_a_timeline_mark_in_one_edition_only(tmp_path):
    en = EN.replace(
        "**Reported**{ .status } Putin gave", "- **19 June 2024**{ .signed } — **Reported**{ .status } Putin gave"
    )
    fr = FR.replace(
        "**Rapporté**{ .status } Poutine a offert", "- **19 juin 2024** — **Rapporté**{ .status } Poutine a offert"
    )
    assert (
        "docs/fr/treaty.md:10: this timeline entry has no mark where its counterpart at docs/en/treaty.md:10 has "
        "{ .signed }; mark the same entries in both editions" in check(tmp_path, en, fr)
    )


def test_figures_in_a_web_address_are_not_the_claims(tmp_path):
    fr = FR.replace("le 19 juin 2024.", "le 19 juin 2024 (https://example.org/2023/06/x).")
    assert check(tmp_path, EN, fr) == ""
