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
    assert "[Dépêche sur l’entrée en vigueur du traité]" in fr and "[Report on the treaty's entry into force]" not in fr


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
