"""Each browser check fails on a page broken on purpose, with a message that
names the page, the element and the rule. The pages are real built pages,
changed on their way to the browser (Playwright routes) or, where the check
needs its own server, in a temporary copy of the site; the built site is
never touched."""

from __future__ import annotations

import re
import shutil

import pytest

from .checks import Target, axe_source, change_css, change_page, new_audit
from .startup import header_in_parts_problems, material_start_problems

pytestmark = pytest.mark.browser

PAGE = Target("treaty/index.html", "treaty/")


@pytest.fixture
def audit(browser, server):
    """(context, page, audit) in the light palette; closed after the test."""
    context, page, run = new_audit(browser, server, "default")
    yield context, page, run
    context.close()


def before_body_end(markup: str):
    return lambda html: html.replace("</body>", markup + "</body>", 1)


def without_csp(html: str) -> str:
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html, count=1)


def run(audit, server, layout=False, scheme="default") -> dict[str, list[str]]:
    _, page, checks = audit
    checks.run(page, server, PAGE, scheme, layout=layout)
    return checks.results()


def joined(results, kind) -> str:
    return "\n".join(results.get(kind, []))


def test_low_contrast_text_fails_axe(audit, server):
    change_css(audit[0], ".md-typeset h1 { color: #d0d0d0 !important; }")
    found = joined(run(audit, server), "axe")
    assert "treaty/index.html (light): axe color-contrast (serious)" in found
    assert re.search(r"Element \S+: <h1", found) and "insufficient color contrast of 1.54" in found


def test_missing_file_is_a_failed_request(audit, server):
    change_page(
        audit[0],
        server,
        PAGE.path,
        before_body_end('<script src="/russia-north-korea-pact/assets/missing.js"></script>'),
    )
    results = run(audit, server)
    assert re.search(
        r"treaty/index.html \(light\): script http://127.0.0.1:\d+/russia-north-korea-pact/assets/missing.js answered 404",
        joined(results, "requests"),
    )
    assert "treaty/index.html (light): console error: Failed to load resource" in joined(results, "console")


def test_script_error_is_reported(audit, server):
    context = audit[0]
    context.route(
        "**/assets/broken.js",
        lambda route: route.fulfill(body="throw new Error('broken on purpose')", content_type="text/javascript"),
    )
    change_page(
        context, server, PAGE.path, before_body_end('<script src="/russia-north-korea-pact/assets/broken.js"></script>')
    )
    assert "treaty/index.html (light): uncaught JavaScript error: broken on purpose" in joined(
        run(audit, server), "console"
    )


def test_request_to_another_origin_is_reported_and_never_sent(audit, server):
    # Without the CSP, which would stop it first (see test_inline_script_without_hash_is_blocked).
    change_page(
        audit[0],
        server,
        PAGE.path,
        lambda html: before_body_end('<img src="https://cdn.example.com/pixel.png" alt="">')(without_csp(html)),
    )
    found = joined(run(audit, server), "third-party")
    assert (
        "treaty/index.html (light): image request to https://cdn.example.com/pixel.png; the site must make no request to another origin"
        in found
    )


def test_inline_script_without_hash_is_blocked(audit, server):
    """The CSP is enforced: an inline script that the build did not hash
    does not run, and the violation is reported; the hashed ones do run."""
    context, page, _ = audit
    change_page(context, server, PAGE.path, before_body_end("<script>window.__x = 1</script>"))
    results = run(audit, server)
    assert page.evaluate("window.__x") is None
    assert page.evaluate("typeof __md_get") == "function", "Material's own (hashed) inline scripts should run"
    assert (
        "treaty/index.html (light): Content-Security-Policy violation: script-src-elem blocked an inline resource"
        in joined(results, "csp")
    )


def test_script_tag_added_by_playwright_is_blocked_too(audit, server):
    """Why the checks evaluate axe-core instead of adding it as a <script>."""
    from playwright.sync_api import Error as PlaywrightError

    _, page, _ = audit
    page.goto(server.url(PAGE.path))
    with pytest.raises(PlaywrightError, match=r"Content Security Policy|addScriptTag"):
        page.add_script_tag(content="window.__y = 1")
    assert page.evaluate("window.__y") is None
    page.evaluate(axe_source())
    assert page.evaluate("typeof axe.run") == "function"


def test_wrong_palette_is_reported(browser, server):
    context, page, checks = new_audit(browser, server, "slate")  # the stored choice says dark…
    try:
        checks.run(page, server, PAGE, "default", layout=False)  # …the check expects light
        assert "treaty/index.html (light): the page opened in palette 'slate', not 'default'" in joined(
            checks.results(), "palette"
        )
    finally:
        context.close()


def test_too_wide_element_is_reported(audit, server):
    change_page(audit[0], server, PAGE.path, before_body_end('<svg width="2000" height="4"></svg>'))
    found = joined(run(audit, server, layout=True), "overflow")
    assert "treaty/index.html (light): at 360 px wide the page is" in found and '<svg width="2000"' in found


def test_missing_skip_link_is_reported(audit, server):
    change_page(
        audit[0],
        server,
        PAGE.path,
        lambda html: re.sub(r'<a href="[^"]*" class="md-skip">.*?</a>', "", html, count=1, flags=re.S),
    )
    found = joined(run(audit, server, layout=True), "skip-link")
    assert "treaty/index.html (light): the first keyboard stop is" in found and "not a 'Skip to content' link" in found


def test_hidden_focus_is_reported(audit, server):
    change_css(
        audit[0],
        ":focus, :focus-visible, .focus-visible, .focus-visible + label { outline: none !important; box-shadow: none !important; }",
    )
    found = joined(run(audit, server, layout=True), "focus")
    assert (
        "treaty/index.html (light): keyboard stop 1, '<a href=" in found
        and "has no focus indicator (outline or box-shadow)" in found
    )


def eager_start(html: str) -> str:
    """The page with Material's bundle started at load, as before it waited
    for the reader (its inline script changed, so its CSP hash goes too)."""
    marker = "if (highlight) return start()"
    assert marker in html, f"partials/on-demand.html no longer has {marker!r}; update this test"
    return without_csp(html).replace(marker, "return start()", 1)


def test_material_starting_without_activity_is_reported(audit, server):
    context, page, _ = audit
    change_page(context, server, PAGE.path, eager_start)
    page.goto(server.url(PAGE.path))
    page.wait_for_load_state("networkidle")
    found = "\n".join(material_start_problems(page, "treaty/"))
    assert "treaty/: Material's bundle started with no activity from the reader; it must wait for one" in found


def test_first_view_that_changes_when_material_starts_is_reported(audit, server):
    context, page, _ = audit
    change_css(context, "[data-md-component=palette] label[hidden] { display: none !important; }")
    page.goto(server.url(PAGE.path))
    page.wait_for_load_state("networkidle")
    found = "\n".join(material_start_problems(page, "treaty/"))
    # The hidden palette switch appears, and the header makes room for it.
    assert re.search(
        r'treaty/: when Material starts, <form class="md-header__option"> #\d+ changes from \d+ \d+ 0 0 .* to \d+ \d+ 48 48 ',
        found,
    ), found
    assert "the first view must already look as Material leaves it (see main.html and explainer.css)" in found


def test_header_painted_half_parsed_is_reported(site, browser, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "treaty/index.html"
    html, expect = re.subn(r'<link rel="expect"[^>]*>', "", page.read_text(encoding="utf-8"))
    assert expect == 1, "main.html no longer writes one <link rel=expect> per page; update this test"
    page.write_text(html, encoding="utf-8")
    (copy / "fr/treaty/index.html").write_text(
        (site / "fr/treaty/index.html")
        .read_text(encoding="utf-8")
        .replace('<div class="md-search" data-md-component="search"', "<div"),
        encoding="utf-8",
    )
    found = "\n".join(header_in_parts_problems(browser, copy, ("treaty/", "fr/treaty/")))
    assert re.search(
        r"(?m)^treaty/index.html: the header was painted half parsed, and moved when the rest arrived \(layout shift 0\.\d+ at \d+ ms: <",
        found,
    ), found
    assert (
        'the page needs <link rel="expect" href="#..." blocking="render"> naming an element after the header' in found
    )
    assert (
        'fr/treaty/index.html: the header has no <div class="md-search" data-md-component="search" to cut the page at'
        in found
    )
