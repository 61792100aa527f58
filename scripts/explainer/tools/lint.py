"""`dev.py lint`: ruff's lint rules and formatter over the Python code, with
the configuration in pyproject.toml. The test run checks the same
(tests/test_lint.py); `--fix` applies ruff's safe fixes and formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..model.layout import ROOT

PATHS = ("scripts", "tests")


def ruff(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=root, capture_output=True, text=True)


def lint(fix: bool = False, root: Path = ROOT, paths: tuple[str, ...] = PATHS) -> tuple[bool, str]:
    """(clean, ruff's report) for `paths` of the repository at `root`:
    lint problems each at file:line:column with the rule, and the files the
    formatter would change."""
    if fix:
        ruff("check", "--fix", "--quiet", *paths, root=root)
        ruff("format", "--quiet", *paths, root=root)
    checked = ruff("check", "--output-format", "concise", *paths, root=root)
    formatted = ruff("format", "--check", "--output-format", "concise", *paths, root=root)
    clean = checked.returncode == 0 and formatted.returncode == 0
    report = [checked.stdout.strip(), checked.stderr.strip()]
    if formatted.returncode:
        report.append(formatted.stdout.strip() + "\nRun `python3 scripts/dev.py lint --fix` to format them.")
    return clean, "\n".join(part for part in report if part)
