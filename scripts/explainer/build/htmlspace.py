"""Post-build step: drop the indentation Material's templates leave in every
page (blank lines and deep indents: about 0.6 KB gzipped a page).

Each run of whitespace that holds a line break becomes one line break, which
a browser renders exactly as it did the run. Start tags (so attribute values)
and the contents of elements that keep their whitespace (pre, code, kbd,
textarea, script, style) are left as they are, except our own inline script
(partials/on-demand.html, on every page), which is shipped without its
comment lines and indentation (about 0.4 KB gzipped a page).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.html import rewrite_pages, scan
from .context import Context

KEEP_CONTENT = {"pre", "code", "kbd", "textarea", "script", "style"}
RUN = re.compile(r"[ \t\r\f]*\n\s*")
OURS = re.compile(r'(<script id="__on-demand">)(.*?)(</script>)', re.S)
COMMENT_LINE = re.compile(r"^\s*//.*\n", re.M)
INDENT = re.compile(r"^[ \t]+", re.M)


def strip_script(js: str) -> str:
    """Our inline script without its comment lines (`//` first on the line)
    and its indentation: both are only for the people who edit it."""
    return INDENT.sub("", COMMENT_LINE.sub("", js))


def collapse(html: str) -> str:
    untouched = []
    for tag in scan(html):
        untouched.append((tag.start, tag.end))
        if tag.name in KEEP_CONTENT and not KEEP_CONTENT.intersection(tag.ancestors):
            close = html.lower().find(f"</{tag.name}", tag.end)
            untouched.append((tag.end, len(html) if close < 0 else close))
    out, pos = [], 0
    for start, end in sorted(untouched):
        if start > pos:
            out.append(RUN.sub("\n", html[pos:start]))
        if end > pos:
            out.append(html[max(start, pos) : end])
            pos = end
    out.append(RUN.sub("\n", html[pos:]))
    return OURS.sub(lambda m: m[1] + strip_script(m[2]) + m[3], "".join(out), count=1)


def step(site: Path, context: Context) -> None:
    rewrite_pages(site, collapse)
