"""What every rule of the suite is given: the repository's pages and source
registry, and the built site when there is one.

Pages whose front matter cannot be read, or breaks the schema, are reported
once, by the front-matter rule; `sound` leaves them out so that rules that
need a page's metadata skip it instead of reporting it again as something
else ("missing", "no reviewed line"…). Rules that read only the text use
`readable`, which still has their body.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..build.engines import DEFAULT_ENGINE, Engine
from ..model.config import deployed_config, edition_roots, published
from ..model.editions import EDITIONS, Edition, built_path, discover_pages
from ..model.html import parse
from ..model.layout import REGISTRY_FILE, ROOT
from ..model.pages import Page, body_only, split_front_matter
from ..model.problems import Problem
from ..model.trace import Tracer
from .front_matter import check_front_matter, check_unfinished
from .registry import load_registry


class _AnySource(dict):
    def __contains__(self, key) -> bool:
        return True


@dataclass
class Context:
    """root: the repository. site: its built site, or None when the build
    failed or was not run (rules that need it are then not run). engine:
    the engine that built it."""

    root: Path = ROOT
    site: Path | None = None
    engine: Engine = DEFAULT_ENGINE  # the engine that built `site`
    files: list[Path] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    readable: list[Page] = field(default_factory=list)  # and those whose front matter can't be read, body only
    registry: dict[str, dict] = field(default_factory=dict)
    # Problems found while reading: each page's front matter, the registry.
    front_matter: dict[Path, list[Problem]] = field(default_factory=dict)
    registry_problems: list[Problem] = field(default_factory=list)
    unfinished: list[Problem] = field(default_factory=list)  # new-page scaffolds still in place

    @classmethod
    def load(cls, root: Path = ROOT, site: Path | None = None, engine: Engine = DEFAULT_ENGINE) -> Context:
        ctx = cls(root=root, site=site, engine=engine)
        ctx.registry, ctx.registry_problems = load_registry(root / REGISTRY_FILE.relative_to(ROOT), root)
        ctx.files = discover_pages(root)
        for path in ctx.files:
            page, problems = split_front_matter(path, root=root)
            ctx.readable.append(page or body_only(path, root))
            if page:
                ctx.pages.append(page)
                problems = check_front_matter(page, ctx.known_sources)
                ctx.unfinished += check_unfinished(page)
            ctx.front_matter[path] = problems
        return ctx

    @property
    def known_sources(self) -> dict[str, dict]:
        """The registry, for rules that look ids up in it. When the registry
        cannot be read at all, every id counts as known: the one problem is
        the registry's, not every footnote's."""
        return self.registry if self.registry or not self.registry_problems else _AnySource()

    @property
    def sound(self) -> list[Page]:
        """Pages whose front matter follows every rule of the schema."""
        return [p for p in self.pages if not self.front_matter[p.path]]

    def by_lang(self, pages: list[Page] | None = None) -> dict[str, dict[str, Page]]:
        """{lang: {slug: page}} of `pages` (the sound ones by default)."""
        pages = self.sound if pages is None else pages
        return {ed.lang: {p.slug: p for p in pages if p.lang == ed.lang} for ed in EDITIONS}

    @functools.cached_property
    def configs(self) -> dict[str, dict]:
        return {ed.lang: deployed_config(ed.lang, self.root) for ed in EDITIONS}

    @functools.cached_property
    def tracer(self) -> Tracer:
        return Tracer(self.root)

    @property
    def published(self) -> tuple[str, str]:
        return published()

    @property
    def roots(self) -> dict[str, str]:
        return edition_roots()

    def built(self, page: Page) -> Path:
        return self.site / built_path(page.lang, page.slug)

    def soup(self, page: Page):
        """The built page, parsed once and shared by every rule: read it, never change it."""
        return parse(self.built(page))

    def edition(self, lang: str) -> Edition:
        return next(ed for ed in EDITIONS if ed.lang == lang)
