"""Render the source registry onto each edition's sources page.

The list between the `registry` markers in docs/<lang>/sources.md is
generated from docs/.data/sources.yml, so the page can never disagree with
the registry the checks use. Editors write the text around the markers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from ..checks.registry import UNKNOWN_DATE, load_registry
from ..model.editions import EDITIONS, edition
from ..model.language import format_date, format_month, strings
from ..model.layout import ROOT, rel
from ..model.problems import Problem, at, report
from ..model.registry import source_text

START, END = "<!-- registry:start -->", "<!-- registry:end -->"


def _date(value, lang: str, words: dict, dated_by: str | None = None) -> str:
    if value is None or str(value) == UNKNOWN_DATE:
        return words["no_date"]
    text = str(value)
    if len(text) == 10:
        text = format_date(dt.date.fromisoformat(text), lang)
    elif len(text) == 7:
        text = format_month(dt.date.fromisoformat(text + "-01"), lang)
    return f"{text} ({words['dated_by_url']})" if dated_by == "url" else text


def _names(names: list[str], words: dict) -> str:
    """Chris York; A and B; A, B and C (French: A et B)."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {words['and']} {names[-1]}"


def entry_markdown(entry: dict, lang: str) -> str:
    words = strings(lang)["sources"]
    title = source_text(entry, "title", lang)
    # A headline is shown as published; one in another language than the
    # page's says so (lang=…), for screen readers and for the typography check.
    foreign = entry["language"] != lang and source_text(entry, "title", lang) == entry["title"]
    title = title if title.startswith("[") else f"*{title}*" + (f'{{ lang="{entry["language"]}" }}' if foreign else "")
    byline = f", {words['by']} {_names(entry['authors'], words)}" if entry.get("authors") else ""
    parts = [
        f"**{entry['publisher']}**, {title}{byline}",
        _date(entry.get("date"), lang, words, entry.get("dated_by")),
        words["kind"][entry["kind"]],
        words["language"].get(entry["language"], entry["language"]),
    ]
    url = entry.get("url")
    link = f"[{urlsplit(url).hostname}]({url})" if url else words["no_url"]
    note = f" {source_text(entry, 'note', lang)}" if entry.get("note") else ""
    return f"{' · '.join(parts)} · {link}.{note}\n{{ #{entry['id']} .source-entry }}"


def render(registry: dict[str, dict], lang: str) -> str:
    words = strings(lang)["sources"]
    order = sorted(registry.values(), key=lambda e: (e["publisher"].lower(), str(e.get("date") or "")))
    cited = [e for e in order if not e.get("reading")]
    reading = [e for e in order if e.get("reading")]
    out = [START, f"## {words['cited']}", ""]
    out += [entry_markdown(e, lang) + "\n" for e in cited]
    if reading:
        out += [f"## {words['reading']}", ""]
        out += [entry_markdown(e, lang) + "\n" for e in reading]
    out.append(END)
    return "\n".join(out)


def page_path(lang: str, root: Path = ROOT) -> Path:
    return edition(lang).docs_dir(root) / "sources.md"


def expected(text: str, registry: dict[str, dict], lang: str) -> str | None:
    """The page text with the generated block refreshed, or None without markers."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return None
    return text[:start] + render(registry, lang) + text[end + len(END) :]


def check_pages(registry: dict[str, dict], root: Path = ROOT) -> list[Problem]:
    """Each edition's sources page lists exactly what the registry holds."""
    problems = []
    for ed in EDITIONS:
        path = page_path(ed.lang, root)
        if not path.is_file():
            continue  # a missing page is the editions rule's to report
        text = path.read_text(encoding="utf-8")
        wanted = expected(text, registry, ed.lang)
        if wanted is None:
            problems.append(
                Problem(rel(path, root), f"the lines {START} and {END} are missing", "add them where the list goes")
            )
        elif wanted != text:
            first = next(i for i, (a, b) in enumerate(zip(text, wanted + "\0", strict=False)) if a != b)
            problems.append(
                Problem(
                    at(rel(path, root), text.count("\n", 0, first) + 1),
                    "the source list is out of date (it differs from docs/.data/sources.yml from here on)",
                    "run python3 scripts/dev.py sources, which rewrites it from the registry, and commit the result",
                )
            )
    return problems


def write_all(root: Path = ROOT) -> list[str]:
    registry, problems = load_registry()
    if problems:
        raise SystemExit(report(problems))
    changed = []
    for ed in EDITIONS:
        path = page_path(ed.lang, root)
        if not path.exists():
            raise SystemExit(f"{rel(path)} is missing; create it (with the registry markers) first")
        text = path.read_text(encoding="utf-8")
        new = expected(text, registry, ed.lang)
        if new is None:
            raise SystemExit(f"{rel(path)}: the lines {START} and {END} are missing; add them where the list goes")
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(rel(path))
    return changed
