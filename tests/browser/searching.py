"""Searching the built site as a reader does, for the browser checks: type a
query in Material's search field, read the result list, open a result and
look at its highlights."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .startup import wait_until


@dataclass(frozen=True)
class Query:
    """What a reader types, and what they must get. `first`: the page listed
    first; `offers`: a page among the results; `open`: the listed page to open,
    whose highlights are then checked (pages inside the edition)."""

    text: str
    first: str | None = None
    offers: str | None = None
    open: str | None = None


RESULTS = """() => {
  const meta = document.querySelector(".md-search-result__meta")
  return [meta ? meta.textContent.trim() : "", [...document.querySelectorAll(".md-search-result__item")].map(li =>
    [...li.querySelectorAll("a.md-search-result__link")].map(a => a.href))]
}"""

# Each highlight of the opened page with the characters around it.
MARKS = """() => [...document.querySelectorAll("article mark[data-md-highlight]")].map(m => {
  const before = m.previousSibling && m.previousSibling.nodeType === 3 ? m.previousSibling.data : ""
  const after = m.nextSibling && m.nextSibling.nodeType === 3 ? m.nextSibling.data : ""
  return [before.slice(-10), m.textContent, after.slice(0, 10)]
})"""
LETTER = re.compile(r"[^\W_]")


def results(page, query: str) -> list[list[str]]:
    """Type `query` in the search field; each listed page's links (its own first)."""
    field = page.locator(".md-search__input")
    field.click()
    field.fill(query)
    field.press("End")  # a key: Material searches on keyup, once for the whole query
    words = json.loads(page.locator("#__config").text_content())["translations"]
    counts = {words["search.result.none"], words["search.result.one"]}
    counted = re.compile(re.escape(words["search.result.other"]).replace("\\#", r"\d+"))
    # The worker answers each keystroke: read until the list has a count and stops changing.
    last, quiet = None, 0
    for _ in range(200):
        now = page.evaluate(RESULTS)
        done = now[0] in counts or counted.fullmatch(now[0])
        quiet = quiet + 1 if now == last and done else 0
        if quiet >= 3:
            break
        last = now
        page.wait_for_timeout(60)
    return last[1]


def fragments(page) -> tuple[int, list[str]]:
    """(how many highlights, those that are a piece of a word) on the page."""
    marks = page.evaluate(MARKS)
    pieces = [
        f"{before}[{text}]{after}"
        for before, text, after in marks
        if LETTER.match(before[-1:] or " ") or LETTER.match(after[:1] or " ")
    ]
    return len(marks), pieces


def search_problems(page, server, prefix: str, query: Query) -> list[str]:
    """What the reader of the edition at `prefix` does not get from `query`."""
    where = f"searching {query.text!r} on /{prefix}"
    listed = results(page, query.text)
    pages = [urlsplit(links[0]).path for links in listed if links]
    home = urlsplit(server.url(prefix)).path
    shown = [p.removeprefix(home) or "(home)" for p in pages]
    problems = []
    if not pages:
        return [f"{where} finds nothing"]
    for wanted, check in ((query.first, pages[:1]), (query.offers, pages)):
        if wanted and home + wanted not in check:
            problems.append(f"{where} lists {shown[:4]}, {'not' if check is pages else 'first, not'} {wanted}")
    if query.open:
        group = next((links for links in listed if urlsplit(links[0]).path == home + query.open), [])
        lit = [link for link in group if parse_qs(urlsplit(link).query).get("h")]
        if not lit:
            return [*problems, f"{where}: the result for {query.open} has no highlighted link (?h=)"]
        page.goto(lit[0])
        wait_until(page, "document.querySelector('article mark[data-md-highlight]') !== null", 5)
        page.wait_for_timeout(200)
        count, pieces = fragments(page)
        opened = lit[0].removeprefix(server.url(""))
        if not count:
            problems.append(f"{where}: /{opened} opens with nothing highlighted")
        if pieces:
            problems.append(
                f"{where}: /{opened} highlights {len(pieces)} piece(s) of words: {', '.join(pieces[:6])}; "
                "see docs/.overrides/assets/javascripts/search-highlight.js"
            )
    return problems
