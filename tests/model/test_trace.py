"""From a built page back to the Markdown line an editor changes."""

from __future__ import annotations

from explainer.model.trace import Tracer
from tests.support import markdown_page


def test_where_names_the_markdown_line(tmp_path):
    markdown_page(tmp_path, "# T\n\nSee the [glossary](glossary.md#nato).[^a]\n", where="docs/fr/treaty.md")
    tracer = Tracer(tmp_path)
    needles = tracer.markdown_link("fr/treaty/index.html", "../glossary/#nato")
    assert needles[0] == "(glossary.md#nato"
    assert tracer.where("fr/treaty/index.html", *needles) == "docs/fr/treaty.md:6"


def test_theme_content_names_the_page_and_the_built_file(tmp_path):
    markdown_page(tmp_path, "# T\n")
    tracer = Tracer(tmp_path)
    assert tracer.where("treaty/index.html", "x", in_content=False) == "docs/en/treaty.md (built as treaty/index.html)"
    assert tracer.where("404.html", "x") == "404.html"


def test_same_page_anchor(tmp_path):
    markdown_page(tmp_path, "# T\n\n[top](#t)\n")
    tracer = Tracer(tmp_path)
    assert tracer.where("treaty/index.html", *tracer.markdown_link("treaty/index.html", "#t")) == "docs/en/treaty.md:6"
