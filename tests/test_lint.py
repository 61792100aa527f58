"""The Python code is clean by ruff's rules and formatted by it (pyproject.toml)."""

from __future__ import annotations

import shutil

from explainer.model.layout import ROOT
from explainer.tools.lint import lint


def test_code_is_linted_and_formatted():
    clean, report = lint()
    assert clean, report


def test_lint_problems_are_reported_with_file_line_and_rule(tmp_path):
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "bad.py").write_text("import os\nx   =  1\n", encoding="utf-8")
    clean, report = lint(root=tmp_path, paths=("scripts",))
    assert not clean
    assert "scripts/bad.py:1:8: F401 [*] `os` imported but unused" in report
    assert "scripts/bad.py:2:1: unformatted: File would be reformatted" in report
    assert "python3 scripts/dev.py lint --fix" in report
