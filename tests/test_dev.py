"""The task entry point, the page scaffolder and the audit's report."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

import audit
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


def test_audit_names_every_missed_target_with_the_target():
    def result(**figures):
        fields = {"fcp": 900, "lcp": 900, "tbt": 0, "cls": 0.0, "bytes": 50_000, "requests": 6} | figures
        return audit.Result("p", {c: 100 for c in audit.CATEGORIES}, **fields, tti=0, report=ROOT / "none.json")

    assert result().misses() == []
    slow = result(fcp=1230, lcp=1300, tbt=60, cls=0.01, bytes=62_000, requests=9)
    slow.scores["performance"] = 97
    assert slow.misses() == [
        "performance 97", "FCP 1.23 s (target ≤ 1.00 s)", "LCP 1.30 s (target ≤ 1.20 s)", "TBT 60 ms (target ≤ 50 ms)",
        "CLS 0.010 (target ≤ 0.000)", "Bytes 60.5 KB (target ≤ 60.0 KB)", "Req 9 (target ≤ 8)",
    ]
    assert audit.row("p", slow)[1:] == ["97", "100", "100", "100", "1.23 s", "1.30 s", "60 ms", "0.010", "60.5 KB", "9"]
    assert audit.median_row([result(), slow])[5:] == ["1.06 s", "1.10 s", "30 ms", "0.005", "54.7 KB", "7.5"]
