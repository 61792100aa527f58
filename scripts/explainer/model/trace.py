"""From a built page back to what an editor changes.

A check that reads the built HTML finds `treaty/index.html`, but the editor
edits `docs/en/treaty.md`, or a template, or a config. `Tracer` names the
Markdown file and line for content the page's Markdown wrote, and the theme
or config for everything around it.
"""

from __future__ import annotations

from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

from .editions import edition, markdown_path, source_of
from .layout import ROOT, rel
from .pages import Page, split_front_matter


class Tracer:
    """Finds the Markdown line behind content of a built page.

    root: the repository the site was built from (pages are read from it).
    """

    def __init__(self, root: Path = ROOT):
        self.root = root
        self._pages: dict[str, Page | None] = {}

    def page(self, built: str) -> Page | None:
        """The Markdown page that writes the built file `built` (site-relative), if any."""
        if built not in self._pages:
            found = source_of(built)
            page = None
            if found:
                path = self.root / markdown_path(*found)
                if path.is_file():
                    page, _ = split_front_matter(path, root=self.root)
            self._pages[built] = page
        return self._pages[built]

    def where(self, built: str, *needles: str, in_content: bool = True) -> str:
        """`docs/en/treaty.md:42` for content of the built page `built` that
        contains one of `needles`; `docs/en/treaty.md` when no line matches;
        for content outside the page's own article (`in_content` false), the
        Markdown file and its built page; for a built file no page writes
        (404.html, assets), the built file."""
        page = self.page(built)
        if page is None:
            return built
        if not in_content:
            return f"{page.where} (built as {built})"
        return page.at(*needles)

    def markdown_link(self, built: str, href: str) -> list[str]:
        """How the Markdown of `built` probably wrote a link that the engine
        turned into `href`: '(glossary.md#nato' for '../glossary/#nato'
        (pages link to each other's .md files, relative to the edition)."""
        page = self.page(built)
        parts = urlsplit(href)
        if page is None or parts.scheme or parts.netloc:
            return [href]
        if not parts.path:
            return [f"(#{parts.fragment})", href]
        here = "/" + built.removesuffix("index.html")
        target = normpath(unquote(urljoin(here, parts.path))).lstrip("/")
        prefix = edition(page.lang).prefix.rstrip("/")
        inner = target[len(prefix) :].lstrip("/") if prefix and target.startswith(prefix) else target
        slug = "index.md" if inner in ("", ".") else inner.rstrip("/") + ".md"
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return [f"({slug}{fragment}", f"{slug}{fragment}", href]


def built_where(site: Path, path: Path) -> str:
    """A built file's path inside the site, as Tracer expects it."""
    return rel(path, site)
