"""Page weight: every page's first view fits the budget (checks/budget.py).

That the speed levers change nothing a reader sees is tested with them
(tests/build/) and in a real browser (tests/browser/test_speed.py). The
Lighthouse benchmark is `python3 scripts/dev.py audit`, not a test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from explainer.checks import budget as pageweight
from explainer.model.config import published
from explainer.model.html import html_pages
from explainer.model.problems import report

BASE = published()[1]


# --------------------------------------------------------------------------
# The budget, on the real site
# --------------------------------------------------------------------------


def test_first_view_is_counted_from_files_of_the_site(site):
    """The count is not vacuous: each page loads its stylesheets and the
    bundle, every file it counts exists, and none is on another origin."""
    for page in html_pages(site):
        weight = pageweight.page_weight(page, site, BASE)
        urls = [a.url for a in weight.assets]
        assert any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls), (
            f"{weight.page}: counted only {urls}"
        )
        odd = [f"{a.url} ({a.why})" for a in weight.assets if a.why.endswith(("(missing)", "(another origin)"))]
        assert not odd, f"{weight.page}: first view loads {odd}"


# --------------------------------------------------------------------------
# The budget rule, fed broken pages
# --------------------------------------------------------------------------


def tiny_site(tmp_path: Path, body: str, files: dict[str, bytes] | None = None) -> Path:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text(
        f"<!doctype html><html><head></head><body>{body}</body></html>", encoding="utf-8"
    )
    for name, data in (files or {}).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return site


@pytest.mark.rule("page-weight")
def test_heavy_page_fails_naming_the_page_and_its_heaviest_assets(tmp_path):
    site = tiny_site(
        tmp_path,
        '<link rel="icon" href="../favicon.svg"><img src="../assets/big.png" alt=""><script src="../app.js"></script>',
        {"assets/big.png": os.urandom(100_000), "app.js": b"let x = 1\n", "favicon.svg": b"<svg/>"},
    )
    msg = report(pageweight.check_page_weight(site, BASE))
    assert msg.startswith("page/index.html: page weight: weighs 9"), msg
    assert "gzipped on first view (budget 60.0 KB); heaviest: assets/big.png 97.7 KB (<img src>), " in msg
    assert "compress or shrink the page's images (the heaviest first), or use fewer" in msg


@pytest.mark.rule("page-weight")
def test_too_many_requests_fails(tmp_path):
    scripts = "".join(f'<script src="../s{i}.js"></script>' for i in range(9))
    site = tiny_site(tmp_path, scripts, {f"s{i}.js": b"1" for i in range(9)} | {"favicon.ico": b"x"})
    msg = report(pageweight.check_page_weight(site, BASE))
    assert "page/index.html: page weight: makes 11 requests on first view (budget 8); heaviest: " in msg
    assert "reference fewer files: each image, script and stylesheet the page loads is a request" in msg


@pytest.mark.rule("page-weight")
def test_a_page_whose_text_is_too_long_is_told_how_much_room_it_has(tmp_path):
    words = " ".join(f"word{i}-{os.urandom(4).hex()}" for i in range(9000))
    site = tiny_site(
        tmp_path, f'<link rel="stylesheet" href="../a.css"><p>{words}</p>', {"a.css": b"p{}", "favicon.ico": b""}
    )
    msg = report(pageweight.check_page_weight(site, BASE))
    assert re.search(
        r"the page's own text weighs \d+\.\d KB gzipped, and the files every page shares leave it 60\.0 KB: "
        r"shorten the text \(a long entry, note or footnote\), or split the page in two",
        msg,
    ), msg


def test_text_is_counted_gzipped_and_fonts_in_stylesheets_count(tmp_path):
    css = b"@font-face{font-family:x;src:url(font.woff2)}" + b"body{color:red}" * 2000
    site = tiny_site(
        tmp_path,
        '<link rel="stylesheet" href="../a.css">',
        {"a.css": css, "font.woff2": b"F" * 70_000, "favicon.ico": b""},
    )
    weight = pageweight.page_weight(site / "page" / "index.html", site, BASE)
    sizes = {a.url: a.bytes for a in weight.assets}
    assert sizes["a.css"] < len(css) / 20, "stylesheets are counted gzipped"
    assert sizes["font.woff2"] == 70_000, "fonts are counted as they are"
    assert "page/index.html: page weight: weighs 68." in report(pageweight.check_page_weight(site, BASE))


MATERIAL_PAGE = (
    '<form name="search"></form>'
    '<script id="__config" type="application/json">{"base": "..", "search": "../assets/javascripts/workers/search.1.min.js"}</script>'
)


def test_material_search_counts_unless_held_back(tmp_path):
    files = {
        "search/search_index.json": b'{"docs": []}',
        "assets/javascripts/workers/search.1.min.js": b"w",
        "favicon.ico": b"",
    }
    eager = tiny_site(tmp_path / "a", MATERIAL_PAGE, files)
    urls = [a.url for a in pageweight.page_weight(eager / "page" / "index.html", eager, BASE).assets]
    assert "search/search_index.json" in urls and "assets/javascripts/workers/search.1.min.js" in urls
    lazy = tiny_site(tmp_path / "b", MATERIAL_PAGE + '<script id="__on-demand"></script>', files)
    urls = [a.url for a in pageweight.page_weight(lazy / "page" / "index.html", lazy, BASE).assets]
    assert "search/search_index.json" not in urls and not any("workers" in u for u in urls)


def test_live_repository_link_counts_requests_to_the_github_api(tmp_path):
    site = tiny_site(
        tmp_path,
        MATERIAL_PAGE.replace("search", "x") + '<a data-md-component="source" href="https://github.com/o/r">r</a>',
        {"favicon.ico": b""},
    )
    msg = report(pageweight.check_page_weight(site, BASE, request_budget=2))
    assert (
        "makes 4 requests" in msg
        and "https://api.github.com/repos/o/r 0.0 KB (Material's repository facts, on load (another origin))" in msg
    )
