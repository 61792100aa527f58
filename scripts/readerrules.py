"""Reader features on the built pages: the last-reviewed line, the corrections
log in the footer, share previews, the "not found" page, the sitemap and
robots.txt, and the print stylesheet."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

from contentrules import content_root
from siterules import DEFAULT_LANG, EDITIONS, Page, Problem, built_path, format_date, page_slug, parse_html, rel, target_file

# Open Graph locale of each edition (docs/.overrides/main.html uses the same).
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR"}
SHARE_IMAGE = "assets/images/share.png"  # inside each edition, from docs/.overrides/assets
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_MAX_BYTES = 100_000


def page_url(slug: str) -> str:
    """A page's address inside its edition: treaty.md → treaty/, index.md → ''."""
    return built_path(DEFAULT_LANG, slug).removesuffix("index.html")


def check_reviewed_line(soup, page: Page, lang: str, label: str, where: str) -> list[Problem]:
    """The page shows when its facts were last checked, in its own language."""
    reviewed = page.meta.get("reviewed")
    reviewed = dt.date.fromisoformat(reviewed) if isinstance(reviewed, str) else reviewed
    line = soup.select_one(".explainer-reviewed")
    fix = "keep docs/.overrides/partials/source-file.html, which prints the front-matter 'reviewed' date under every page"
    if line is None or line.find("time") is None:
        return [Problem(where, f"no '{label}' line under the page", fix)]
    time = line.find("time")
    problems = []
    if not line.get_text(" ", strip=True).startswith(label):
        problems.append(Problem(where, f"the reviewed line does not start with '{label}'", "use extra.labels.reviewed from the edition's config"))
    if time.get("datetime") != reviewed.isoformat():
        problems.append(Problem(where, f"<time datetime> is {time.get('datetime')!r}; the front matter says reviewed: {reviewed.isoformat()}", fix))
    wanted = format_date(reviewed, lang)
    if time.get_text(strip=True) != wanted:
        problems.append(Problem(where, f"the reviewed date reads '{time.get_text(strip=True)}'; readers of the {lang} edition expect '{wanted}'", "print it with the long_date filter and the edition's language"))
    return problems


def check_footer_corrections(soup, where: str, label: str, site: Path, target: str) -> list[Problem]:
    """The footer links to the corrections log: `target` is its address inside
    the site, e.g. 'fr/about/#journal-des-corrections'."""
    from posixpath import normpath
    from urllib.parse import urljoin

    fix = "keep docs/.overrides/partials/copyright.html and extra.labels.corrections_page in the edition's config"
    footer = soup.select_one("footer")
    links = [a for a in (footer.find_all("a", href=True) if footer else []) if a.get_text(" ", strip=True) == label]
    if not links:
        return [Problem(where, f"the footer has no '{label}' link", fix)]
    href = links[0]["href"]
    here = "/" + where.removesuffix("index.html")  # pages are served at their folder's address
    landed = urljoin(here, href)
    path, _, fragment = landed.partition("#")
    wanted_path, _, wanted_fragment = ("/" + target).partition("#")
    if normpath(path).rstrip("/") != normpath(wanted_path).rstrip("/") or fragment != wanted_fragment:
        return [Problem(where, f"the footer's '{label}' link {href} leads to {landed}, not /{target}", fix)]
    page = target_file(site, wanted_path)
    if page is None:
        return [Problem(where, f"the footer's '{label}' link leads to {wanted_path}, which does not exist", "restore the About page")]
    if not parse_html(page).find(id=wanted_fragment):
        return [
            Problem(
                where,
                f"the footer's '{label}' link points to #{wanted_fragment}, but {rel(page, site)} has no such heading",
                "keep the corrections-log heading on the About page, or update extra.labels.corrections_page",
            )
        ]
    return []


def check_share_meta(soup, where: str, expected: dict[str, str]) -> list[Problem]:
    """Open Graph and Twitter card tags, as link previews read them."""
    found = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key and key not in found:
            found[key] = meta.get("content")
    problems = []
    for key, value in expected.items():
        if found.get(key) != value:
            problems.append(
                Problem(
                    where,
                    f"<meta {'name' if key.startswith('twitter:') else 'property'}=\"{key}\"> is {found.get(key)!r}; expected {value!r}",
                    "see the share-preview block in docs/.overrides/main.html (it reads the page's front matter)",
                )
            )
    return problems


def expected_share_meta(page: Page, lang: str, config: dict, title: str) -> dict[str, str]:
    """What check_share_meta expects for a page; `title` is the page's nav or
    front-matter title (the home page uses the site name instead)."""
    _, slug = page_slug(page.path)
    root = next(a["root"] for a in config["extra"]["alternate"] if a["lang"] == lang)
    return {
        "og:type": "website",
        "og:site_name": config["site_name"],
        "og:title": config["site_name"] if slug == "index.md" else title,
        "og:description": page.meta.get("description") or config["site_description"],
        "og:url": root + page_url(slug),
        "og:locale": OG_LOCALES[lang],
        "og:image": config["site_url"] + SHARE_IMAGE,
        "og:image:width": str(SHARE_IMAGE_SIZE[0]),
        "og:image:height": str(SHARE_IMAGE_SIZE[1]),
        "twitter:card": "summary_large_image",
    }


def check_share_image(path: Path) -> list[Problem]:
    """A PNG of the size previews expect, small enough to load quickly."""
    import struct

    where = rel(path)
    fix = "redraw it with scripts/shareimage.py (see its docstring)"
    if not path.is_file():
        return [Problem(where, "the share image is missing", fix)]
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return [Problem(where, "is not a PNG file", fix)]
    width, height = struct.unpack(">II", data[16:24])
    problems = []
    if (width, height) != SHARE_IMAGE_SIZE:
        problems.append(Problem(where, f"is {width}×{height} pixels; share previews expect {SHARE_IMAGE_SIZE[0]}×{SHARE_IMAGE_SIZE[1]}", fix))
    if len(data) > SHARE_IMAGE_MAX_BYTES:
        problems.append(Problem(where, f"is {len(data) // 1000} KB; keep it under {SHARE_IMAGE_MAX_BYTES // 1000} KB", "use fewer colours (a palette PNG), then " + fix))
    return problems


def check_not_found_page(site: Path, origin: str, base_path: str, roots: dict[str, str], missing: str = "a/b/c/missing") -> list[Problem]:
    """The root 404.html, which GitHub Pages serves for any missing address of
    either edition: it speaks every edition's language, and its links work
    when it is served at a deep address (`missing`, inside the site)."""
    from urllib.parse import unquote, urljoin

    path = site / "404.html"
    where = "404.html"
    fix = "see docs/.overrides/404.html"
    if not path.is_file():
        return [Problem(where, "is missing; GitHub Pages would show its own English-only page", fix)]
    soup = parse_html(path)
    body = content_root(soup)
    problems = []
    served_at = origin + base_path + missing
    targets = set()
    for a in body.find_all("a", href=True):
        href = a["href"]
        absolute = urljoin(served_at, href)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != origin or not unquote(parts.path).startswith(base_path):
            problems.append(Problem(where, f"link {href}, served at {served_at}, leaves the site ({absolute})", f"build its links from extra.alternate roots; {fix}"))
            continue
        inside = unquote(parts.path)[len(base_path) :]
        if target_file(site, inside) is None:
            problems.append(Problem(where, f"link {href}, served at {served_at}, leads to {absolute}, which does not exist", f"use root-relative links (starting with {base_path}); {fix}"))
        targets.add(origin + unquote(parts.path))
    page_lang = (soup.html or {}).get("lang")
    for lang, root in roots.items():
        if lang != page_lang and not body.find(attrs={"lang": lang}):
            problems.append(Problem(where, f"has no part marked lang=\"{lang}\"", f"every edition's readers land here; write a {lang} part with lang=\"{lang}\"; {fix}"))
        for inner in ("", "sources/"):
            if root + inner not in targets:
                problems.append(Problem(where, f"does not link to {root + inner}", f"link each edition's home and sources pages; {fix}"))
    return problems


def check_sitemap(site: Path, roots: dict[str, str], pages: list[tuple[str, str]]) -> list[Problem]:
    """One root sitemap.xml lists every page of every edition, with hreflang
    alternates, and robots.txt points to it. `pages`: (lang, slug) pairs."""
    fix = "it is written after the build by scripts/sitemap.py (registered in scripts/postbuild.py)"
    path = site / "sitemap.xml"
    if not path.is_file():
        return [Problem("sitemap.xml", "is missing", fix)]
    text = path.read_text(encoding="utf-8")
    problems = []
    for lang, slug in pages:
        url = roots[lang] + page_url(slug)
        if f"<loc>{url}</loc>" not in text:
            problems.append(Problem("sitemap.xml", f"does not list {url}", fix))
        for other, other_root in roots.items():
            if (other, slug) in pages and f'hreflang="{other}" href="{other_root + page_url(slug)}"' not in text:
                problems.append(Problem("sitemap.xml", f"has no {other} alternate for {url}", fix))
                break
    for ed in EDITIONS[1:]:
        if (site / ed.prefix / "sitemap.xml").exists():
            problems.append(Problem(f"{ed.prefix}sitemap.xml", "is still published; search engines should find one sitemap", fix))
    robots = site / "robots.txt"
    wanted = f"Sitemap: {roots[DEFAULT_LANG]}sitemap.xml"
    if not robots.is_file():
        problems.append(Problem("robots.txt", "is missing", fix))
    elif wanted not in robots.read_text(encoding="utf-8").splitlines() or "Disallow: /" in robots.read_text(encoding="utf-8"):
        problems.append(Problem("robots.txt", f"must allow every crawler and say '{wanted}'", fix))
    return problems


def css_media_blocks(css: str, media: str) -> list[str]:
    """The bodies of every `@media <media> { … }` block (comments removed)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    blocks = []
    for match in re.finditer(rf"@media\s+{re.escape(media)}\s*\{{", css):
        depth, i = 1, match.end()
        while depth and i < len(css):
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        blocks.append(css[match.end() : i - 1])
    return blocks


def check_print_css(css: str, where: str) -> list[Problem]:
    """On paper: the article alone, with external link addresses written out."""
    body = " ".join(css_media_blocks(css, "print"))
    problems = []
    shows_urls = re.search(r'a\[href\^="?http"?\]::?after\s*\{[^}]*content:\s*"\s*\("\s*attr\(href\)', body)
    if not shows_urls:
        problems.append(Problem(where, "the print styles do not write out external link addresses", 'add a[href^="http"]::after { content: " (" attr(href) ")" } inside @media print'))
    hidden = {sel.strip() for rule in re.findall(r"([^{}]+)\{[^}]*display:\s*none", body) for sel in rule.split(",")}
    for selector in (".md-header", ".md-sidebar", ".md-footer"):
        if selector not in hidden:
            problems.append(Problem(where, f"the print styles do not hide {selector}", f"add {selector} to the display: none rule inside @media print"))
    return problems

