"""The site's rules, written once.

Page discovery, the front-matter schema, the source registry and link
extraction live here. The tests, `scripts/dev.py` and the MkDocs hooks all
import this module, so that a rule changes in one place and survives a change
of site engine: nothing here depends on MkDocs.

The checks that build on these rules sit beside it, one job per file:
contentrules (labels, quotations, copying, diagrams), editionrules (the
languages agree) and readerrules (reader features of the built pages).

Every check returns a list of `Problem`s. Each one names the file, the field
or link, and the rule, and says how to fix it, because the people who read
these messages are often first-time contributors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REGISTRY_FILE = DOCS / ".data" / "sources.yml"


# --------------------------------------------------------------------------
# Editions and page discovery
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    lang: str
    config: str  # MkDocs config file, relative to the repository root
    docs: str  # pages folder, relative to the repository root
    prefix: str  # where the edition sits in the published site

    def docs_dir(self, root: Path = ROOT) -> Path:
        return root / self.docs


EDITIONS = (
    Edition("en", "mkdocs.yml", "docs/en", ""),
    Edition("fr", "mkdocs.fr.yml", "docs/fr", "fr/"),
)
DEFAULT_LANG = EDITIONS[0].lang

# Pages about the site itself. They make no factual claim of their own, so
# their `sources` list may be empty.
META_PAGES = {"about.md"}


def edition(lang: str) -> Edition:
    for ed in EDITIONS:
        if ed.lang == lang:
            return ed
    raise KeyError(f"no edition for language {lang!r}; known: {[e.lang for e in EDITIONS]}")


def discover_pages(root: Path = ROOT) -> list[Path]:
    """Every Markdown page of every edition. Dot-folders are never pages."""
    pages = []
    for ed in EDITIONS:
        base = ed.docs_dir(root)
        for path in sorted(base.rglob("*.md")):
            if not any(part.startswith(".") for part in path.relative_to(base).parts):
                pages.append(path)
    return pages


def page_slug(path: Path, root: Path = ROOT) -> tuple[str, str]:
    """(lang, path inside the edition), e.g. ('fr', 'treaty.md')."""
    rel = path.relative_to(root).as_posix()
    for ed in EDITIONS:
        if rel.startswith(ed.docs + "/"):
            return ed.lang, rel[len(ed.docs) + 1 :]
    raise ValueError(f"{rel} is not inside any edition's docs folder")


def rel(path: Path, root: Path = ROOT) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    where: str  # file, optionally with :line
    what: str  # the field, link or element concerned, and the rule broken
    fix: str  # how to fix it

    def __str__(self) -> str:
        return f"{self.where}: {self.what}; {self.fix}"


def report(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


# --------------------------------------------------------------------------
# Configuration files (read without MkDocs, so the rules don't need it)
# --------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Loads mkdocs.yml. Python tags (`!!python/name:…`) become their names."""


def _python_tag(loader, suffix, node):
    return f"!!python/{suffix}"


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
_ConfigLoader.add_constructor("!relative", lambda loader, node: None)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_config(config: str | Path, root: Path = ROOT) -> dict:
    """A config file with its INHERIT chain resolved, as MkDocs merges it."""
    path = root / config
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    parent = data.pop("INHERIT", None)
    if parent:
        data = _merge(load_config((path.parent / parent).relative_to(root), root), data)
    return data


def nav_pages(nav) -> list[str]:
    """The page files a nav lists, in order."""
    found: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str) and not urlsplit(value).scheme:
            found.append(value)
    return found


def nav_shape(nav) -> list:
    """The nav with titles removed: what two editions must share."""
    shape = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        shape.append(nav_shape(value) if isinstance(value, list) else value)
    return shape


# --------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)

REQUIRED_KEYS = ("title", "description", "reviewed", "sources")
# Material keys we may use, plus `claims` (see status labels below).
OPTIONAL_KEYS = ("hide", "icon", "search", "status", "subtitle", "template", "claims", "reporting")
TITLE_MAX = 70
DESCRIPTION_RANGE = (50, 160)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Page:
    path: Path
    meta: dict
    body: str
    body_line: int  # line number of the first body line, for messages


def split_front_matter(path: Path, text: str | None = None, root: Path = ROOT) -> tuple[Page | None, list[Problem]]:
    """Parse a page. Malformed YAML is reported with its line number."""
    text = path.read_text(encoding="utf-8") if text is None else text
    where = rel(path, root)
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [
            Problem(
                where,
                "front matter: missing (the page must start with a line '---', the YAML fields, then '---')",
                "copy the block at the top of any page, or create pages with `python3 scripts/dev.py new-page`",
            )
        ]
    block = match.group(1) or ""
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as err:
        # Where the broken construct starts (an unclosed '[' say), else where parsing failed.
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening '---', +1 for 1-based lines
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return None, [
            Problem(
                f"{where}:{line}",
                f"front matter is not valid YAML ({problem})",
                "check the indentation, and put values that contain ':' or start with '[' or '\"' in quotes",
            )
        ]
    if not isinstance(meta, dict):
        return None, [
            Problem(where, "front matter: must be a set of 'key: value' lines", "see CONTRIBUTING.md for an example")
        ]
    body_line = text[: match.end()].count("\n") + 1
    return Page(path, meta, text[match.end() :], body_line), []


def check_front_matter(page: Page, registry: dict[str, dict], today: dt.date | None = None, root: Path = ROOT) -> list[Problem]:
    today = today or dt.date.today()
    where = rel(page.path, root)
    meta = page.meta
    problems: list[Problem] = []

    def bad(field: str, rule: str, fix: str) -> None:
        problems.append(Problem(where, f"front matter: '{field}' {rule}", fix))

    for key in REQUIRED_KEYS:
        if key not in meta:
            bad(key, "is missing", f"add a '{key}:' line; every page needs {', '.join(REQUIRED_KEYS)}")
    for key in meta:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            bad(
                key,
                "is not a known key (usually a typo)",
                f"use only {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}",
            )

    title = meta.get("title")
    if "title" in meta:
        if not isinstance(title, str) or not title.strip():
            bad("title", "must be text", "write the page title, e.g. title: The pact")
        elif len(title) > TITLE_MAX:
            bad(
                "title",
                f"has {len(title)} characters",
                f"keep it to {TITLE_MAX} or fewer (it is the browser-tab and search-result title)",
            )

    desc = meta.get("description")
    low, high = DESCRIPTION_RANGE
    if "description" in meta:
        if not isinstance(desc, str):
            bad("description", "must be text", f"write one sentence of {low}–{high} characters")
        elif not low <= len(desc.strip()) <= high:
            bad(
                "description",
                f"has {len(desc.strip())} characters",
                f"keep it between {low} and {high} (it is the search-engine snippet)",
            )

    if "reviewed" in meta:
        reviewed = meta.get("reviewed")
        if isinstance(reviewed, str):
            try:
                reviewed = dt.date.fromisoformat(reviewed)
            except ValueError:
                reviewed = None
        if isinstance(reviewed, dt.datetime) or not isinstance(reviewed, dt.date):
            bad(
                "reviewed",
                f"is {meta.get('reviewed')!r}, not an ISO date",
                "write the date the page's facts were last checked as YYYY-MM-DD, e.g. reviewed: 2026-11-28",
            )
        elif reviewed > today:
            bad(
                "reviewed",
                f"is {reviewed.isoformat()}, which is in the future",
                "use the date you actually checked the page's facts (today or earlier)",
            )

    if "sources" in meta:
        sources = meta.get("sources")
        _, slug = page_slug(page.path, root)
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            bad("sources", "must be a list of source ids", "write e.g. sources: [interfax-in-force, tass-ratification]")
        else:
            if not sources and slug not in META_PAGES:
                bad(
                    "sources",
                    "is empty, but this page makes factual claims",
                    "list the registry ids of the sources its footnotes cite",
                )
            for sid in sources:
                if sid not in registry:
                    bad(
                        "sources",
                        f"names '{sid}', which is not in the source registry",
                        f"add it to {rel(REGISTRY_FILE, ROOT)} or fix the spelling",
                    )

    if "claims" in meta and not isinstance(meta["claims"], bool):
        bad("claims", "must be true or false", "write claims: false, or remove the line")
    return problems


def load_pages(root: Path = ROOT) -> tuple[list[Page], list[Problem]]:
    pages, problems = [], []
    for path in discover_pages(root):
        page, found = split_front_matter(path, root=root)
        problems += found
        if page:
            pages.append(page)
    return pages, problems


# --------------------------------------------------------------------------
# Source registry
# --------------------------------------------------------------------------

SOURCE_KINDS = ("article", "primary", "official", "wire", "analysis", "state-media")
SOURCE_REQUIRED = ("id", "title", "publisher", "date", "language", "kind")
SOURCE_OPTIONAL = ("url", "note", "reading", "dated_by", "authors")
# `date: unknown` says, explicitly, that no date was found; an empty date is an error.
UNKNOWN_DATE = "unknown"
# Where a date comes from when the source itself does not show it.
DATED_BY = ("url",)
# Our own words in an entry (a [bracketed description] instead of a headline,
# and the note) are translated for each other edition under its language key,
# e.g. `fr: {title: "[…]", note: "…"}`. Real headlines stay as published.
TRANSLATED = ("title", "note")


def source_text(entry: dict, field: str, lang: str) -> str | None:
    """An entry's title or note as the given edition shows it."""
    if lang != DEFAULT_LANG and field in (entry.get(lang) or {}):
        return entry[lang][field]
    return entry.get(field)
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANG_PATTERN = re.compile(r"^[a-z]{2}$")


def load_registry(path: Path = REGISTRY_FILE, root: Path = ROOT) -> tuple[dict[str, dict], list[Problem]]:
    """The registry as {id: entry}, with every problem in it."""
    where = rel(path, root)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, [Problem(where, "the source registry is missing", "restore the file from the main branch")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return {}, [Problem(f"{where}{line}", f"is not valid YAML ({getattr(err, 'problem', err)})", "check the indentation of that entry")]
    if not isinstance(data, list):
        return {}, [Problem(where, "must be a YAML list of entries ('- id: …')", "see the entries already there")]

    registry: dict[str, dict] = {}
    problems: list[Problem] = []
    for number, entry in enumerate(data, 1):
        label = f"entry {number}"
        if not isinstance(entry, dict):
            problems.append(Problem(where, f"{label} is not a set of 'key: value' lines", "copy the layout of another entry"))
            continue
        sid = entry.get("id")
        if isinstance(sid, str):
            label = f"source '{sid}'"

        def bad(field: str, rule: str, fix: str) -> None:
            problems.append(Problem(where, f"{label}: '{field}' {rule}", fix))

        for key in SOURCE_REQUIRED:
            if key not in entry:
                bad(key, "is missing", f"every source needs {', '.join(SOURCE_REQUIRED)}")
        other_langs = tuple(ed.lang for ed in EDITIONS[1:])
        for key in entry:
            if key not in SOURCE_REQUIRED + SOURCE_OPTIONAL + other_langs:
                bad(key, "is not a known key", f"use only {', '.join(SOURCE_REQUIRED + SOURCE_OPTIONAL + other_langs)}")
        for lang in other_langs:
            local = entry.get(lang) or {}
            if not isinstance(local, dict) or set(local) - set(TRANSLATED):
                bad(lang, f"must hold only {' and '.join(TRANSLATED)}", f"write e.g. {lang}: {{title: \"[…]\", note: \"…\"}}")
                continue
            if str(entry.get("title", "")).startswith("[") and not local.get("title"):
                bad(f"{lang}.title", "is missing, and the title is our own [description]", f"add the {lang} translation under '{lang}: {{title: …}}'")
            if entry.get("note") and not local.get("note"):
                bad(f"{lang}.note", "is missing", f"add the {lang} translation of the note under '{lang}: {{note: …}}'")
        if not isinstance(sid, str) or not ID_PATTERN.match(sid):
            bad("id", f"is {sid!r}", "use lowercase words joined by hyphens, e.g. interfax-in-force")
            continue
        if sid in registry:
            bad("id", "is used twice", "give each source its own id")
        for key in ("title", "publisher"):
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                bad(key, "must be text", "write it as the source gives it")
        date = entry.get("date", "")
        if "date" in entry and date is None:
            bad("date", "is empty (null)", f"write date: {UNKNOWN_DATE} when no date is known, so that readers see none was found; never guess")
        elif "date" in entry and str(date) != UNKNOWN_DATE and not DATE_PATTERN.match(str(date)):
            bad("date", f"is {date!r}", f"write YYYY-MM-DD, YYYY-MM or YYYY, or {UNKNOWN_DATE} when no date is known; never guess")
        if "dated_by" in entry:
            if entry["dated_by"] not in DATED_BY:
                bad("dated_by", f"is {entry['dated_by']!r}", "write dated_by: url when the date comes only from the source's address, or remove the line")
            elif date is None or str(date) == UNKNOWN_DATE:
                bad("dated_by", "is set, but the date is unknown", "write the date the address gives, or remove the dated_by line")
        if "authors" in entry:
            authors = entry["authors"]
            if not isinstance(authors, list) or not authors or not all(isinstance(a, str) and a.strip() for a in authors):
                bad("authors", f"is {authors!r}, not a list of names", "write e.g. authors: [Chris York], or remove the line when the source shows no author")
        if "language" in entry and not LANG_PATTERN.match(str(entry["language"])):
            bad("language", f"is {entry['language']!r}", "use a two-letter code such as en, fr or ru")
        if "kind" in entry and entry["kind"] not in SOURCE_KINDS:
            bad("kind", f"is {entry['kind']!r}", f"use one of {', '.join(SOURCE_KINDS)}")
        if "url" in entry:
            url = entry["url"]
            if not isinstance(url, str) or urlsplit(url).scheme != "https" or not urlsplit(url).hostname:
                bad(
                    "url",
                    f"is {url!r}; links must be https",
                    "use the https address; if the source has none, remove the url line and say so in 'note'",
                )
        if "reading" in entry and not isinstance(entry["reading"], bool):
            bad("reading", "must be true or false", "write reading: true for further-reading entries, or remove it")
        registry[sid] = entry
    return registry, problems


def registry_hosts(registry: dict[str, dict]) -> set[str]:
    return {urlsplit(e["url"]).hostname for e in registry.values() if isinstance(e.get("url"), str)}


# --------------------------------------------------------------------------
# Markdown: footnotes and their sources
# --------------------------------------------------------------------------

FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:[ \t]*(.*(?:\n(?:[ \t]{4}|\t).*)*)", re.M)
FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\](?!:)")
SOURCE_LINK = re.compile(r"\]\((?:\./)?sources\.md#([^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)


def footnotes(page: Page) -> dict[str, list[str]]:
    """{footnote label: [registry ids it links to]} for every definition."""
    body = FENCE.sub("", page.body)
    return {label: SOURCE_LINK.findall(text) for label, text in FOOTNOTE_DEF.findall(body)}


def check_footnotes(page: Page, registry: dict[str, dict], root: Path = ROOT) -> list[Problem]:
    where = rel(page.path, root)
    _, slug = page_slug(page.path, root)
    body = FENCE.sub("", page.body)
    notes = footnotes(page)
    problems: list[Problem] = []
    if slug not in META_PAGES and not notes:
        problems.append(
            Problem(
                where,
                "has no footnotes, but every factual sentence needs one",
                "add a footnote such as [^1] after each claim and define it as "
                "[^1]: [Publisher](sources.md#source-id)",
            )
        )
    refs = set(FOOTNOTE_REF.findall(FOOTNOTE_DEF.sub("", body)))
    for label in sorted(refs - notes.keys()):
        problems.append(Problem(where, f"footnote [^{label}] is used but never defined", f"add a line '[^{label}]: [Publisher](sources.md#source-id)' at the end of the page"))
    cited: set[str] = set()
    for label, ids in notes.items():
        if not ids:
            problems.append(
                Problem(
                    where,
                    f"footnote [^{label}] does not cite a registered source",
                    "link it to the source's entry, e.g. [Interfax](sources.md#interfax-in-force)",
                )
            )
        for sid in ids:
            cited.add(sid)
            if sid not in registry:
                problems.append(
                    Problem(
                        where,
                        f"footnote [^{label}] cites '{sid}', which is not in the source registry",
                        f"add the source to {rel(REGISTRY_FILE, ROOT)} or fix the id",
                    )
                )
    listed = page.meta.get("sources")
    if isinstance(listed, list):
        for sid in sorted(cited - set(listed)):
            problems.append(Problem(where, f"front matter: 'sources' lacks '{sid}', which a footnote cites", f"add {sid} to the sources list"))
        for sid in sorted(set(listed) - cited):
            if slug not in META_PAGES or notes:
                problems.append(Problem(where, f"front matter: 'sources' lists '{sid}', but no footnote cites it", "cite it in a footnote or remove it from the list"))
    return problems


# --------------------------------------------------------------------------
# Links in built HTML (engine-independent: any generator's output works)
# --------------------------------------------------------------------------

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "use": "href"}


def extract_links(soup) -> list[tuple[str, str]]:
    """(tag, url) for every link-bearing attribute in a parsed page."""
    links = []
    for tag, attr in LINK_ATTRS.items():
        for el in soup.find_all(tag):
            value = el.get(attr) or (el.get("xlink:href") if tag == "use" else None)
            if value:
                links.append((tag, value.strip()))
    for el in soup.find_all(["img", "source"]):
        for part in (el.get("srcset") or "").split(","):
            if part.strip():
                links.append((el.name, part.split()[0]))
    for el in soup.find_all("meta", attrs={"property": re.compile("^og:(image|url)$")}):
        links.append(("meta", el.get("content", "")))
    return links


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def format_date(value: dt.date, lang: str) -> str:
    """A date as readers of that edition write it: 4 December 2024, 4 décembre 2024."""
    months = {
        "en": "January February March April May June July August September October November December",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    }[lang].split()
    day = "1er" if (lang == "fr" and value.day == 1) else str(value.day)
    return f"{day} {months[value.month - 1]} {value.year}"


# What `dev.py new-page` writes where the summary goes. A page that still
# contains it is unfinished, and the checks say so.
PLACEHOLDER = "NEW PAGE: replace this line with a two- or three-sentence summary, each fact footnoted."


def check_unfinished(page: Page, root: Path = ROOT) -> list[Problem]:
    if PLACEHOLDER in page.body or page.meta.get("description") == SCAFFOLD_DESCRIPTION:
        return [
            Problem(
                rel(page.path, root),
                "is still the new-page scaffold",
                "replace the placeholder summary and the placeholder description with the page's own",
            )
        ]
    return []


SCAFFOLD_DESCRIPTION = "One sentence of 50 to 160 characters saying what this page explains; it is the search snippet."


# --------------------------------------------------------------------------
# Built-site checks (HTML from any engine)
# --------------------------------------------------------------------------

# Hosts pages may link to besides the registry's: kept short on purpose.
ALLOWED_HOSTS = {
    "github.com": "the repository, and the 'Edit this page' links",
    "squidfunk.github.io": "Material for MkDocs's credit in the footer",
}


def parse_html(path: Path):
    from bs4 import BeautifulSoup  # only the checks need it, not the build

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_prefix(config: dict) -> tuple[str, str]:
    """(origin, path) of the published default edition, from its site_url."""
    parts = urlsplit(config.get("site_url") or "/")
    return f"{parts.scheme}://{parts.netloc}", parts.path if parts.path.endswith("/") else parts.path + "/"


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def target_file(site: Path, path: str) -> Path | None:
    candidate = site / path.lstrip("/")
    if path.endswith("/") or path == "":
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_built_links(site: Path, origin: str, base_path: str, registry: dict[str, dict]) -> list[Problem]:
    """Every internal href/src resolves to a file, every #fragment to an id,
    and every external URL is https to a registered or allowed host."""
    from posixpath import normpath
    from urllib.parse import unquote, urljoin

    hosts = registry_hosts(registry) | set(ALLOWED_HOSTS)
    ids: dict[Path, set[str]] = {}
    problems: list[Problem] = []

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = parse_html(path)
            ids[path] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}
        return ids[path]

    for page in html_pages(site):
        where = rel(page, site)
        url_here = base_path + where.removesuffix("index.html")
        soup = parse_html(page)
        ids[page] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}
        for tag, link in extract_links(soup):
            if link.startswith(("mailto:", "data:", "javascript:")):
                continue
            parts = urlsplit(link)
            if is_external(link) and f"{parts.scheme}://{parts.netloc}" != origin:
                if parts.scheme != "https":
                    problems.append(Problem(where, f"link {link} is not https", "use the https address of the page"))
                elif parts.hostname not in hosts:
                    problems.append(
                        Problem(
                            where,
                            f"link {link} goes to {parts.hostname}, which is neither a registered source nor allowed",
                            "register the source in docs/.data/sources.yml and link its entry on the sources page instead",
                        )
                    )
                continue
            absolute = urlsplit(urljoin(origin + url_here, link))
            path = unquote(absolute.path)
            if not path.startswith(base_path):
                problems.append(Problem(where, f"link {link} leaves the site ({path})", "link to a page of the site with a relative link"))
                continue
            inside = normpath(path[len(base_path) :]) + ("/" if path.endswith("/") else "")
            inside = "" if inside in (".", "./") else inside
            target = target_file(site, inside)
            if target is None:
                problems.append(Problem(where, f"link {link} points to {path}, which does not exist", "fix the link, or create the page it points to"))
            elif absolute.fragment and target.suffix == ".html" and unquote(absolute.fragment) not in ids_of(target):
                problems.append(
                    Problem(
                        where,
                        f"link {link}: no element with id '{absolute.fragment}' in {rel(target, site)}",
                        "use the anchor of an existing heading (see the ¶ link next to it)",
                    )
                )
    return problems


def built_path(lang: str, slug: str) -> str:
    """Where a page lands in the site (directory URLs): fr, treaty.md → fr/treaty/index.html."""
    stem = slug.removesuffix(".md")
    inner = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return edition(lang).prefix + inner + "index.html"


def check_nav(nav, ed: Edition, root: Path = ROOT) -> list[Problem]:
    """Every page of the edition is in its nav, and every nav entry exists."""
    listed = nav_pages(nav)
    base = ed.docs_dir(root)
    problems = []
    for entry in listed:
        if not (base / entry).is_file():
            problems.append(Problem(ed.config, f"nav: '{entry}' does not exist in {ed.docs}", "fix the path or create the page"))
    for path in sorted(base.rglob("*.md")):
        inner = path.relative_to(base).as_posix()
        if not any(part.startswith(".") for part in path.relative_to(base).parts) and inner not in listed:
            problems.append(Problem(rel(path, root), f"is not in the nav of {ed.config}", "add it to the nav, or use `python3 scripts/dev.py new-page` next time"))
    return problems


def own_assets(root: Path = ROOT) -> dict[str, set[str]]:
    """{edition prefix: asset paths inside the edition} for the project's own
    assets: non-Markdown files in the pages folders and the theme overrides."""
    theme = DOCS / ".overrides" / "assets"
    out = {}
    for ed in EDITIONS:
        found = {f"assets/{p.relative_to(theme).as_posix()}" for p in theme.rglob("*") if p.is_file()}
        base = ed.docs_dir(root)
        found |= {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file() and p.suffix != ".md"}
        out[ed.prefix] = found
    return out


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def check_unused_assets(site: Path, own_assets: dict[str, set[str]] | None = None) -> list[Problem]:
    """Every asset of our own is referenced by some page or stylesheet."""
    from posixpath import normpath
    from urllib.parse import urljoin

    own_assets = own_assets if own_assets is not None else globals()["own_assets"]()
    # Absolute links to the site itself count too (og:image must be absolute).
    origin, base = site_prefix(load_config(EDITIONS[0].config))
    used: set[str] = set()
    for page in html_pages(site):
        here = "/" + rel(page, site)
        for _, link in extract_links(parse_html(page)):
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
    for prefix, assets in own_assets.items():
        for asset in sorted(assets):
            if prefix + asset not in used:
                problems.append(Problem(prefix + asset, "no page uses this asset", "delete it, or reference it from a page or stylesheet"))
    return problems
