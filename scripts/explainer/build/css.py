"""A small CSS parser: enough for minified stylesheets, with their strings
and comments, to be taken apart into rules and put back together unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass

SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")
GROUPING = re.compile(r"@(media|supports|container|layer|scope|document)\b")


@dataclass
class Node:
    prelude: str  # selector list, or the at-rule up to its block
    body: str | list[Node] | None  # declarations; child nodes for @media and the like; None for `@charset …;`


def skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _skip_comment(css: str, i: int) -> int:
    """Index just after the comment that starts at i (`/*`)."""
    end = css.find("*/", i + 2)
    return len(css) if end < 0 else end + 2


def find_top(css: str, i: int, stop: str) -> int:
    """Index of the first character of `stop` at nesting depth 0 from i."""
    depth = 0
    while i < len(css):
        c = css[i]
        if c in "\"'":
            i = skip_string(css, i)
            continue
        if css.startswith("/*", i):
            i = _skip_comment(css, i)
            continue
        if depth == 0 and c in stop:
            return i
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        i += 1
    return i


def parse(css: str) -> list[Node]:
    nodes, _end = _parse(SOURCE_MAP.sub("", css), 0)
    return nodes


def _parse(css: str, i: int) -> tuple[list[Node], int]:
    nodes: list[Node] = []
    while True:
        while i < len(css):
            if css[i].isspace():
                i += 1
            elif css.startswith("/*", i):
                i = _skip_comment(css, i)
            else:
                break
        if i >= len(css) or css[i] == "}":
            return nodes, i + 1
        j = find_top(css, i, "{;}")
        prelude = css[i:j].strip()
        if j >= len(css) or css[j] != "{":
            if prelude:
                nodes.append(Node(prelude, None))
            i = j + 1 if j < len(css) and css[j] == ";" else j
        elif GROUPING.match(prelude):
            children, i = _parse(css, j + 1)
            nodes.append(Node(prelude, children))
        else:
            k = find_top(css, j + 1, "}")
            nodes.append(Node(prelude, css[j + 1 : k]))
            i = k + 1


def serialize(nodes: list[Node]) -> str:
    out = []
    for node in nodes:
        if node.body is None:
            out.append(node.prelude + ";")
        elif isinstance(node.body, list):
            inner = serialize(node.body)
            if inner:
                out.append(node.prelude + "{" + inner + "}")
        elif node.body.strip():
            out.append(node.prelude + "{" + node.body + "}")
    return "".join(out)


def split_top(text: str, sep: str) -> list[str]:
    """Split at `sep` outside brackets and strings."""
    parts, start, i = [], 0, 0
    while True:
        j = find_top(text, i, sep)
        parts.append(text[start:j])
        if j >= len(text):
            return parts
        start = i = j + 1
