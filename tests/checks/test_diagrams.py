"""Inline diagrams are accessible, scale to any screen and run no code."""

from __future__ import annotations

import pytest

from explainer.checks.diagrams import check_diagrams
from explainer.model.editions import EDITIONS, built_path
from explainer.model.html import parse
from explainer.model.problems import report
from tests.support import article, markdown_page


def test_the_exchange_diagram_is_there(site):
    for ed in EDITIONS:
        page = parse(site / built_path(ed.lang, "technology-transfers.md"))
        assert page.select("article svg[role=img] title"), (
            f"the {ed.lang} technology-transfers page has lost its diagram"
        )


@pytest.mark.rule("diagrams")
def test_broken_diagram_is_reported(tmp_path):
    svg = '<svg role="img" aria-labelledby="t" viewBox="0\u202f0 300 730" style="x"><title id="t">T</title></svg>'
    page = markdown_page(tmp_path, f"# X\n\n<figure>\n{svg}\n</figure>\n", where="docs/fr/treaty.md")
    msg = report(check_diagrams(article(svg), page))
    assert "docs/fr/treaty.md:7: diagram 1: aria-labelledby must point to the diagram's own <title> and <desc>" in msg
    assert "viewBox is '0\\u202f0 300 730', not four numbers" in msg  # the stray narrow space is shown escaped
    assert "contains a script or a style attribute" in msg
