"""Front matter: the fields every page needs, and what each may hold.

The schema follows GOV.UK's habit of a review date on every page: `reviewed`
says when a page's facts were last checked.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model.editions import META_PAGES
from ..model.layout import REGISTRY_FILE, ROOT, rel
from ..model.pages import Page, load_pages
from ..model.problems import Problem, at
from .registry import load_registry

REQUIRED_KEYS = ("title", "description", "reviewed", "sources")
# Material keys we may use, plus `claims` (pages whose paragraphs need no status label) and
# `reporting` (the month up to which the page's reporting was reviewed; content pages need it).
OPTIONAL_KEYS = ("hide", "icon", "search", "status", "subtitle", "template", "claims", "reporting")
REPORTING = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
TITLE_MAX = 70
DESCRIPTION_RANGE = (50, 160)

# What `dev.py new-page` writes where the summary and the description go. A
# page that still contains either is unfinished, and the checks say so.
PLACEHOLDER = "NEW PAGE: replace this line with a two- or three-sentence summary, each fact footnoted."
SCAFFOLD_DESCRIPTION = "One sentence of 50 to 160 characters saying what this page explains; it is the search snippet."


def check_front_matter(page: Page, registry: dict[str, dict], today: dt.date | None = None) -> list[Problem]:
    """Every rule of the schema, each problem at the line of its key (or of
    the front matter's end when the key is missing)."""
    today = today or dt.date.today()
    meta = page.meta
    problems: list[Problem] = []

    def bad(key: str, rule: str, fix: str) -> None:
        line = page.key_line(key) or page.body_line - 1
        problems.append(Problem(at(page.where, line), f"front matter: '{key}' {rule}", fix))

    for key in REQUIRED_KEYS:
        if key not in meta:
            bad(key, "is missing", f"add a '{key}:' line; every page needs {', '.join(REQUIRED_KEYS)}")
    if page.slug not in META_PAGES and "reporting" not in meta:
        bad(
            "reporting",
            "is missing",
            "add a 'reporting:' line with the month up to which the page's reporting was reviewed, e.g. reporting: 2026-03",
        )
    for key in meta:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            bad(key, "is not a known key (usually a typo)", f"use only {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}")

    title = meta.get("title")
    if "title" in meta:
        if not isinstance(title, str) or not title.strip():
            bad("title", "must be text", "write the page title, e.g. title: The pact")
        elif len(title) > TITLE_MAX:
            bad(
                "title",
                f"has {len(title)} characters",
                f"keep it to {TITLE_MAX} or fewer (it is the browser-tab and search-result title)",
            )

    desc = meta.get("description")
    low, high = DESCRIPTION_RANGE
    if "description" in meta:
        if not isinstance(desc, str):
            bad("description", "must be text", f"write one sentence of {low}–{high} characters")
        elif not low <= len(desc.strip()) <= high:
            bad(
                "description",
                f"has {len(desc.strip())} characters",
                f"keep it between {low} and {high} (it is the search-engine snippet)",
            )

    if "reviewed" in meta:
        reviewed = meta.get("reviewed")
        if isinstance(reviewed, str):
            try:
                reviewed = dt.date.fromisoformat(reviewed)
            except ValueError:
                reviewed = None
        if isinstance(reviewed, dt.datetime) or not isinstance(reviewed, dt.date):
            bad(
                "reviewed",
                f"is {meta.get('reviewed')!r}, not an ISO date",
                "write the date the page's facts were last checked as YYYY-MM-DD, e.g. reviewed: 2026-11-28",
            )
        elif reviewed > today:
            bad(
                "reviewed",
                f"is {reviewed.isoformat()}, which is in the future",
                "use the date you actually checked the page's facts (today or earlier)",
            )

    if "sources" in meta:
        sources = meta.get("sources")
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            bad("sources", "must be a list of source ids", "write e.g. sources: [interfax-in-force, tass-ratification]")
        else:
            if not sources and page.slug not in META_PAGES:
                bad(
                    "sources",
                    "is empty, but this page makes factual claims",
                    "list the registry ids of the sources its footnotes cite",
                )
            for sid in sources:
                if sid not in registry:
                    bad(
                        "sources",
                        f"names '{sid}', which is not in the source registry",
                        f"add it to {rel(REGISTRY_FILE)} or fix the spelling",
                    )

    if "reporting" in meta:
        _check_reporting(page, bad)

    if "claims" in meta and not isinstance(meta["claims"], bool):
        bad("claims", "must be true or false", "write claims: false, or remove the line")
    return problems


def _check_reporting(page: Page, bad) -> None:
    """`reporting` is a month (YYYY-MM), no later than the review date."""
    raw = page.meta["reporting"]
    value = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    # The review date as written, quoted or not ("2026-11-29" is a string in YAML).
    reviewed = str(page.meta.get("reviewed", ""))[:10]
    if not REPORTING.match(value):
        bad(
            "reporting",
            f"is {value if isinstance(raw, dt.date) else repr(raw)}, not a month",
            "write the month up to which the page's reporting was reviewed as YYYY-MM, e.g. reporting: 2026-03",
        )
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed) and value > reviewed[:7]:
        bad(
            "reporting",
            f"is {value}, after the review date {reviewed}",
            "reporting cannot cover months after the page was reviewed; check both dates",
        )


def check_all_front_matter(root: Path = ROOT) -> list[Problem]:
    """Every page's front matter of the repository at `root`, against the
    registry there: what the build checks before any engine runs."""
    registry, _ = load_registry(root / REGISTRY_FILE.relative_to(ROOT), root)
    pages, problems = load_pages(root)
    for page in pages:
        problems += check_front_matter(page, registry)
    return problems


def check_unfinished(page: Page) -> list[Problem]:
    """A page still holding the new-page scaffold's placeholder text."""
    problems = []
    if PLACEHOLDER in page.body:
        problems.append(
            Problem(
                page.at(PLACEHOLDER),
                "is still the new-page scaffold: the placeholder summary is there",
                "replace that line with the page's own summary, each fact footnoted",
            )
        )
    if page.meta.get("description") == SCAFFOLD_DESCRIPTION:
        problems.append(
            Problem(
                page.at(key="description"),
                "is still the new-page scaffold: the placeholder description is there",
                "write the page's own description (50–160 characters)",
            )
        )
    return problems
