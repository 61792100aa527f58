"""The source registry (docs/.data/sources.yml): every source a page cites.

Reading it is here; its rules are in checks/registry.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .editions import DEFAULT_LANG
from .layout import REGISTRY_FILE, ROOT, rel
from .pages import impossible_date
from .problems import Problem, at

# Our own words in an entry (a [bracketed description] instead of a headline,
# and the note) are translated for each other edition under its language key,
# e.g. `fr: {title: "[…]", note: "…"}`. Real headlines stay as published.
TRANSLATED = ("title", "note")


@dataclass
class RawEntry:
    """One entry as written, with the line of the entry and of each key."""

    data: object
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


def read_registry(path: Path = REGISTRY_FILE, root: Path = ROOT) -> tuple[list[RawEntry], list[Problem]]:
    """The entries as written, or the problem that stops the file being read
    (missing, not YAML, not a list), with its line."""
    where = rel(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [Problem(where, "the source registry is missing", "restore the file from the main branch")]
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except ValueError as err:  # YAML reads 2024-13-01 as a date, and fails
        line, key, value = impossible_date(text) or (None, "?", str(err))
        return [], [
            Problem(
                at(where, line),
                f"'{key}' is {value}, which is not a real date",
                "write YYYY-MM-DD, YYYY-MM or YYYY, or unknown when no date is known; never guess",
            )
        ]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return [], [
            Problem(
                at(where, line),
                f"is not valid YAML ({getattr(err, 'problem', err)})",
                "check the indentation of that entry",
            )
        ]
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return [], [Problem(where, "must be a YAML list of entries ('- id: …')", "see the entries already there")]
    entries = []
    for item, item_node in zip(data, node.value, strict=False):
        keys = {}
        if isinstance(item_node, yaml.MappingNode):
            keys = {k.value: k.start_mark.line + 1 for k, _ in item_node.value if isinstance(k, yaml.ScalarNode)}
        entries.append(RawEntry(item, item_node.start_mark.line + 1, keys))
    return entries, []


def source_text(entry: dict, field_name: str, lang: str) -> str | None:
    """An entry's title or note as the edition `lang` shows it."""
    if lang != DEFAULT_LANG and field_name in (entry.get(lang) or {}):
        return entry[lang][field_name]
    return entry.get(field_name)


def registry_hosts(registry: dict[str, dict]) -> set[str]:
    """The host names of every registered source's address."""
    return {urlsplit(e["url"]).hostname for e in registry.values() if isinstance(e.get("url"), str)}
