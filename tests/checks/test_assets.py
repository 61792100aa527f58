"""No asset of our own is left unused."""

from __future__ import annotations

import pytest

from explainer.checks.assets import check_unused_assets
from explainer.model.config import published
from explainer.model.problems import report

ORIGIN, BASE = published()


@pytest.mark.rule("unused-assets")
@pytest.mark.parametrize(
    ("page", "used", "orphan"),
    [
        ('<img src="assets/used.png" alt="">', "assets/used.png", "assets/orphan.png"),
        # A script that a page's inline script starts: a worker, a script loaded on demand.
        ('<script>new Worker("assets/worker.js#" + location)</script>', "assets/worker.js", "assets/orphan.js"),
    ],
)
def test_unused_asset_is_reported(tmp_path, page, used, orphan):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(page)
    (site / used).write_bytes(b"x")
    (site / orphan).write_bytes(b"x")
    msg = report(check_unused_assets(site, assets={"": {used, orphan}}))
    assert (
        msg
        == f"docs/.overrides/{orphan}: no page uses this asset; delete it, or reference it from a page or stylesheet"
    )


def test_absolute_link_to_the_site_counts_as_using_an_asset(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<meta property="og:image" content="{ORIGIN}{BASE}assets/share.png">'
        '<meta property="og:image" content="https://elsewhere.example/assets/other.png">',
        encoding="utf-8",
    )
    msg = report(check_unused_assets(site, assets={"": {"assets/share.png", "assets/other.png"}}))
    assert "assets/other.png: no page uses this asset" in msg and "share.png" not in msg
