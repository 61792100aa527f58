"""Page weight and speed.

Every page's first view fits the budget (pageweight.py), and the speed levers
keep the site as it was: Material's stylesheets trimmed (csstrim.py) change no
computed style, the collapsed indentation (htmlspace.py) changes no text, and
search, tooltips, the palette toggle and the language switcher still work with
the bundle deferred and search loaded on demand (partials/on-demand.html).
The same in a real browser is tests/browser/test_speed.py. The Lighthouse
benchmark is `python3 scripts/dev.py audit`, not a test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import csstrim
import htmlspace
import pageweight
import siterules

BASE = siterules.site_prefix(siterules.load_config("mkdocs.yml"))[1]
MATERIAL_CSS = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"


# --------------------------------------------------------------------------
# The budget, on the real site
# --------------------------------------------------------------------------


def test_every_page_fits_the_budget(site):
    problems = pageweight.check_page_weight(site, BASE)
    assert not problems, siterules.report(problems)


def test_first_view_is_counted_from_files_of_the_site(site):
    """The count is not vacuous: each page loads its stylesheets and the
    bundle, every file it counts exists, and none is on another origin."""
    for page in siterules.html_pages(site):
        weight = pageweight.page_weight(page, site, BASE)
        urls = [a.url for a in weight.assets]
        assert any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls), f"{weight.page}: counted only {urls}"
        odd = [f"{a.url} ({a.why})" for a in weight.assets if a.why.endswith(("(missing)", "(another origin)"))]
        assert not odd, f"{weight.page}: first view loads {odd}"


# --------------------------------------------------------------------------
# The budget rule, fed broken pages
# --------------------------------------------------------------------------


def tiny_site(tmp_path: Path, body: str, files: dict[str, bytes] | None = None) -> Path:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text(f"<!doctype html><html><head></head><body>{body}</body></html>", encoding="utf-8")
    for name, data in (files or {}).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return site


def test_heavy_page_fails_naming_the_page_and_its_heaviest_assets(tmp_path):
    site = tiny_site(
        tmp_path,
        '<link rel="icon" href="../favicon.svg"><img src="../assets/big.png" alt=""><script src="../app.js"></script>',
        {"assets/big.png": os.urandom(100_000), "app.js": b"let x = 1\n", "favicon.svg": b"<svg/>"},
    )
    msg = siterules.report(pageweight.check_page_weight(site, BASE))
    assert msg.startswith("page/index.html: page weight: weighs 9"), msg
    assert "gzipped on first view (budget 60.0 KB); heaviest: assets/big.png 97.7 KB (<img src>), " in msg
    assert "shrink or drop the heaviest assets" in msg


def test_too_many_requests_fails(tmp_path):
    scripts = "".join(f'<script src="../s{i}.js"></script>' for i in range(9))
    site = tiny_site(tmp_path, scripts, {f"s{i}.js": b"1" for i in range(9)} | {"favicon.ico": b"x"})
    msg = siterules.report(pageweight.check_page_weight(site, BASE))
    assert "page/index.html: page weight: makes 11 requests on first view (budget 8); heaviest: " in msg


def test_text_is_counted_gzipped_and_fonts_in_stylesheets_count(tmp_path):
    css = b"@font-face{font-family:x;src:url(font.woff2)}" + b"body{color:red}" * 2000
    site = tiny_site(tmp_path, '<link rel="stylesheet" href="../a.css">', {"a.css": css, "font.woff2": b"F" * 70_000, "favicon.ico": b""})
    weight = pageweight.page_weight(site / "page" / "index.html", site, BASE)
    sizes = {a.url: a.bytes for a in weight.assets}
    assert sizes["a.css"] < len(css) / 20, "stylesheets are counted gzipped"
    assert sizes["font.woff2"] == 70_000, "fonts are counted as they are"
    assert "page/index.html: page weight: weighs 68." in siterules.report(pageweight.check_page_weight(site, BASE))


MATERIAL_PAGE = (
    '<form name="search"></form>'
    '<script id="__config" type="application/json">{"base": "..", "search": "../assets/javascripts/workers/search.1.min.js"}</script>'
)


def test_material_search_counts_unless_held_back(tmp_path):
    files = {"search/search_index.json": b'{"docs": []}', "assets/javascripts/workers/search.1.min.js": b"w", "favicon.ico": b""}
    eager = tiny_site(tmp_path / "a", MATERIAL_PAGE, files)
    urls = [a.url for a in pageweight.page_weight(eager / "page" / "index.html", eager, BASE).assets]
    assert "search/search_index.json" in urls and "assets/javascripts/workers/search.1.min.js" in urls
    lazy = tiny_site(tmp_path / "b", MATERIAL_PAGE + '<script id="__on-demand"></script>', files)
    urls = [a.url for a in pageweight.page_weight(lazy / "page" / "index.html", lazy, BASE).assets]
    assert "search/search_index.json" not in urls and not any("workers" in u for u in urls)


def test_live_repository_link_counts_requests_to_the_github_api(tmp_path):
    site = tiny_site(tmp_path, MATERIAL_PAGE.replace("search", "x") + '<a data-md-component="source" href="https://github.com/o/r">r</a>', {"favicon.ico": b""})
    msg = siterules.report(pageweight.check_page_weight(site, BASE, request_budget=2))
    assert "makes 4 requests" in msg and "https://api.github.com/repos/o/r 0.0 KB (Material's repository facts, on load (another origin))" in msg


# --------------------------------------------------------------------------
# Trimming Material's stylesheets
# --------------------------------------------------------------------------


def test_css_parser_round_trips_materials_stylesheets():
    for sheet in sorted(MATERIAL_CSS.glob("*.min.css")):
        css = csstrim.SOURCE_MAP.sub("", sheet.read_text(encoding="utf-8")).strip()
        assert csstrim.serialize(csstrim.parse(css)) == css, f"{sheet.name} does not survive parse + serialize"


def edition(tmp_path: Path, css: str, html: str, js: str) -> Path:
    root = tmp_path / "edition"
    for folder in ("assets/stylesheets", "assets/javascripts", "page"):
        (root / folder).mkdir(parents=True)
    (root / "assets/stylesheets/main.1.min.css").write_text(css + "\n/*# sourceMappingURL=main.1.min.css.map*/", encoding="utf-8")
    (root / "assets/stylesheets/main.1.min.css.map").write_text("{}", encoding="utf-8")
    (root / "assets/stylesheets/ours.css").write_text("p{color:var(--ours)}", encoding="utf-8")
    (root / "assets/javascripts/bundle.1.min.js").write_text(js, encoding="utf-8")
    (root / "page/index.html").write_text(html, encoding="utf-8")
    return root


def test_trim_drops_only_rules_no_page_can_match(tmp_path):
    css = (
        "@charset \"UTF-8\";"
        ":root{--used:1px;--unused:2px;--ours:red;--chain:var(--used)}"
        ".a{margin:var(--chain)}.gone{color:red}.a:hover .b:not(.gone){color:blue}"
        ".js-made{top:0}.md-code__button{top:1px}.md-thing--x{top:2px}.admonition.bug{top:3px}.admonition.note{top:4px}"
        "[dir=rtl] .a{left:0}[dir=ltr] .a{right:0}[data-state] .a{bottom:0}[data-md-color-scheme=slate]{--x:1}"
        "@media screen{.gone{color:red}}@media print{.a,.gone{display:none}}@keyframes spin{to{rotate:1turn}}"
    )
    html = '<body dir="ltr"><div class="a"><p class="b admonition note">x</p><input data-md-color-scheme="slate"></div></body>'
    js = 'x("div",{class:"js-made"});e.setAttribute("data-state","");x("button",{class:"md-code__button"});`md-thing--${t}`;"bug"'
    root = edition(tmp_path, css, html, js)
    csstrim.trim_edition(root, [])
    out = (root / "assets/stylesheets/main.1.min.css").read_text(encoding="utf-8")
    assert out == (
        "@charset \"UTF-8\";"
        ":root{--used:1px;--ours:red;--chain:var(--used)}"
        ".a{margin:var(--chain)}.a:hover .b:not(.gone){color:blue}"
        ".js-made{top:0}.md-thing--x{top:2px}.admonition.note{top:4px}"
        "[dir=ltr] .a{right:0}[data-state] .a{bottom:0}"
        "@media print{.a{display:none}}@keyframes spin{to{rotate:1turn}}"
    ), out
    assert not (root / "assets/stylesheets/main.1.min.css.map").exists(), "the stale source map is left behind"
    assert (root / "assets/stylesheets/ours.css").read_text() == "p{color:var(--ours)}", "our own stylesheet was touched"


def test_our_stylesheet_ships_without_comments_and_with_every_rule(site):
    source = (siterules.ROOT / "docs/.overrides/assets/stylesheets/explainer.css").read_text(encoding="utf-8")
    assert "/*" in source, "the source stylesheet has no comments left to strip; this test no longer tests anything"
    for built in sorted(site.rglob("assets/stylesheets/explainer.css")):
        shipped = built.read_text(encoding="utf-8")
        assert "/*" not in shipped, f"{built.relative_to(site)} still has comments; see csstrim.uncomment_step"
        assert re.sub(r"\s+", "", shipped) == re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", source, flags=re.S)), (
            f"{built.relative_to(site)} differs from the source in more than comments and spaces")


def test_uncomment_keeps_strings_and_nested_rules():
    css = '/* why */\n@media print {\n  /* paper */\n  a::after { content: " (/* not a comment */)"; }\n}\np { color: red; /* inline */ }\n'
    assert csstrim.uncomment(css) == '@media print{a::after{ content: " (/* not a comment */)"; }}p{ color: red;  }'


def test_trimmed_stylesheets_keep_what_the_scripts_add(site):
    main = next((site / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    original = next(MATERIAL_CSS.glob("main.*.min.css")).read_text(encoding="utf-8")
    assert len(main) < len(original) / 2, f"trimmed main stylesheet is {len(main)} bytes of {len(original)}"
    for selector in (".md-search-result__item", ".md-tooltip2--active", "body[data-md-scrolllock]", ".md-typeset__table", "[data-md-color-scheme=slate]"):
        assert selector in main + next((site / "assets/stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8"), f"{selector} was trimmed"


# --------------------------------------------------------------------------
# Collapsing indentation
# --------------------------------------------------------------------------


def test_collapse_keeps_attributes_and_preformatted_text():
    html = '<div>\n    \n  <p title="a\n   b">x\n    y</p>  \n <pre>  a\n    b</pre>\n  <code>1\n   2</code><script>if (a)\n    b()</script>\n   </div>'
    assert htmlspace.collapse(html) == '<div>\n<p title="a\n   b">x\ny</p>\n<pre>  a\n    b</pre>\n<code>1\n   2</code><script>if (a)\n    b()</script>\n</div>'


# --------------------------------------------------------------------------
# The audit's pieces (the audit itself is a benchmark: `dev.py audit`)
# --------------------------------------------------------------------------


def test_audit_server_is_like_github_pages(tmp_path):
    import gzip
    import urllib.error
    import urllib.request

    import audit

    (tmp_path / "treaty").mkdir()
    (tmp_path / "treaty" / "index.html").write_text("<p>treaty</p>" * 100, encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>not found</p>", encoding="utf-8")
    with audit.serving(tmp_path, BASE) as origin:
        assert origin.endswith(BASE)
        with urllib.request.urlopen(urllib.request.Request(origin + "treaty/", headers={"Accept-Encoding": "gzip"})) as r:
            assert r.headers["Content-Encoding"] == "gzip" and gzip.decompress(r.read()) == b"<p>treaty</p>" * 100
        with urllib.request.urlopen(origin + "treaty/") as r:  # no Accept-Encoding: plain
            assert r.headers["Content-Encoding"] is None and r.read().startswith(b"<p>treaty</p>")
        try:
            urllib.request.urlopen(origin + "no/such/page/")
            raise AssertionError("a missing page answered 200")
        except urllib.error.HTTPError as err:
            assert err.code == 404 and err.read() == b"<p>not found</p>"


def test_stock_reference_drops_every_customisation(tmp_path):
    import audit

    ours = siterules.load_config("mkdocs.yml")
    stock = siterules.load_config(audit.stock_config(tmp_path / "site"))
    assert "custom_dir" not in stock["theme"] and stock["theme"]["font"] is False
    for key in ("hooks", "extra_css", "extra_javascript"):
        assert key not in stock, f"the stock reference keeps {key}"
    assert stock["nav"] == ours["nav"] and stock["docs_dir"] == str(siterules.ROOT / ours["docs_dir"])
    assert stock["markdown_extensions"] == ours["markdown_extensions"] and stock["theme"]["features"] == ours["theme"]["features"]
