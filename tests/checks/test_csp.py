"""The Content-Security-Policy on every built page (build/csp.py): strict,
and listing the hash of exactly the inline scripts the page has. The browser
tests (tests/browser/) prove that Chromium enforces it."""

from __future__ import annotations

import re

import pytest

from explainer.checks.csp import check_page, directives
from explainer.model.problems import report as render


def report(html: str) -> str:
    return render(check_page(html, "treaty/index.html"))


def test_policy_is_the_first_thing_in_head(page_html):
    head = page_html.split("<head>", 1)[1]
    assert head.index('http-equiv="Content-Security-Policy"') < head.index("<script")
    assert re.search(r"^\s*<meta charset=", head), "the charset meta must stay first"
    policy = directives(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page_html).group(1))
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert all(s == "'self'" or s.startswith("'sha256-") for s in policy["script-src"])
    assert len(policy["script-src"]) > 1, "Material's inline scripts should be hashed"


@pytest.mark.rule("csp")
def test_inline_script_without_hash_is_reported(page_html):
    msg = report(page_html.replace("</body>", "<script>window.__x = 1</script></body>"))
    assert re.search(
        r"treaty/index.html: inline <script> #\d+ \('window.__x = 1'\) has no matching sha256 hash in script-src, so browsers block it",
        msg,
    )


@pytest.mark.rule("csp")
def test_missing_policy_is_reported(page_html):
    msg = report(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html))
    assert 'treaty/index.html: no <meta http-equiv="Content-Security-Policy">' in msg


@pytest.mark.rule("csp")
def test_script_before_policy_is_reported(page_html):
    msg = report(page_html.replace("<head>", '<head><script src="early.js"></script>', 1))
    assert "treaty/index.html: a <script> comes before the Content-Security-Policy meta, so it runs unchecked" in msg


@pytest.mark.rule("csp")
def test_unsafe_sources_are_reported(page_html):
    msg = report(page_html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'", 1))
    assert "treaty/index.html: script-src allows 'unsafe-inline' 'unsafe-eval'" in msg


@pytest.mark.rule("csp")
def test_inline_style_and_handlers_are_reported(page_html):
    msg = report(
        page_html.replace("</body>", '<p style="color:red" onclick="go()">x</p><a href="javascript:go()">y</a></body>')
    )
    assert 'treaty/index.html: <p style="color:red">: the policy blocks style attributes' in msg
    assert "treaty/index.html: <p onclick=…>: the policy blocks event-handler attributes" in msg
    assert 'treaty/index.html: <a href="javascript:…">: the policy blocks javascript: URLs' in msg


@pytest.mark.rule("csp")
def test_missing_referrer_policy_is_reported(page_html):
    msg = report(re.sub(r'<meta name="referrer"[^>]*>', "", page_html))
    assert 'treaty/index.html: no <meta name="referrer" content="no-referrer">' in msg
