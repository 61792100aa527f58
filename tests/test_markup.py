"""Material's markup, fixed after the build (scripts/markup.py): valid
toggles and nav labels, and abbreviations that open from the keyboard."""

from __future__ import annotations

import markup
import siterules

BROKEN = """<!doctype html><html lang="en"><head><title>t</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<nav><label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">The article</label></nav>
<article class="md-content__inner md-typeset">
<p><a href="#x"><abbr title="United Nations">UN</abbr></a> and <abbr title="United Nations">UN</abbr>,
then <abbr title="United Nations">UN</abbr> again.</p>
</article></body></html>"""


def test_every_built_page_has_the_fixes(site):
    pages = siterules.html_pages(site)
    assert pages
    problems = [p for page in pages for p in markup.check_page(page.read_text(encoding="utf-8"), siterules.rel(page, site))]
    assert not problems, siterules.report(problems)


def test_unfixed_markup_is_reported():
    msg = siterules.report(markup.check_page(BROKEN, "treaty/index.html"))
    assert 'treaty/index.html: <input id="__drawer" type=checkbox autocomplete>: HTML allows autocomplete only on text-like inputs' in msg
    assert "treaty/index.html: <label tabindex=\"\"> (id '__nav_2_label'): an empty tabindex is invalid HTML" in msg
    assert 'treaty/index.html: <abbr title="United Nations">: the first occurrence of an abbreviation is not focusable' in msg


def test_fix_makes_only_the_first_abbreviation_outside_links_focusable():
    fixed = markup.fix(BROKEN)
    assert not markup.check_page(fixed, "t.html")
    assert 'autocomplete' not in fixed.split("<article")[0] and 'tabindex=""' not in fixed
    assert fixed.count('tabindex="0"') == 1
    assert '<a href="#x"><abbr title="United Nations">UN</abbr></a> and <abbr title="United Nations" tabindex="0">UN</abbr>' in fixed
    assert markup.fix(fixed) == fixed, "the fix should change nothing the second time"


def test_extra_tab_stop_is_reported():
    page = markup.fix(BROKEN).replace('again.', 'again <abbr title="United Nations" tabindex="0">UN</abbr>.')
    msg = siterules.report(markup.check_page(page, "t.html"))
    assert 't.html: <abbr title="United Nations" tabindex>: only the first occurrence outside links should be a tab stop' in msg
