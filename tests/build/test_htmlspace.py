"""Collapsing the templates' indentation changes no text (build/htmlspace.py)."""

from explainer.build import htmlspace


def test_collapse_keeps_attributes_and_preformatted_text():
    html = '<div>\n    \n  <p title="a\n   b">x\n    y</p>  \n <pre>  a\n    b</pre>\n  <code>1\n   2</code><script>if (a)\n    b()</script>\n   </div>'
    assert (
        htmlspace.collapse(html)
        == '<div>\n<p title="a\n   b">x\ny</p>\n<pre>  a\n    b</pre>\n<code>1\n   2</code><script>if (a)\n    b()</script>\n</div>'
    )
