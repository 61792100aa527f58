"""The timeline: every entry starts with its date and has a status label
and a footnote, the entries run in date order, and a date marked with a
kind of entry names one the timeline knows.

An entry is an item of a list inside `<div class="timeline">`. Its date is
its first bold text, as readers of the edition write dates: "19 June 2024",
"19–20 July 2000", "June 2024" or "1er janvier 2026", with the month names
of extra.i18n. A date may be marked with one kind of entry, as
`**19 June 2024**{ .signed }` (build/timeline.py draws it).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..build.timeline import KINDS, TAG_CLASS, YEAR_CLASS
from ..model.html import content_root
from ..model.language import strings
from ..model.pages import Page
from ..model.problems import Problem, at
from .claims import text_of
from .front_matter import REPORTING

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


def entry_text(item, bold) -> str:
    """An entry's text as its Markdown reads, "date — text": without what
    build/timeline.py adds (year marker, tag) and with the dash it removes."""
    added = {YEAR_CLASS, TAG_CLASS}
    parts = []
    for child in item.children:
        if getattr(child, "name", None) and added & set(child.get("class") or []):
            continue
        text = child.get_text(" ") if getattr(child, "name", None) else str(child)
        parts.append(f"{text} —" if child is bold else text)
    return " ".join(" ".join(parts).split()).replace("— —", "—")


def starts_with(item, bold) -> bool:
    """The entry's first content, after what the build adds, is its date."""
    for child in item.children:
        if getattr(child, "name", None) is None and not str(child).strip():
            continue
        if getattr(child, "name", None) and YEAR_CLASS in (child.get("class") or []):
            continue
        return child is bold
    return False


def kind_problems(bold, where: str, snippet: str) -> list[Problem]:
    """A date marked with a kind the timeline does not know, or with two."""
    marks = [c for c in (bold.get("class") or []) if c != "status"]
    known = ", ".join(f"{{ .{k} }}" for k in KINDS)
    unknown = [c for c in marks if c not in KINDS]
    if unknown:
        return [
            Problem(
                where,
                f"timeline entry “{snippet}…” is marked {{ .{unknown[0]} }}, which is not a kind of timeline entry",
                f"mark its date with one of {known} (as **19 June 2024**{{ .signed }}), or remove the mark",
            )
        ]
    if len(marks) > 1:
        return [
            Problem(
                where,
                f"timeline entry “{snippet}…” is marked with {len(marks)} kinds ({', '.join(marks)})",
                f"keep one of {known}: an entry is one milestone",
            )
        ]
    return []


def after_reporting(day: dt.date, page: Page) -> str | None:
    """The page's `reporting` month (YYYY-MM) when `day` falls after it, else None."""
    month = str(page.meta.get("reporting") or "")
    if not REPORTING.match(month):
        return None  # missing or malformed: the front-matter rule says so
    return month if day.isoformat()[:7] > month else None


def check_timeline(soup, page: Page) -> list[Problem]:
    """Problems of each timeline entry of a built page, at its Markdown line."""
    words = strings(page.lang)
    example = f"- **19 {words['months'][5]} 2024** — **{words['status'][0]}**{{ .status }} …[^1]"
    problems = []
    previous = None
    for item in content_root(soup).select(ENTRIES):
        bold = next((b for b in item.find_all("strong") if "status" not in (b.get("class") or [])), None)
        text = entry_text(item, bold) if bold else text_of(item)
        where = at(page.where, page.line_of_text(text))
        snippet = text[:60]
        dates = date_range(bold.get_text(" ", strip=True), page.lang) if bold else None
        if bold:
            problems += kind_problems(bold, where, snippet)
        if dates is not None and not starts_with(item, bold):
            problems.append(
                Problem(
                    where,
                    f"timeline entry “{snippet}…” does not start with its date",
                    f"start it with its date in bold, and leave no blank line between entries, as in {example}",
                )
            )
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
        if dates is not None and (late := after_reporting(dates[0], page)):
            problems.append(
                Problem(
                    where,
                    f"timeline entry “{snippet}…” is dated after the month the page's reporting reaches (reporting: {late})",
                    "if the reporting reviewed now reaches that date, move 'reporting:' forward in both editions' "
                    "front matter (and the pages' sentences on how far the review goes); otherwise check the date",
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
