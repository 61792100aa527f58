"""Writing the Content-Security-Policy into every built page (build/csp.py)."""

from __future__ import annotations

from explainer.build import csp
from explainer.build.context import Context
from explainer.build.engines import MKDOCS
from explainer.checks.csp import check_page


def test_inject_hashes_each_page_and_replaces_an_old_policy(page_html):
    changed = page_html.replace("</body>", "<script>window.__x = 1</script><style>p{}</style></body>")
    fixed = csp.inject(changed)
    assert not check_page(fixed, "t.html")
    assert fixed.count('http-equiv="Content-Security-Policy"') == 1
    assert csp.sha256("window.__x = 1") in fixed and csp.sha256("p{}") in fixed
    assert csp.inject(fixed) == fixed


def test_data_blocks_are_not_hashed():
    html = '<html><head><meta charset="utf-8"></head><body><script id="__config" type="application/json">{"a": 1}</script></body></html>'
    assert csp.sha256('{"a": 1}') not in csp.inject(html)


def test_preview_keeps_pages_without_policy(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><script>x()</script></body></html>', encoding="utf-8"
    )
    csp.step(tmp_path, Context(preview=True, engine=MKDOCS))
    assert "Content-Security-Policy" not in page.read_text(encoding="utf-8")
    csp.step(tmp_path, Context(preview=False, engine=MKDOCS))
    assert csp.sha256("x()") in page.read_text(encoding="utf-8")
