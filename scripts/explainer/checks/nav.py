"""Navigation: every page is reachable, and the editions share one structure."""

from __future__ import annotations

from pathlib import Path

from ..model.config import nav_pages, nav_shape
from ..model.editions import DEFAULT, Edition, is_page
from ..model.layout import ROOT, rel
from ..model.problems import Problem, at


def _nav_line(root: Path, config: str) -> int | None:
    lines = (root / config).read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.rstrip() == "nav:"), None)


def check_nav(nav, ed: Edition, root: Path = ROOT) -> list[Problem]:
    """Every page of the edition is in its nav, and every nav entry exists."""
    listed = nav_pages(nav)
    base = ed.docs_dir(root)
    where = at(ed.config, _nav_line(root, ed.config)) if (root / ed.config).is_file() else ed.config
    problems = []
    for entry in listed:
        if not (base / entry).is_file():
            problems.append(
                Problem(where, f"nav: '{entry}' does not exist in {ed.docs}", "fix the path or create the page")
            )
    for path in sorted(base.rglob("*.md")):
        if is_page(path, base) and path.relative_to(base).as_posix() not in listed:
            problems.append(
                Problem(
                    rel(path, root),
                    f"is not in the nav of {ed.config}",
                    "add it to the nav, or use `python3 scripts/dev.py new-page` next time",
                )
            )
    return problems


def check_nav_shape(navs: dict[Edition, list], root: Path = ROOT) -> list[Problem]:
    """Every edition's nav lists the same pages in the same order and sections
    as the default edition's."""
    default = nav_shape(navs[DEFAULT])
    problems = []
    for ed, nav in navs.items():
        if nav_shape(nav) != default:
            problems.append(
                Problem(
                    at(ed.config, _nav_line(root, ed.config)),
                    f"nav differs from {DEFAULT.config}",
                    "list the same pages in the same order and sections; only the titles are translated",
                )
            )
    return problems
