"""The language editions agree: same pages and sources, each page linked to
its counterparts, one search index per language."""

from __future__ import annotations

import json
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin

from ..build.engines import DEFAULT_ENGINE, Engine
from ..model.config import published
from ..model.editions import DEFAULT_LANG, EDITIONS, Edition, built_path, edition, markdown_path, page_url
from ..model.language import language_name
from ..model.layout import ROOT
from ..model.pages import Page, cited_sources
from ..model.problems import Problem


def check_parity(
    by_lang: dict[str, dict[str, Page]], root: Path = ROOT, present: dict[str, set[str]] | None = None
) -> list[Problem]:
    """Each page exists in every edition, citing the same sources.

    present: {lang: slugs of every page file}, when some files are not in
    `by_lang` (their front matter is broken): they exist, and are not reported
    missing."""
    problems = []
    base = by_lang[DEFAULT_LANG]
    present = present or {lang: set(pages) for lang, pages in by_lang.items()}
    for lang, pages in by_lang.items():
        ed = edition(lang)
        for other_lang, others in present.items():
            if other_lang == lang:
                continue
            for slug in sorted(set(others) - present.get(lang, set(pages))):
                problems.append(
                    Problem(
                        f"{ed.docs}/{slug}",
                        f"is missing; every page in {edition(other_lang).docs}/ needs its {language_name(lang)} counterpart",
                        f"translate {edition(other_lang).docs}/{slug} into {ed.docs}/{slug}",
                    )
                )
        if lang == DEFAULT_LANG:
            continue
        for slug in sorted(set(pages) & set(base)):
            mine, theirs = pages[slug], base[slug]
            here, there = mine.where, theirs.where
            for label, a, b, where in (
                (
                    "front matter 'sources'",
                    set(mine.meta.get("sources") or []),
                    set(theirs.meta.get("sources") or []),
                    mine.at(key="sources"),
                ),
                ("footnoted sources", cited_sources(mine), cited_sources(theirs), here),
            ):
                if a != b:
                    sides = ((there, b - a), (here, a - b))
                    diff = "; ".join(f"only in {name}: {', '.join(sorted(ids))}" for name, ids in sides if ids)
                    what = f"{label} differs from {there} ({diff})"
                    problems.append(
                        Problem(where, what, "both editions must cite the same sources; change them together")
                    )
            # Both editions tell the same events, so their reporting reaches the same month.
            if "reporting" in mine.meta and "reporting" in theirs.meta:
                a, b = str(mine.meta["reporting"]), str(theirs.meta["reporting"])
                if a != b:
                    problems.append(
                        Problem(
                            mine.at(key="reporting"),
                            f"front matter 'reporting' is {a}, but {b} in {there}",
                            "both editions report the same events: give them the same month, and update both pages together",
                        )
                    )
    return problems


def check_language_links(soup, ed: Edition, slug: str, config: dict, site: Path) -> list[Problem]:
    """<html lang>, absolute hreflang alternates that exist, and a switcher
    that leads to the same page in each edition."""
    built = built_path(ed.lang, slug)
    where = f"{markdown_path(ed.lang, slug)} (built as {built}, from the theme and {ed.config})"
    problems = []
    lang = (soup.html or {}).get("lang")
    if lang != ed.lang:
        problems.append(
            Problem(
                where, f"<html lang> is '{lang}'; expected '{ed.lang}'", f"set theme.language: {ed.lang} in {ed.config}"
            )
        )
    inner = page_url(slug)
    origin, base_path = published()
    alternates = {link.get("hreflang"): link.get("href") for link in soup.find_all("link", rel="alternate")}
    for other in EDITIONS:
        root_url = next((a["root"] for a in config["extra"]["alternate"] if a["lang"] == other.lang), None)
        wanted = f"{root_url}{inner}"
        if alternates.get(other.lang) != wanted:
            problems.append(
                Problem(
                    where,
                    f"hreflang alternate for {other.lang} is {alternates.get(other.lang)!r}; expected {wanted}",
                    "check extra.alternate in the configs and docs/.overrides/main.html",
                )
            )
        elif (
            not wanted.startswith(origin + base_path)
            or not (site / wanted[len(origin + base_path) :] / "index.html").is_file()
        ):
            problems.append(
                Problem(where, f"hreflang alternate {wanted} does not resolve to a page", "create the counterpart page")
            )
        switch = soup.select_one(f".md-select__link[hreflang='{other.lang}']")
        href = switch.get("href") if switch else None
        landed = normpath(urljoin("/" + built, href or "")) if href else None
        expected = normpath("/" + built_path(other.lang, slug).removesuffix("index.html"))
        if landed is None or landed.rstrip("/") != expected.rstrip("/"):
            problems.append(
                Problem(
                    where,
                    f"language switcher link to {other.lang} is {href!r}; it should lead to the same page ({expected})",
                    "see docs/.overrides/partials/alternate.html",
                )
            )
    return problems


def check_search_index(site: Path, ed: Edition, engine: Engine = DEFAULT_ENGINE) -> list[Problem]:
    """An edition's search index, where `engine` writes it in the built
    `site`, exists and holds only its own pages, in its language."""
    where = f"{ed.prefix}{engine.search_index}"
    path = site / where
    if not path.is_file():
        return [
            Problem(
                where,
                f"is missing: {engine.name} wrote no search index for the {ed.lang} edition",
                f"keep the search plugin in {ed.config}",
            )
        ]
    index = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    langs = index.get("config", {}).get("lang")
    if langs != [ed.lang]:
        what = f"search language is {langs}; expected {[ed.lang]}"
        problems.append(Problem(where, what, f"set theme.language and plugins: search: lang: {ed.lang} in {ed.config}"))
    documents = index.get(engine.search_docs) or []
    if not documents:
        problems.append(Problem(where, "holds no page", f"check the search plugin in {ed.config}"))
    for doc in documents:
        if doc["location"].startswith(("../", "/")) or "://" in doc["location"]:
            what = f"document '{doc['location']}' points outside the {ed.lang} edition"
            problems.append(Problem(where, what, "keep one search index per edition"))
    return problems
