"""The compile hint on the theme's script (build/compilehint.py)."""

from __future__ import annotations

import json

import pytest

from explainer.build.compilehint import HINT, step
from explainer.build.context import Context, StepError
from explainer.build.engines import MKDOCS


def scripts(site):
    for prefix in ("", "fr/"):
        folder = site / prefix / "assets" / "javascripts"
        folder.mkdir(parents=True)
        (folder / "bundle.1.min.js").write_text('"use strict";(()=>{})();\n//# sourceMappingURL=bundle.1.min.js.map\n')
        (folder / "bundle.1.min.js.map").write_text(json.dumps({"version": 3, "mappings": "AAAA"}))
    return site / "assets" / "javascripts"


def test_hint_goes_on_the_first_line_and_the_source_map_follows(tmp_path):
    folder = scripts(tmp_path)
    step(tmp_path, Context(False, MKDOCS))
    assert (folder / "bundle.1.min.js").read_text().startswith(HINT + '"use strict";')
    assert json.loads((folder / "bundle.1.min.js.map").read_text())["mappings"] == ";AAAA"
    assert (tmp_path / "fr" / "assets" / "javascripts" / "bundle.1.min.js").read_text().startswith(HINT)
    step(tmp_path, Context(False, MKDOCS))
    assert (folder / "bundle.1.min.js").read_text().count(HINT) == 1, "a second run adds nothing"
    assert json.loads((folder / "bundle.1.min.js.map").read_text())["mappings"] == ";AAAA"


def test_missing_script_stops_the_build(tmp_path):
    (tmp_path / "assets").mkdir()
    with pytest.raises(StepError, match=r"found 0 theme scripts \(assets/javascripts/\*\.js\) for 2 editions"):
        step(tmp_path, Context(False, MKDOCS))


def test_every_edition_of_the_site_has_the_hint(site):
    bundles = sorted(site.glob("**/assets/javascripts/bundle.*.min.js"))
    assert len(bundles) == 2 and all(b.read_text(encoding="utf-8").startswith(HINT) for b in bundles), bundles
