"""Post-build step: status labels a reader understands at a glance.

Editors write a label as `**Stated**{ .status }`, which every engine turns
into <strong class="status">Stated</strong>. After the build:

- each label of the article becomes a link to its meaning in the page's key,
  with a class for its kind (`status status--stated`), which the stylesheet
  draws as a shape and quieter text. Only the first label of each kind is a
  keyboard stop, as with abbreviations; a tap reaches the key from any;
- the key (`key_html`), the four labels and what each means, written once
  in extra.i18n (`status`, `status_meaning`), goes at the end of every page
  that has labels, before its footnotes, and into the empty
  <div class="status-key"></div> that the About page's section on labels
  holds: one text, for every page and both editions;
- a list whose items all start with the same label (a timeline aside)
  carries it once, in a line before the list.

Measured against the alternative, a link to the About page's key: the key
adds about 0.3 KB gzipped to each page that has labels, and spares the
reader a page load (about 0.9 s on a mid-range phone in the audit) and the
loss of their place.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from ..model.html import Tag, edit, page_lang, rewrite_pages, scan
from ..model.language import STATUS_KINDS, status_labels, status_meanings, strings
from .context import Context

LABEL = re.compile(r'<strong class="status">([^<]+)</strong>')
PLACE = '<div class="status-key"></div>'
LISTS = {"ul", "ol"}


def kind_of(text: str, lang: str) -> str | None:
    labels = status_labels(lang)
    return STATUS_KINDS[labels.index(text)] if text in labels else None


def label_html(text: str, kind: str, stop: bool) -> str:
    """A label as a link to its meaning; `stop`: a keyboard stop."""
    tabindex = "" if stop else ' tabindex="-1"'
    return f'<a class="status status--{kind}" href="#status-{kind}"{tabindex}>{text}</a>'


def key_html(lang: str) -> str:
    """The key to the four labels, in the edition's language."""
    words = strings(lang)
    entries = "".join(
        f'<div id="status-{kind}"><dt><span class="status status--{kind}">{htmllib.escape(label)}</span></dt>'
        f"<dd>{htmllib.escape(meaning)}</dd></div>"
        for kind, label, meaning in zip(STATUS_KINDS, status_labels(lang), status_meanings(lang), strict=True)
    )
    title = htmllib.escape(words["status_key"])
    return (
        f'<aside class="status-key" id="status-key" aria-labelledby="status-key-title">'
        f'<p class="status-key__title" id="status-key-title">{title}</p><dl>{entries}</dl></aside>\n'
    )


def article_span(html: str, tags: list[Tag]) -> tuple[int, int] | None:
    start = next((t.end for t in tags if t.name == "article"), None)
    if start is None:
        return None
    return start, html.find("</article>", start)


def shared_label_lists(html: str, tags: list[Tag], lang: str) -> list[tuple[Tag, list[re.Match]]]:
    """Lists of the article, outside the timeline, with two items or more,
    all of which start with the same label: (the list's tag, the labels)."""
    found = []
    for i, tag in enumerate(tags):
        if tag.name not in LISTS or "article" not in tag.ancestors:
            continue
        if "timeline" in (tag.attrs.get("class") or "") or _in_timeline(tags, i):
            continue
        depth = len(tag.ancestors)
        items = []
        for inner in tags[i + 1 :]:
            if len(inner.ancestors) <= depth:
                break
            if inner.name == "li" and len(inner.ancestors) == depth + 1:
                items.append(inner)
        labels = [LABEL.match(html, _first_content(html, item.end)) for item in items]
        if len(items) > 1 and all(labels) and len({m[1] for m in labels}) == 1 and kind_of(labels[0][1], lang):
            found.append((tag, labels))
    return found


def _first_content(html: str, pos: int) -> int:
    """Where an item's text starts: after whitespace and an opening <p>."""
    match = re.compile(r"\s*(?:<p>\s*)?").match(html, pos)
    return match.end()


def _in_timeline(tags: list[Tag], index: int) -> bool:
    """Whether the tag at `index` is inside a <div class="timeline">."""
    depth = len(tags[index].ancestors)
    for tag in reversed(tags[:index]):
        if len(tag.ancestors) < depth:
            depth = len(tag.ancestors)
            if tag.name == "div" and "timeline" in (tag.attrs.get("class") or "").split():
                return True
    return False


def fix(html: str) -> str:
    lang = page_lang(html)
    tags = scan(html)
    span = article_span(html, tags)
    if not lang or span is None:
        return html
    words = strings(lang)
    edits = []
    # (where the label shows, its text, the edit that shows it) in page order
    shown: list[tuple[int, str, tuple[int, int, str]]] = []
    hoisted = set()
    for tag, labels in shared_label_lists(html, tags, lang):
        shown.append((tag.start, labels[0][1], (tag.start, tag.start, "")))
        for match in labels:
            end = match.end() + (1 if html[match.end() : match.end() + 1] == " " else 0)
            edits.append((match.start(), end, ""))
            hoisted.add(match.start())
    for match in LABEL.finditer(html, *span):
        if kind_of(match[1], lang) and match.start() not in hoisted:
            shown.append((match.start(), match[1], (match.start(), match.end(), "")))
    seen: set[str] = set()
    for _, text, (start, end, _) in sorted(shown):
        kind = kind_of(text, lang)
        label = label_html(text, kind, kind not in seen)
        seen.add(kind)
        if start == end:  # a list's label, carried once
            label = f'<p class="status-all">{label} {words["status_all"]}</p>\n'
        edits.append((start, end, label))
    if PLACE in html[span[0] : span[1]]:
        at = html.index(PLACE, span[0])
        edits.append((at, at + len(PLACE), key_html(lang)))
    elif shown:
        footnotes = html.find('<div class="footnote">', *span)
        aside = html.find('<aside class="md-source-file', *span)
        at = next((p for p in (footnotes, aside) if p >= 0), span[1])
        edits.append((at, at, key_html(lang)))
    return edit(html, edits)


def step(site: Path, context: Context) -> None:
    rewrite_pages(site, fix)
