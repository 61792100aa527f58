"""Scaffold a page in every edition and list it in every nav.

The page starts with valid front matter and a placeholder that the checks
reject, so an unfinished page can't be published by accident.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..checks.front_matter import PLACEHOLDER, SCAFFOLD_DESCRIPTION, TITLE_MAX
from ..checks.registry import ID_PATTERN
from ..model.editions import EDITIONS
from ..model.language import status_labels
from ..model.layout import ROOT, rel


class PageError(ValueError):
    pass


TEMPLATE = """\
---
title: {title}
description: {description}
reviewed: {today}
reporting: {month}
sources: [associated-medias-article]
---

# {title}

{placeholder}

[^article]: [Associated Medias](sources.md#associated-medias-article), French-language article, June 2024.
"""


def _nav_insert(config: Path, title: str, slug: str) -> None:
    """Add `- title: slug.md` to the nav, before the About page when there is one."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
    except StopIteration:
        raise PageError(f"{rel(config)} has no 'nav:' section to add the page to") from None
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    at = next((i for i in range(start + 1, end) if re.match(r"\s*- [^:]+: about\.md\s*$", lines[i])), end)
    lines.insert(at, f"  - {title}: {slug}.md\n")
    config.write_text("".join(lines), encoding="utf-8")


def create(slug: str, title: str, root: Path = ROOT, today: dt.date | None = None) -> list[str]:
    """Write `slug`.md in every edition's pages folder and list it in every
    nav; return the paths written. Raises PageError, changing nothing, for a
    bad slug or title or when a page of that name exists."""
    if not ID_PATTERN.match(slug):
        raise PageError(f"'{slug}' is not a valid slug; use lowercase words joined by hyphens, e.g. sanctions")
    if not title.strip() or len(title) > TITLE_MAX or ":" in title:
        raise PageError(f"the title must be 1–{TITLE_MAX} characters, without ':'")
    targets = [ed.docs_dir(root) / f"{slug}.md" for ed in EDITIONS]
    for path in targets:
        if path.exists():
            raise PageError(f"{rel(path, root)} already exists; new-page never overwrites a page")
    for ed, path in zip(EDITIONS, targets, strict=True):
        # A claim in the edition's words, but for its placeholder text: the
        # checks report the placeholder, and nothing else, until it is written.
        label = f"**{status_labels(ed.lang)[1]}**{{ .status }} "
        text = TEMPLATE.format(
            title=title,
            description=SCAFFOLD_DESCRIPTION,
            today=(today or dt.date.today()).isoformat(),
            month=(today or dt.date.today()).isoformat()[:7],
            placeholder=label + PLACEHOLDER + "[^article]",
        )
        path.write_text(text, encoding="utf-8")
    for ed in EDITIONS:
        _nav_insert(root / ed.config, title, slug)
    return [rel(p, root) for p in targets]
