"""The timeline's entries: a date, a status label and a footnote each, in date order."""

from __future__ import annotations

import pytest

from explainer.build.timeline import fix
from explainer.checks.timeline import check_timeline, date_range
from explainer.model.editions import EDITIONS, built_path
from explainer.model.html import parse
from explainer.model.pages import load_pages
from explainer.model.problems import report
from tests.support import article, markdown_page

TIMELINES = [p for p in load_pages()[0] if p.slug == "timeline.md"]
REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


def test_timelines_keep_their_entries(site):
    for page in TIMELINES:
        soup = parse(site / built_path(page.lang, page.slug))
        assert len(soup.select(".timeline li")) > 20, f"{page.where}: the timeline has lost its entries"


def test_every_edition_has_a_timeline():
    assert {p.lang for p in TIMELINES} == {ed.lang for ed in EDITIONS}


@pytest.mark.parametrize(
    ("text", "lang", "first", "last"),
    [
        ("19 June 2024", "en", "2024-06-19", "2024-06-19"),
        ("19–20 July 2000", "en", "2000-07-19", "2000-07-20"),
        ("June 2024", "en", "2024-06-01", "2024-06-30"),
        ("1er janvier 2026", "fr", "2026-01-01", "2026-01-01"),
        ("Août 2025", "fr", "2025-08-01", "2025-08-31"),
    ],
)
def test_dates_as_readers_write_them(text, lang, first, last):
    start, end = date_range(text, lang)
    assert (start.isoformat(), end.isoformat()) == (first, last)


def test_dates_of_the_other_language_or_impossible_are_not_dates():
    assert date_range("19 juin 2024", "en") is None and date_range("31 June 2024", "en") is None
    assert date_range("Spring 2024", "en") is None


def entry(date: str, label: bool = True, note: bool = True, mark: str = "") -> str:
    status = '<strong class="status">Stated</strong> ' if label else ""
    cls = f' class="{mark}"' if mark else ""
    return f"<li><strong{cls}>{date}</strong> — {status}Something happened.{REF if note else ''}</li>"


# The Markdown the entries come from, lines 6 to 9 of the page.
MARKDOWN = (
    "- **20 June 2024** — **Stated**{ .status } Something happened.[^1]",
    "- **19 June 2024**{ .sigend } — **Stated**{ .status } Something happened.[^1]",
    "- **Someday** — **Stated**{ .status } Something happened.[^1]",
    "- **1 July 2024**{ .signed .ratified } — **Stated**{ .status } Something happened.[^1]",
)


SITE_CSS = '<link rel="stylesheet" href="../assets/stylesheets/explainer.css">'


def problems(tmp_path, *items: str, lang: str = "en", built: bool = False) -> str:
    """The rule's report on `items`, as Markdown renders them or, when
    `built`, as build/timeline.py leaves them."""
    page = markdown_page(tmp_path, "# Timeline\n\n" + "\n".join(MARKDOWN) + "\n", where=f"docs/{lang}/timeline.md")
    html = f'<div class="timeline"><ul>{"".join(items)}</ul></div>'
    if built:
        html = fix(f'<html lang="{lang}"><head>{SITE_CSS}</head><body>{html}</body></html>')
    return report(check_timeline(article(html), page))


def test_good_timeline_passes(tmp_path):
    assert problems(tmp_path, entry("19 June 2024"), entry("June 2024"), entry("20 June 2024")) == ""


@pytest.mark.rule("timeline")
def test_entry_out_of_order_is_reported(tmp_path):
    msg = problems(tmp_path, entry("20 June 2024"), entry("19 June 2024"))
    assert (
        "docs/en/timeline.md:7: timeline entry “19 June 2024 — Stated Something happened. 1…” is out of date order"
        in msg
    )


@pytest.mark.rule("timeline")
def test_entry_without_date_label_or_footnote_is_reported(tmp_path):
    msg = problems(tmp_path, entry("Someday"), entry("1 July 2024", label=False, note=False))
    assert (
        "docs/en/timeline.md:8: timeline entry “Someday — Stated Something happened. 1…” has 'Someday' where its date should be"
        in msg
    )
    assert "docs/en/timeline.md:9: timeline entry “1 July 2024 — Something happened.…” has no status label" in msg
    assert "docs/en/timeline.md:9: timeline entry “1 July 2024 — Something happened.…” has no footnote" in msg


@pytest.mark.rule("timeline")
def test_entry_marked_with_an_unknown_kind_is_reported(tmp_path):
    for built in (False, True):
        msg = problems(tmp_path, entry("19 June 2024", mark="sigend"), built=built)
        assert (
            "docs/en/timeline.md:7: timeline entry “19 June 2024 — Stated Something happened. 1…” is marked "
            "{ .sigend }, which is not a kind of timeline entry; mark its date with one of { .signed }, "
            "{ .ratified }, { .in-force }, { .article } (as **19 June 2024**{ .signed }), or remove the mark" in msg
        ), f"built={built}: {msg}"


@pytest.mark.rule("timeline")
def test_entry_marked_with_two_kinds_is_reported(tmp_path):
    msg = problems(tmp_path, entry("1 July 2024", mark="signed ratified"), built=True)
    assert (
        "docs/en/timeline.md:9: timeline entry “1 July 2024 — Stated Something happened. 1…” is marked with 2 kinds "
        "(signed, ratified); keep one of { .signed }, { .ratified }, { .in-force }, { .article }" in msg
    )


@pytest.mark.rule("timeline")
def test_entry_that_does_not_start_with_its_date_is_reported(tmp_path):
    loose = f"<li><p><strong>20 June 2024</strong> — <strong class='status'>Stated</strong> Something happened.{REF}</p></li>"
    msg = problems(tmp_path, loose, built=True)
    assert (
        "docs/en/timeline.md:6: timeline entry “20 June 2024 — Stated Something happened. 1…” does not start with "
        "its date; start it with its date in bold, and leave no blank line between entries" in msg
    )


def test_the_rule_reads_entries_as_the_build_leaves_them(tmp_path):
    """Year markers and tags are not part of an entry's text, and the dash
    the build removes does not move its line."""
    good = (entry("19 June 2024", mark="signed"), entry("June 2024", mark="article"), entry("20 June 2024"))
    assert problems(tmp_path, *good, built=True) == ""
    msg = problems(tmp_path, entry("20 June 2024"), entry("19 June 2024", mark="signed"), built=True)
    assert (
        "docs/en/timeline.md:7: timeline entry “19 June 2024 — Stated Something happened. 1…” is out of date order"
        in msg
    )


@pytest.mark.rule("timeline")
def test_entry_after_the_pages_reporting_period_is_reported(tmp_path):
    page = markdown_page(
        tmp_path,
        "# Timeline\n\n" + "\n".join(MARKDOWN) + "\n",
        meta="sources: [known]\nreporting: 2024-06",
        where="docs/en/timeline.md",
    )
    html = f'<div class="timeline"><ul>{entry("19 June 2024")}{entry("1 July 2024")}</ul></div>'
    msg = report(check_timeline(article(html), page))
    assert (
        "timeline entry “1 July 2024 — Stated Something happened. 1…” is dated after the month the page's "
        "reporting reaches (reporting: 2024-06); if the reporting reviewed now reaches that date, move 'reporting:' forward"
        in msg
    )
    assert "19 June 2024 — Stated" not in msg
