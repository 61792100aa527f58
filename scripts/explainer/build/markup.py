"""Post-build step: fixes to Material's markup.

The fixes: no autocomplete on Material's toggle checkboxes and no empty
tabindex on its nav section titles (both invalid HTML, reported by the Nu
checker), and the first occurrence of each abbreviation made focusable, so
its tooltip also opens from the keyboard. Material's templates have no block
around that markup, so it is fixed in the built HTML (engine-independent,
like every post-build step) instead of by copying whole templates.
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


def fix(html: str) -> str:
    html = _drop_attribute(html, checkbox_autocomplete(scan(html)), "autocomplete")
    html = _drop_attribute(html, empty_tabindex(scan(html)), "tabindex")
    html = _drop_attribute(html, hidden_labels(scan(html)), "aria-hidden")
    tags = scan(html)
    focusable = [t for t in abbreviations_to_focus(html, tags) if t.attrs.get("tabindex") != "0"]
    return edit(html, [(t.end - 1, t.end - 1, ' tabindex="0"') for t in focusable])


def step(site: Path, context: Context) -> None:
    rewrite_pages(site, fix)
