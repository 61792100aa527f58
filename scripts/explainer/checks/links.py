"""Links in the built HTML, from any engine: internal targets and anchors
exist, and external links are https to a registered or allowed host.
Checking the output also covers links the Markdown never shows (nav,
snippets, templates); each problem still names the Markdown line to fix."""

from __future__ import annotations

from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

from ..model.config import deployment
from ..model.html import CONTENT, extract_links, html_pages, parse, target_file
from ..model.layout import REGISTRY_FILE, rel
from ..model.problems import Problem
from ..model.registry import registry_hosts
from ..model.trace import Tracer

# Hosts pages may link to besides the registry's: kept short on purpose.
ALLOWED_HOSTS = {
    "github.com": "the repository, and the 'Edit this page' links (and the host of REPO_URL, wherever it is)",
    "squidfunk.github.io": "Material for MkDocs's credit in the footer",
}
IGNORED_SCHEMES = ("mailto:", "data:", "javascript:")


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def ids_of(soup) -> set[str]:
    """Every id and <a name> of a parsed page: what a #fragment can land on."""
    return {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}


def check_built_links(
    site: Path, origin: str, base_path: str, registry: dict[str, dict], tracer: Tracer | None = None
) -> list[Problem]:
    """Every internal href/src resolves to a file, every #fragment to an id,
    and every external URL is https to a registered or allowed host.

    site: the built site. origin, base_path: where it is published
    (config.published()). tracer: maps built pages back to Markdown (made
    from the repository when omitted)."""
    tracer = tracer or Tracer()
    hosts = registry_hosts(registry) | set(ALLOWED_HOSTS) | {urlsplit(deployment().repo_url).hostname}
    ids: dict[Path, set[str]] = {}
    problems: list[Problem] = []
    for page in html_pages(site):
        built = rel(page, site)
        url_here = base_path + built.removesuffix("index.html")
        soup = parse(page)
        ids[page] = ids_of(soup)
        for el, link in extract_links(soup):
            if link.startswith(IGNORED_SCHEMES):
                continue

            def where(el=el, link=link, built=built) -> str:
                """Where to fix it: worked out only for a broken link."""
                in_content = el.find_parent(class_=CONTENT.split(".", 1)[1]) is not None
                needles = (*tracer.markdown_link(built, link), el.get_text(" ", strip=True))
                return tracer.where(built, *needles, in_content=in_content)

            parts = urlsplit(link)
            if is_external(link) and f"{parts.scheme}://{parts.netloc}" != origin:
                if parts.scheme != "https":
                    problems.append(Problem(where(), f"link {link} is not https", "use the https address of the page"))
                elif parts.hostname not in hosts:
                    problems.append(
                        Problem(
                            where(),
                            f"link {link} goes to {parts.hostname}, which is neither a registered source nor allowed",
                            f"register the source in {rel(REGISTRY_FILE)} and cite its entry in a footnote instead",
                        )
                    )
                continue
            absolute = urlsplit(urljoin(origin + url_here, link))
            path = unquote(absolute.path)
            if not path.startswith(base_path):
                problems.append(
                    Problem(
                        where(),
                        f"link {link} leaves the site ({path})",
                        "link to a page of the site with a relative link",
                    )
                )
                continue
            inside = normpath(path[len(base_path) :]) + ("/" if path.endswith("/") else "")
            inside = "" if inside in (".", "./") else inside
            target = target_file(site, inside)
            if target is None:
                problems.append(
                    Problem(
                        where(),
                        f"link {link} points to {path}, which does not exist",
                        "fix the link, or create the page it points to",
                    )
                )
                continue
            fragment = unquote(absolute.fragment)
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = ids_of(parse(target))
                if fragment not in ids[target]:
                    problems.append(anchor_problem(where(), link, fragment, rel(target, site), tracer))
    return problems


def anchor_problem(where: str, link: str, fragment: str, target: str, tracer: Tracer) -> Problem:
    """A link to a heading that is not there: usually a renamed heading, so
    the message names both the link and the page whose heading changed."""
    page = tracer.page(target)
    there = page.where if page else target
    return Problem(
        where,
        f"link {link} goes to #{fragment}, but {there} has no heading with that anchor (was it renamed?)",
        f"point the link at the heading's current anchor (the ¶ link next to it in {there}), or restore the heading",
    )
