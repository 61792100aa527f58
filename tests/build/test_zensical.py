"""The second engine: the site built with Zensical passes the same rules as
the published MkDocs build (checks/suite.py): links, claims and quotations,
no copying, diagrams, the timeline, the reviewed line, the language links,
the search index, the one sitemap, the "not found" page, the
Content-Security-Policy, the markup fixes and valid HTML.

All but one: the page-weight budget. Zensical's script alone is about 56 KB
gzipped, and `dev.py audit` reports its pages' weight beside MkDocs's
(README, Engines and Performance). The browser checks run on the MkDocs
build only."""

from __future__ import annotations

import pytest

from explainer.build.engines import ZENSICAL
from explainer.build.site import build_site
from explainer.checks import suite
from explainer.checks.context import Context
from explainer.model.layout import ROOT
from tests.support import assert_rule_holds

NOT_ON_ZENSICAL = {"page-weight"}


@pytest.fixture(scope="session")
def zensical(tmp_path_factory) -> Context:
    site = tmp_path_factory.mktemp("zensical") / "site"
    build_site(site, engine=ZENSICAL)
    return Context.load(ROOT, site, ZENSICAL)


@pytest.mark.parametrize(
    "rule", [r for r in suite.RULES if r.site and r.name not in NOT_ON_ZENSICAL], ids=lambda r: r.name
)
def test_rule_holds_on_the_zensical_build(zensical, rule):
    assert_rule_holds(rule, zensical)


def test_the_zensical_build_is_really_zensicals(zensical):
    assert (zensical.site / ZENSICAL.search_index).is_file() and (
        zensical.site / "fr" / ZENSICAL.search_index
    ).is_file()
    assert not (zensical.site / "search" / "search_index.json").exists()
