"""The editions' configs (mkdocs.yml, mkdocs.fr.yml), read without an engine.

Both engines read the same files. Reading them here, with PyYAML, lets the
rules and tools use the nav, the published address and the language data
without importing MkDocs or Zensical.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .editions import DEFAULT, EDITIONS
from .layout import ROOT


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
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
    """A config file with its INHERIT chain resolved, merged as MkDocs merges
    it (mappings deeply, everything else replaced). Raises FileNotFoundError
    and yaml.YAMLError as they come."""
    path = root / config
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    parent = data.pop("INHERIT", None)
    if parent:
        data = _merge(load_config((path.parent / parent).relative_to(root), root), data)
    return data


@functools.cache
def edition_config(lang: str) -> dict:
    """The merged config of the repository's own edition `lang` (cached)."""
    return load_config(next(ed.config for ed in EDITIONS if ed.lang == lang))


def nav_pages(nav) -> list[str]:
    """The page files a nav lists, in order (external links left out)."""
    found: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str) and not urlsplit(value).scheme:
            found.append(value)
    return found


def nav_shape(nav) -> list:
    """The nav with its titles removed: what every edition must share."""
    shape = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        shape.append(nav_shape(value) if isinstance(value, list) else value)
    return shape


def site_prefix(config: dict) -> tuple[str, str]:
    """(origin, path) of an edition's published address, from its site_url:
    ('https://owner.github.io', '/russia-north-korea-pact/')."""
    parts = urlsplit(config.get("site_url") or "/")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}", path


def published() -> tuple[str, str]:
    """(origin, path) of the default edition's published address."""
    return site_prefix(edition_config(DEFAULT.lang))


def edition_roots(root: Path = ROOT) -> dict[str, str]:
    """{lang: absolute address of that edition's home}, from extra.alternate."""
    config = load_config(DEFAULT.config, root)
    return {alt["lang"]: alt["root"] for alt in config["extra"]["alternate"]}
