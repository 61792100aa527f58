"""Each edition's titles are in its own language: a page's title,
description and main heading, and its title in the nav.

Three signs of text left untranslated: it is the same as in the default
edition (names and words spelled alike in both languages aside); it uses
words only another language uses and none of its own; or, for a short
title or heading with no word of its language, some of its words are in
the default edition's page and some are nowhere in its own page.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.blocks import blocks
from ..model.config import load_config
from ..model.editions import DEFAULT, EDITIONS, edition
from ..model.language import SAME_IN_EVERY_EDITION, has_own_words, language_name, reads_as, words_of
from ..model.layout import ROOT
from ..model.pages import Page
from ..model.problems import Problem, at
from .front_matter import SCAFFOLD_DESCRIPTION

HOW = "SAME_IN_EVERY_EDITION in scripts/explainer/model/language.py"


def names(pages: list[Page]) -> set[str]:
    """Words of the who's-who headings (Putin, Kim, NATO …): names are spelled
    alike in both languages, or nearly, and never need translating."""
    found = set()
    for page in pages:
        if page.slug == "people.md":
            for block in blocks(page):
                if block.kind == "heading":
                    found.update(words_of(block.prose))
    return found


def fields(page: Page) -> list[tuple[str, int | None, str]]:
    """(what, line, text) for the title, the description and the first heading."""
    out = []
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            out.append((key, page.key_line(key), page.meta[key]))
    h1 = next((b for b in blocks(page) if b.kind == "heading" and b.level == 1), None)
    if h1:
        out.append(("main heading", h1.line, h1.prose))
    return out


def _same(text: str, base: str, alike: set[str]) -> bool:
    words, base_words = words_of(text), words_of(base)
    return words == base_words and not set(words) <= alike


def vocabulary(page: Page, skip_line: int | None = None) -> set[str]:
    """The words of a page's body (three letters or more), but for one line."""
    lines = page.body.split("\n")
    if skip_line:
        lines = [line for n, line in enumerate(lines, page.body_line) if n != skip_line]
    return {w for w in words_of("\n".join(lines)) if len(w) >= 3}


def _borrowed(text: str, own: set[str], theirs: set[str], alike: set[str]) -> bool:
    """Some words of `text` are in the other edition's page and some are
    nowhere in this page: it was copied from there. (Called only for text
    with no word or letter of its own language.)"""
    words = [w for w in words_of(text) if len(w) >= 3 and w not in alike]
    return any(w in theirs for w in words) and any(w not in own for w in words)


def _problems(where: str, what: str, text: str, lang: str, base, alike, words=None) -> list:
    """base: (text, where) of the default edition's version, or None.
    words: (this page's vocabulary, the default edition's), or None."""
    language = language_name(lang)
    if base is not None and _same(text, base[0], alike):
        return [
            Problem(
                where,
                f"the {what} “{text}” is the same as in {base[1]}: it was left in {language_name(DEFAULT.lang)}",
                f"translate it into {language}; if it is spelled the same in {language}, add the word to {HOW}",
            )
        ]
    other = reads_as(text, lang)
    if not other and words and not has_own_words(text, lang) and _borrowed(text, *words, alike):
        other = DEFAULT.lang
    if other:
        return [
            Problem(
                where,
                f"the {what} “{text}” reads as {language_name(other)}, not {language}",
                f"translate it into {language}",
            )
        ]
    return []


def check_untranslated(page: Page, base: Page | None, alike: set[str]) -> list[Problem]:
    """`page`'s title, description and main heading are in its language;
    `base` is its default-edition counterpart (None for a default-edition page)."""
    theirs = {what: (text, at(base.where, line)) for what, line, text in fields(base)} if base else {}
    problems = []
    for what, line, text in fields(page):
        if text == SCAFFOLD_DESCRIPTION:
            continue  # the front-matter rule reports the new-page scaffold
        words = (
            (vocabulary(page, line), vocabulary(base) | set(words_of(base.meta.get("title") or ""))) if base else None
        )
        short = what != "description"  # a description is long enough for its function words to tell
        problems += _problems(
            at(page.where, line), what, text, page.lang, theirs.get(what), alike, words if short else None
        )
    return problems


def nav_titles(nav, prefix: str = "") -> list[str]:
    out = []
    for item in nav or []:
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            out.append(title)
            if isinstance(value, list):
                out += nav_titles(value)
    return out


def _line_of(config: Path, title: str) -> int | None:
    pattern = re.compile(rf"^\s*-\s*[\"']?{re.escape(title)}[\"']?\s*:")
    for number, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def check_nav_titles(alike: set[str], root: Path = ROOT) -> list[Problem]:
    """Each other edition's nav titles are in its language (compared place by
    place with the default edition's nav)."""
    base = nav_titles(load_config(DEFAULT.config, root).get("nav"))
    problems = []
    for ed in EDITIONS[1:]:
        mine = nav_titles(load_config(ed.config, root).get("nav"))
        if len(mine) != len(base):
            continue  # a nav of another shape is the nav rule's to report
        for title, base_title in zip(mine, base, strict=True):
            where = at(ed.config, _line_of(root / ed.config, title))
            base_where = at(DEFAULT.config, _line_of(root / DEFAULT.config, base_title))
            problems += _problems(where, "nav title", title, ed.lang, (base_title, base_where), alike)
    return problems


def check_all(by_lang: dict[str, dict[str, Page]], root: Path = ROOT) -> list[Problem]:
    alike = set(SAME_IN_EVERY_EDITION) | names([p for pages in by_lang.values() for p in pages.values()])
    base = by_lang.get(DEFAULT.lang, {})
    problems = []
    for lang, pages in by_lang.items():
        edition(lang)  # a KeyError for an unknown language
        for slug, page in sorted(pages.items()):
            problems += check_untranslated(page, base.get(slug) if lang != DEFAULT.lang else None, alike)
    return problems + check_nav_titles(alike, root)
