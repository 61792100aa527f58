"""Every built page is valid HTML, by the Nu Html Checker (vnu, the W3C
validator), run once over the whole site.

vnu is the pinned npm package vnu-jar and needs Java. Without Java the check
is skipped, except under CI=true, where that fails."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import siterules

VNU = siterules.ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FIX = "fix the template that writes it (docs/.overrides, or scripts/markup.py for Material's own markup) or the page's Markdown"
# The checker predates <link rel="expect" href="#id" blocking="render"> (WHATWG
# HTML, "link-type-expect"), which main.html writes on every page, and still
# allows `blocking` only with rel=stylesheet. That one message, on exactly
# such a link, is the checker's gap; on any other element it is an error.
EXPECT_GAP = "A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”."
EXPECT_LINK = re.compile(r'<link rel="expect" href="#[^"\s]+" blocking="render">')


def java() -> str:
    reasons = []
    if not VNU.is_file():
        reasons.append(f"{siterules.rel(VNU)} is missing: run `python3 scripts/dev.py test`, which installs the pinned Node tools")
    found = shutil.which("java")
    if not found:
        reasons.append("no Java on PATH for the Nu Html Checker (Debian: apt install default-jre-headless)")
    if reasons:
        if os.environ.get("CI") == "true":
            pytest.fail("; ".join(reasons) + " (CI=true: the HTML check must run here)")
        pytest.skip("; ".join(reasons))
    return found


def validate(pages: list[Path], root: Path) -> list[siterules.Problem]:
    """Errors the Nu checker finds in `pages`, named relative to `root`."""
    done = subprocess.run(
        [java(), "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(done.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"the Nu checker did not answer in JSON:\n{done.stdout}\n{done.stderr}") from None
    by_url = {p.resolve().as_uri(): siterules.rel(p, root) for p in pages}
    problems = []
    for m in messages:
        start, length = m.get("hiliteStart", 0), m.get("hiliteLength", 0)
        if m.get("message") == EXPECT_GAP and EXPECT_LINK.fullmatch((m.get("extract") or "")[start : start + length]):
            continue
        url = m.get("url", "")
        where = by_url.get(url) or by_url.get(url.replace("file:/", "file:///", 1)) or url
        if m.get("lastLine"):
            where += f":{m['lastLine']}"
        extract = " ".join((m.get("extract") or "").split())
        problems.append(siterules.Problem(where, f"HTML {m.get('type', 'error')}: {m.get('message', '')}" + (f" (at: {extract})" if extract else ""), FIX))
    return problems


def test_every_built_page_is_valid_html(site):
    pages = siterules.html_pages(site)
    assert len(pages) > 10, f"only {len(pages)} pages found in the built site"
    problems = validate(pages, site)
    assert not problems, siterules.report(problems)


def test_invalid_html_is_reported(tmp_path):
    page = tmp_path / "broken" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Broken</title>\n'
        '<link rel="expect" href="#main" blocking="render">\n<link rel="icon" href="/favicon.png" blocking="render">\n</head>\n'
        '<body>\n<input type="checkbox" id="__drawer" autocomplete="off">\n<ul><p>Not a list item</p></ul>\n<p id="main">x</p>\n</body></html>\n',
        encoding="utf-8",
    )
    msg = siterules.report(validate([page], tmp_path))
    assert "broken/index.html:7: HTML error: Attribute “autocomplete” is only allowed when the input type is" in msg
    assert "broken/index.html:8: HTML error: Element “p” not allowed as child of element “ul”" in msg
    # `blocking` is allowed on rel=expect (the checker's gap above), and nowhere else but stylesheets.
    assert f"broken/index.html:4: HTML error: {EXPECT_GAP} (at: " in msg and 'rel="icon"' in msg
    assert ":3:" not in msg, msg
    assert "fix the template that writes it" in msg
