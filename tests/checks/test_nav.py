"""Navigation: every page is reachable, both editions share one structure,
and no asset is left unused."""

from __future__ import annotations

import pytest

from explainer.checks.nav import check_nav, check_nav_shape
from explainer.model.editions import EDITIONS, Edition
from explainer.model.problems import report


@pytest.mark.rule("navigation")
def test_nav_problems_are_reported(tmp_path):
    ed = Edition("en", "mkdocs.yml", "docs/en", "")
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "docs/en/index.md").write_text("x")
    (tmp_path / "docs/en/orphan.md").write_text("x")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - Home: index.md\n  - Gone: gone.md\n")
    msg = report(check_nav([{"Home": "index.md"}, {"Gone": "gone.md"}], ed, root=tmp_path))
    assert "mkdocs.yml:2: nav: 'gone.md' does not exist in docs/en" in msg
    assert "docs/en/orphan.md: is not in the nav of mkdocs.yml" in msg


@pytest.mark.rule("navigation")
def test_nav_of_another_shape_is_reported():
    en, fr = EDITIONS
    navs = {en: [{"Home": "index.md"}, {"Pact": "treaty.md"}], fr: [{"Accueil": "index.md"}]}
    msg = report(check_nav_shape(navs))
    assert (
        "mkdocs.fr.yml:" in msg
        and "nav differs from mkdocs.yml; list the same pages in the same order and sections" in msg
    )
