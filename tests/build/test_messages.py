"""The engine's own messages, rewritten to name docs/…md:LINE (build/messages.py)."""

from __future__ import annotations

from explainer.build.messages import mkdocs_problems
from explainer.model.editions import edition
from explainer.model.problems import report
from tests.support import markdown_page

LOG = """\
INFO    -  Cleaning site directory
WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - orphan.md
WARNING -  Doc file 'about.md' contains a link 'no-such-page.md', but the target is not found among documentation files.
WARNING -  Doc file 'about.md' contains a link 'index.md#nope', but the doc 'index.md' does not contain an anchor '#nope'.
WARNING -  Doc file 'about.md' contains an absolute link '/foo/', it was left as is.
WARNING -  Doc file 'about.md' contains an unrecognized relative link 'treaty/', it was left as is. Did you mean 'treaty.md'?
WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the documentation files.
WARNING -  Something new that MkDocs says.
"""
ABOUT = "# About\n\nSee [a](no-such-page.md).\n\n[b](index.md#nope) and [c](/foo/)\n\nAnd [d](treaty/).\n"


def test_mkdocs_warnings_name_the_markdown_line(tmp_path):
    markdown_page(tmp_path, ABOUT, where="docs/fr/about.md")
    (tmp_path / "mkdocs.fr.yml").write_text("site_name: x\nnav:\n  - Gone: gone.md\n", encoding="utf-8")
    msg = report(mkdocs_problems(LOG, edition("fr"), tmp_path))
    assert msg.splitlines() == [
        "docs/fr/orphan.md: is not in the nav of mkdocs.fr.yml; add it to the nav, or use `python3 scripts/dev.py new-page` next time",
        "docs/fr/about.md:6: link no-such-page.md points to a page that does not exist; fix the link, or create the page it points to",
        "docs/fr/about.md:8: link index.md#nope goes to #nope, but docs/fr/index.md has no heading with that anchor (was it renamed?); "
        "point the link at the heading's current anchor (the ¶ link next to it in docs/fr/index.md), or restore the heading",
        "docs/fr/about.md:8: link /foo/ starts with '/', so it breaks when the site is published under a path; "
        "link to the page's Markdown file instead, e.g. [the pact](treaty.md)",
        "docs/fr/about.md:10: link treaty/ does not point to a Markdown file; link to the page's .md file ([text](treaty.md)), "
        "which works in the preview, on GitHub and on the site",
        "mkdocs.fr.yml:2: nav: 'gone.md' does not exist in docs/fr; fix the path or create the page",
        "mkdocs.fr.yml: the fr build says: Something new that MkDocs says; it comes from MkDocs",
    ]


def test_a_rule_raised_by_the_hook_keeps_its_words(tmp_path):
    log = (
        "ERROR   -  Error reading page 'treaty.md':\nERROR   -  \n"
        "docs/fr/treaty.md:4: front matter: 'reviewd' is not a known key (usually a typo); use only title\n"
    )
    msg = report(mkdocs_problems(log, edition("fr"), tmp_path))
    assert msg == "docs/fr/treaty.md:4: front matter: 'reviewd' is not a known key (usually a typo); use only title"
