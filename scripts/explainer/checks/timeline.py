"""The timeline: every entry has a date, a status label and a footnote, and
the entries run in date order.

An entry is an item of a list inside `<div class="timeline">`. Its date is
its first bold text, as readers of the edition write dates: "19 June 2024",
"19–20 July 2000", "June 2024" or "1er janvier 2026", with the month names
of extra.i18n.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model.html import content_root
from ..model.language import strings
from ..model.pages import Page
from ..model.problems import Problem
from .claims import text_of, where_in

ENTRIES = ".timeline li"
DATE = re.compile(r"^(?:(\d{1,2})(?:er)?(?:\s*[–-]\s*(\d{1,2}))?\s+)?(\w+)\s+(\d{4})$")


def date_range(text: str, lang: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a written date can mean ('June 2024' is the
    whole month), or None when it is not a date of the edition's language."""
    match = DATE.match(" ".join(text.split()))
    if not match:
        return None
    first, last, month_name, year = match.groups()
    months = [m.lower() for m in strings(lang)["months"]]
    if month_name.lower() not in months:
        return None
    year, month = int(year), months.index(month_name.lower()) + 1
    days = calendar.monthrange(year, month)[1]
    try:
        start = dt.date(year, month, int(first) if first else 1)
        end = dt.date(year, month, int(last or first) if first else days)
    except ValueError:
        return None
    return (start, end) if start <= end else None


def check_timeline(soup, page: Page) -> list[Problem]:
    """Problems of each timeline entry of a built page, at its Markdown line."""
    words = strings(page.lang)
    example = f"- **19 {words['months'][5]} 2024** — **{words['status'][0]}**{{ .status }} …[^1]"
    problems = []
    previous = None
    for item in content_root(soup).select(ENTRIES):
        where = where_in(page, item)
        snippet = text_of(item)[:60]
        bold = next((b for b in item.find_all("strong") if "status" not in (b.get("class") or [])), None)
        dates = date_range(bold.get_text(" ", strip=True), page.lang) if bold else None
        if dates is None:
            shown = f"'{bold.get_text(' ', strip=True)}'" if bold else "no date"
            problems.append(
                Problem(
                    where,
                    f"timeline entry “{snippet}…” has {shown} where its date should be",
                    f"start it with a date in bold, as in {example}",
                )
            )
        elif previous and dates[1] < previous[0]:
            problems.append(
                Problem(
                    where,
                    f"timeline entry “{snippet}…” is out of date order (it comes after an entry of {previous[0].isoformat()})",
                    "move it to its place in the list, so that dates run from oldest to newest",
                )
            )
        previous = dates or previous
        if not item.select(".status"):
            problems.append(
                Problem(
                    where,
                    f"timeline entry “{snippet}…” has no status label",
                    f"write it after the date, as in {example}",
                )
            )
        if not item.select("sup[id^='fnref'], a.footnote-ref"):
            problems.append(
                Problem(
                    where,
                    f"timeline entry “{snippet}…” has no footnote",
                    "end it with a footnote to its source, e.g. [^1]",
                )
            )
    return problems
