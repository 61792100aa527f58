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
hashed stylesheets are trimmed, never ours; ours are only minified
(`minify_step`, with rcssmin). One rule the pages could match is dropped
on purpose (`COSTLY`).
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin

from ..model.editions import EDITIONS
from ..model.html import scan
from .context import Context, StepError
from .css import Node, find_top, parse, serialize, skip_string, split_top

WORD = re.compile(r"-?[A-Za-z_][\w-]*")
CUSTOM_PROPERTY = re.compile(r"--[\w-]+")
TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")


# Words in Material's JavaScript that it never writes into a page itself:
# admonition types and code highlighting come from the Markdown, `dir` from
# the template. Rules that need them go when no page has them.
MARKUP_ONLY_CLASSES = {
    "note",
    "abstract",
    "summary",
    "tldr",
    "info",
    "todo",
    "tip",
    "hint",
    "important",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "warning",
    "caution",
    "attention",
    "failure",
    "fail",
    "missing",
    "danger",
    "error",
    "bug",
    "example",
    "quote",
    "cite",
    "highlight",
    "highlighttable",
    "linenos",
    "linenodiv",
}
MARKUP_ONLY_ATTRS = {"dir"}
# Attributes whose rules are dropped although pages have them, because they
# cost more than they give. [data-md-color-switching] turns every transition
# off while the palette changes; Material sets it and removes it when its
# script starts, at the reader's first activity, and each is a restyle of the
# whole page (about 25 ms each on the longest pages with the CPU slowed 4
# times), which a tap made meanwhile waits for. Without the rule, a palette
# switch fades a few colours over 125-250 ms instead of changing them at once.
COSTLY = {"data-md-color-switching"}
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
    "md-source": {"[data-md-component=source]", ".md-source"},
}


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
        for tag in scan(html):
            self.tags.add(tag.name)
            for name, value in tag.attrs.items():
                self.attrs.add(name)
                if value is None:
                    continue
                self.values.add((name, value))
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    self.ids.add(value)
            if tag.name == "script" and tag.attrs.get("id") == "__config":
                with contextlib.suppress(ValueError, AttributeError):
                    self.config.update(k for k, v in json.loads(tag.text).items() if v is not None)
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


def _strip_pseudo(selector: str) -> str:
    """The selector without pseudo-classes/elements and their arguments."""
    out, i = [], 0
    while i < len(selector):
        c = selector[i]
        if c == "[":
            j = find_top(selector, i + 1, "]")
            out.append(selector[i : j + 1])
            i = j + 1
        elif c == ":":
            m = re.compile(r"::?[\w-]+").match(selector, i)
            i = m.end() if m else i + 1
            if i < len(selector) and selector[i] == "(":
                i = find_top(selector, i + 1, ")") + 1
        elif c in "\"'":
            j = skip_string(selector, i)
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
        if name in COSTLY:
            return False
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

        def walk(nodes: list[Node], referenced=referenced) -> None:
            nonlocal changed
            for node in nodes:
                if isinstance(node.body, list):
                    walk(node.body)
                elif node.body is not None and not node.prelude.startswith("@"):
                    decls = split_top(node.body, ";")
                    kept = [
                        d
                        for d in decls
                        if not (d.strip().startswith("--") and d.split(":", 1)[0].strip() not in referenced)
                    ]
                    if len(kept) != len(decls):
                        changed = True
                        node.body = ";".join(kept)

        for nodes in sheets:
            walk(nodes)
        if not changed:
            return


def trim_edition(root: Path, others: list[Path], engine) -> dict[Path, tuple[int, int]]:
    """Trim the theme's stylesheets (the engine's `theme_stylesheets`, globs
    relative to `root`) against the HTML in `root` (minus the folders in
    `others`, other editions), the theme's scripts (`theme_scripts`) and its
    other stylesheets. Returns {file: (bytes before, after)}.

    Raises StepError when no stylesheet or no script matches: trimming
    nothing would pass unnoticed, and trimming without the scripts, which
    add classes at run time, would drop rules the pages need."""
    files = sorted(p for pattern in engine.theme_stylesheets for p in root.glob(pattern))
    scripts = sorted(p for pattern in engine.theme_scripts for p in root.glob(pattern))
    fix = f"update theme_stylesheets and theme_scripts for {engine.name} in scripts/explainer/build/engines.py"
    if not files:
        raise StepError(
            f"found none of the theme's stylesheets ({', '.join(engine.theme_stylesheets)}) in {root}; {fix}"
        )
    if not scripts:
        raise StepError(f"found none of the theme's scripts ({', '.join(engine.theme_scripts)}) in {root}; {fix}")
    sheets_dir = files[0].parent
    used = Used()
    for page in root.rglob("*.html"):
        if not any(page.is_relative_to(o) for o in others):
            used.add_html(page.read_text(encoding="utf-8"))
    for script in scripts:
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


def step(site: Path, context: Context) -> None:
    """Trim every edition's copy of the theme's stylesheets."""
    roots = [site / ed.prefix for ed in EDITIONS]
    for root in roots:
        trim_edition(root, [o for o in roots if o != root and o.is_relative_to(root)], context.engine)


# Our own stylesheets (docs/.overrides/assets/stylesheets/). Their comments
# say why each rule is there, for the people who edit them; readers would
# download them on every first view (about half of explainer.css gzipped).
OWN = ("explainer.css", "timeline.css")


def minify_step(site: Path, context: Context) -> None:
    """Ship every edition's copy of our stylesheets minified (rcssmin):
    without their comments and the whitespace that lays them out."""
    found = [path for path in sorted(site.rglob("assets/stylesheets/*.css")) if path.name in OWN]
    if len(found) < len(EDITIONS) * len(OWN):
        raise StepError(
            f"expected {', '.join(OWN)} in every edition's assets/stylesheets/, found {len(found)} copies; "
            "is theme.custom_dir still docs/.overrides?"
        )
    for path in found:
        path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
