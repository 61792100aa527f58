"""A page's Markdown as blocks, each with its line: headings, paragraphs,
list items, table rows, definitions, admonitions, footnotes, HTML and code.

The rules on claims read pages at this level, because an editor writes
them at this level: "the paragraph on line 42 has no footnote". It is a
scanner for the Markdown this site uses (Python-Markdown with admonitions,
definition lists, tables, footnotes and `markdown` HTML blocks), not a full
parser, and it reads only the source, so it works whatever engine builds
the site, and even when the build fails.

An editor marks a block that is deliberately not a claim (a sentence about
the site itself) with an HTML comment that says why, on the line before the
block or inside it:

    <!-- not a claim: this sentence is about the site -->

Readers never see it; the rules read it with `Block.marker`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pages import FOOTNOTE_REF, Page

# The exception marker: "not a claim", then ":" and the reason.
MARKER = re.compile(r"<!--\s*not a claim\b\s*:?(.*?)-->", re.S | re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)
FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w\s-]*?)?(?:\s+\"(.*)\")?\s*$")
FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:")
LINK_DEF = re.compile(r"^\[[^\]^][^\]]*\]:\s+\S")
ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:")
ITEM = re.compile(r"^([-*+]|\d+[.)])\s+(.*)$")
DEFINITION = re.compile(r"^:\s{1,3}(.*)$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
RULE_LINE = re.compile(r"^([-*_])(\s*\1){2,}\s*$")
ATTR_LIST = re.compile(r"^\{:?[^}]*\}\s*$")
HTML_OPEN = re.compile(r"^<([a-zA-Z][\w-]*)([^>]*)>")
MARKDOWN_HTML = re.compile(r"\smarkdown(=\"?(1|block)\"?)?[\s>]")
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}

# Kinds of block that can state a fact, and so may need a label and a footnote.
PROSE = ("paragraph", "item", "row", "definition", "quote")


@dataclass
class Block:
    """One block of a page.

    kind: heading, paragraph, item, row, head (a table's header row), term,
        definition, quote, admonition (its title line), footnote, html,
        comment, code.
    line: the 1-based line of the file where it starts.
    text: its Markdown, continuation lines joined with spaces, without the
        list marker, the '>' or the indentation.
    level: a heading's level; for the others, how deep in admonitions and
        lists it sits.
    marker: None, or the reason given by a "not a claim" comment before or
        inside the block ("" when the comment gives none).
    """

    kind: str
    line: int
    text: str
    level: int = 0
    marker: str | None = None

    @property
    def prose(self) -> str:
        """The text without comments."""
        return " ".join(COMMENT.sub(" ", self.text).split())

    @property
    def footnotes(self) -> list[str]:
        return FOOTNOTE_REF.findall(self.text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedent(lines: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    return [(n, line[width:] if _indent(line) >= width else line.lstrip(" ")) for n, line in lines]


def _html_end(lines: list[tuple[int, str]], i: int, tag: str) -> int:
    """Index just after the HTML block that opens at lines[i] with `tag`."""
    if tag in VOID:
        while i < len(lines) and lines[i][1].strip():
            i += 1
        return i
    depth = 0
    opener, closer = re.compile(rf"<{tag}[\s>]", re.I), re.compile(rf"</{tag}\s*>", re.I)
    while i < len(lines):
        text = lines[i][1]
        depth += len(opener.findall(text)) - len(closer.findall(text))
        i += 1
        if depth <= 0:
            return i
    return i


def _scan(lines: list[tuple[int, str]], depth: int, out: list[Block]) -> None:
    i = 0
    para: Block | None = None

    def close() -> None:
        nonlocal para
        if para is not None:
            out.append(para)
            para = None

    while i < len(lines):
        number, raw = lines[i]
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            close()
            i += 1
            continue
        if para is not None and para.kind in ("paragraph", "item", "definition", "quote"):
            # A lazy continuation line, unless a new block starts here.
            starts_block = (
                FENCE_OPEN.match(stripped)
                or HEADING.match(line)
                or ITEM.match(stripped)
                or DEFINITION.match(line)
                or stripped.startswith(("<!--", "|", "!!!", "???"))
                or FOOTNOTE_DEF.match(stripped)
            )
            if not starts_block and not (para.kind == "item" and ITEM.match(stripped)):
                para.text += " " + stripped.removeprefix("> ") if para.kind == "quote" else " " + stripped
                i += 1
                continue
            close()
        if fence := FENCE_OPEN.match(stripped):
            end = i + 1
            while end < len(lines) and not lines[end][1].strip().startswith(fence.group(1)):
                end += 1
            out.append(Block("code", number, "\n".join(t for _, t in lines[i + 1 : end]), depth))
            i = end + 1
            continue
        if heading := HEADING.match(line):
            out.append(Block("heading", number, heading.group(2), len(heading.group(1))))
            i += 1
            continue
        if admonition := ADMONITION.match(line):
            out.append(Block("admonition", number, admonition.group(2) or "", depth))
            end = i + 1
            while end < len(lines) and (not lines[end][1].strip() or _indent(lines[end][1]) >= 4):
                end += 1
            _scan(_dedent(lines[i + 1 : end], 4), depth + 1, out)
            i = end
            continue
        if stripped.startswith("<!--"):
            end = i
            while end < len(lines) and "-->" not in lines[end][1]:
                end += 1
            out.append(Block("comment", number, " ".join(t.strip() for _, t in lines[i : end + 1]), depth))
            i = end + 1
            continue
        if html := HTML_OPEN.match(stripped):
            tag = html.group(1).lower()
            end = _html_end(lines, i, tag)
            if MARKDOWN_HTML.search(html.group(0).replace(">", " >")) and end - i >= 2:
                # <div markdown>…</div>: the inside is Markdown.
                out.append(Block("html", number, stripped, depth))
                _scan(lines[i + 1 : end - 1], depth, out)
            else:
                out.append(Block("html", number, " ".join(t.strip() for _, t in lines[i:end]), depth))
            i = end
            continue
        if FOOTNOTE_DEF.match(stripped) or LINK_DEF.match(stripped) or ABBR_DEF.match(stripped):
            kind = "footnote" if FOOTNOTE_DEF.match(stripped) else "reference"
            end = i + 1
            while end < len(lines) and lines[end][1].strip() and _indent(lines[end][1]) >= 4:
                end += 1
            out.append(Block(kind, number, " ".join(t.strip() for _, t in lines[i:end]), depth))
            i = end
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1][1].strip()):
            out.append(Block("head", number, stripped, depth))
            i += 2
            while i < len(lines) and lines[i][1].strip().startswith("|"):
                out.append(Block("row", lines[i][0], lines[i][1].strip(), depth))
                i += 1
            continue
        if definition := DEFINITION.match(line):
            if out and out[-1].kind == "paragraph" and not out[-1].footnotes:
                out[-1].kind = "term"
            para = Block("definition", number, definition.group(1).strip(), depth)
            end = i + 1
            while end < len(lines) and lines[end][1].strip() and _indent(lines[end][1]) >= 4:
                para.text += " " + lines[end][1].strip()
                end += 1
            i = end
            continue
        if item := ITEM.match(stripped):
            para = Block("item", number, item.group(2).strip(), depth + _indent(line) // 2 + 1)
            i += 1
            continue
        if stripped.startswith(">"):
            para = Block("quote", number, stripped.lstrip("> ").strip(), depth)
            i += 1
            continue
        if RULE_LINE.match(stripped) or ATTR_LIST.match(stripped):
            i += 1
            continue
        para = Block("paragraph", number, stripped, depth)
        i += 1
    close()


def blocks(page: Page) -> list[Block]:
    """The page's blocks in order, each "not a claim" comment attached to the
    block it stands before (or in) as that block's `marker`."""
    numbered = list(enumerate(page.body.split("\n"), page.body_line))
    found: list[Block] = []
    _scan(numbered, 0, found)
    pending: str | None = None
    for block in found:
        inside = MARKER.search(block.text) if block.kind != "comment" else None
        if block.kind == "comment":
            mark = MARKER.search(block.text)
            if mark:
                pending = mark.group(1).strip()
            continue
        if inside:
            block.marker = inside.group(1).strip()
        elif pending is not None:
            block.marker = pending
        pending = None
    return found


def markers(page: Page) -> list[tuple[int, str]]:
    """(line, reason) of every "not a claim" comment of the page."""
    out = []
    for match in MARKER.finditer(page.body):
        out.append((page.body_line + page.body.count("\n", 0, match.start()), match.group(1).strip()))
    return out
