"""Reader features on the built pages: the last-reviewed line, the corrections
log in the footer, the ways to a correction under each page, share previews
and the print stylesheet."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin

from ..model.editions import page_url
from ..model.html import parse, target_file
from ..model.language import format_date, format_month, og_locale, strings
from ..model.layout import rel
from ..model.pages import Page
from ..model.problems import Problem

SHARE_IMAGE = "assets/images/share.png"  # inside each edition, from docs/.overrides/assets
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_MAX_BYTES = 100_000
TEMPLATE = "docs/.overrides/partials/source-file.html"  # writes the reviewed line


def check_reviewed_line(soup, page: Page, where: str) -> list[Problem]:
    """The page shows, in its own language, when its facts were last checked
    (front matter `reviewed`) and, on a content page, up to which month its
    reporting goes (`reporting`). `where` names the page in messages."""
    words = strings(page.lang)
    reviewed = page.meta.get("reviewed")
    reviewed = dt.date.fromisoformat(reviewed) if isinstance(reviewed, str) else reviewed
    line = soup.select_one(".explainer-reviewed")
    fix = f"keep {TEMPLATE}, which prints the front-matter 'reviewed' and 'reporting' dates under every page"
    if line is None or line.find("time") is None:
        return [Problem(where, f"no '{words['reviewed']}' line under the page", fix)]
    problems = []
    if not line.get_text(" ", strip=True).startswith(words["reviewed"]):
        what = f"the reviewed line does not start with '{words['reviewed']}'"
        problems.append(Problem(where, what, "use extra.i18n.<language>.reviewed from mkdocs.yml"))
    expected = [("reviewed", line.find("time"), reviewed.isoformat(), format_date(reviewed, page.lang))]
    if page.meta.get("reporting"):
        month = str(page.meta["reporting"])
        shown = line.select_one(".explainer-reporting time")
        if shown is None or words["reporting"] not in line.get_text(" ", strip=True):
            problems.append(
                Problem(
                    where,
                    f"no '{words['reporting']} …' under the page, though the front matter says reporting: {month}",
                    fix,
                )
            )
        else:
            expected.append(("reporting", shown, month, format_month(dt.date.fromisoformat(month + "-01"), page.lang)))
    for key, time, value, text in expected:
        if time.get("datetime") != value:
            what = f"<time datetime> is {time.get('datetime')!r}; the front matter says {key}: {value}"
            problems.append(Problem(where, what, fix))
        elif time.get_text(strip=True) != text:
            what = f"the {key} date reads '{time.get_text(strip=True)}'; readers of the {page.lang} edition expect '{text}'"
            problems.append(
                Problem(where, what, f"print it with the month names of extra.i18n in mkdocs.yml ({TEMPLATE})")
            )
    return problems


def check_footer_corrections(soup, where: str, label: str, site: Path, target: str) -> list[Problem]:
    """The footer links to the corrections log: `target` is its address inside
    the site, e.g. 'fr/about/#journal-des-corrections'."""
    fix = "keep docs/.overrides/partials/copyright.html and extra.i18n.<language>.corrections_page in mkdocs.yml"
    footer = soup.select_one("footer")
    links = [a for a in (footer.find_all("a", href=True) if footer else []) if a.get_text(" ", strip=True) == label]
    if not links:
        return [Problem(where, f"the footer has no '{label}' link", fix)]
    return _lands_on(where, f"the footer's '{label}' link", links[0]["href"], site, target, fix)


def check_page_corrections(soup, where: str, words: dict, site: Path, target: str, edit_url: str) -> list[Problem]:
    """Under the page, where a reader who spots a mistake goes: the About
    page's section on suggesting a correction (`target`, its address inside
    the site) and the page's Markdown in the repository's web editor
    (`edit_url`)."""
    fix = f"keep the corrections line of {TEMPLATE} and extra.i18n.<language>.suggest_page in mkdocs.yml"
    line = soup.select_one(".explainer-correct")
    links = {a.get_text(" ", strip=True): a["href"] for a in (line.find_all("a", href=True) if line else [])}
    if words["suggest"] not in links:
        return [Problem(where, f"no '{words['suggest']}' link under the page", fix)]
    problems = _lands_on(where, f"the '{words['suggest']}' link", links[words["suggest"]], site, target, fix)
    if links.get(words["edit"]) != edit_url:
        problems.append(
            Problem(
                where,
                f"the '{words['edit']}' link under the page is {links.get(words['edit'])!r}, not {edit_url}",
                "it is page.edit_url, from repo_url and edit_uri in the configs (REPO_URL where the site is deployed)",
            )
        )
    return problems


def _lands_on(where: str, what: str, href: str, site: Path, target: str, fix: str) -> list[Problem]:
    """Problems of link `what`, whose href is `href` on page `where`, which
    must lead to `target` (an address inside the site, with its #heading)."""
    here = "/" + where.removesuffix("index.html")  # pages are served at their folder's address
    landed = urljoin(here, href)
    path, _, fragment = landed.partition("#")
    wanted_path, _, wanted_fragment = ("/" + target).partition("#")
    if normpath(path).rstrip("/") != normpath(wanted_path).rstrip("/") or fragment != wanted_fragment:
        return [Problem(where, f"{what} {href} leads to {landed}, not /{target}", fix)]
    page = target_file(site, wanted_path)
    if page is None:
        return [Problem(where, f"{what} leads to {wanted_path}, which does not exist", "restore the About page")]
    if not parse(page).find(id=wanted_fragment):
        return [
            Problem(
                where,
                f"{what} points to #{wanted_fragment}, but {rel(page, site)} has no such heading",
                f"keep that heading on the About page, or change the address: {fix}",
            )
        ]
    return []


def check_share_meta(soup, where: str, expected: dict[str, str]) -> list[Problem]:
    """Open Graph and Twitter card tags, as link previews read them, and the
    canonical address they must agree with (key "canonical")."""
    found = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key and key not in found:
            found[key] = meta.get("content")
    problems = []
    canonical = soup.find("link", rel="canonical")
    if "canonical" in expected and (canonical.get("href") if canonical else None) != expected["canonical"]:
        problems.append(
            Problem(
                where,
                f'<link rel="canonical"> is {canonical.get("href") if canonical else None!r}; expected {expected["canonical"]!r}',
                "it comes from site_url (model/config.py sets it for where the site is published)",
            )
        )
    for key, value in expected.items():
        if key == "canonical":
            continue
        if found.get(key) != value:
            problems.append(
                Problem(
                    where,
                    f'<meta {"name" if key.startswith("twitter:") else "property"}="{key}"> is {found.get(key)!r}; expected {value!r}',
                    "see the share-preview block in docs/.overrides/main.html (it reads the page's front matter)",
                )
            )
    return problems


def expected_share_meta(page: Page, lang: str, config: dict, title: str) -> dict[str, str]:
    """What check_share_meta expects for a page; `title` is the page's nav or
    front-matter title (the home page uses the site name instead)."""
    slug = page.slug
    root = next(a["root"] for a in config["extra"]["alternate"] if a["lang"] == lang)
    return {
        "og:type": "website",
        "og:site_name": config["site_name"],
        "og:title": config["site_name"] if slug == "index.md" else title,
        "og:description": page.meta.get("description") or config["site_description"],
        "og:url": root + page_url(slug),
        "canonical": root + page_url(slug),
        "og:locale": og_locale(lang),
        "og:image": config["site_url"] + SHARE_IMAGE,
        "og:image:width": str(SHARE_IMAGE_SIZE[0]),
        "og:image:height": str(SHARE_IMAGE_SIZE[1]),
        "twitter:card": "summary_large_image",
    }


def check_share_image(path: Path) -> list[Problem]:
    """A PNG of the size previews expect, small enough to load quickly."""
    import struct

    where = rel(path)
    fix = "redraw it with scripts/explainer/tools/shareimage.py (see its docstring)"
    if not path.is_file():
        return [Problem(where, "the share image is missing", fix)]
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return [Problem(where, "is not a PNG file", fix)]
    width, height = struct.unpack(">II", data[16:24])
    problems = []
    if (width, height) != SHARE_IMAGE_SIZE:
        problems.append(
            Problem(
                where,
                f"is {width}×{height} pixels; share previews expect {SHARE_IMAGE_SIZE[0]}×{SHARE_IMAGE_SIZE[1]}",
                fix,
            )
        )
    if len(data) > SHARE_IMAGE_MAX_BYTES:
        problems.append(
            Problem(
                where,
                f"is {len(data) // 1000} KB; keep it under {SHARE_IMAGE_MAX_BYTES // 1000} KB",
                "use fewer colours (a palette PNG), then " + fix,
            )
        )
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
        problems.append(
            Problem(
                where,
                "the print styles do not write out external link addresses",
                'add a[href^="http"]::after { content: " (" attr(href) ")" } inside @media print',
            )
        )
    hidden = {sel.strip() for rule in re.findall(r"([^{}]+)\{[^}]*display:\s*none", body) for sel in rule.split(",")}
    for selector in (".md-header", ".md-sidebar", ".md-footer"):
        if selector not in hidden:
            problems.append(
                Problem(
                    where,
                    f"the print styles do not hide {selector}",
                    f"add {selector} to the display: none rule inside @media print",
                )
            )
    return problems
