"""Reading built HTML, from any engine: one scanner for the post-build steps,
which edit pages in place and need each tag's offsets, and one parser for
the checks, which query them.

`scan` is the scanner: every start tag with its offsets, its attributes and
the names of the elements open around it, plus the raw text of <script> and
<style>. `parse` gives a Beautiful Soup tree (a well-kept HTML5-tolerant
parser beats anything hand-written for queries such as CSS selectors).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where a page's own content sits, whatever the engine's theme puts around it.
CONTENT = "article.md-content__inner"


@dataclass
class Tag:
    """A start tag: name, attributes, offsets of "<" and just after ">", the
    names of the open elements around it (outermost first), and the raw text
    of <script> and <style> elements."""

    name: str
    attrs: dict[str, str | None]
    start: int
    end: int
    ancestors: tuple[str, ...]
    text: str = ""


class _Scanner(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.lines = [0] + [m.end() for m in re.finditer("\n", html)]
        self.tags: list[Tag] = []
        self.stack: list[str] = []
        self.raw: Tag | None = None  # the <script>/<style> being read

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        found = Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()), tuple(self.stack))
        self.tags.append(found)
        if tag in ("script", "style"):
            self.raw = found
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()), tuple(self.stack)))

    def handle_data(self, data):
        if self.raw is not None:
            self.raw.text += data

    def handle_endtag(self, tag):
        self.raw = None
        if tag in self.stack:  # close it and anything left open inside it
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]


HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


def page_lang(html: str) -> str | None:
    """The language a built page declares in <html lang>, or None."""
    found = HTML_LANG.search(html)
    return found[1] if found else None


def scan(html: str) -> list[Tag]:
    """Every start tag of the document, in order."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.tags


def edit(html: str, edits: list[tuple[int, int, str]]) -> str:
    """`html` with html[start:end] replaced by text, for each (start, end, text)."""
    for start, end, text in sorted(edits, reverse=True):
        html = html[:start] + text + html[end:]
    return html


def parse(source: str | Path):
    """A Beautiful Soup tree of an HTML file (a Path) or of HTML text.

    A file is parsed once until it changes, however many rules read it, so
    the tree is shared: read it, never change it."""
    if isinstance(source, Path):
        stat = source.stat()
        return _parse_file(str(source.resolve()), stat.st_mtime_ns, stat.st_size)
    return _soup(source)


def _soup(text: str):
    from bs4 import BeautifulSoup  # only the checks need it, not the build

    return BeautifulSoup(text, "html.parser")


@functools.lru_cache(maxsize=64)
def _parse_file(path: str, mtime_ns: int, size: int):
    return _soup(Path(path).read_text(encoding="utf-8"))


def content_root(soup):
    """The page's own content, without the theme around it (found once per tree)."""
    if "_content_root" not in soup.__dict__:  # not getattr: Beautiful Soup reads it as a tag name
        tag, cls = CONTENT.split(".", 1)
        soup.__dict__["_content_root"] = soup.find(tag, class_=cls) or soup
    return soup.__dict__["_content_root"]


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site, sorted."""
    return sorted(site.rglob("*.html"))


def rewrite_pages(site: Path, change) -> None:
    """Apply `change(html) -> html` to every HTML file of a built site,
    writing back only the files it changes."""
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        changed = change(html)
        if changed != html:
            path.write_text(changed, encoding="utf-8")


def target_file(site: Path, path: str) -> Path | None:
    """The file a site path is served from (`treaty/` → treaty/index.html), or None."""
    candidate = site / path.lstrip("/")
    if path.endswith("/") or path == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "use": "href",
}


def extract_links(soup) -> list[tuple[object, str]]:
    """(element, url) for every link-bearing attribute in a parsed page:
    href and src, srcset candidates, and the Open Graph image and url."""
    links = []
    for tag, attr in LINK_ATTRS.items():
        for el in soup.find_all(tag):
            value = el.get(attr) or (el.get("xlink:href") if tag == "use" else None)
            if value:
                links.append((el, value.strip()))
    for el in soup.find_all(["img", "source"]):
        for part in (el.get("srcset") or "").split(","):
            if part.strip():
                links.append((el, part.split()[0]))
    for el in soup.find_all("meta", attrs={"property": re.compile("^og:(image|url)$")}):
        links.append((el, el.get("content", "")))
    return links
