"""The fixes to Material's markup (build/markup.py)."""

from __future__ import annotations

from explainer.build.markup import fix
from explainer.checks.markup import check_page
from tests.checks.test_markup import BROKEN


def test_fix_makes_only_the_first_abbreviation_outside_links_focusable():
    fixed = fix(BROKEN)
    assert not check_page(fixed, "t.html")
    assert (
        "autocomplete" not in fixed.split("<article")[0] and 'tabindex=""' not in fixed and "aria-hidden" not in fixed
    )
    assert fixed.count('tabindex="0"') == 1
    assert (
        '<a href="#x"><abbr title="United Nations">UN</abbr></a> and <abbr title="United Nations" tabindex="0">UN</abbr>'
        in fixed
    )
    assert fix(fixed) == fixed, "the fix should change nothing the second time"
