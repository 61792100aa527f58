"""The small CSS parser (build/css.py): Material's stylesheets survive a round
trip."""

from __future__ import annotations

from explainer.build import css
from tests.build.test_csstrim import MATERIAL_CSS


def test_css_parser_round_trips_materials_stylesheets():
    for sheet in sorted(MATERIAL_CSS.glob("*.min.css")):
        text = css.SOURCE_MAP.sub("", sheet.read_text(encoding="utf-8")).strip()
        assert css.serialize(css.parse(text)) == text, f"{sheet.name} does not survive parse + serialize"
