"""Post-build step: one sitemap for both editions, and robots.txt.

MkDocs writes a sitemap.xml per edition, so the French pages would only be
listed in fr/sitemap.xml, which search engines are never told about. This
merges every edition's sitemap into the root one, adds the hreflang
alternates that tie each page to its translation, and deletes the
per-edition copies. robots.txt is written here rather than kept in docs/en/,
where it would be a page asset that nothing links to.

Note that crawlers read robots.txt only at the root of a host: on a project
site (github.io/russia-north-korea-pact/) it takes effect once the site has a
domain of its own. The sitemap works either way (submit it, or keep it where
robots.txt points).
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from ..model.config import edition_roots
from ..model.editions import DEFAULT_LANG, EDITIONS
from ..model.layout import rel
from .context import Context, StepError

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def read_sitemap(path: Path) -> list[tuple[str, str | None]]:
    """(loc, lastmod) for every URL of one sitemap.xml."""
    tree = ET.parse(path)
    out = []
    for url in tree.getroot().findall(f"{{{SITEMAP_NS}}}url"):
        loc = (url.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        lastmod = url.findtext(f"{{{SITEMAP_NS}}}lastmod")
        if loc:
            out.append((loc, lastmod.strip() if lastmod else None))
    return out


def merged_sitemap(site: Path, roots: dict[str, str]) -> str:
    """The root sitemap text: every edition's URLs, each with its alternates."""
    from xml.sax.saxutils import escape

    urls: list[tuple[str, str, str | None]] = []  # (lang, page path inside the edition, lastmod)
    for ed in EDITIONS:
        path = site / ed.prefix / "sitemap.xml"
        if not path.is_file():
            raise StepError(
                f"{rel(path, site)} is missing: the {ed.lang} edition's build wrote no sitemap, so the one sitemap cannot list its pages"
            )
        for loc, lastmod in read_sitemap(path):
            root = roots[ed.lang]
            if not loc.startswith(root):
                raise StepError(
                    f"{rel(path, site)}: <loc>{loc}</loc> is outside the {ed.lang} edition ({root}); check site_url in {ed.config}"
                )
            urls.append((ed.lang, loc[len(root) :], lastmod))
    editions_of: dict[str, list[str]] = {}
    for lang, inner, _ in urls:
        editions_of.setdefault(inner, []).append(lang)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    default = DEFAULT_LANG
    for lang, inner, lastmod in urls:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(roots[lang] + inner)}</loc>")
        if lastmod:
            lines.append(f"    <lastmod>{escape(lastmod)}</lastmod>")
        langs = editions_of[inner]
        if len(langs) > 1:
            for other in langs:
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang="{other}" href="{escape(roots[other] + inner)}"/>'
                )
            if default in langs:
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang="x-default" href="{escape(roots[default] + inner)}"/>'
                )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(roots: dict[str, str]) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {roots[DEFAULT_LANG]}sitemap.xml\n"


def step(site: Path, context: Context) -> None:
    roots = edition_roots()
    text = merged_sitemap(site, roots)
    for ed in EDITIONS[1:]:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / ed.prefix / name).unlink(missing_ok=True)
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    # mtime=0: the same sitemap gives the same bytes on every build.
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    (site / "robots.txt").write_text(robots_txt(roots), encoding="utf-8")
