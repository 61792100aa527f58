"""Search as readers type it, in Chromium, on the built site: words without
their accents, words after an elided article (l’, d’, qu’, with either
apostrophe), other forms of a word, and names, hyphenated or not, which must
list the who's-who first. A result opened from the list never highlights a
piece of a word. Search is Material's, adjusted by
docs/.overrides/assets/javascripts/workers/search-words.js (the worker) and
search-highlight.js (the opened page); the broken-page tests below run
without each of them."""

from __future__ import annotations

import re

import pytest

from .checks import new_audit
from .searching import Query, search_problems

pytestmark = pytest.mark.browser


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
