"""Page weight: what a reader's browser downloads on a first view of a page.

The budget test (tests/test_budget.py) and the audit (`scripts/dev.py audit`)
both count through here. The count is static, from the built files: the page
itself and every asset it loads (stylesheets, scripts, images, icons, the
fonts and images its stylesheets load, preloads), each gzipped at level 6 as
GitHub Pages serves text, plus what Material's JavaScript fetches on load.
HTTP headers are not counted; Lighthouse's figure in the audit includes them.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

from ..model.html import html_pages, parse, target_file
from ..model.layout import rel
from ..model.problems import Problem, at
from ..model.trace import Tracer

# The budget for every page of every edition (the 404 page included).
BYTE_BUDGET = 60 * 1024  # bytes on the wire for the first view (KB here are 1024 bytes, as in Lighthouse)
REQUEST_BUDGET = 8
GZIP_LEVEL = 6
# What GitHub Pages compresses; everything else is sent as it is.
TEXT_TYPES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".ico"}
# How many of a page's heaviest assets a failure message lists.
HEAVIEST = 5
# The id of the inline script that holds Material's search back until the
# reader opens it (docs/.overrides/partials/on-demand.html).
ON_DEMAND_ID = "__on-demand"

CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]([^'\"]+)['\"]")


@dataclass(frozen=True)
class Asset:
    url: str  # site path (from the site root) or an absolute URL for other origins
    bytes: int  # gzipped when the type is text; 0 when unknown (other origin, missing file)
    why: str  # what loads it


@dataclass(frozen=True)
class Weight:
    page: str  # path of the page inside the site
    assets: tuple[Asset, ...]  # the page itself first

    @property
    def bytes(self) -> int:
        return sum(a.bytes for a in self.assets)

    @property
    def requests(self) -> int:
        return len(self.assets)

    def heaviest(self, n: int = HEAVIEST) -> list[Asset]:
        return sorted(self.assets, key=lambda a: -a.bytes)[:n]


@cache
def _wire_bytes(path: Path, mtime: float) -> int:
    data = path.read_bytes()
    if path.suffix.lower() in TEXT_TYPES:
        return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    return len(data)


def wire_bytes(path: Path) -> int:
    """Bytes of the file as served: gzipped at level 6 if it is text."""
    return _wire_bytes(path, path.stat().st_mtime)


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def page_weight(page: Path, site: Path, base_path: str = "/") -> Weight:
    """The first-view weight of one built page of `site` (published at `base_path`)."""
    where = rel(page, site)
    here = base_path + where  # the page's URL path when published
    soup = parse(page)
    found: dict[str, Asset] = {}
    order = [where]
    found[where] = Asset(where, wire_bytes(page), "the page")

    def add(url: str, why: str, base: str = here) -> Path | None:
        url = url.strip()
        if not url or url.startswith(("data:", "#", "javascript:", "mailto:")):
            return None
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            key = url if parts.scheme else "https:" + url
            if key not in found:
                found[key] = Asset(key, 0, why + " (another origin)")
                order.append(key)
            return None
        path = normpath(unquote(urlsplit(urljoin(base, url)).path))
        inside = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
        target = target_file(site, inside + ("/" if url.endswith("/") else ""))
        key = rel(target, site) if target else inside
        if key not in found:
            found[key] = Asset(key, wire_bytes(target) if target else 0, why if target else why + " (missing)")
            order.append(key)
        return target

    def stylesheet(url: str, why: str) -> None:
        target = add(url, why)
        if target is None or target.suffix != ".css":
            return
        css_url = base_path + rel(target, site)
        css = target.read_text(encoding="utf-8", errors="replace")
        for imported in CSS_IMPORT.findall(css):
            stylesheet(urljoin(css_url, imported), f"@import in {rel(target, site)}")
        # Conservative: fonts and background images count even if unused.
        for _, link in CSS_URL.findall(css):
            add(link, f"url() in {rel(target, site)}", base=css_url)

    for el in soup.find_all("link", href=True):
        rels = {r.lower() for r in el.get("rel", [])}
        if "stylesheet" in rels and "alternate" not in rels:
            stylesheet(el["href"], "<link rel=stylesheet>")
        elif rels & {"preload", "modulepreload"}:
            add(el["href"], f"<link rel={' '.join(sorted(rels))}>")
    icons = [el for el in soup.find_all("link", href=True) if "icon" in {r.lower() for r in el.get("rel", [])}]
    if icons:  # the browser fetches one favicon
        add(icons[0]["href"], "<link rel=icon>")
    elif "favicon.ico" not in found:
        add(base_path + "favicon.ico", "the browser's default favicon request")
    for el in soup.find_all("script", src=True):
        add(el["src"], "<script src>")
    for el in soup.find_all("script", attrs={"data-after-paint": True}):  # fetched after the load event
        add(el["data-after-paint"], "<script data-after-paint>")
    for el in soup.find_all(["img", "input", "video", "audio", "source", "iframe", "embed", "object"]):
        for attr in ("src", "poster", "data"):
            if el.get(attr) and not (el.name == "input" and el.get("type") != "image"):
                add(el[attr], f"<{el.name} {attr}>")
        if el.get("srcset") and not el.get("src"):
            add(el["srcset"].split(",")[0].split()[0], f"<{el.name} srcset>")
    for el in soup.find_all(style=True):
        for _, link in CSS_URL.findall(el["style"]):
            add(link, "style attribute")
    for el in soup.find_all("use", href=True):
        if not el["href"].startswith("#"):
            add(el["href"].split("#")[0], "<use href>")
    for url, why in material_fetches(soup, here):
        add(url, why)
    return Weight(where, tuple(found[k] for k in order))


def material_fetches(soup, here: str) -> list[tuple[str, str]]:
    """What Material for MkDocs's JavaScript requests on load, read from the
    page: the search index and worker (unless held back), and the repository
    facts from the GitHub API when the repository link is live."""
    config_el = soup.find("script", id="__config")
    if config_el is None:
        return []
    config = json.loads(config_el.string or "{}")
    base = urljoin(here, config.get("base", "."))
    base = base if base.endswith("/") else base + "/"
    out = []
    lazy = soup.find("script", id=ON_DEMAND_ID) is not None
    if soup.find("form", attrs={"name": "search"}) and config.get("search") and not lazy:
        out.append((urljoin(base, "search/search_index.json"), "Material's search, on load"))
        out.append((urljoin(here, config["search"]), "Material's search worker, on load"))
    source = soup.find(attrs={"data-md-component": "source"})
    if source is not None and "github.com/" in source.get("href", ""):
        repo = urlsplit(source["href"]).path.strip("/")
        out.append((f"https://api.github.com/repos/{repo}", "Material's repository facts, on load"))
        out.append((f"https://api.github.com/repos/{repo}/releases/latest", "Material's repository facts, on load"))
    return out


def _own_media(asset: Asset) -> bool:
    """An image or video the page's own Markdown adds."""
    return asset.why.startswith(("<img", "<video"))


def _where(tracer: Tracer, weight: Weight) -> str:
    """The Markdown line of the heaviest file the page's own Markdown adds
    (an image, say), else the Markdown file and its built page."""
    page = tracer.page(weight.page)
    own = [a.url.rsplit("/", 1)[-1] for a in weight.heaviest() if _own_media(a)]
    line = page.line_of(*own) if page and own else None
    return at(page.where, line) if line else tracer.where(weight.page, in_content=False)


def check_page_weight(
    site: Path,
    base_path: str = "/",
    byte_budget: int = BYTE_BUDGET,
    request_budget: int = REQUEST_BUDGET,
    tracer: Tracer | None = None,
) -> list[Problem]:
    """Every page's first view fits the byte and request budgets; a page over
    budget is named by its Markdown file and its built page."""
    tracer = tracer or Tracer()
    problems = []
    for page in html_pages(site):
        weight = page_weight(page, site, base_path)
        over = []
        if weight.bytes > byte_budget:
            over.append(f"weighs {kb(weight.bytes)} gzipped on first view (budget {kb(byte_budget)})")
        if weight.requests > request_budget:
            over.append(f"makes {weight.requests} requests on first view (budget {request_budget})")
        if over:
            heavy = ", ".join(f"{a.url} {kb(a.bytes)} ({a.why})" for a in weight.heaviest())
            problems.append(
                Problem(
                    _where(tracer, weight),
                    f"page weight: {' and '.join(over)}; heaviest: {heavy}",
                    _fix(weight, byte_budget),
                )
            )
    return problems


def _fix(weight: Weight, byte_budget: int) -> str:
    """What an editor can do: most of a first view is the files every page
    shares, which an editor's change does not touch; what is left for the
    page's own text is what a longer text uses up."""
    if weight.bytes <= byte_budget:
        return "reference fewer files: each image, script and stylesheet the page loads is a request"
    if any(_own_media(a) for a in weight.assets):
        return (
            "compress or shrink the page's images (the heaviest first), or use fewer; "
            "shrink or drop the other heavy files if they are the site's own"
        )
    page, shared = weight.assets[0], weight.assets[1:]
    room = byte_budget - sum(a.bytes for a in shared)
    return (
        f"the page's own text weighs {kb(page.bytes)} gzipped, and the files every page shares leave it "
        f"{kb(max(room, 0))}: shorten the text (a long entry, note or footnote), or split the page in two; "
        "if no page can stay within the budget, the shared files need shrinking (see MAINTAINING.md)"
    )
