"""The preview (tools/serve.py, tools/preview.py): problems in the terminal
and on the page, the site's 404, a failed rebuild shown in the browser, and
nothing left behind. The banner is the server's: a normal build has none."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from explainer.model.config import published
from explainer.model.html import html_pages
from explainer.model.problems import Problem
from explainer.tools.preview import BANNER_ID, Board
from tests.support import add_before_footnotes, edit

MOUNT = published()[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 120) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8"), dict(r.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8"), dict(err.headers)


def banner_after(port: int, seen: int) -> tuple[int, str]:
    """The banner once its version is newer than `seen`."""
    _, text, headers = get(f"http://127.0.0.1:{port}/.preview/problems/{seen}")
    return int(headers["X-Problems-Version"]), text


def test_banner_lists_each_problem_escaped():
    board = Board()
    assert board.banner() == f'<div id="{BANNER_ID}" role="status" class=""></div>'
    board.show([Problem("docs/en/treaty.md:4", "link <b> is broken", "fix it")])
    assert "<code>docs/en/treaty.md:4</code>: link &lt;b&gt; is broken; <em>fix it</em>" in board.banner()
    assert "1 problem to fix before this can be published." in board.banner()
    board.show([Problem("mkdocs.yml", "did not build", "see above")], failed=True)
    assert 'class="failed"' in board.banner() and "The last rebuild failed" in board.banner()


def test_published_pages_have_no_banner(site):
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        assert BANNER_ID not in text and "/.preview/" not in text, f"{page}: the preview banner was published"


@pytest.fixture
def preview(scratch, tmp_path):
    """The preview server on a broken copy of the repository; yields
    (port, process, temporary folder), and stops it at the end."""
    add_before_footnotes(scratch / "docs/en/glossary.md", "TODO: define strategic partnership.")
    port, temp = free_port(), tmp_path / "tmp"
    temp.mkdir()
    code = f"from pathlib import Path; from explainer.tools.serve import serve; serve('127.0.0.1', {port}, root=Path({str(scratch)!r}))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "TMPDIR": str(temp)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as in a terminal
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            get(f"http://127.0.0.1:{port}{MOUNT}", timeout=5)
            break
        except OSError:
            assert proc.poll() is None, proc.communicate()[0]
            time.sleep(0.5)
    yield port, proc, temp
    if proc.poll() is None:
        proc.kill()
        proc.communicate()


def test_preview_shows_problems_404s_failures_and_cleans_up(preview, scratch):
    port, proc, temp = preview
    version, banner = banner_after(port, 0)
    while "TODO" not in banner:  # the first check may still be running
        version, banner = banner_after(port, version)
    assert "docs/en/glossary.md:" in banner and "placeholder text “TODO” is still in the page" in banner

    status, page, _ = get(f"http://127.0.0.1:{port}{MOUNT}treaty/")
    assert status == 200 and f'<div id="{BANNER_ID}"' in page and "TODO" in page

    status, page, _ = get(f"http://127.0.0.1:{port}{MOUNT}no/such/page/")
    assert status == 404 and "Page not found" in page and "Page introuvable" in page and BANNER_ID in page

    edit(scratch / "docs/.overrides/main.html", "{% block", "{% block broken %}{% if %}{% endblock %}\n{% block", 1)
    while "The last rebuild failed" not in banner:
        version, banner = banner_after(port, version)
    assert "docs/.overrides/main.html:13</code>: the build stopped: TemplateSyntaxError" in banner, banner
    status, page, _ = get(f"http://127.0.0.1:{port}{MOUNT}treaty/")
    assert status == 200 and "The last rebuild failed" in page  # the last good page, with the error over it

    proc.send_signal(signal.SIGINT)
    out = proc.communicate(timeout=60)[0]
    assert proc.returncode == 0, out
    assert "placeholder text “TODO” is still in the page" in out and "The rebuild failed" in out
    assert re.search(r"Ctrl-C stops the preview", out)
    assert list(temp.iterdir()) == [], "the preview left its temporary folder behind"
