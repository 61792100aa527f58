"""Collapsing the templates' indentation changes no text (build/htmlspace.py)."""

from explainer.build import htmlspace


def test_collapse_keeps_attributes_and_preformatted_text():
    html = '<div>\n    \n  <p title="a\n   b">x\n    y</p>  \n <pre>  a\n    b</pre>\n  <code>1\n   2</code><script>if (a)\n    b()</script>\n   </div>'
    assert (
        htmlspace.collapse(html)
        == '<div>\n<p title="a\n   b">x\ny</p>\n<pre>  a\n    b</pre>\n<code>1\n   2</code><script>if (a)\n    b()</script>\n</div>'
    )


def test_our_inline_script_ships_without_comment_lines_or_indentation():
    js = "\n(() => {\n  // why it waits\n  const a = /\\/search\\.json$/ // kept: code first\n    if (a) b()\n})()\n"
    html = f'<body>\n  <script id="__on-demand">{js}</script>\n  <script>\n  // theirs\n</script></body>'
    assert htmlspace.collapse(html) == (
        '<body>\n<script id="__on-demand">\n(() => {\nconst a = /\\/search\\.json$/ // kept: code first\n'
        "if (a) b()\n})()\n</script>\n<script>\n  // theirs\n</script></body>"
    )
