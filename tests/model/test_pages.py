"""Reading pages: front matter, footnotes, and finding a line for a message."""

from __future__ import annotations

from explainer.model.pages import footnotes, split_front_matter
from explainer.model.problems import report
from tests.support import GOOD_PAGE, markdown_page

GOOD = GOOD_PAGE


def parse(tmp_path, text):
    path = tmp_path / "docs" / "en" / "treaty.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return split_front_matter(path, root=tmp_path)


def test_good_page_parses(tmp_path):
    page, problems = parse(tmp_path, GOOD)
    assert problems == [] and page.meta["title"] == "The pact" and page.body_line == 8
    assert page.key_line("reviewed") == 4 and page.key_line("subtitle") is None


def test_malformed_yaml_names_file_and_line(tmp_path):
    _, problems = parse(tmp_path, GOOD.replace("sources: [known]", "sources: [known"))
    msg = report(problems)
    assert msg.startswith("docs/en/treaty.md:6: front matter is not valid YAML")
    assert "check the indentation" in msg


def test_missing_front_matter(tmp_path):
    _, problems = parse(tmp_path, "# The pact\n")
    assert "docs/en/treaty.md:1: front matter: missing" in report(problems)


def test_front_matter_that_is_not_a_mapping(tmp_path):
    _, problems = parse(tmp_path, "---\n- a\n- b\n---\n# x\n")
    assert "docs/en/treaty.md:2: front matter: must be a set of 'key: value' lines" in report(problems)


def test_line_of_finds_rendered_text_in_the_markdown(tmp_path):
    page = markdown_page(
        tmp_path, "# Title\n\n**Stated**{ .status } Putin’s [visit](timeline.md#x) was the first.[^a]\n\nOther text.\n"
    )
    # As the built page shows it: markup, the link target and the footnote gone, quotes folded.
    assert page.line_of_text("Stated Putin's visit was the first. 1") == 6
    assert page.line_of("Other text") == 8
    assert page.line_of("not there") is None
    assert page.at("Other text") == "docs/en/treaty.md:8" and page.at("not there") == "docs/en/treaty.md"


def test_footnotes_map_labels_to_registry_ids(tmp_path):
    page = markdown_page(tmp_path, "A.[^a]\n\n[^a]: [X](sources.md#x); [Y](sources.md#y)\n[^b]: none\n")
    assert footnotes(page) == {"a": ["x", "y"], "b": []}
