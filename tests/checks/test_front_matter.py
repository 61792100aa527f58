"""Front matter: every page against the schema, one test per page, and proof
that each rule catches a broken page with a message an editor can act on."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.checks.front_matter import PLACEHOLDER, SCAFFOLD_DESCRIPTION, check_front_matter, check_unfinished
from explainer.model.config import load_config
from explainer.model.layout import ROOT
from explainer.model.pages import split_front_matter
from explainer.model.problems import report
from tests.support import GOOD_PAGE

# --- each rule, fed a broken page --------------------------------------------

GOOD = GOOD_PAGE
REGISTRY = {"known": {"id": "known"}}


def problems_for(tmp_path, text, today=dt.date(2026, 11, 28)):
    path = tmp_path / "docs" / "en" / "treaty.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    page, problems = split_front_matter(path, root=tmp_path)
    if page:
        problems += check_front_matter(page, REGISTRY, today=today)
    return report(problems)


def test_good_page_passes(tmp_path):
    assert problems_for(tmp_path, GOOD) == ""


BROKEN = {
    "missing field": ("reviewed: 2026-01-15\n", "", "docs/en/treaty.md:6: front matter: 'reviewed' is missing; add a 'reviewed:' line"),
    "unknown key": ("sources:", "sorces: [known]\nsources:", "docs/en/treaty.md:6: front matter: 'sorces' is not a known key (usually a typo); use only title, description"),
    "future review date": ("2026-01-15", "2027-03-01", "docs/en/treaty.md:4: front matter: 'reviewed' is 2027-03-01, which is in the future; use the date you actually checked"),
    "not a date": ("2026-01-15", "last week", "docs/en/treaty.md:4: front matter: 'reviewed' is 'last week', not an ISO date; write the date"),
    "impossible date": ("2026-01-15", "2026-13-45", "docs/en/treaty.md:4: front matter: 'reviewed' is 2026-13-45, which is not a real date; write it as YYYY-MM-DD, e.g. reviewed: 2026-11-28"),
    "long description": ("What Russia", "x" * 150 + " What Russia", "front matter: 'description' has 233 characters; keep it between 50 and 160 (it is the search-engine snippet)"),
    "short description": ("What Russia and North Korea signed in Pyongyang on 19 June 2024, and what it says.", "The pact.", "'description' has 9 characters; keep it between 50 and 160"),
    "long title": ("title: The pact", "title: " + "A" * 71, "'title' has 71 characters; keep it to 70 or fewer"),
    "unknown source id": ("[known]", "[known, nbc-news]", "'sources' names 'nbc-news', which is not in the source registry; add it to docs/.data/sources.yml"),
    "empty sources": ("[known]", "[]", "'sources' is empty, but this page makes factual claims"),
    "missing reporting period": ("reporting: 2026-01\n", "", "docs/en/treaty.md:6: front matter: 'reporting' is missing; add a 'reporting:' line with the month"),
    "reporting period not a month": ("reporting: 2026-01", "reporting: March 2026", "docs/en/treaty.md:5: front matter: 'reporting' is 'March 2026', not a month; write the month"),
    "reporting period after the review": ("reporting: 2026-01", "reporting: 2026-02", "docs/en/treaty.md:5: front matter: 'reporting' is 2026-02, after the review date 2026-01-15"),
    "reporting period after a quoted review date": ("reviewed: 2026-01-15\nreporting: 2026-01", 'reviewed: "2026-01-15"\nreporting: 2026-02', "docs/en/treaty.md:5: front matter: 'reporting' is 2026-02, after the review date 2026-01-15"),
    "reporting period a full date": ("reporting: 2026-01", "reporting: 2026-01-31", "docs/en/treaty.md:5: front matter: 'reporting' is 2026-01-31, not a month; write the month"),
}  # fmt: skip


@pytest.mark.rule("front-matter")
@pytest.mark.parametrize(("old", "new", "message"), list(BROKEN.values()), ids=list(BROKEN))
def test_broken_front_matter_is_reported(tmp_path, old, new, message):
    assert message in problems_for(tmp_path, GOOD.replace(old, new))


@pytest.mark.rule("front-matter")
def test_scaffold_left_unfinished(tmp_path):
    path = tmp_path / "docs" / "en" / "new.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        GOOD.replace(
            "What Russia and North Korea signed in Pyongyang on 19 June 2024, and what it says.", SCAFFOLD_DESCRIPTION
        )
        + PLACEHOLDER
        + "\n",
        encoding="utf-8",
    )
    page, _ = split_front_matter(path, root=tmp_path)
    msg = report(check_unfinished(page))
    assert "docs/en/new.md:9: is still the new-page scaffold: the placeholder summary is there" in msg
    assert "docs/en/new.md:3: is still the new-page scaffold: the placeholder description is there" in msg


def test_config_loader_resolves_inherit():
    fr = load_config("mkdocs.fr.yml")
    en = load_config("mkdocs.yml")
    assert fr["theme"]["language"] == "fr" and fr["theme"]["name"] == en["theme"]["name"] == "material"
    assert fr["docs_dir"] == "docs/fr" and ROOT.joinpath(fr["docs_dir"]).is_dir()
