"""The sources pages list exactly what the registry holds (tools/sourcespage.py)."""

from __future__ import annotations

from explainer.model.editions import EDITIONS
from explainer.model.layout import rel
from explainer.tools import sourcespage


def test_sources_pages_match_the_registry(registry):
    for ed in EDITIONS:
        path = sourcespage.page_path(ed.lang)
        text = path.read_text(encoding="utf-8")
        wanted = sourcespage.expected(text, registry, ed.lang)
        assert wanted is not None, f"{rel(path)}: the registry markers are missing"
        assert text == wanted, f"{rel(path)}: the source list is out of date; run `python3 scripts/dev.py sources`"


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
    assert fr.startswith(
        "**NK News**, *A headline*, par Anton Sokolin et Shreyas Reddy · 20 juin 2024 (date tirée de l’adresse) · "
    )
    undated = {**entry, "date": "unknown", "authors": ["Chris York"]}
    undated.pop("dated_by")
    assert "*A headline*, by Chris York · date not recorded · " in sourcespage.entry_markdown(undated, "en")
    assert "*A headline*, par Chris York · date non relevée · " in sourcespage.entry_markdown(undated, "fr")
