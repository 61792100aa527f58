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
    assert "[Dépêche sur l’entrée en vigueur du traité]" in fr and "[Report on the treaty's entry into force]" not in fr
