"""Helpers the tests share for making broken inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explainer.checks.validity import MissingToolError
from explainer.model.html import parse
from explainer.model.pages import Page, split_front_matter
from explainer.model.problems import report

# A page that passes every front-matter rule, to break on purpose.
GOOD_PAGE = """---
title: The pact
description: What Russia and North Korea signed in Pyongyang on 19 June 2024, and what it says.
reviewed: 2026-01-15
reporting: 2026-01
sources: [known]
---
# The pact
"""


def add_before_footnotes(path: Path, block: str) -> int:
    """Add a block of Markdown before the page's footnote definitions (or at
    its end); return the line it starts on."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("[^")), len(lines))
    lines[at:at] = [*block.rstrip("\n").split("\n"), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def line_of(path: Path, text: str) -> int:
    """The line of `path` where `text` first occurs."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"test set-up: {text!r} not found in {path}")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text isn't there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def markdown_page(tmp_path: Path, body: str, meta: str = "sources: [known]", where: str = "docs/en/treaty.md") -> Page:
    """A page written to `tmp_path/where` with the given front-matter lines and body."""
    path = tmp_path / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{meta}\n---\n{body}", encoding="utf-8")
    page, problems = split_front_matter(path, root=tmp_path)
    assert page is not None, problems
    return page


def article(html: str):
    """A parsed page whose content is `html`, as a built page wraps it."""
    return parse(f'<article class="md-content__inner">{html}</article>')


def assert_rule_holds(rule, context) -> None:
    """The suite's `rule` finds no problem in `context`; a missing tool skips
    it, except under CI=true, where that fails."""
    try:
        problems = rule.run(context)
    except MissingToolError as err:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{err} (CI=true: the {rule.name} rule must run here)")
        pytest.skip(f"{rule.name}: {err}")
    assert not problems, report(problems)
