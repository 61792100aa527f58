"""The files GitHub Pages serves besides the pages: the "not found" page, the
one sitemap with its hreflang alternates, and robots.txt."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..model.editions import DEFAULT_LANG, EDITIONS, page_url
from ..model.html import content_root, parse, target_file
from ..model.problems import Problem

NOT_FOUND_TEMPLATE = "docs/.overrides/404.html"
SITEMAP_STEP = "scripts/explainer/build/sitemap.py"


def check_not_found_page(
    site: Path,
    origin: str,
    base_path: str,
    roots: dict[str, str],
    missing: str = "a/b/c/missing",
    where: str = "404.html",
) -> list[Problem]:
    """An edition's "not found" page (`where`): the root 404.html, which
    GitHub Pages serves for any missing address of either edition, or the
    one it sends a reader of another edition on to (fr/404.html). It speaks
    every edition's language, and its links, the language switcher's too,
    work when it is served at a deep address (`missing`, inside the site)."""
    path = site / where
    fix = f"see {NOT_FOUND_TEMPLATE}"
    if not path.is_file():
        return [Problem(where, "is missing; GitHub Pages would show its own English-only page", fix)]
    soup = parse(path)
    body = content_root(soup)
    problems = []
    served_at = origin + base_path + missing
    targets = set()
    switcher = {a.get("hreflang"): urljoin(served_at, a["href"]) for a in soup.select("a.md-select__link[href]")}
    for lang, root in roots.items():
        if switcher.get(lang, root) != root:
            problems.append(
                Problem(
                    where,
                    f"the language switcher's {lang} link, served at {served_at}, leads to {switcher[lang]}, not to {root}",
                    "on a page without page.url, link each edition's root path; see docs/.overrides/partials/alternate.html",
                )
            )
    for a in body.find_all("a", href=True):
        href = a["href"]
        absolute = urljoin(served_at, href)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != origin or not unquote(parts.path).startswith(base_path):
            problems.append(
                Problem(
                    where,
                    f"link {href}, served at {served_at}, leaves the site ({absolute})",
                    f"build its links from extra.alternate roots; {fix}",
                )
            )
            continue
        inside = unquote(parts.path)[len(base_path) :]
        if target_file(site, inside) is None:
            problems.append(
                Problem(
                    where,
                    f"link {href}, served at {served_at}, leads to {absolute}, which does not exist",
                    f"use root-relative links (starting with {base_path}); {fix}",
                )
            )
        targets.add(origin + unquote(parts.path))
    page_lang = (soup.html or {}).get("lang")
    for lang, root in roots.items():
        if lang != page_lang and not body.find(attrs={"lang": lang}):
            problems.append(
                Problem(
                    where,
                    f'has no part marked lang="{lang}"',
                    f'every edition\'s readers land here; write a {lang} part with lang="{lang}"; {fix}',
                )
            )
        for inner in ("", "sources/"):
            if root + inner not in targets:
                problems.append(
                    Problem(
                        where, f"does not link to {root + inner}", f"link each edition's home and sources pages; {fix}"
                    )
                )
    return problems


def check_sitemap(site: Path, roots: dict[str, str], pages: list[tuple[str, str]]) -> list[Problem]:
    """One root sitemap.xml lists every page of every edition, with hreflang
    alternates, and robots.txt points to it. `pages`: (lang, slug) pairs."""
    fix = f"it is written after the build by {SITEMAP_STEP}"
    path = site / "sitemap.xml"
    if not path.is_file():
        return [Problem("sitemap.xml", "is missing", fix)]
    text = path.read_text(encoding="utf-8")
    problems = []
    for lang, slug in pages:
        url = roots[lang] + page_url(slug)
        if f"<loc>{url}</loc>" not in text:
            problems.append(Problem("sitemap.xml", f"does not list {url}", fix))
        if not all((other, slug) in pages for other in roots):
            continue  # a page missing from an edition has no alternates: the editions rule reports it
        for other, other_root in roots.items():
            if f'hreflang="{other}" href="{other_root + page_url(slug)}"' not in text:
                problems.append(Problem("sitemap.xml", f"has no {other} alternate for {url}", fix))
                break
    for ed in EDITIONS[1:]:
        if (site / ed.prefix / "sitemap.xml").exists():
            problems.append(
                Problem(f"{ed.prefix}sitemap.xml", "is still published; search engines should find one sitemap", fix)
            )
    robots = site / "robots.txt"
    wanted = f"Sitemap: {roots[DEFAULT_LANG]}sitemap.xml"
    if not robots.is_file():
        problems.append(Problem("robots.txt", "is missing", fix))
    elif wanted not in robots.read_text(encoding="utf-8").splitlines() or "Disallow: /" in robots.read_text(
        encoding="utf-8"
    ):
        problems.append(Problem("robots.txt", f"must allow every crawler and say '{wanted}'", fix))
    return problems
