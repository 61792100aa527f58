"""No copying from the source article: no page shares a run of words with it
outside quotations, and the article itself is never committed."""

from __future__ import annotations

import pytest

from explainer.checks.copying import check_copying, copied_runs, load_fingerprint, ngram_hashes, prose_segments
from explainer.model.layout import ROOT, rel
from explainer.model.problems import report
from tests.support import article, markdown_page

ARTICLE = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"


def test_article_text_is_not_in_the_repository():
    """Only the fingerprint is committed; the article itself never is."""
    assert len(load_fingerprint()) > 500
    for path in ROOT.rglob("*"):
        if path.is_file() and not {".git", ".venv", "node_modules"} & set(path.parts):
            assert path.name != "article.fr.txt", f"{rel(path)}: the source article must not be committed"


@pytest.mark.rule("copying")
def test_copied_run_is_caught(tmp_path):
    prints = set(ngram_hashes(ARTICLE))
    page = markdown_page(
        tmp_path,
        "# X\n\nIls ont dit : un deux trois quatre cinq six sept huit neuf dix onze douze, puis rien.\n",
        where="docs/fr/treaty.md",
    )
    html = article("<p>Ils ont dit : un deux trois quatre cinq six sept huit neuf dix onze douze, puis rien.</p>")
    msg = report(check_copying(html, page, prints))
    assert "docs/fr/treaty.md:6: 1 run(s) of 12 words copied from the source article, e.g. “un deux trois quatre" in msg
    assert "rewrite it in your own words" in msg


def test_quoted_run_is_allowed():
    prints = set(ngram_hashes(ARTICLE))
    page = article("<p>Kim a dit « un deux trois quatre cinq six sept huit neuf dix onze douze ».</p>")
    assert [r for seg in prose_segments(page) for r in copied_runs(seg, prints)] == []
