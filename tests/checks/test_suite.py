"""The one list of rules (checks/suite.py): every rule holds on the real
site, and every rule is fed a broken input by some test."""

from __future__ import annotations

import re

import pytest

from explainer.checks import suite
from explainer.checks.context import Context
from explainer.model.layout import ROOT
from tests.support import assert_rule_holds

MARK = re.compile(r"""mark\.rule\(\s*["']([\w-]+)["']\s*\)""")


@pytest.fixture(scope="session")
def context(site) -> Context:
    """The repository's pages and registry, with the site built from them."""
    return Context.load(ROOT, site)


@pytest.mark.parametrize("rule", suite.RULES, ids=lambda r: r.name)
def test_rule_holds_on_the_site(context, rule):
    assert_rule_holds(rule, context)


def test_every_rule_is_fed_a_broken_input():
    """Each rule has a test, marked @pytest.mark.rule("its name"), that gives
    it a broken page or file and asserts the message."""
    marked = set()
    for path in (ROOT / "tests").rglob("*.py"):
        marked |= set(MARK.findall(path.read_text(encoding="utf-8")))
    names = [r.name for r in suite.RULES]
    assert len(names) == len(set(names)), f"two rules share a name: {names}"
    untested = sorted(set(names) - marked)
    assert not untested, f"no test feeds these rules a broken input: {', '.join(untested)}"
    assert not marked - set(names), f"tests are marked for rules the suite does not have: {marked - set(names)}"


def test_rules_that_need_no_site_run_without_one():
    context = Context.load(ROOT)
    outcome = suite.run(context)
    assert outcome.ran == [r.name for r in suite.RULES if not r.site]
    assert all(s.endswith("the site was not built") for s in outcome.skipped)


def test_unknown_rule_is_named():
    with pytest.raises(KeyError, match="no rule 'nope'; known: front-matter, "):
        suite.rule("nope")
