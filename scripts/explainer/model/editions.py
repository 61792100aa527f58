"""The language editions, their pages, and where each page is published."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .layout import ROOT, rel


@dataclass(frozen=True)
class Edition:
    """One language edition.

    lang: its language code (`en`, `fr`).
    config: its engine config, relative to the repository root.
    docs: its pages folder, relative to the repository root.
    prefix: where it sits in the published site (`""` or `"fr/"`).
    """

    lang: str
    config: str
    docs: str
    prefix: str

    def docs_dir(self, root: Path = ROOT) -> Path:
        return root / self.docs


EDITIONS = (
    Edition("en", "mkdocs.yml", "docs/en", ""),
    Edition("fr", "mkdocs.fr.yml", "docs/fr", "fr/"),
)
DEFAULT = EDITIONS[0]
DEFAULT_LANG = DEFAULT.lang

# Pages about the site itself. They make no factual claim of their own, so
# their `sources` list may be empty and they carry no status labels.
META_PAGES = {"about.md"}


def edition(lang: str) -> Edition:
    """The edition for `lang`; KeyError naming the known ones otherwise."""
    for ed in EDITIONS:
        if ed.lang == lang:
            return ed
    raise KeyError(f"no edition for language {lang!r}; known: {[e.lang for e in EDITIONS]}")


def is_page(path: Path, base: Path) -> bool:
    """A Markdown file of an edition; dot-folders (.data, .overrides …) never hold pages."""
    return path.suffix == ".md" and not any(part.startswith(".") for part in path.relative_to(base).parts)


def discover_pages(root: Path = ROOT) -> list[Path]:
    """Every Markdown page of every edition, edition by edition, sorted."""
    pages = []
    for ed in EDITIONS:
        base = ed.docs_dir(root)
        pages += [path for path in sorted(base.rglob("*.md")) if is_page(path, base)]
    return pages


def page_slug(path: Path, root: Path = ROOT) -> tuple[str, str]:
    """(lang, path inside the edition) of a page, e.g. ('fr', 'treaty.md').

    Raises ValueError for a file outside every edition's pages folder."""
    where = rel(path, root)
    for ed in EDITIONS:
        if where.startswith(ed.docs + "/"):
            return ed.lang, where[len(ed.docs) + 1 :]
    raise ValueError(f"{where} is not inside any edition's docs folder")


def page_url(slug: str) -> str:
    """A page's address inside its edition (directory URLs): treaty.md → treaty/, index.md → ''."""
    stem = slug.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def built_path(lang: str, slug: str) -> str:
    """Where a page lands in the site: ('fr', 'treaty.md') → fr/treaty/index.html."""
    return edition(lang).prefix + page_url(slug) + "index.html"


def source_of(built: str) -> tuple[str, str] | None:
    """The (lang, slug) a built page comes from, the inverse of `built_path`:
    'fr/treaty/index.html' → ('fr', 'treaty.md'); None for files no page
    writes (404.html, assets)."""
    if not built.endswith("index.html"):
        return None
    inner_all = built.removesuffix("index.html")
    # The longest prefix wins: fr/… belongs to the French edition, not the default one.
    for ed in sorted(EDITIONS, key=lambda e: -len(e.prefix)):
        if inner_all.startswith(ed.prefix):
            inner = inner_all[len(ed.prefix) :].rstrip("/")
            return ed.lang, f"{inner or 'index'}.md"
    return None


def markdown_path(lang: str, slug: str) -> str:
    """The repository path of a page: ('fr', 'treaty.md') → docs/fr/treaty.md."""
    return f"{edition(lang).docs}/{slug}"
