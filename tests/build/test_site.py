"""The build, with either engine: strict, warning-free, and failing loudly
on broken input, naming the Markdown file."""

from __future__ import annotations

import pytest

from explainer.build.engines import ENGINES, MKDOCS
from explainer.build.site import BuildError, build_site
from explainer.model.editions import EDITIONS
from explainer.model.problems import report
from tests.support import edit, line_of


def test_strict_build_has_no_warnings(built):
    _, log = built
    warnings = [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert not warnings, "\n".join(warnings)


def test_every_edition_is_built(site):
    for ed in EDITIONS:
        assert (site / ed.prefix / "index.html").is_file(), f"the {ed.lang} edition's home page is missing"
        assert (site / ed.prefix / ENGINES["mkdocs"].search_index).is_file()


def test_non_content_folders_are_not_published(site):
    published = {p.name for p in site.rglob("*")}
    for private in (".overrides", ".snippets", ".data", "article-fingerprint.txt", "sources.yml"):
        assert private not in published, f"{private} was copied into the site"


ENGINE_NAMES = list(ENGINES)


@pytest.mark.parametrize("engine", ENGINE_NAMES)
@pytest.mark.parametrize(
    ("link", "named"), [("no-such-page.md", "no-such-page.md"), ("index.md#no-such-heading", "no-such-heading")]
)
def test_broken_link_or_anchor_fails_the_build(scratch, engine, link, named):
    edit(scratch / "docs/en/about.md", "\n# ", f"\n[Broken]({link})\n\n# ")
    with pytest.raises(BuildError) as err:
        build_site(scratch / "site", root=scratch, engine=ENGINES[engine])
    assert "docs/en/about.md" in str(err.value) and named in str(err.value)


def test_broken_link_fails_the_build_naming_the_markdown_line(scratch):
    edit(scratch / "docs/en/about.md", "\n# ", "\n[Broken](no-such-page.md)\n\n# ")
    with pytest.raises(BuildError) as err:
        build_site(scratch / "site", root=scratch)
    line = line_of(scratch / "docs/en/about.md", "[Broken]")
    assert report(MKDOCS.problems(err.value.logs, scratch, err.value.failed)) == (
        f"docs/en/about.md:{line}: link no-such-page.md points to a page that does not exist; fix the link, or "
        "create the page it points to"
    )


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_bad_front_matter_fails_the_build_with_the_rule(scratch, engine):
    edit(scratch / "docs/fr/about.md", "reviewed:", "reviewd:")
    with pytest.raises(BuildError) as err:
        build_site(scratch / "site", root=scratch, engine=ENGINES[engine])
    assert "docs/fr/about.md:4: front matter: 'reviewd' is not a known key" in str(err.value)
