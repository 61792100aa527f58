"""Pages: their front matter, their body, their footnotes, and where in the
Markdown file a piece of text is, so that every message can name its line."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .editions import discover_pages, page_slug
from .layout import ROOT, rel
from .problems import Problem, at

# The C loader when PyYAML has it: the same results, ten times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:[ \t]*(.*(?:\n(?:[ \t]{4}|\t).*)*)", re.M)
FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\](?!:)")
SOURCE_LINK = re.compile(r"\]\((?:\./)?sources\.md#([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)


@dataclass
class Page:
    """One Markdown page.

    path: the file. meta: its front matter, parsed. body: the text after it.
    body_line: the 1-based line number of the body's first line.
    root: the repository the path is relative to, for messages.
    front: the front matter as written, to find a key's line.
    """

    path: Path
    meta: dict
    body: str
    body_line: int
    root: Path = field(default=ROOT, repr=False)
    front: str = field(default="", repr=False)  # the front matter as written, between the '---' lines

    @property
    def where(self) -> str:
        """The file as messages name it: docs/en/treaty.md."""
        return rel(self.path, self.root)

    @property
    def lang(self) -> str:
        return page_slug(self.path, self.root)[0]

    @property
    def slug(self) -> str:
        return page_slug(self.path, self.root)[1]

    def key_line(self, key: str) -> int | None:
        """The line of a front-matter key, or None if it is not written."""
        for number, line in enumerate(self.front.splitlines(), 2):  # line 1 is the opening '---'
            if re.match(rf"{re.escape(key)}\s*:", line):
                return number
        return None

    def line_of(self, *needles: str) -> int | None:
        """The line of the body where the first of `needles` that occurs
        starts, comparing text without Markdown markup, case and spacing."""
        lines, flat = self._lines()
        for needle in needles:
            if not needle:
                continue
            wanted = flatten(needle)
            if not any(ch.isalnum() for ch in wanted):
                wanted = ""  # markup alone ("[^note]:" flattens to ":"): match it as written only
            for number, (raw, text) in enumerate(zip(lines, flat, strict=False)):
                if needle in raw or (wanted and wanted in text):
                    return self.body_line + number
        return None

    def _lines(self) -> tuple[list[str], list[str]]:
        """The body's lines, as written and flattened (computed once)."""
        if getattr(self, "_flat", None) is None or self._flat[0] is not self.body:
            lines = self.body.split("\n")
            self._flat = (self.body, lines, [flatten(line) for line in lines])
        return self._flat[1], self._flat[2]

    def line_of_text(self, text: str) -> int | None:
        """The line where rendered text (a paragraph as the built page shows
        it) starts in the Markdown: its first words, fewer if need be."""
        words = text.split()
        return self.line_of(*(" ".join(words[:n]) for n in (10, 6, 3) if len(words) >= n or n == 3))

    def at(self, *needles: str, key: str | None = None) -> str:
        """`docs/en/treaty.md:LINE` for a front-matter key or the first needle found."""
        line = self.key_line(key) if key else self.line_of(*needles)
        return at(self.where, line)


MARKUP = re.compile(r"\{[^}]*\}|\[\^[^\]]+\]|\]\([^)]*\)|[*_`#>\[\]]|<[^>]+>")


def flatten(text: str) -> str:
    """Text without Markdown markup, attribute lists, footnote references,
    link targets or tags; spaces and typographic variants folded."""
    text = unicodedata.normalize("NFKC", MARKUP.sub(" ", text)).replace("’", "'").lower()
    return " ".join(text.split())


def split_front_matter(path: Path, text: str | None = None, root: Path = ROOT) -> tuple[Page | None, list[Problem]]:
    """Parse a page into a `Page`, or (None, problems) when its front matter
    is missing or is not valid YAML; the YAML problem names its line."""
    text = path.read_text(encoding="utf-8") if text is None else text
    where = rel(path, root)
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [
            Problem(
                at(where, 1),
                "front matter: missing (the page must start with a line '---', the YAML fields, then '---')",
                "copy the block at the top of any page, or create pages with `python3 scripts/dev.py new-page`",
            )
        ]
    block = match.group(1) or ""
    try:
        meta = yaml.load(block, Loader=SafeLoader)
    except ValueError as err:  # YAML reads 2026-13-45 as a date, and fails
        line, key, value = impossible_date(block) or (0, "?", str(err))
        return None, [
            Problem(
                at(where, line + 1),
                f"front matter: '{key}' is {value}, which is not a real date",
                "write it as YYYY-MM-DD, e.g. reviewed: 2026-11-28",
            )
        ]
    except yaml.YAMLError as err:
        # Where the broken construct starts (an unclosed '[' say), else where parsing failed.
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening '---', +1 for 1-based lines
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return None, [
            Problem(
                at(where, line),
                f"front matter is not valid YAML ({problem})",
                "check the indentation, and put values that contain ':' or start with '[' or '\"' in quotes",
            )
        ]
    if not isinstance(meta, dict):
        return None, [
            Problem(
                at(where, 2), "front matter: must be a set of 'key: value' lines", "see CONTRIBUTING.md for an example"
            )
        ]
    body_line = text[: match.end()].count("\n") + 1
    return Page(path, meta, text[match.end() :], body_line, root, block), []


DATE = re.compile(r"^\s*(?:-\s+)?([\w-]+):\s*['\"]?(\d{4}-\d{1,2}-\d{1,2})['\"]?\s*(?:#.*)?$")


def impossible_date(text: str) -> tuple[int, str, str] | None:
    """(line, key, value) of the first `key: YYYY-MM-DD` of a YAML text whose
    date does not exist (2026-13-45), which YAML fails on without a line."""
    for number, line in enumerate(text.splitlines(), 1):
        found = DATE.match(line)
        if found:
            year, month, day = (int(x) for x in found.group(2).split("-"))
            try:
                dt.date(year, month, day)
            except ValueError:
                return number, found.group(1), found.group(2)
    return None


def body_only(path: Path, root: Path = ROOT) -> Page:
    """A page whose front matter cannot be read, as far as its body goes (no
    metadata): rules that read only the text can still check it."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(path, {}, text, 1, root)
    return Page(path, {}, text[match.end() :], text[: match.end()].count("\n") + 1, root, match.group(1) or "")


def load_pages(root: Path = ROOT) -> tuple[list[Page], list[Problem]]:
    """Every page of every edition that parses, and the problems of those that don't."""
    pages, problems = [], []
    for path in discover_pages(root):
        page, found = split_front_matter(path, root=root)
        problems += found
        if page:
            pages.append(page)
    return pages, problems


def footnotes(page: Page) -> dict[str, list[str]]:
    """{footnote label: [registry ids it links to]} for every definition
    (fenced code left out)."""
    body = FENCE.sub("", page.body)
    return {label: SOURCE_LINK.findall(text) for label, text in FOOTNOTE_DEF.findall(body)}


def cited_sources(page: Page) -> set[str]:
    """Every registry id the page's footnotes cite."""
    return {sid for ids in footnotes(page).values() for sid in ids}
