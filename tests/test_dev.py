"""The task entry point and the page scaffolder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

import newpage
import siterules
from conftest import ROOT


def test_help_lists_every_command():
    out = subprocess.run([sys.executable, str(ROOT / "scripts/dev.py"), "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("serve", "test", "build", "new-page", "audit", "sources", "fingerprint", "lock"):
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
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(fake)},
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "dev.py: Python's venv module is missing. On Debian or Ubuntu: sudo apt install python3-venv"
    assert not (repo / ".venv").exists()


def test_new_page_creates_valid_pages_in_every_edition(scratch, registry):
    created = newpage.create("sanctions", "Sanctions", root=scratch, today=dt.date(2026, 11, 1))
    assert created == [f"{ed.docs}/sanctions.md" for ed in siterules.EDITIONS]
    for ed in siterules.EDITIONS:
        page, problems = siterules.split_front_matter(scratch / ed.docs / "sanctions.md", root=scratch)
        problems += siterules.check_front_matter(page, registry, today=dt.date(2026, 11, 28), root=scratch)
        assert not problems, siterules.report(problems)
        nav = siterules.load_config(ed.config, root=scratch)["nav"]
        assert "sanctions.md" in siterules.nav_pages(nav)
        assert siterules.check_nav(nav, ed, root=scratch) == []
        # Unfinished until an editor writes it, and the checks say so.
        assert siterules.check_unfinished(page, root=scratch)


def test_new_page_refuses_to_overwrite(scratch):
    before = (scratch / "docs/en/treaty.md").read_text()
    with pytest.raises(newpage.PageError, match="docs/en/treaty.md already exists; new-page never overwrites a page"):
        newpage.create("treaty", "The pact again", root=scratch)
    assert (scratch / "docs/en/treaty.md").read_text() == before


def test_new_page_rejects_bad_slug(scratch):
    with pytest.raises(newpage.PageError, match="'Bad Slug' is not a valid slug"):
        newpage.create("Bad Slug", "Title", root=scratch)


def test_pytest_options_pass_through():
    sys.path.insert(0, str(ROOT / "scripts"))
    import dev

    args = dev.parse(["test", "-q", "-m", "not browser", "tests/test_nav.py"])
    assert args.pytest_args == ["-q", "-m", "not browser", "tests/test_nav.py"] and not args.online
    assert dev.parse(["test", "--online", "-x"]).online
    with pytest.raises(SystemExit):
        dev.parse(["build", "-q"])
