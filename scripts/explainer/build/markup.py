"""Post-build step: fixes to Material's markup.

The fixes: no empty place for a repository widget in the header; a
comparison table's class, set before Material's script sees it (see
`COMPARISON`); a class on a footnote reference that follows another
(`NEXT_NOTE`); no autocomplete on Material's toggle checkboxes and no empty
tabindex on its nav section titles (both invalid HTML, reported by the Nu
checker); the first occurrence of each abbreviation made focusable, so
its tooltip also opens from the keyboard; and fewer tooltips for Material to
set up when it starts (see `titled_links` and `repeated_abbreviations`).
Material's templates have no block around that markup, so it is fixed in
the built HTML (engine-independent, like every post-build step) instead of
by copying whole templates.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.html import Tag, edit, rewrite_pages, scan
from .context import Context

# --------------------------------------------------------------------------
# Fixes
# --------------------------------------------------------------------------

# Inside these, a focusable <abbr> would nest one interactive element in
# another (axe: nested-interactive).
INTERACTIVE = {"a", "button", "label", "summary", "select", "textarea", "details"}


def _drop_attribute(html: str, tags: list[Tag], name: str) -> str:
    pattern = re.compile(rf'\s+{name}(="[^"]*")?(?=[\s/>])')
    return edit(html, [(t.start, t.end, pattern.sub("", html[t.start : t.end], count=1)) for t in tags])


def checkbox_autocomplete(tags: list[Tag]) -> list[Tag]:
    """Material puts autocomplete="off" on its two toggle checkboxes (#__drawer,
    #__search), where HTML does not allow it. It was there to stop Firefox
    restoring the drawer or search as open on reload; losing that is the
    price of valid HTML."""
    return [
        t
        for t in tags
        if t.name == "input" and (t.attrs.get("type") or "").lower() == "checkbox" and "autocomplete" in t.attrs
    ]


def empty_tabindex(tags: list[Tag]) -> list[Tag]:
    """Material's nav writes tabindex="" on section titles (meaning: not
    focusable). An empty tabindex is invalid, and browsers ignore it, so
    dropping it changes nothing else."""
    return [t for t in tags if "tabindex" in t.attrs and not (t.attrs["tabindex"] or "").strip()]


def hidden_labels(tags: list[Tag]) -> list[Tag]:
    """Zensical's template hides its drawer overlay <label for="__drawer">
    from assistive technology with aria-hidden, which HTML forbids on a label
    of a form control. The overlay is a click target for pointers only; it
    has no text, so without aria-hidden screen readers still skip it."""
    return [t for t in tags if t.name == "label" and t.attrs.get("for") and "aria-hidden" in t.attrs]


def abbreviations_to_focus(html: str, tags: list[Tag]) -> list[Tag]:
    """Material shows an abbreviation's expansion as a tooltip on hover or on
    keyboard focus, but an <abbr> cannot take focus. The first occurrence of
    each abbreviation in the article (outside links and buttons) should, so
    keyboard readers can read every expansion once, without a tab stop at
    every repeat."""
    seen: set[tuple[str, str]] = set()
    first = []
    for tag in tags:
        if tag.name != "abbr" or not tag.attrs.get("title"):
            continue
        if "article" not in tag.ancestors or INTERACTIVE & set(tag.ancestors):
            continue
        key = (tag.attrs["title"], html[tag.end : html.find("</abbr>", tag.end)])
        if key not in seen:
            seen.add(key)
            first.append(tag)
    return first


# Links whose title only says what the link does: the section permalinks (¶)
# and the footnotes' back links (↩).
LABELLED_LINKS = {"headerlink", "footnote-backref"}
TITLE = re.compile(r'\stitle="')


def titled_links(tags: list[Tag]) -> list[Tag]:
    """With content.tooltips, Material sets up a tooltip for every element of
    the content that has a title, all at once when it starts, and a tap made
    meanwhile waits for it: on the who's-who page, more than half of them
    were for the ¶ after each heading and the ↩ after each footnote. As an
    aria-label, the same words name the link for screen readers (instead of
    "¶" or "↩") and Material leaves it alone; only the tooltip on hover goes."""
    return [
        t
        for t in tags
        if t.name == "a" and "title" in t.attrs and LABELLED_LINKS & set((t.attrs.get("class") or "").split())
    ]


def repeated_abbreviations(html: str, tags: list[Tag]) -> list[Tag]:
    """Every abbreviation of the article that a tooltip has already explained
    earlier in the same section (between two second-level headings). The
    abbreviations snippet marks every occurrence, up to forty on a page, and
    each is a tooltip for Material to set up when it starts; a reader needs
    the expansion once a section. The first occurrence of each on the page
    outside links and buttons keeps its tooltip too, as the keyboard's stop."""
    focus = {t.start for t in abbreviations_to_focus(html, tags)}
    seen: set[tuple[int, str, str]] = set()
    section = 0
    repeats = []
    for tag in tags:
        if tag.name == "h2" and "article" in tag.ancestors:
            section += 1
        if tag.name != "abbr" or not tag.attrs.get("title") or "article" not in tag.ancestors:
            continue
        key = (section, tag.attrs["title"], html[tag.end : html.find("</abbr>", tag.end)])
        if key in seen and tag.start not in focus:
            repeats.append(tag)
        seen.add(key)
    return repeats


# The place the theme's header keeps for the repository widget, which
# partials/source.html leaves empty.
HEADER_SOURCE = re.compile(r'<div class="md-header__source">\s*</div>\s*')


# A table an editor writes inside <div class="comparison" markdown>. Material's
# script wraps every table without a class in a scrolling box when it starts,
# at the reader's first activity, which moves the table under their eyes; with
# a class it leaves the table alone, and explainer.css lays it out to fit a
# 320 px screen.
COMPARISON = re.compile(r'(<div class="comparison">\s*)(<table)(>|\s)')


# Two footnote references with nothing between them read as one number ("12"
# for 1 and 2). The second gets a class, and explainer.css draws a comma
# before it; CSS alone cannot tell them from two references with text between.
NEXT_NOTE = re.compile(r'</sup><sup id="fnref')


def comparison_tables(html: str) -> str:
    """`html` with the class `comparison__table` on each table that opens a
    comparison block; a block that does not open with one is left for the
    comparison-tables rule (checks/tables.py) to report at its Markdown line."""
    return COMPARISON.sub(r'\1\2 class="comparison__table"\3', html)


def _unwrap_abbreviations(html: str, tags: list[Tag]) -> str:
    """The abbreviations' text without their <abbr> elements."""
    edits = []
    for tag in tags:
        close = html.find("</abbr>", tag.end)
        edits += [(tag.start, tag.end, ""), (close, close + len("</abbr>"), "")]
    return edit(html, edits)


def fix(html: str) -> str:
    html = HEADER_SOURCE.sub("", html, count=1)
    html = comparison_tables(html)
    html = NEXT_NOTE.sub('</sup><sup class="footnote-next" id="fnref', html)
    html = _unwrap_abbreviations(html, repeated_abbreviations(html, scan(html)))
    html = edit(
        html,
        [
            (t.start, t.end, TITLE.sub(' aria-label="', html[t.start : t.end], count=1))
            for t in titled_links(scan(html))
            if "aria-label" not in t.attrs
        ],
    )
    html = _drop_attribute(html, checkbox_autocomplete(scan(html)), "autocomplete")
    html = _drop_attribute(html, empty_tabindex(scan(html)), "tabindex")
    html = _drop_attribute(html, hidden_labels(scan(html)), "aria-hidden")
    tags = scan(html)
    focusable = [t for t in abbreviations_to_focus(html, tags) if t.attrs.get("tabindex") != "0"]
    return edit(html, [(t.end - 1, t.end - 1, ' tabindex="0"') for t in focusable])


def step(site: Path, context: Context) -> None:
    rewrite_pages(site, fix)
