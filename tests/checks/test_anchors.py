"""Heading anchors in every script: the slug function both engines call,
the rule on built pages, and a heading in Cyrillic built by each engine."""

from __future__ import annotations

import pytest

from explainer.build.engines import ENGINES
from explainer.build.site import build_site
from explainer.build.slugs import slugify
from explainer.checks.anchors import check_heading_anchors
from explainer.model.html import parse
from explainer.model.pages import load_pages
from explainer.model.problems import report
from tests.support import article, edit, markdown_page

# The treaty's title in Russian, as the Kremlin publishes it.
RUSSIAN = "Договор о всеобъемлющем стратегическом партнёрстве"
RUSSIAN_ANCHOR = "договор-о-всеобъемлющем-стратегическом-партнёрстве"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Qui sont les deux experts\u202f?", "qui-sont-les-deux-experts"),
        ("Réactions occidentales", "reactions-occidentales"),
        ("Kim Jong-un et l’ONU", "kim-jong-un-et-lonu"),
        (RUSSIAN, RUSSIAN_ANCHOR),
        ("Le traité : " + RUSSIAN, "le-traité-" + RUSSIAN_ANCHOR),
        ("조약", "조약"),
    ],
)
def test_headings_get_anchors_made_of_their_words(heading, anchor):
    assert slugify(heading, "-") == anchor


def test_every_latin_heading_keeps_its_anchor():
    """The anchors of the site's headings are those Python-Markdown has always given."""
    from markdown.extensions.toc import slugify as ascii_slug

    headings = [
        line.lstrip("#").strip() for p in load_pages()[0] for line in p.body.splitlines() if line.startswith("#")
    ]
    assert len(headings) > 50
    changed = [h for h in headings if slugify(h, "-") != ascii_slug(h, "-")]
    assert not changed, changed


@pytest.mark.rule("heading-anchors")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_anchor_without_words_is_reported(tmp_path, lang):
    page = markdown_page(tmp_path, f"# Le pacte\n\nTexte.\n\n## {RUSSIAN}\n", where=f"docs/{lang}/treaty.md")
    soup = article(
        f'<h1 id="le-pacte">Le pacte</h1><p>Texte.</p><h2 id="-_1">{RUSSIAN}<a class="headerlink" href="#-_1">¶</a></h2>'
    )
    assert report(check_heading_anchors(soup, page)) == (
        f"docs/{lang}/treaty.md:8: the heading '{RUSSIAN}' has the anchor #-_1, which keeps none of its words; "
        "set toc's slugify to explainer.build.slugs.slugify in the edition's config (mkdocs.yml), "
        "or give the heading an anchor of its own: ## Heading { #my-anchor }"
    )


@pytest.mark.parametrize("engine", list(ENGINES))
def test_cyrillic_headings_get_readable_distinct_anchors_with_either_engine(scratch, engine):
    about = scratch / "docs/fr/about.md"
    edit(about, "\n## ", f"\n## {RUSSIAN}\n\nVoir [plus bas](#{RUSSIAN_ANCHOR}_1).\n\n## {RUSSIAN}\n\n## ", 1)
    build_site(scratch / "site", root=scratch, engine=ENGINES[engine])
    ids = [h.get("id") for h in parse(scratch / "site/fr/about/index.html").find_all("h2")]
    assert ids[:2] == [RUSSIAN_ANCHOR, RUSSIAN_ANCHOR + "_1"], ids
