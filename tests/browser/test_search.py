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

from .searching import Query, search_problems

pytestmark = pytest.mark.browser


PEOPLE = "people/"


def names(*typed: str) -> list[Query]:
    """Names as readers type them: each must list the who's-who first."""
    return [Query(name, first=PEOPLE) for name in typed]


FRENCH = [
    # Without accents, as many type on a phone or an English keyboard.
    Query("coree", offers="western-reactions/", open="western-reactions/"),
    *[Query(word, offers="treaty/") for word in ("defense", "ratifie", "traite", "echeance")],
    *[Query(word, offers="glossary/") for word in ("securite", "unanimite")],
    # After an elided article, with the keyboard's apostrophe or the typographic one.
    *[Query(word, offers="technology-transfers/") for word in ("ONU", "l’ONU")],
    Query("l'ONU", offers="technology-transfers/", open="technology-transfers/"),
    Query("d'amitie", offers="timeline/"),
    Query("qu'a dit l'OTAN", offers="western-reactions/"),
    # Other forms of a word.
    *[Query(word, offers="treaty/") for word in ("ratifiés", "ratification")],
    *[Query(word, offers="technology-transfers/") for word in ("sous-marins", "sous marin")],
    Query("missiles", offers="technology-transfers/", open="technology-transfers/"),
    # Names, hyphenated or not, with or without accents.
    Query("Kim Jong-un", first=PEOPLE, open="treaty/"),
    Query("kim jong un", first=PEOPLE, open=PEOPLE),
    *names("Kim Jong Un", "Jong-un", "Poutine", "Vladimir Poutine", "Choïgou", "Choigou", "Choe Son-hui"),
    *names("Choe Son Hui", "Lavrov", "Guerassimov", "Stoltenberg"),
    # Phrases with small words.
    Query("la Corée du Nord", offers="western-reactions/", open="western-reactions/"),
    Query("traité de défense mutuelle", offers="treaty/", open="treaty/"),
    # A stop word in a phrase is that word, not the start of others (« sur » is not « surveillance »).
    Query("soldats sur", first="timeline/", open="timeline/"),
    Query("s’appuie sur NBC", offers="technology-transfers/", open="technology-transfers/"),
]
ENGLISH = [
    Query("Kim Jong-un", first=PEOPLE, open="treaty/"),
    Query("Jong Un", first=PEOPLE, open=PEOPLE),
    *names("Kim Jong Un", "Putin", "Putin's", "Vladimir Putin", "Shoigu", "Choe Son Hui", "Lavrov", "Stoltenberg"),
    Query("submarines", offers="technology-transfers/", open="technology-transfers/"),
    Query("ratified", offers="treaty/"),
    Query("North Korea", offers="western-reactions/"),
    Query("the treaty", offers="treaty/", open="treaty/"),
]


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
