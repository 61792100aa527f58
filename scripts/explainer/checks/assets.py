"""The project's own assets: every one of them is used by some page or
stylesheet, so nothing dead is published."""

from __future__ import annotations

import re
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

from ..model.config import published
from ..model.editions import EDITIONS
from ..model.html import extract_links, html_pages, parse
from ..model.layout import OVERRIDES, ROOT, rel
from ..model.problems import Problem
from .links import is_external

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
# A script's address in a string of an inline script: "../assets/x.js#…"
SCRIPT_URL = re.compile(r"""["']([^"'\s?#]+\.js)(?:[?#][^"']*)?["']""")


def own_assets(root: Path = ROOT) -> dict[str, set[str]]:
    """{edition prefix: asset paths inside the edition} for the project's own
    assets: non-Markdown files in the pages folders and the theme overrides."""
    theme = OVERRIDES / "assets"
    out = {}
    for ed in EDITIONS:
        found = {f"assets/{p.relative_to(theme).as_posix()}" for p in theme.rglob("*") if p.is_file()}
        base = ed.docs_dir(root)
        found |= {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file() and p.suffix != ".md"}
        out[ed.prefix] = found
    return out


def check_unused_assets(site: Path, assets: dict[str, set[str]] | None = None) -> list[Problem]:
    """Every asset of our own (`own_assets()` unless given) is referenced by
    some page or stylesheet of the built `site`, or started by a page's inline
    script (a worker, a script loaded on demand)."""
    assets = assets if assets is not None else own_assets()
    # Absolute links to the site itself count too (og:image must be absolute).
    origin, base = published()
    used: set[str] = set()
    for page in html_pages(site):
        here = "/" + rel(page, site)
        soup = parse(page)
        started = [
            url for script in soup.find_all("script", src=False) for url in SCRIPT_URL.findall(script.string or "")
        ]
        for link in [link for _, link in extract_links(soup)] + started:
            if link.startswith(origin + base):
                used.add(normpath(urlsplit(link).path[len(base) :]))
            elif not is_external(link):
                used.add(normpath(urljoin(here, urlsplit(link).path)).lstrip("/"))
    for css in site.rglob("*.css"):
        here = "/" + rel(css, site)
        for link in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if not is_external(link) and not link.startswith("data:"):
                used.add(normpath(urljoin(here, link)).lstrip("/"))
    problems = []
    for prefix, paths in assets.items():
        for asset in sorted(paths):
            if prefix + asset not in used:
                source = f"docs/.overrides/{asset}" if asset.startswith("assets/") else f"{prefix}{asset}"
                problems.append(
                    Problem(source, "no page uses this asset", "delete it, or reference it from a page or stylesheet")
                )
    return problems
