"""Shared fixtures: the real site, built once, and scratch copies of the
repository for feeding the rules deliberately broken pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.build.site import build
from explainer.checks.registry import load_registry
from explainer.model.editions import EDITIONS
from explainer.model.layout import ROOT
from explainer.model.problems import report

# What a scratch copy needs to build: configs, pages, rules.
COPY = ["mkdocs.yml", *(ed.config for ed in EDITIONS[1:]), "docs", "scripts"]


@pytest.fixture(scope="session")
def registry() -> dict[str, dict]:
    reg, problems = load_registry()
    assert not problems, report(problems)
    return reg


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The whole site, built strictly once per test run: (site folder, build log).

    A page whose front matter breaks a rule is built anyway (report_only), so
    that the front-matter rule reports it once, in tests/checks/test_suite.py,
    instead of every test that needs the site erroring."""
    site = tmp_path_factory.mktemp("build") / "site"
    logs = build(site, report_only=True)
    return site, "\n".join(logs[ed.lang] for ed in EDITIONS)


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def page_html(site) -> str:
    """The built English treaty page, to break on purpose."""
    return (site / "treaty" / "index.html").read_text(encoding="utf-8")


def copy_repository(root: Path) -> Path:
    """A copy of what the site is built from, at `root`."""
    root.mkdir(parents=True)
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, root / name)
    return root


@pytest.fixture
def scratch(tmp_path) -> Path:
    """A throw-away copy of the repository to break on purpose."""
    return copy_repository(tmp_path / "repo")
