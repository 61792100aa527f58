"""Material's markup, fixed after the build (build/markup.py): valid
toggles and nav labels, abbreviations that open from the keyboard, and no
tooltip Material would set up for nothing."""

from __future__ import annotations

import pytest

from explainer.build.markup import fix
from explainer.checks.markup import check_page
from explainer.model.problems import report

BROKEN = """<!doctype html><html lang="en"><head><title>t</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<header><nav><label for="__search">S</label><div class="md-header__source">
</div>
</nav></header>
<nav><label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">The article</label></nav>
<label class="md-overlay" for="__drawer" aria-hidden="true"></label>
<article class="md-content__inner md-typeset">
<p><a href="#x"><abbr title="United Nations">UN</abbr></a> and <abbr title="United Nations">UN</abbr>,
then <abbr title="United Nations">UN</abbr> again.<sup id="fnref:un"><a class="footnote-ref" href="#fn:un">1</a></sup></p>
<h2 id="next">Next <abbr title="United Nations">UN</abbr><a class="headerlink" href="#next" title="Link to this section">&para;</a></h2>
<p>The <abbr title="United Nations">UN</abbr> once more.</p>
<div class="footnote"><ol><li id="fn:un"><p>A source.&#160;<a class="footnote-backref" href="#fnref:un" title="Jump back to footnote 1 in the text">&#8617;</a></p></li></ol></div>
</article></body></html>"""


@pytest.mark.rule("markup")
def test_unfixed_markup_is_reported():
    msg = report(check_page(BROKEN, "treaty/index.html"))
    assert (
        'treaty/index.html: <input id="__drawer" type=checkbox autocomplete>: HTML allows autocomplete only on text-like inputs'
        in msg
    )
    assert "treaty/index.html: <label tabindex=\"\"> (id '__nav_2_label'): an empty tabindex is invalid HTML" in msg
    assert (
        'treaty/index.html: <abbr title="United Nations">: the first occurrence of an abbreviation is not focusable'
        in msg
    )
    assert (
        'treaty/index.html: <label for="__drawer" aria-hidden>: HTML forbids aria-hidden on the label of a form control'
        in msg
    )
    assert (
        'treaty/index.html: <a class="headerlink" title="Link to this section">: Material sets up a tooltip for each such link when it starts'
        in msg
    )
    assert (
        'treaty/index.html: <a class="footnote-backref" title="Jump back to footnote 1 in the text">: Material sets up a tooltip'
        in msg
    )
    assert (
        'treaty/index.html: <abbr title="United Nations"> repeats an abbreviation already explained in its section: '
        "each is a tooltip Material sets up when it starts" in msg
    )
    assert msg.count("repeats an abbreviation") == 2, msg
    assert (
        "treaty/index.html: the header keeps a place for a repository widget (div.md-header__source); "
        "readers have no use for it" in msg
    )


@pytest.mark.rule("markup")
def test_extra_tab_stop_is_reported():
    page = fix(BROKEN).replace("again.", 'again <abbr title="United Nations" tabindex="0">UN</abbr>.')
    msg = report(check_page(page, "t.html"))
    assert (
        't.html: <abbr title="United Nations" tabindex>: only the first occurrence outside links should be a tab stop'
        in msg
    )
