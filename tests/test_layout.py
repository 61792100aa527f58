"""The shape of the code stays as README's Layout section describes it: one
package whose parts each have their tests (collected by pytest), no module
over 400 lines, and no import that edits sys.path."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from explainer.model.layout import ROOT

PACKAGE = ROOT / "scripts" / "explainer"
PARTS = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
MAX_LINES = 400
PYTHON = sorted(
    p for folder in ("scripts", "tests") for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts
)


def test_the_package_has_its_parts():
    assert PARTS == ["bench", "build", "checks", "model", "tools"]


def test_every_part_has_tests_that_pytest_collects():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "",
            *(f"tests/{p}" for p in PARTS),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    collected = {line.split("/")[1] for line in done.stdout.splitlines() if line.startswith("tests/") and "::" in line}
    missing = [p for p in PARTS if p not in collected]
    assert not missing, (
        f"no test collected under tests/{', tests/'.join(missing)}; check norecursedirs in pyproject.toml\n{done.stdout[-2000:]}"
    )


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small_and_leave_sys_path_alone(path):
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it by concern (at most {MAX_LINES})"
    assert not re.search(r"sys\.path\.(insert|append)|sys\.path\s*=", text), (
        f"{path.relative_to(ROOT)} changes sys.path; import from the explainer package instead (the venv's .pth finds it)"
    )
