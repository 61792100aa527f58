"""Footnotes cite registered sources, and the front matter lists what they cite."""

from __future__ import annotations

import pytest

from explainer.checks.footnotes import check_footnotes
from explainer.model.pages import split_front_matter
from explainer.model.problems import report


def page_with(tmp_path, body, sources="[known]"):
    path = tmp_path / "docs" / "en" / "treaty.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nsources: {sources}\n---\n{body}", encoding="utf-8")
    page, _ = split_front_matter(path, root=tmp_path)
    return report(check_footnotes(page, {"known": {}}))


def test_good_footnote(tmp_path):
    assert page_with(tmp_path, "Claim.[^1]\n\n[^1]: [Interfax](sources.md#known)\n") == ""


BROKEN = [
    pytest.param(
        "# Title: with a colon\n\nClaim.[^1]\n\n[^1]: [NBC](sources.md#nbc-exclusive)\n",
        "[known]",
        "docs/en/treaty.md:8: footnote [^1] cites 'nbc-exclusive', which is not in the source registry",
        id="unregistered source, named at its own line and not a heading's colon",
    ),
    pytest.param(
        "Claim.[^1]\n\n[^1]: [NBC](sources.md#nbc-exclusive)\n",
        "[known]",
        "docs/en/treaty.md:6: footnote [^1] cites 'nbc-exclusive', which is not in the source registry",
        id="unregistered source",
    ),
    pytest.param(
        "Claim.[^1]\n\n[^1]: Somebody said so.\n",
        "[known]",
        "docs/en/treaty.md:6: footnote [^1] does not cite a registered source; link it to the source's entry",
        id="no source",
    ),
    pytest.param(
        "An unsourced claim.\n",
        "[known]",
        "docs/en/treaty.md:2: has no footnotes, but every factual sentence needs one",
        id="no footnotes",
    ),
    pytest.param(
        "Claim.[^1] Other.[^2]\n\n[^1]: [Interfax](sources.md#known)\n",
        "[known]",
        "docs/en/treaty.md:4: footnote [^2] is used but never defined",
        id="undefined",
    ),
    pytest.param(
        "Claim.[^1]\n\n[^1]: [Interfax](sources.md#known)\n",
        "[]",
        "docs/en/treaty.md:2: front matter: 'sources' lacks 'known', which a footnote cites",
        id="sources list",
    ),
]


@pytest.mark.rule("footnotes")
@pytest.mark.parametrize(("body", "sources", "message"), BROKEN)
def test_broken_footnotes_are_reported(tmp_path, body, sources, message):
    assert message in page_with(tmp_path, body, sources=sources)
