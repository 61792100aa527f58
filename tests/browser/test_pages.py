"""Every page of every edition, in a real browser, in both palettes:
accessibility (axe-core, WCAG 2.1 A and AA), a clean console, no failed or
third-party request, no Content-Security-Policy violation, and, in the light
palette, a layout that fits a 360 px phone, a skip link and a visible focus.

The pages are loaded once per palette and every check reads the same visit;
each check is then its own test, and its message lists every failing page.
"""

from __future__ import annotations

import pytest

from .checks import new_audit, targets

pytestmark = pytest.mark.browser

CHECKS = ["axe", "console", "requests", "third-party", "csp", "palette", "overflow", "skip-link", "focus"]


@pytest.fixture(scope="module")
def audit(browser, server, site):
    pages = targets(site)
    results, visited = {}, 0
    for scheme in ("default", "slate"):
        context, page, run = new_audit(browser, server, scheme)
        try:
            for target in pages:
                run.run(page, server, target, scheme, layout=scheme == "default")
        finally:
            context.close()
        visited += run.pages
        for kind, messages in run.results().items():
            results.setdefault(kind, []).extend(messages)
    return pages, visited, results


def test_every_page_is_checked_in_both_palettes(audit, site):
    pages, visited, _ = audit
    labels = {p.label for p in pages}
    assert {"index.html", "fr/index.html", "404.html", "fr/404.html"} <= labels, f"pages found: {sorted(labels)}"
    assert visited == 2 * len(pages)


@pytest.mark.parametrize("check", CHECKS)
def test_every_page_passes(audit, check):
    _, _, results = audit
    problems = results.get(check, [])
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
