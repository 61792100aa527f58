"""Browser checks: the built site served over local HTTP at its published
path, as GitHub Pages serves it (tools/pages_server.py), and one system
Chromium for the session (tools/chromium.py).

Chromium is never downloaded. Without it the browser checks are skipped,
except under CI=true, where that fails.
"""

from __future__ import annotations

import os

import pytest

from explainer.model.config import edition_config, published
from explainer.model.editions import DEFAULT_LANG
from explainer.tools.chromium import ARGS, find_chromium
from explainer.tools.pages_server import PagesHandler, PagesServer

CI = os.environ.get("CI") == "true"
CONFIG = edition_config(DEFAULT_LANG)
BASE_PATH = published()[1]  # e.g. /russia-north-korea-pact/


def unavailable(reason: str) -> None:
    """Skip outside CI; fail under CI=true, where every check must run."""
    if CI:
        pytest.fail(f"{reason} (CI=true: the browser checks must run here)")
    pytest.skip(reason)


def Server(site, handler: type[PagesHandler] = PagesHandler) -> PagesServer:  # noqa: N802  (reads as a class)
    """The site as the checks see it: at its published path, uncompressed
    (some checks cut pages into parts on their way out)."""
    return PagesServer(site, BASE_PATH, handler, gzip=False)


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
        chromium = pw.chromium.launch(executable_path=executable, args=list(ARGS))
        yield chromium
        chromium.close()


@pytest.fixture
def reader(browser, server, request):
    """A light-palette page, nothing stored, and its recorder, whose messages
    name the test. Closed after the test."""
    from .checks import new_audit  # checks.py imports this module

    context, page, checks = new_audit(browser, server, "default", palette=False)
    checks.recorder.current = request.node.name
    yield context, page, checks
    context.close()
