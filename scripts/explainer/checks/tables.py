"""Comparison tables: a `<div class="comparison" markdown>` block holds one
Markdown table and nothing else, of at most three columns, so that the table
fits a 320 px screen (CONTRIBUTING.md, "Comparison tables"). build/markup.py
gives such a table its class; a block it cannot use is reported here, at its
Markdown line, instead of stopping the build."""

from __future__ import annotations

from ..model.html import content_root
from ..model.pages import Page
from ..model.problems import Problem
from .claims import text_of, where_in

BLOCK = "div.comparison"
MAX_COLUMNS = 3  # what fits a 320 px screen at the table's type size (tests/browser/test_overview.py measures it)
WRITTEN = '<div class="comparison" markdown>'


def check_comparisons(soup, page: Page) -> list[Problem]:
    """Problems of each comparison block of a built page."""
    problems = []
    for block in content_root(soup).select(BLOCK):
        tables = block.find_all("table", recursive=False)
        if not tables:
            problems.append(
                Problem(
                    page.at(WRITTEN),
                    "a comparison block holds no table",
                    f"write a Markdown table inside {WRITTEN}, with a blank line before and after it, or remove the block",
                )
            )
            continue
        for other in block.find_all(recursive=False):
            if other.name != "table":
                problems.append(
                    Problem(
                        where_in(page, other),
                        f"the comparison block holds “{text_of(other)[:60]}…” besides its table",
                        "move it out of the block, before or after it: the block holds its table only",
                    )
                )
        for table in tables:
            header = table.find("tr")
            cells = header.find_all(["th", "td"]) if header else []
            if len(cells) > MAX_COLUMNS:
                first = cells[0].get_text(" ", strip=True)
                problems.append(
                    Problem(
                        page.at(f"| {first} |", WRITTEN),
                        f"the comparison table that starts “{first}” has {len(cells)} columns, more than the "
                        f"{MAX_COLUMNS} that fit a phone's screen",
                        f"keep it to {MAX_COLUMNS} columns: merge columns, or move detail into a paragraph after the table",
                    )
                )
    return problems
