"""The source registry's rules: every entry says what the source is, when it
was published, in which language, and how to reach it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..model.editions import EDITIONS
from ..model.layout import REGISTRY_FILE, ROOT, rel
from ..model.problems import Problem, at
from ..model.registry import TRANSLATED, RawEntry, read_registry

SOURCE_KINDS = ("article", "primary", "official", "wire", "analysis", "state-media", "reference")
SOURCE_REQUIRED = ("id", "title", "publisher", "date", "language", "kind")
SOURCE_OPTIONAL = ("url", "note", "reading", "dated_by", "authors")
# `date: unknown` says, explicitly, that no date was found; an empty date is an error.
UNKNOWN_DATE = "unknown"
# Where a date comes from when the source itself does not show it.
DATED_BY = ("url",)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANG_PATTERN = re.compile(r"^[a-z]{2}$")


def check_entries(entries: list[RawEntry], where: str) -> tuple[dict[str, dict], list[Problem]]:
    """The valid entries as {id: entry}, and every problem, each naming the
    entry's line in the registry file `where`."""
    registry: dict[str, dict] = {}
    problems: list[Problem] = []
    other_langs = tuple(ed.lang for ed in EDITIONS[1:])
    known = SOURCE_REQUIRED + SOURCE_OPTIONAL + other_langs
    for number, raw in enumerate(entries, 1):
        entry = raw.data
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    at(where, raw.line),
                    f"entry {number} is not a set of 'key: value' lines",
                    "copy the layout of another entry",
                )
            )
            continue
        sid = entry.get("id")
        label = f"source '{sid}'" if isinstance(sid, str) else f"entry {number}"

        def bad(key: str, rule: str, fix: str, line_key: str | None = None, raw=raw, label=label) -> None:
            line = raw.key_lines.get(line_key or key.split(".")[0], raw.line)
            problems.append(Problem(at(where, line), f"{label}: '{key}' {rule}", fix))

        for key in SOURCE_REQUIRED:
            if key not in entry:
                bad(key, "is missing", f"every source needs {', '.join(SOURCE_REQUIRED)}")
        for key in entry:
            if key not in known:
                bad(key, "is not a known key", f"use only {', '.join(known)}")
        for lang in other_langs:
            local = entry.get(lang) or {}
            if not isinstance(local, dict) or set(local) - set(TRANSLATED):
                bad(
                    lang,
                    f"must hold only {' and '.join(TRANSLATED)}",
                    f'write e.g. {lang}: {{title: "[…]", note: "…"}}',
                )
                continue
            if str(entry.get("title", "")).startswith("[") and not local.get("title"):
                bad(
                    f"{lang}.title",
                    "is missing, and the title is our own [description]",
                    f"add the {lang} translation under '{lang}: {{title: …}}'",
                    line_key="title",
                )
            if entry.get("note") and not local.get("note"):
                bad(
                    f"{lang}.note",
                    "is missing",
                    f"add the {lang} translation of the note under '{lang}: {{note: …}}'",
                    line_key="note",
                )
        if not isinstance(sid, str) or not ID_PATTERN.match(sid):
            bad("id", f"is {sid!r}", "use lowercase words joined by hyphens, e.g. interfax-in-force")
            continue
        if sid in registry:
            bad("id", "is used twice", "give each source its own id")
        for key in ("title", "publisher"):
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                bad(key, "must be text", "write it as the source gives it")
        date = entry.get("date", "")
        never_guess = f"write YYYY-MM-DD, YYYY-MM or YYYY, or {UNKNOWN_DATE} when no date is known; never guess"
        if "date" in entry and date is None:
            bad(
                "date",
                "is empty (null)",
                f"write date: {UNKNOWN_DATE} when no date is known, so that readers see none was found; never guess",
            )
        elif "date" in entry and str(date) != UNKNOWN_DATE and not DATE_PATTERN.match(str(date)):
            bad("date", f"is {date!r}", never_guess)
        if "dated_by" in entry:
            if entry["dated_by"] not in DATED_BY:
                bad(
                    "dated_by",
                    f"is {entry['dated_by']!r}",
                    "write dated_by: url when the date comes only from the source's address, or remove the line",
                )
            elif date is None or str(date) == UNKNOWN_DATE:
                bad(
                    "dated_by",
                    "is set, but the date is unknown",
                    "write the date the address gives, or remove the dated_by line",
                )
        authors = entry.get("authors")
        if "authors" in entry and not (
            isinstance(authors, list) and authors and all(isinstance(a, str) and a.strip() for a in authors)
        ):
            bad(
                "authors",
                f"is {authors!r}, not a list of names",
                "write e.g. authors: [Chris York], or remove the line when the source shows no author",
            )
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


def load_registry(path: Path = REGISTRY_FILE, root: Path = ROOT) -> tuple[dict[str, dict], list[Problem]]:
    """The registry as {id: entry}, with every problem in it."""
    entries, problems = read_registry(path, root)
    if problems:
        return {}, problems
    return check_entries(entries, rel(path, root))


# Hosts of state media: their entries must say so (kind: state-media).
STATE_MEDIA_HOSTS = ("tass.com", "tass.ru", "rt.com", "kcna.kp", "kcna.co.jp")


def check_state_media(registry: dict[str, dict], where: str = rel(REGISTRY_FILE)) -> list[Problem]:
    """TASS, RT and KCNA entries are labelled as state media."""
    problems = []
    for sid, entry in registry.items():
        host = (urlsplit(entry.get("url") or "").hostname or "").removeprefix("www.")
        if host.endswith(STATE_MEDIA_HOSTS) and entry.get("kind") != "state-media":
            problems.append(
                Problem(where, f"source '{sid}' is state media ({host})", "set kind: state-media in its entry")
            )
    return problems
