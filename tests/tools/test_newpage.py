"""`dev.py new-page`: a valid, unfinished page in every edition (tools/newpage.py)."""

from __future__ import annotations

import datetime as dt

from explainer.checks.front_matter import check_front_matter, check_unfinished
from explainer.checks.nav import check_nav
from explainer.model.config import load_config, nav_pages
from explainer.model.editions import EDITIONS
from explainer.model.pages import split_front_matter
from explainer.model.problems import report
from explainer.tools import newpage
from tests.support import line_of


def unused_slug(root) -> str:
    """A page name no edition has: an editor's own new page in the working
    tree (CONTRIBUTING's `new-page sanctions`, say) is copied too."""
    taken = {p.stem for ed in EDITIONS for p in (root / ed.docs).glob("*.md")}
    return next(slug for n in range(100) if (slug := f"new-page-test-{n}") not in taken)


def test_new_page_creates_valid_pages_in_every_edition(scratch, registry):
    slug = unused_slug(scratch)
    created = newpage.create(slug, "Sanctions against North Korea", root=scratch, today=dt.date(2026, 11, 1))
    assert created == [f"{ed.docs}/{slug}.md" for ed in EDITIONS]
    for ed in EDITIONS:
        page, problems = split_front_matter(scratch / ed.docs / f"{slug}.md", root=scratch)
        problems += check_front_matter(page, registry, today=dt.date(2026, 11, 28))
        assert not problems, report(problems)
        nav = load_config(ed.config, root=scratch)["nav"]
        assert f"{slug}.md" in nav_pages(nav)
        assert not [p for p in check_nav(nav, ed, root=scratch) if slug in p.where + p.what]
        # Unfinished until an editor writes it, and the checks say so.
        assert check_unfinished(page)


def test_new_page_then_check_shows_what_is_left_to_write(scratch):
    """CONTRIBUTING's example, end to end: the placeholders, each at its line
    (problems of pages an editor has in progress are left aside)."""
    from explainer.tools.check import check

    slug = unused_slug(scratch)
    newpage.create(slug, "Sanctions against North Korea", root=scratch)
    nav_line = line_of(scratch / "mkdocs.fr.yml", f"Sanctions against North Korea: {slug}.md")
    result = check(scratch, slow=False)
    mine = [p for p in result.problems if f"/{slug}.md" in p.where or p.where == f"mkdocs.fr.yml:{nav_line}"]
    assert [p.where for p in mine] == [
        f"docs/en/{slug}.md:3",
        f"docs/en/{slug}.md:11",
        f"docs/fr/{slug}.md:2",
        f"docs/fr/{slug}.md:3",
        f"docs/fr/{slug}.md:9",
        f"docs/fr/{slug}.md:11",
        f"mkdocs.fr.yml:{nav_line}",
    ], "\n".join(map(str, result.problems))
    text = "\n".join(map(str, mine))
    assert f"docs/en/{slug}.md:11: is still the new-page scaffold: the placeholder summary is there" in text
    assert (
        f"docs/fr/{slug}.md:2: the title “Sanctions against North Korea” is the same as in docs/en/{slug}.md:2" in text
    )
