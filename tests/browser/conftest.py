"""Browser checks: the built site served over local HTTP at its published
path, as GitHub Pages serves it, and one system Chromium for the session.

Chromium comes from CHROMIUM_PATH or PATH and is never downloaded. Without it
the browser checks are skipped, except under CI=true, where that fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import siterules

CI = os.environ.get("CI") == "true"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
# Without these, Chromium calls Google hosts (updates, sync, field trials).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CONFIG = siterules.load_config(siterules.EDITIONS[0].config)
BASE_PATH = siterules.site_prefix(CONFIG)[1]  # e.g. /russia-north-korea-pact/


def unavailable(reason: str) -> None:
    """Skip outside CI; fail under CI=true, where every check must run."""
    if CI:
        pytest.fail(f"{reason} (CI=true: the browser checks must run here)")
    pytest.skip(reason)


def find_chromium() -> tuple[str | None, str]:
    """(executable, how it was looked for)."""
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        found = env if os.access(env, os.X_OK) else shutil.which(env)
        return found, f"CHROMIUM_PATH={env} is not an executable"
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found, ""
    return None, f"no Chromium: set CHROMIUM_PATH or put one of {', '.join(CHROMIUM_NAMES)} on PATH"


# --------------------------------------------------------------------------
# The site, over HTTP, at its published path
# --------------------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """GitHub Pages as far as the checks can tell: the site under BASE_PATH,
    folders redirected to their trailing slash, and the root 404.html (with
    status 404) for anything missing."""

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(BASE_PATH):
            return str(Path(self.directory) / "\0outside")  # never a file: 404
        return super().translate_path("/" + path[len(BASE_PATH) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):  # quiet: failures are reported by the checks
        pass


class Server:
    def __init__(self, site: Path, handler: type[SiteHandler] = SiteHandler):
        self.site = site
        handler = functools.partial(handler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.base = self.origin + BASE_PATH  # the default edition's home
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """Address of a path inside the site, e.g. 'fr/treaty/'."""
        return self.base + path

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    with Server(site) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    executable, reason = find_chromium()
    if executable is None:
        unavailable(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (it comes with requirements.lock)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
