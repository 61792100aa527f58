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


def test_fix_drops_the_empty_place_for_a_repository_widget():
    fixed = fix(BROKEN)
    assert "md-header__source" not in fixed and '<label for="__search">S</label></nav></header>' in fixed


def test_fix_keeps_one_abbreviation_tooltip_a_section():
    fixed = fix(BROKEN)
    assert "then UN again." in fixed, "a repeat in the same section loses its <abbr>"
    assert '<h2 id="next">Next <abbr title="United Nations">UN</abbr>' in fixed, "a new section explains it again"
    assert "<p>The UN once more.</p>" in fixed
    assert fixed.count("<abbr") == 3 and fixed.count("</abbr>") == 3


def test_fix_turns_permalink_and_back_link_titles_into_labels():
    fixed = fix(BROKEN)
    assert '<a class="headerlink" href="#next" aria-label="Link to this section">&para;</a>' in fixed
    assert '<a class="footnote-backref" href="#fnref:un" aria-label="Jump back to footnote 1 in the text">' in fixed
    assert '<a class="footnote-ref" href="#fn:un">1</a>' in fixed, "footnote references keep their tooltips"


def test_fix_gives_a_comparison_table_its_class():
    html = '<div class="comparison">\n<table>\n<thead><tr><th>Treaty</th></tr></thead>\n</table>\n</div>'
    assert '<table class="comparison__table">' in fix(html)


def test_a_comparison_block_that_does_not_open_with_a_table_is_left_for_its_rule():
    html = '<div class="comparison">\n<p>Note.</p>\n<table>\n</table>\n</div>'
    assert fix(html) == html


def test_fix_marks_a_footnote_reference_that_follows_another_only():
    ref = '<sup id="fnref:{0}"><a class="footnote-ref" href="#fn:{0}">1</a></sup>'
    html = fix("<p>One." + ref.format("a") + ref.format("b") + " Two." + ref.format("c") + "</p>")
    assert html.count('class="footnote-next"') == 1
    assert '</sup><sup class="footnote-next" id="fnref:b">' in html
