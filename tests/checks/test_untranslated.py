"""Each edition's titles are in its own language (checks/untranslated.py)."""

from __future__ import annotations

import pytest

from explainer.checks.untranslated import check_nav_titles, check_untranslated
from explainer.model.problems import report
from tests.support import edit, markdown_page

EN = "title: Western reactions\ndescription: What NATO and the United States said on the eve of the Putin–Kim summit."
FR = "title: Réactions occidentales\ndescription: Ce qu’ont dit l’OTAN et les États-Unis à la veille du sommet Poutine–Kim."
EN_BODY = "# Western reactions: NATO and the United States\n\nNATO and the United States reacted.\n"
FR_BODY = "# Réactions occidentales : l’OTAN et les États-Unis\n\nL’OTAN et les États-Unis ont réagi.\n"
ALIKE = {"sources", "putin", "kim", "nato"}


def check(tmp_path, fr_meta=FR, fr_body=FR_BODY):
    base = markdown_page(tmp_path, EN_BODY, meta=EN, where="docs/en/western-reactions.md")
    page = markdown_page(tmp_path, fr_body, meta=fr_meta, where="docs/fr/western-reactions.md")
    return report(check_untranslated(page, base, ALIKE))


def test_translated_page_passes(tmp_path):
    assert check(tmp_path) == ""


@pytest.mark.rule("untranslated")
def test_french_title_left_in_english(tmp_path):
    assert check(tmp_path, FR.replace("Réactions occidentales", "Western reactions")) == (
        "docs/fr/western-reactions.md:2: the title “Western reactions” is the same as in "
        "docs/en/western-reactions.md:2: it was left in English; translate it into French; if it is spelled the "
        "same in French, add the word to SAME_IN_EVERY_EDITION in scripts/explainer/model/language.py"
    )


@pytest.mark.rule("untranslated")
def test_french_description_and_heading_left_in_english(tmp_path):
    meta = FR.split("\n")[0] + "\ndescription: What NATO and the United States said, and what the article adds to it."
    msg = check(
        tmp_path, meta, FR_BODY.replace("# Réactions occidentales : l’OTAN et les États-Unis", EN_BODY.split("\n")[0])
    )
    assert (
        "docs/fr/western-reactions.md:3: the description “What NATO and the United States said, and what the article "
        "adds to it.” reads as English, not French; translate it into French" in msg
    )
    assert (
        "docs/fr/western-reactions.md:5: the main heading “Western reactions: NATO and the United States” is the "
        "same as in docs/en/western-reactions.md:5: it was left in English" in msg
    )


@pytest.mark.rule("untranslated")
@pytest.mark.parametrize("title", ["Reactions of the West", "Western responses"])
def test_french_title_in_english_but_not_the_same(tmp_path, title):
    msg = check(tmp_path, FR.replace("Réactions occidentales", title))
    assert (
        msg
        == f"docs/fr/western-reactions.md:2: the title “{title}” reads as English, not French; translate it into French"
    )


@pytest.mark.rule("untranslated")
def test_english_title_in_french(tmp_path):
    base = markdown_page(tmp_path, EN_BODY, meta=EN.replace("Western reactions", "Les réactions de l’Ouest"))
    assert report(check_untranslated(base, None, ALIKE)) == (
        "docs/en/treaty.md:2: the title “Les réactions de l’Ouest” reads as French, not English; translate it into English"
    )


def test_names_and_words_alike_in_both_languages_pass(tmp_path):
    base = markdown_page(tmp_path, "# Sources\n", meta="title: Sources", where="docs/en/sources.md")
    page = markdown_page(tmp_path, "# Sources\n", meta="title: Sources", where="docs/fr/sources.md")
    assert report(check_untranslated(page, base, ALIKE)) == ""


@pytest.mark.rule("untranslated")
def test_french_nav_title_left_in_english(scratch):
    edit(scratch / "mkdocs.fr.yml", "Chronologie: timeline.md", "Timeline: timeline.md")
    msg = report(check_nav_titles(ALIKE, root=scratch))
    assert msg.startswith("mkdocs.fr.yml:")
    assert ": the nav title “Timeline” is the same as in mkdocs.yml:" in msg and "it was left in English" in msg
