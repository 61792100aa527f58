"""Search as readers type it, in Chromium, on the built site: words without
their accents, words after an elided article (l’, d’, qu’, with either
apostrophe), other forms of a word, and names, hyphenated or not, which must
list the who's-who first. A result opened from the list never highlights a
piece of a word. Search is Material's, adjusted by
docs/.overrides/assets/javascripts/workers/search-words.js (the worker) and
search-highlight.js (the opened page); the broken-page tests below run
without each of them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest

from .checks import new_audit
from .startup import wait_until

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Query:
    """What a reader types, and what they must get. `first`: the page listed
    first; `offers`: a page among the results; `open`: the listed page to open,
    whose highlights are then checked (pages inside the edition)."""

    text: str
    first: str | None = None
    offers: str | None = None
    open: str | None = None


PEOPLE = "people/"
FRENCH = [
    # Without accents, as many type on a phone or an English keyboard.
    Query("coree", offers="western-reactions/", open="western-reactions/"),
    Query("defense", offers="treaty/"),
    Query("ratifie", offers="treaty/"),
    Query("securite", offers="glossary/"),
    Query("traite", offers="treaty/"),
    Query("echeance", offers="treaty/"),
    Query("unanimite", offers="glossary/"),
    # After an elided article, with the keyboard's apostrophe or the typographic one.
    Query("ONU", offers="technology-transfers/"),
    Query("l'ONU", offers="technology-transfers/", open="technology-transfers/"),
    Query("l’ONU", offers="technology-transfers/"),
    Query("d'amitie", offers="timeline/"),
    Query("qu'a dit l'OTAN", offers="western-reactions/"),
    # Other forms of a word.
    Query("ratifiés", offers="treaty/"),
    Query("ratification", offers="treaty/"),
    Query("missiles", offers="technology-transfers/", open="technology-transfers/"),
    Query("sous-marins", offers="technology-transfers/"),
    Query("sous marin", offers="technology-transfers/"),
    # Names, hyphenated or not, with or without accents.
    Query("Kim Jong-un", first=PEOPLE, open="treaty/"),
    Query("Kim Jong Un", first=PEOPLE),
    Query("kim jong un", first=PEOPLE, open=PEOPLE),
    Query("Jong-un", first=PEOPLE),
    Query("Poutine", first=PEOPLE),
    Query("Vladimir Poutine", first=PEOPLE),
    Query("Choïgou", first=PEOPLE),
    Query("Choigou", first=PEOPLE),
    Query("Choe Son-hui", first=PEOPLE),
    Query("Choe Son Hui", first=PEOPLE),
    Query("Lavrov", first=PEOPLE),
    Query("Guerassimov", first=PEOPLE),
    Query("Stoltenberg", first=PEOPLE),
    # Phrases with small words.
    Query("la Corée du Nord", offers="western-reactions/", open="western-reactions/"),
    Query("traité de défense mutuelle", offers="treaty/", open="treaty/"),
]
ENGLISH = [
    Query("Kim Jong Un", first=PEOPLE),
    Query("Kim Jong-un", first=PEOPLE, open="treaty/"),
    Query("Jong Un", first=PEOPLE, open=PEOPLE),
    Query("Putin", first=PEOPLE),
    Query("Putin's", first=PEOPLE),
    Query("Vladimir Putin", first=PEOPLE),
    Query("Shoigu", first=PEOPLE),
    Query("Choe Son Hui", first=PEOPLE),
    Query("Lavrov", first=PEOPLE),
    Query("Stoltenberg", first=PEOPLE),
    Query("submarines", offers="technology-transfers/", open="technology-transfers/"),
    Query("ratified", offers="treaty/"),
    Query("North Korea", offers="western-reactions/"),
]

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


@pytest.fixture
def reader(browser, server):
    context, page, checks = new_audit(browser, server, "default", palette=False)
    checks.recorder.current = "search test"
    yield context, page, checks
    context.close()


def run_queries(page, server, prefix: str, queries: list[Query]) -> list[str]:
    page.goto(server.url(prefix))
    return [problem for query in queries for problem in search_problems(page, server, prefix, query)]


@pytest.mark.parametrize(("prefix", "queries"), [("fr/", FRENCH), ("", ENGLISH)], ids=["French", "English"])
def test_readers_find_what_they_type(reader, server, prefix, queries):
    _, page, checks = reader
    problems = run_queries(page, server, prefix, queries)
    checks.recorder.settle(page)
    found = checks.results()
    problems += [m for kind in ("console", "requests", "third-party", "csp") for m in found.get(kind, [])]
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# Without the two scripts
# --------------------------------------------------------------------------


def test_search_without_the_worker_script_is_reported(reader, server):
    context, page, _ = reader
    # Material's worker, unchanged: what the site had before.
    context.route(
        "**/workers/search-words.js",
        lambda route: route.fulfill(body="importScripts(location.hash.slice(1))", content_type="text/javascript"),
    )
    msg = "\n".join(
        run_queries(page, server, "fr/", [Query("coree", offers="western-reactions/"), Query("Poutine", first=PEOPLE)])
    )
    assert "searching 'coree' on /fr/ finds nothing" in msg
    assert "searching 'Poutine' on /fr/ lists ['(home)', 'people/'" in msg and "first, not people/" in msg


def test_highlights_without_the_page_script_are_reported(reader, server):
    context, page, _ = reader
    context.route("**/search-highlight.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    msg = "\n".join(run_queries(page, server, "", [Query("Kim Jong-un", open="treaty/")]))
    assert re.search(r"searching 'Kim Jong-un' on /: /treaty/\?h=\S+ highlights \d+ piece\(s\) of words: ", msg), msg
    assert "Jun" in msg or "[un]" in msg
