"""The editions' configs (mkdocs.yml, mkdocs.fr.yml), read without an engine,
and where the site is published.

Both engines read the same files. Reading them here, with PyYAML, lets the
rules and tools use the nav, the published address and the language data
without importing MkDocs or Zensical.

Where the site is published, and which repository it comes from, is set by
where it is deployed: the environment variables SITE_URL (the default
edition's address, e.g. https://owner.github.io/repo/) and REPO_URL (e.g.
https://github.com/owner/repo), with the values committed in mkdocs.yml as
the default. Every address is derived from those two, here: each edition's
address (the default one plus the edition's prefix, fr/), the hreflang
roots, and the repository's name. The build passes them to the engine
(build/engines.py), and the rules expect them, so a fork's build is correct
without editing a file.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Deployment:
    """Where the site is published and where its source is.

    site_url: the default edition's address, ending with '/'.
    repo_url: the repository's web address, without a trailing '/'."""

    site_url: str
    repo_url: str

    @property
    def repo_name(self) -> str:
        """owner/name, as the theme shows it next to the repository link."""
        return urlsplit(self.repo_url).path.strip("/").removesuffix(".git")

    def edition_url(self, lang: str) -> str:
        """An edition's address: the default one plus the edition's prefix."""
        return self.site_url + next(ed.prefix for ed in EDITIONS if ed.lang == lang)

    @property
    def scope(self) -> str:
        """The path every edition keeps the reader's choices under (Material's
        `extra.scope`): the default edition's, so that a palette chosen in
        one edition holds in the others."""
        return site_prefix({"site_url": self.site_url})[1]

    def overrides(self, config: dict, lang: str) -> dict:
        """The keys of edition `lang`'s config that depend on where the site
        is published; `config` is that edition's committed config."""
        alternates = [{**alt, "root": self.edition_url(alt["lang"])} for alt in config["extra"]["alternate"]]
        return {
            "site_url": self.edition_url(lang),
            "repo_url": self.repo_url,
            "repo_name": self.repo_name,
            "extra": {"alternate": alternates, "scope": self.scope},
        }


def _folder_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


@functools.cache
def _committed(root: Path) -> tuple[str, str]:
    config = load_config(DEFAULT.config, root)
    return config["site_url"], config["repo_url"]


def deployment(root: Path = ROOT, env: dict | None = None) -> Deployment:
    """Where the site is published: SITE_URL and REPO_URL from the
    environment when set, else the values committed in mkdocs.yml."""
    env = os.environ if env is None else env
    site_url, repo_url = _committed(root)
    return Deployment(
        _folder_url(env.get("SITE_URL") or site_url), (env.get("REPO_URL") or repo_url).rstrip("/").removesuffix(".git")
    )


def deployed_config(lang: str, root: Path = ROOT) -> dict:
    """Edition `lang`'s config as the engine builds it: the committed one,
    with the addresses of where the site is deployed."""
    config = load_config(next(ed.config for ed in EDITIONS if ed.lang == lang), root)
    return _merge(config, deployment(root).overrides(config, lang))


def edition_config(lang: str) -> dict:
    """The config of the repository's own edition `lang`, as deployed."""
    where = deployment()
    return _edition_config(lang, where.site_url, where.repo_url)


@functools.cache
def _edition_config(lang: str, site_url: str, repo_url: str) -> dict:
    return deployed_config(lang)


def dump_config(config: dict) -> str:
    """A config as YAML an engine can read: the inverse of load_config, with
    the `!!python/name:…` tags that load_config read as strings made tags again."""
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    return re.sub(r"'(!!python/[^']*)'", r"\1", text)


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
    return site_prefix({"site_url": deployment().site_url})


def edition_roots(root: Path = ROOT) -> dict[str, str]:
    """{lang: absolute address of that edition's home}."""
    where = deployment(root)
    return {ed.lang: where.edition_url(ed.lang) for ed in EDITIONS}
