"""Post-build step: the timeline as a picture of the story.

Editors write a timeline as a list in <div class="timeline" markdown>, one
entry an item that starts with its date in bold; a date may carry the kind
of entry it is, `**19 June 2024**{ .signed }`: one of the treaty's own
milestones (signed, ratified, in-force) or the article this site explains
(article). The stylesheet draws the list as a vertical timeline, dates in
their own column; this step adds what it needs, on every engine's HTML:

- the dash between the date and the text goes (the column separates them);
- an entry of a known kind gets its class (`milestone milestone--signed`)
  and a short tag in the edition's words (extra.i18n `timeline`), which
  screen readers read with the entry;
- the first entry of each year in a list gets a year marker on the line
  (and `data-year`, which makes room for it), hidden from screen readers:
  every date says its year;
- the list keeps its list role for screen readers that drop it when a
  list loses its bullets (role="list").

Entries it cannot read (no bold date at their start) are left as they are,
for checks/timeline.py to report with their Markdown line; that rule also
reports a kind that is not one of KINDS. A page with a timeline but no
language, or an edition with no tag for a kind, stops the build (StepError).
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from ..model.html import edit, html_pages, page_lang, scan
from ..model.language import strings
from .context import Context, StepError

# The kinds of entry an editor can mark, in the order messages list them.
KINDS = ("signed", "ratified", "in-force", "article")
# The classes of what this step adds to an entry, which the timeline rule leaves out of its text.
YEAR_CLASS = "tl-year"
TAG_CLASS = "tl-tag"

LIST = re.compile(r"<(ul|ol)>")
ENTRY = re.compile(r"<li>\s*<strong((?:\s[^>]*)?)>([^<]*)</strong>\s*(?:—\s*)?")
CLASS = re.compile(r'\sclass="([^"]*)"')
YEAR = re.compile(r"(\d{4})\s*$")
# The timeline's styles are in a stylesheet of their own, linked from the
# pages that have a timeline only, next to the site's stylesheet: about
# 0.5 KB gzipped that other pages do not download.
STYLESHEET = "timeline.css"
SITE_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*)explainer\.css">')


def tags(lang: str, where: str) -> dict[str, str]:
    """The tag of each kind in the edition's words; StepError when one is missing."""
    fix = f"add it to extra.i18n.{lang}.timeline in mkdocs.yml, with the tags of {', '.join(KINDS)}"
    try:
        words = strings(lang).get("timeline") or {}
    except KeyError as err:
        raise StepError(f"{where}: {err.args[0]}") from None
    missing = [kind for kind in KINDS if not words.get(kind)]
    if missing:
        raise StepError(f"{where}: the {lang} edition has no timeline tag for {', '.join(missing)}; {fix}")
    return words


def timelines(html: str) -> list[tuple[int, int]]:
    """(start, end) of the content of each <div class="timeline">, nested
    blocks included."""
    spans = []
    found = scan(html)
    for i, tag in enumerate(found):
        if tag.name != "div" or "timeline" not in (tag.attrs.get("class") or "").split():
            continue
        depth = len(tag.ancestors)
        after = next((t.start for t in found[i + 1 :] if len(t.ancestors) <= depth), len(html))
        close = html.rfind("</div>", tag.end, after)
        spans.append((tag.end, close if close >= 0 else after))
    return spans


def entry_html(attrs: str, date: str, year: str | None, words: dict[str, str]) -> str:
    """An entry's start, up to its text."""
    found = CLASS.search(attrs)
    kind = next((k for k in (found[1].split() if found else []) if k in KINDS), None)
    li = f' class="milestone milestone--{kind}"' if kind else ""
    marker = ""
    if year:
        li += f' data-year="{year}"'
        marker = f'<span class="{YEAR_CLASS}" aria-hidden="true">{year}</span>'
    tag = f' <span class="{TAG_CLASS}">{htmllib.escape(words[kind])}</span>' if kind else ""
    return f"<li{li}>{marker}<strong{attrs}>{date}</strong>{tag} "


def fix(html: str, where: str = "the page") -> str:
    """The page with its timelines drawn; `where` names it in errors."""
    if 'class="timeline' not in html:
        return html
    spans = timelines(html)
    if not spans:
        return html
    lang = page_lang(html)
    if not lang:
        raise StepError(
            f"{where} has a timeline but no language (<html lang>), so its milestones cannot be tagged in the "
            "reader's words; the theme's main template must write <html lang>"
        )
    words = tags(lang, where)
    link = SITE_STYLESHEET.search(html)
    if not link:
        raise StepError(
            f"{where} has a timeline but no link to explainer.css, next to which the timeline's stylesheet "
            "goes; is extra_css in mkdocs.yml still assets/stylesheets/explainer.css?"
        )
    linked = f'<link rel="stylesheet" href="{link[1]}{STYLESHEET}">'
    edits = [] if linked in html else [(link.end(), link.end(), linked)]
    for start, end in spans:
        opening = LIST.search(html, start, end)
        if opening:
            edits.append((opening.start(), opening.end(), f'<{opening[1]} role="list">'))
        last_year = None
        for entry in ENTRY.finditer(html, start, end):
            year_found = YEAR.search(htmllib.unescape(entry[2]))
            year = year_found[1] if year_found else None
            shown = year if year and year != last_year else None
            last_year = year or last_year
            edits.append((entry.start(), entry.end(), entry_html(entry[1], entry[2], shown, words)))
    return edit(html, edits)


def step(site: Path, context: Context) -> None:
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        changed = fix(html, where)
        if changed == html:
            continue
        href = SITE_STYLESHEET.search(changed)[1] + STYLESHEET
        if not (path.parent / href).resolve().is_file():
            raise StepError(
                f"{where} links the timeline's stylesheet {href}, which is not in the built site; "
                f"keep {STYLESHEET} next to explainer.css in docs/.overrides/assets/stylesheets/"
            )
        path.write_text(changed, encoding="utf-8")
