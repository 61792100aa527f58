"""Trimming the theme's stylesheets to what the pages can use, and shipping
ours without comments (build/csstrim.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.build import csstrim
from explainer.build.context import StepError
from explainer.build.engines import MKDOCS
from explainer.model.layout import OVERRIDES

MATERIAL_CSS = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"


def edition(tmp_path: Path, css: str, html: str, js: str) -> Path:
    root = tmp_path / "edition"
    for folder in ("assets/stylesheets", "assets/javascripts", "page"):
        (root / folder).mkdir(parents=True)
    (root / "assets/stylesheets/main.1.min.css").write_text(
        css + "\n/*# sourceMappingURL=main.1.min.css.map*/", encoding="utf-8"
    )
    (root / "assets/stylesheets/main.1.min.css.map").write_text("{}", encoding="utf-8")
    (root / "assets/stylesheets/ours.css").write_text("p{color:var(--ours)}", encoding="utf-8")
    (root / "assets/javascripts/bundle.1.min.js").write_text(js, encoding="utf-8")
    (root / "page/index.html").write_text(html, encoding="utf-8")
    return root


def test_trim_drops_only_rules_no_page_can_match(tmp_path):
    css = (
        '@charset "UTF-8";'
        ":root{--used:1px;--unused:2px;--ours:red;--chain:var(--used)}"
        ".a{margin:var(--chain)}.gone{color:red}.a:hover .b:not(.gone){color:blue}"
        ".js-made{top:0}.md-code__button{top:1px}.md-thing--x{top:2px}.admonition.bug{top:3px}.admonition.note{top:4px}"
        "[dir=rtl] .a{left:0}[dir=ltr] .a{right:0}[data-state] .a{bottom:0}[data-md-color-scheme=slate]{--x:1}"
        "[data-md-color-switching] *{transition-duration:0s}"
        "@media screen{.gone{color:red}}@media print{.a,.gone{display:none}}@keyframes spin{to{rotate:1turn}}"
    )
    html = '<body dir="ltr"><div class="a"><p class="b admonition note">x</p><input data-md-color-scheme="slate"></div></body>'
    js = 'x("div",{class:"js-made"});e.setAttribute("data-state","");e.setAttribute("data-md-color-switching","");x("button",{class:"md-code__button"});`md-thing--${t}`;"bug"'
    root = edition(tmp_path, css, html, js)
    csstrim.trim_edition(root, [], MKDOCS)
    out = (root / "assets/stylesheets/main.1.min.css").read_text(encoding="utf-8")
    assert out == (
        '@charset "UTF-8";'
        ":root{--used:1px;--ours:red;--chain:var(--used)}"
        ".a{margin:var(--chain)}.a:hover .b:not(.gone){color:blue}"
        ".js-made{top:0}.md-thing--x{top:2px}.admonition.note{top:4px}"
        "[dir=ltr] .a{right:0}[data-state] .a{bottom:0}"
        "@media print{.a{display:none}}@keyframes spin{to{rotate:1turn}}"
    ), out
    assert not (root / "assets/stylesheets/main.1.min.css.map").exists(), "the stale source map is left behind"
    assert (root / "assets/stylesheets/ours.css").read_text() == "p{color:var(--ours)}", (
        "our own stylesheet was touched"
    )


def test_trim_fails_loudly_when_the_engine_keeps_its_stylesheets_elsewhere(tmp_path):
    root = edition(tmp_path, ".a{}", "<p class=a>", "")
    (root / "assets/stylesheets/main.1.min.css").rename(root / "assets/stylesheets/theme.css")
    with pytest.raises(
        StepError, match=r"found none of the theme's stylesheets \(assets/stylesheets/main\.\*\.min\.css"
    ):
        csstrim.trim_edition(root, [], MKDOCS)


def test_trim_fails_loudly_without_the_theme_scripts(tmp_path):
    root = edition(tmp_path, ".a{}", "<p class=a>", "")
    (root / "assets/javascripts/bundle.1.min.js").unlink()
    with pytest.raises(StepError, match=r"found none of the theme's scripts \(assets/javascripts/\*\.js\)"):
        csstrim.trim_edition(root, [], MKDOCS)


def test_our_stylesheets_ship_minified_and_with_every_rule(site):
    def bare(css: str) -> str:  # what minifying may change: comments, spaces, a rule's last semicolon
        return re.sub(r";}", "}", re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))

    for name in csstrim.OWN:
        source = (OVERRIDES / "assets/stylesheets" / name).read_text(encoding="utf-8")
        assert "/*" in source, f"{name} has no comments left to strip; this test no longer tests anything"
        for built in sorted(site.rglob(f"assets/stylesheets/{name}")):
            shipped = built.read_text(encoding="utf-8")
            assert "/*" not in shipped and "\n" not in shipped.strip(), (
                f"{built.relative_to(site)} is not minified; see csstrim.minify_step"
            )
            assert bare(shipped) == bare(source), (
                f"{built.relative_to(site)} differs from the source in more than layout"
            )


def test_trimmed_stylesheets_keep_what_the_scripts_add(site):
    main = next((site / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next((site / "assets/stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    original = next(MATERIAL_CSS.glob("main.*.min.css")).read_text(encoding="utf-8")
    assert len(main) < len(original) / 2, f"trimmed main stylesheet is {len(main)} bytes of {len(original)}"
    for selector in (
        ".md-search-result__item",
        ".md-tooltip2--active",
        "body[data-md-scrolllock]",
        ".md-typeset__table",
        "[data-md-color-scheme=slate]",
    ):
        assert selector in main + palette, f"{selector} was trimmed"
