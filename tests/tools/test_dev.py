"""The task entry point, the page scaffolder and the audit's report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from explainer.model.layout import ROOT


def test_help_lists_every_command():
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts/dev.py"), "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("serve", "check", "test", "build", "new-page", "audit", "sources", "fingerprint", "lock"):
        assert command in out


def test_missing_venv_module_is_one_clear_line(tmp_path):
    """On a bare Debian, `venv`/`ensurepip` are missing: say so and name the package."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts/dev.py", repo / "scripts/dev.py")
    shutil.copy2(ROOT / "requirements.lock", repo / "requirements.lock")
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "ensurepip.py").write_text("raise ImportError('No module named ensurepip')\n")
    done = subprocess.run(
        [sys.executable, str(repo / "scripts/dev.py"), "build"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(fake)},
    )
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == "dev.py: Python's venv module is missing. On Debian or Ubuntu: sudo apt install python3-venv"
    )
    assert not (repo / ".venv").exists()


def test_pytest_options_pass_through():
    import dev

    args = dev.parse(["test", "-q", "-m", "not browser", "tests/test_nav.py"])
    assert args.pytest_args == ["-q", "-m", "not browser", "tests/test_nav.py"] and not args.online
    assert dev.parse(["test", "--online", "-x"]).online
    with pytest.raises(SystemExit):
        dev.parse(["build", "-q"])
    assert dev.parse(["check", "--all"]).all and not dev.parse(["check"]).all
