"""Shared fixtures: the real site, built once, and scratch copies of the
repository for feeding the rules deliberately broken pages."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import siterules  # noqa: E402
import sitebuild  # noqa: E402

# What a scratch copy needs to build: configs, pages, rules.
COPY = ["mkdocs.yml", *(ed.config for ed in siterules.EDITIONS[1:]), "docs", "scripts"]


@pytest.fixture(scope="session")
def registry() -> dict[str, dict]:
    reg, problems = siterules.load_registry()
    assert not problems, siterules.report(problems)
    return reg


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The whole site, built strictly once per test run: (site folder, build log)."""
    site = tmp_path_factory.mktemp("build") / "site"
    log = sitebuild.build_site(site)
    return site, log


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built[0]


@pytest.fixture
def scratch(tmp_path) -> Path:
    """A throw-away copy of the repository to break on purpose."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, root / name)
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text isn't there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
