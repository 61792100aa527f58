"""Post-build step: the table of contents keeps the headings' no-break spaces.

French headings end « … experts\u202f? »: the no-break space keeps the « ? »
on the line of the word before it. Python-Markdown's toc extension collapses
every kind of white space into a plain one when it copies a heading's text
for the table of contents (MkDocs shows that copy in both sidebars), so at
some widths the « ? » wraps onto a line of its own. This step gives each
table-of-contents link, and the label of the list of its sub-sections, the
white space of the heading it points to, when their words are the same. Zensical keeps them already; nothing changes then.
The french-typography rule (checks/typography.py) checks the result.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.html import rewrite_pages
from .context import Context

HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
PERMALINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
TOC_LINK = re.compile(r'(<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)
KEEP = re.compile(r"[\u00a0\u202f]")
# A section with sub-sections: the list of its sub-sections is a <nav> whose
# aria-label is the same copy of the heading.
NESTED_LABEL = re.compile(
    r'(<a href="#([^"]+)" class="md-nav__link">(?:(?!</a>).)*</a>\s*<nav class="md-nav" aria-label=")([^"]*)(")', re.S
)


def respace(copy: str, original: str) -> str:
    """`copy` with the no-break spaces of `original` back, when both have the
    same words; `copy` unchanged otherwise."""
    parts = re.split(r"(\s+)", original.strip())
    words, gaps = parts[0::2], parts[1::2]
    if words != copy.split():
        return copy
    kept = "".join(
        w + (KEEP.search(g).group() if KEEP.search(g) else " ") for w, g in zip(words, [*gaps, ""], strict=True)
    )
    lead, trail = copy[: len(copy) - len(copy.lstrip())], copy[len(copy.rstrip()) :]
    return lead + kept.rstrip(" ") + trail


def fix(html: str) -> str:
    headings = {anchor: TAG.sub("", PERMALINK.sub("", inner)) for _, anchor, inner in HEADING.findall(html)}

    def link(match: re.Match) -> str:
        heading = headings.get(match.group(2))
        text = respace(match.group(3), heading) if heading and KEEP.search(heading) else match.group(3)
        return match.group(1) + text + match.group(4)

    return NESTED_LABEL.sub(link, TOC_LINK.sub(link, html))


def step(site: Path, context: Context) -> None:
    rewrite_pages(site, fix)
