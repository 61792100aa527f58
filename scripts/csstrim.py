"""Post-build step: drop the CSS rules of Material's stylesheets that nothing
on the site can match.

Material ships one stylesheet for every feature it has (code highlighting,
tabs, cards, grids, Mermaid, forty admonition icons …): 23 KB gzipped, of
which this site uses a third. The approach is PurgeCSS's: a selector is kept
when every class, id, element and attribute it names occurs in the built HTML
of the edition or in Material's JavaScript (which adds classes at run time:
search results, tooltips, states). Interactive states (:hover, :checked …)
and :not()/:is() are ignored, so they never cause a drop. Custom properties
that no kept rule, page or script uses are dropped too (most are the inlined
SVG icons of admonition types the site doesn't use). Only Material's own
hashed stylesheets are trimmed, never ours; ours are only shipped without
their comments (`uncomment_step`).
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Material's stylesheets, as the theme names them.
TRIMMED = ("main.*.min.css", "palette.*.min.css")
WORD = re.compile(r"-?[A-Za-z_][\w-]*")
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")
SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")
GROUPING = re.compile(r"@(media|supports|container|layer|scope|document)\b")


# Words in Material's JavaScript that it never writes into a page itself:
# admonition types and code highlighting come from the Markdown, `dir` from
# the template. Rules that need them go when no page has them.
MARKUP_ONLY_CLASSES = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite", "highlight", "highlighttable", "linenos", "linenodiv",
}
MARKUP_ONLY_ATTRS = {"dir"}
# Components Material's JavaScript builds only around markup of their own,
# {class prefix: what wakes it (a tag, a .class, or a key of the page's
# __config)}: with none of it on any page, their rules go.
DORMANT = {
    "md-code__": {"pre"},
    "md-annotation": {"pre", ".annotate"},
    "tabbed-": {".tabbed-set"},
    "mermaid": {".mermaid"},
    "md-version": {"config:version"},
    "md-tag": {".md-tags"},
    "md-source__fact": {"[data-md-component=source]"},
    "md-source__repository--active": {"[data-md-component=source]"},
}


# --------------------------------------------------------------------------
# A small CSS parser: enough for minified stylesheets, strings and comments
# --------------------------------------------------------------------------


@dataclass
class Node:
    prelude: str  # selector list, or the at-rule up to its block
    body: str | list[Node] | None  # declarations; child nodes for @media and the like; None for `@charset …;`


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _skip_comment(css: str, i: int) -> int:
    """Index just after the comment that starts at i (`/*`)."""
    end = css.find("*/", i + 2)
    return len(css) if end < 0 else end + 2


def _scan(css: str, i: int, stop: str) -> int:
    """Index of the first character of `stop` at nesting depth 0 from i."""
    depth = 0
    while i < len(css):
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
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
    nodes, end = _parse(SOURCE_MAP.sub("", css), 0)
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
        j = _scan(css, i, "{;}")
        prelude = css[i:j].strip()
        if j >= len(css) or css[j] != "{":
            if prelude:
                nodes.append(Node(prelude, None))
            i = j + 1 if j < len(css) and css[j] == ";" else j
        elif GROUPING.match(prelude):
            children, i = _parse(css, j + 1)
            nodes.append(Node(prelude, children))
        else:
            k = _scan(css, j + 1, "}")
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
        j = _scan(text, i, sep)
        parts.append(text[start:j])
        if j >= len(text):
            return parts
        start = i = j + 1


# --------------------------------------------------------------------------
# What the site uses
# --------------------------------------------------------------------------


@dataclass
class Used:
    tags: set[str] = field(default_factory=lambda: {"html", "body"})
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)  # (attribute, value) pairs
    words: set[str] = field(default_factory=set)  # from scripts: may be any of the above
    prefixes: set[str] = field(default_factory=set)  # `md-tag--${…}` in scripts: any class so named
    properties: set[str] = field(default_factory=set)  # custom properties used outside the trimmed CSS
    config: set[str] = field(default_factory=set)  # keys of Material's __config on the pages

    def add_html(self, html: str) -> None:
        collector = _Collector(self)
        collector.feed(html)
        collector.close()
        self.properties.update(CUSTOM_PROPERTY.findall(html))

    def add_script(self, js: str) -> None:
        self.words.update(WORD.findall(js))
        self.prefixes.update(TEMPLATE_PREFIX.findall(js))
        self.properties.update(CUSTOM_PROPERTY.findall(js))

    def has_class(self, name: str) -> bool:
        if name in self.classes:
            return True
        if name in MARKUP_ONLY_CLASSES:
            return False
        for prefix, wakers in DORMANT.items():
            if name.startswith(prefix) and not any(self.has_marker(w) for w in wakers):
                return False
        return name in self.words or name.startswith(tuple(self.prefixes))

    def has_marker(self, marker: str) -> bool:
        if marker.startswith("."):
            return marker[1:] in self.classes
        if marker.startswith("config:"):
            return marker[7:] in self.config
        if marker.startswith("["):
            name, value = marker[1:-1].split("=")
            return (name, value) in self.values
        return marker in self.tags

    def has_attr(self, name: str, op: str, value: str) -> bool:
        html_only = name in MARKUP_ONLY_ATTRS
        if name not in self.attrs and (html_only or name not in self.words):
            return False
        if op == "=" and (name, value) not in self.values:
            return not html_only and value in self.words
        return True

    def add_css(self, css: str) -> None:
        self.properties.update(re.findall(r"var\(\s*(--[\w-]+)", css))


class _Collector(HTMLParser):
    def __init__(self, used: Used):
        super().__init__(convert_charrefs=True)
        self.used = used
        self.in_config = False

    def handle_data(self, data):
        if self.in_config:
            with contextlib.suppress(ValueError, AttributeError):
                self.used.config.update(k for k, v in json.loads(data).items() if v is not None)

    def handle_endtag(self, tag):
        self.in_config = False

    def handle_starttag(self, tag, attrs):
        u = self.used
        u.tags.add(tag)
        self.in_config = tag == "script" and ("id", "__config") in attrs
        for name, value in attrs:
            u.attrs.add(name)
            if value is None:
                continue
            u.values.add((name, value))
            if name == "class":
                u.classes.update(value.split())
            elif name == "id":
                u.ids.add(value)

    handle_startendtag = handle_starttag


def _strip_pseudo(selector: str) -> str:
    """The selector without pseudo-classes/elements and their arguments."""
    out, i = [], 0
    while i < len(selector):
        c = selector[i]
        if c == "[":
            j = _scan(selector, i + 1, "]")
            out.append(selector[i : j + 1])
            i = j + 1
        elif c == ":":
            m = re.compile(r"::?[\w-]+").match(selector, i)
            i = m.end() if m else i + 1
            if i < len(selector) and selector[i] == "(":
                i = _scan(selector, i + 1, ")") + 1
        elif c in "\"'":
            j = _skip_string(selector, i)
            out.append(selector[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:\"([^\"]*)\"|'([^']*)'|([^\]\s]*))\s*(?:[is])?\s*)?\]")


def can_match(selector: str, used: Used) -> bool:
    """False only when the selector names something the site never has."""
    s = _strip_pseudo(selector)
    for name, op, v1, v2, v3 in ATTRIBUTE.findall(s):
        if not used.has_attr(name, op, v1 or v2 or v3):
            return False
    s = ATTRIBUTE.sub(" ", s)
    for cls in re.findall(r"\.(-?[A-Za-z_][\w-]*)", s):
        if not used.has_class(cls):
            return False
    for ident in re.findall(r"#(-?[A-Za-z_][\w-]*)", s):
        if ident not in used.ids and ident not in used.words:
            return False
    for tag in re.findall(r"(?:^|[\s>+~])([A-Za-z][\w-]*)", s):
        if tag.lower() not in used.tags and tag.lower() not in used.words:
            return False
    return True


# --------------------------------------------------------------------------
# Trimming
# --------------------------------------------------------------------------


def prune_rules(nodes: list[Node], used: Used) -> list[Node]:
    out = []
    for node in nodes:
        if isinstance(node.body, list):
            children = prune_rules(node.body, used)
            if children:
                out.append(Node(node.prelude, children))
        elif node.body is not None and not node.prelude.startswith("@"):
            keep = [s for s in split_top(node.prelude, ",") if can_match(s.strip(), used)]
            if keep:
                out.append(Node(",".join(keep), node.body))
        else:
            out.append(node)  # @charset, @keyframes, @font-face …: kept as they are
    return out


def prune_properties(sheets: list[list[Node]], used: Used) -> None:
    """Drop custom-property declarations nothing uses, until none is left."""
    while True:
        referenced = set(used.properties)
        for nodes in sheets:
            referenced.update(re.findall(r"var\(\s*(--[\w-]+)", serialize(nodes)))
        changed = False

        def walk(nodes: list[Node]) -> None:
            nonlocal changed
            for node in nodes:
                if isinstance(node.body, list):
                    walk(node.body)
                elif node.body is not None and not node.prelude.startswith("@"):
                    decls = split_top(node.body, ";")
                    kept = [d for d in decls if not (d.strip().startswith("--") and d.split(":", 1)[0].strip() not in referenced)]
                    if len(kept) != len(decls):
                        changed = True
                        node.body = ";".join(kept)

        for nodes in sheets:
            walk(nodes)
        if not changed:
            return


def trim_edition(root: Path, others: list[Path]) -> dict[Path, tuple[int, int]]:
    """Trim Material's stylesheets under root/assets/stylesheets against the
    HTML in `root` (minus the folders in `others`, other editions) and the
    scripts in root/assets/javascripts. Returns {file: (bytes before, after)}."""
    sheets_dir = root / "assets" / "stylesheets"
    files = sorted(p for pattern in TRIMMED for p in sheets_dir.glob(pattern))
    if not files:
        return {}
    used = Used()
    for page in root.rglob("*.html"):
        if not any(page.is_relative_to(o) for o in others):
            used.add_html(page.read_text(encoding="utf-8"))
    # The bundle builds the DOM; the search worker and stemmers never touch it.
    for script in (root / "assets" / "javascripts").glob("*.js"):
        used.add_script(script.read_text(encoding="utf-8"))
    for css in sheets_dir.glob("*.css"):
        if css not in files:
            used.add_css(css.read_text(encoding="utf-8"))
    before = {f: f.read_text(encoding="utf-8") for f in files}
    trees = {f: prune_rules(parse(text), used) for f, text in before.items()}
    prune_properties(list(trees.values()), used)
    sizes = {}
    for f, nodes in trees.items():
        out = serialize(nodes)
        f.write_text(out, encoding="utf-8")
        f.with_name(f.name + ".map").unlink(missing_ok=True)  # no longer matches
        sizes[f] = (len(before[f]), len(out))
    return sizes


def step(site: Path, preview: bool) -> None:
    """postbuild step: trim every edition's copy of Material's stylesheets."""
    import siterules

    roots = [site / ed.prefix for ed in siterules.EDITIONS]
    for root in roots:
        trim_edition(root, [o for o in roots if o != root and o.is_relative_to(root)])


# Our own stylesheets (docs/.overrides/assets/stylesheets/). Their comments
# say why each rule is there, for the people who edit them; readers would
# download them on every first view (about half of explainer.css gzipped).
OWN = ("explainer.css",)


def uncomment(css: str) -> str:
    """The stylesheet without its comments and the spaces between rules; the
    rules themselves are unchanged (strings are left alone)."""
    out, i = [], 0
    while i < len(css):
        if css[i] in "\"'":
            j = _skip_string(css, i)
            out.append(css[i:j])
            i = j
        elif css.startswith("/*", i):
            i = _skip_comment(css, i)
        else:
            out.append(css[i])
            i += 1
    return serialize(parse("".join(out)))


def uncomment_step(site: Path, preview: bool) -> None:
    """postbuild step: ship every edition's copy of our stylesheets without comments."""
    for path in sorted(site.rglob("assets/stylesheets/*.css")):
        if path.name in OWN:
            path.write_text(uncomment(path.read_text(encoding="utf-8")), encoding="utf-8")
