"""French typography on the built French pages: a no-break space before
`: ; ! ?` and `»`, and after `«`, everywhere a reader sees or hears text
(the page, its navigation and table of contents, the footer, tooltips,
labels, share previews), so that a line never starts with « ? » or « : ».

The house style: U+00A0 before `:` and inside « »; U+202F, the narrow one,
before `; ! ?`. Either kind is accepted where the norm allows both; a plain
space, or none, never is. Text marked with another language (lang="en") is
left alone, as are code and scripts.

Each problem names the built page, the text, and the file the text comes
from: the page's Markdown line, a config, the source registry, the
abbreviations or a template, found by searching them for the words before
the mark. When that file has the right space and the page has not, the
build lost it, and the message says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.layout import rel
from ..model.pages import Page, flatten
from ..model.problems import Problem, at

LANGS = {"fr"}  # editions written with French typography
SPACES = "\u00a0\u202f"
MARKS = re.compile(r"[:;!?»]|«")
SKIP = {"script", "style", "code", "pre", "kbd", "samp", "svg", "template", "textarea"}
# Elements that start a line of their own: text on either side never joins.
BLOCK_NAMES = """address article aside blockquote body br dd details dialog div dl dt figcaption figure footer form
h1 h2 h3 h4 h5 h6 head header hr label li main nav ol p section summary table tbody td th thead title tr ul"""
BLOCKS = frozenset(BLOCK_NAMES.split())
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
META = {"description", "og:title", "og:description", "og:image:alt", "og:site_name"}
# Where text of a built page can come from, after the page's own Markdown.
SOURCES = (
    "mkdocs.fr.yml",
    "mkdocs.yml",
    "docs/.data/sources.yml",
    "docs/.snippets/abbreviations.fr.md",
    "docs/.overrides/**/*.html",
)
LOST = "scripts/explainer/build/typography.py puts back what the engine drops"
FIX = (
    "type a no-break space there: U+00A0 before ':' and '»' and after '«', "
    "U+202F (narrow) before ';', '!' and '?' and between the groups of a number's digits, as in 1 000 "
    "(see CONTRIBUTING.md, French typography)"
)
# A plain space between a number's groups of digits (« 1 000 »): the number can break across lines.
DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def faults(text: str) -> list[tuple[int, str]]:
    """(offset, what is wrong) of each mark of `text` without its no-break space."""
    found = []
    for match in MARKS.finditer(text):
        i, mark = match.start(), match.group()
        if mark == "«":
            after = text[i + 1 : i + 2]
            if after and after != "\n" and after not in SPACES:
                found.append((i, f"{'a plain space' if after.isspace() else 'no space'} after '«'"))
            continue
        before, after = text[i - 1 : i] or "\n", text[i + 1 : i + 3]
        if before in SPACES or before == "\n":  # right, or the start of a block (nothing to keep it with)
            continue
        if mark == ":" and ((before.isdigit() and after[:1].isdigit()) or after == "//"):  # 10:30, https://
            continue
        if mark in "!?" and before in "!?":  # ?! keeps the first mark's space
            continue
        found.append((i, f"{'a plain space' if before.isspace() else 'no space'} before '{mark}'"))
    found += [(m.start(), "a plain space between the digits of a number") for m in DIGIT_GROUP.finditer(text)]
    return sorted(found)


def _segments(el, lang: str):
    """(text, element) of every text node under `el` in the page's language,
    in order, with ("\\n", None) at the edges of blocks and of what is skipped."""
    for child in el.children:
        name = getattr(child, "name", None)
        if name is None:
            if type(child).__name__ == "NavigableString":  # not comments, doctypes…
                yield str(child), el
            continue
        inner = child.get("lang") or lang
        if name in SKIP or inner.split("-")[0] not in LANGS:
            yield "\n", None
            continue
        edge = name in BLOCKS
        if edge:
            yield "\n", None
        yield from _segments(child, inner)
        if edge:
            yield "\n", None


def text_faults(soup) -> list[tuple[str, int, str, object]]:
    """(text of the block, offset of the mark, what is wrong, element) for the page's text."""
    lang = soup.html.get("lang", "fr") if soup.html else "fr"
    parts = list(_segments(soup, lang))
    text = "".join(t for t, _ in parts)
    owners, offset = [], 0
    for t, el in parts:
        owners.append((offset, el))
        offset += len(t)
    out = []
    for i, what in faults(text):
        owner = next(el for start, el in reversed(owners) if start <= i)
        start, end = text.rfind("\n", 0, i) + 1, text.find("\n", i)
        out.append((text[start:end], i - start, what, owner))
    return out


def attribute_faults(soup) -> list[tuple[str, int, str, object]]:
    """The same, for text readers get from attributes: tooltips, labels, share previews."""
    out = []
    for el in soup.find_all(True):
        lang = next((p.get("lang") for p in [el, *el.parents] if p.get("lang")), "fr")
        if lang.split("-")[0] not in LANGS or el.name in SKIP:
            continue
        values = [el.get(name) for name in ATTRIBUTES]
        if el.name == "meta" and (el.get("name") or el.get("property")) in META:
            values.append(el.get("content"))
        out += [(value, i, what, el) for value in filter(None, values) for i, what in faults(value)]
    return out


def _sources(page: Page | None, root: Path, registry_first: bool):
    """(file, [(line number, line)]) of the files the text can come from,
    most likely first: the page's Markdown (the registry's entries, for the
    list of sources), then the configs, the registry, the abbreviations and
    the templates."""
    files = [root / pattern for pattern in SOURCES[:4]] + sorted(root.glob(SOURCES[4]))
    found = [
        (rel(path, root), list(enumerate(path.read_text(encoding="utf-8").split("\n"), 1)))
        for path in files
        if path.is_file()
    ]
    if page is not None:
        lines = list(enumerate(page.front.splitlines(), 2)) + list(enumerate(page.body.split("\n"), page.body_line))
        found.insert(0, (page.where, lines))
    if registry_first:
        found.sort(key=lambda source: source[0] != SOURCES[2])
    return found


def source_of(words: str, sources: list) -> tuple[str, str] | None:
    """(file:LINE, the line as written) of the first line of `sources` (as
    `_sources` gives them) that has `words` (the words at a mark, as the
    built page shows them: ending with it, or starting with '«'), trying
    five, three, then two of them."""
    split = words.split()
    for n in (5, 3, 2):
        needle = flatten(" ".join(split[:n] if words.startswith("«") else split[-n:]))
        if len(split) < n or not needle:
            continue
        for name, lines in sources:
            for number, line in lines:
                if needle in flatten(line):
                    return at(name, number), line
    return None


def _context(text: str, i: int) -> str:
    """The words around the mark at `i`: a few before it, and the one after."""
    before = text[max(0, i - 40) : i]
    if i > 40 and " " in before:
        before = before[before.index(" ") + 1 :]  # no cut word at the start
    after = re.match(r".\s*\S*", text[i:], re.S).group()
    return " ".join((before + after).split())


def check_page(soup, built: str, page: Page | None, root: Path) -> list[Problem]:
    """Every breakable space, or missing one, at a French mark of the built page `built`."""
    problems, sources = [], {}
    for text, i, what, el in text_faults(soup) + attribute_faults(soup):
        mark = text[i]
        words = " ".join((text[i : i + 40] if mark == "«" else text[max(0, i - 40) : i + 1]).split())
        in_registry = el is not None and any("source-entry" in (p.get("class") or []) for p in [el, *el.parents])
        if in_registry not in sources:
            sources[in_registry] = _sources(page, root, in_registry)
        found = source_of(words, sources[in_registry])
        # The source's own spelling of this mark and its neighbour, markup aside.
        if mark == "«":
            kept = rf"«[{SPACES}][*_]*{re.escape(text[i + 1 :].split()[0])}" if text[i + 1 :].split() else "«"
        else:
            kept = (
                rf"{re.escape(text[:i].split()[-1])}[*_`\]}}]*[{SPACES}]{re.escape(mark)}" if text[:i].split() else mark
            )
        if found is None:
            where, fix = built, f"the theme or the engine writes it (override its template in docs/.overrides); {FIX}"
        elif re.search(kept, found[1]):
            where, fix = found[0], f"the source has it and the build lost it ({LOST}); {FIX}"
        else:
            where, fix = found[0], FIX
        shown = _context(text, i)
        on = "" if where == built else f"{built}: "
        problems.append(Problem(where, f"{on}'{shown}' has {what}", fix))
    return problems
