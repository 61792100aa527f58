"""Post-build fixes to Material's markup, and the small HTML scanner that the
post-build steps share.

The fixes: no autocomplete on Material's toggle checkboxes and no empty
tabindex on its nav section titles (both invalid HTML, reported by the Nu
checker), and the first occurrence of each abbreviation made focusable, so
its tooltip also opens from the keyboard. Material's templates have no block
around that markup, so it is fixed in the built HTML (engine-independent,
like every post-build step) instead of by copying whole templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import siterules


# --------------------------------------------------------------------------
# Scanner: start tags with their offsets and ancestors, and raw element text
# --------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Tag:
    name: str
    attrs: dict[str, str | None]
    start: int  # offset of "<" in the document
    end: int  # offset just after the start tag's ">"
    ancestors: tuple[str, ...]  # names of the open elements around it, outermost first
    text: str = ""  # raw content, for <script> and <style> only


class _Scanner(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        for match in re.finditer("\n", html):
            self.lines.append(match.end())
        self.tags: list[Tag] = []
        self.stack: list[str] = []
        self.raw: Tag | None = None  # the <script>/<style> being read

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        tag_obj = Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()), tuple(self.stack))
        self.tags.append(tag_obj)
        if tag in ("script", "style"):
            self.raw = tag_obj
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()), tuple(self.stack)))

    def handle_data(self, data):
        if self.raw is not None:
            self.raw.text += data

    def handle_endtag(self, tag):
        self.raw = None
        if tag in self.stack:  # close it and anything left open inside it
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]


def scan(html: str) -> list[Tag]:
    """Every start tag of the document, in order."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.tags


def edit(html: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace html[start:end] with text, for each (start, end, text)."""
    for start, end, text in sorted(edits, reverse=True):
        html = html[:start] + text + html[end:]
    return html


def pages(site: Path) -> list[Path]:
    return siterules.html_pages(site)


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
    return [t for t in tags if t.name == "input" and (t.attrs.get("type") or "").lower() == "checkbox" and "autocomplete" in t.attrs]


def empty_tabindex(tags: list[Tag]) -> list[Tag]:
    """Material's nav writes tabindex="" on section titles (meaning: not
    focusable). An empty tabindex is invalid, and browsers ignore it, so
    dropping it changes nothing else."""
    return [t for t in tags if "tabindex" in t.attrs and not (t.attrs["tabindex"] or "").strip()]


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
    tags = scan(html)
    focusable = [t for t in abbreviations_to_focus(html, tags) if t.attrs.get("tabindex") != "0"]
    return edit(html, [(t.end - 1, t.end - 1, ' tabindex="0"') for t in focusable])


def step(site: Path, preview: bool) -> None:
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        fixed = fix(html)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")


def check_page(html: str, where: str) -> list[siterules.Problem]:
    """What `fix` guarantees, checked on a built page (tests/test_markup.py)."""
    P = siterules.Problem
    how = "scripts/markup.py fixes it after the build (registered in scripts/postbuild.py); rebuild, or extend its fixes"
    tags = scan(html)
    problems = [P(where, f"<input id=\"{t.attrs.get('id')}\" type=checkbox autocomplete>: HTML allows autocomplete only on text-like inputs", how) for t in checkbox_autocomplete(tags)]
    problems += [P(where, f"<{t.name} tabindex=\"\"> (id {t.attrs.get('id')!r}): an empty tabindex is invalid HTML", how) for t in empty_tabindex(tags)]
    first = abbreviations_to_focus(html, tags)
    for tag in first:
        if tag.attrs.get("tabindex") != "0":
            problems.append(P(where, f"<abbr title=\"{tag.attrs['title']}\">: the first occurrence of an abbreviation is not focusable, so keyboard readers never see its tooltip", how))
    for tag in tags:
        if tag.name == "abbr" and "tabindex" in tag.attrs and tag not in first:
            problems.append(P(where, f"<abbr title=\"{tag.attrs.get('title')}\" tabindex>: only the first occurrence outside links should be a tab stop", how))
    return problems
