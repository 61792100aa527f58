"""The sources pages list exactly what the registry holds (tools/sourcespage.py)."""

from __future__ import annotations

import pytest

from explainer.model.problems import report
from explainer.tools import sourcespage
from tests.support import edit


def test_stale_sources_page_is_reported(registry):
    text = "intro\n" + sourcespage.START + "\nold list\n" + sourcespage.END + "\n"
    assert sourcespage.expected(text, registry, "en") != text
    assert sourcespage.expected("no markers", registry, "en") is None


def test_french_sources_page_uses_the_translations(registry):
    fr = sourcespage.render(registry, "fr")
    assert (
        "[Dépêche sur le vote de ratification à la Douma d’État]" in fr
        and "[Report on the State Duma's ratification vote]" not in fr
    )


def test_sources_page_shows_authors_and_where_dates_come_from():
    entry = {
        "id": "x",
        "title": "A headline",
        "publisher": "NK News",
        "date": "2024-06-20",
        "dated_by": "url",
        "language": "en",
        "kind": "article",
        "authors": ["Anton Sokolin", "Shreyas Reddy"],
    }
    en, fr = sourcespage.entry_markdown(entry, "en"), sourcespage.entry_markdown(entry, "fr")
    assert en.startswith(
        "**NK News**, *A headline*, by Anton Sokolin and Shreyas Reddy · 20 June 2024 (dated by its URL) · "
    )
    # On the French page, the English headline says it is English.
    assert fr.startswith(
        '**NK News**, *A headline*{ lang="en" }, par Anton Sokolin et Shreyas Reddy · 20 juin 2024 (date tirée de l’adresse) · '
    )
    undated = {**entry, "date": "unknown", "authors": ["Chris York"]}
    undated.pop("dated_by")
    assert "*A headline*, by Chris York · date not recorded · " in sourcespage.entry_markdown(undated, "en")
    assert '*A headline*{ lang="en" }, par Chris York · date non relevée · ' in sourcespage.entry_markdown(
        undated, "fr"
    )
    translated = {**entry, "fr": {"title": "Un titre"}}
    assert sourcespage.entry_markdown(translated, "fr").startswith("**NK News**, *Un titre*, par ")


@pytest.mark.rule("sources-page")
def test_sources_page_out_of_date_names_its_line(scratch, registry):
    edit(scratch / "docs/fr/sources.md", "**ABC News**", "**ABC Nouvelles**")
    line = next(
        n
        for n, text in enumerate((scratch / "docs/fr/sources.md").read_text().splitlines(), 1)
        if "ABC Nouvelles" in text
    )
    assert report(sourcespage.check_pages(registry, scratch)) == (
        f"docs/fr/sources.md:{line}: the source list is out of date (it differs from docs/.data/sources.yml from "
        "here on); run python3 scripts/dev.py sources, which rewrites it from the registry, and commit the result"
    )
