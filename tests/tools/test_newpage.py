"""`dev.py new-page`: a valid, unfinished page in every edition (tools/newpage.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.checks.front_matter import check_front_matter, check_unfinished
from explainer.checks.nav import check_nav
from explainer.model.config import load_config, nav_pages
from explainer.model.editions import EDITIONS
from explainer.model.pages import split_front_matter
from explainer.model.problems import report
from explainer.tools import newpage


def test_new_page_creates_valid_pages_in_every_edition(scratch, registry):
    created = newpage.create("sanctions", "Sanctions", root=scratch, today=dt.date(2026, 11, 1))
    assert created == [f"{ed.docs}/sanctions.md" for ed in EDITIONS]
    for ed in EDITIONS:
        page, problems = split_front_matter(scratch / ed.docs / "sanctions.md", root=scratch)
        problems += check_front_matter(page, registry, today=dt.date(2026, 11, 28))
        assert not problems, report(problems)
        nav = load_config(ed.config, root=scratch)["nav"]
        assert "sanctions.md" in nav_pages(nav)
        assert check_nav(nav, ed, root=scratch) == []
        # Unfinished until an editor writes it, and the checks say so.
        assert check_unfinished(page)


def test_new_page_refuses_to_overwrite(scratch):
    before = (scratch / "docs/en/treaty.md").read_text()
    with pytest.raises(newpage.PageError, match=r"docs/en/treaty\.md already exists; new-page never overwrites a page"):
        newpage.create("treaty", "The pact again", root=scratch)
    assert (scratch / "docs/en/treaty.md").read_text() == before


def test_new_page_rejects_bad_slug(scratch):
    with pytest.raises(newpage.PageError, match="'Bad Slug' is not a valid slug"):
        newpage.create("Bad Slug", "Title", root=scratch)
