"""Navigation: every page is reachable, both editions share one structure,
and no asset is left unused."""

from __future__ import annotations

import re

import pytest

import siterules

CONFIGS = {ed.lang: siterules.load_config(ed.config) for ed in siterules.EDITIONS}


@pytest.mark.parametrize("ed", siterules.EDITIONS, ids=lambda e: e.lang)
def test_every_page_is_in_the_nav(ed):
    problems = siterules.check_nav(CONFIGS[ed.lang].get("nav"), ed)
    assert not problems, siterules.report(problems)


def test_nav_problems_are_reported(tmp_path):
    ed = siterules.Edition("en", "mkdocs.yml", "docs/en", "")
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "docs/en/index.md").write_text("x")
    (tmp_path / "docs/en/orphan.md").write_text("x")
    msg = siterules.report(siterules.check_nav([{"Home": "index.md"}, {"Gone": "gone.md"}], ed, root=tmp_path))
    assert "mkdocs.yml: nav: 'gone.md' does not exist in docs/en" in msg
    assert "docs/en/orphan.md: is not in the nav of mkdocs.yml" in msg


def test_editions_share_one_nav_structure():
    shapes = {lang: siterules.nav_shape(cfg.get("nav")) for lang, cfg in CONFIGS.items()}
    default = shapes[siterules.DEFAULT_LANG]
    for lang, shape in shapes.items():
        assert shape == default, f"{siterules.edition(lang).config}: nav differs from mkdocs.yml; list the same pages in the same order and sections"


def test_no_unused_assets(site):
    problems = siterules.check_unused_assets(site)
    assert not problems, siterules.report(problems)


def test_unused_asset_is_reported(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text('<img src="assets/used.png" alt="">')
    (site / "assets/used.png").write_bytes(b"x")
    (site / "assets/orphan.png").write_bytes(b"x")
    own = {"assets/used.png", "assets/orphan.png"}
    msg = siterules.report(siterules.check_unused_assets(site, own_assets={"": own}))
    assert "assets/orphan.png: no page uses this asset" in msg and "used.png" not in msg
