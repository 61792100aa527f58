"""French typography on the built French pages: what counts as a fault, and
where each one is traced back to (the page's Markdown, a config, the
registry, the abbreviations, a template, or the theme)."""

from __future__ import annotations

import pytest

from explainer.build.typography import fix, respace
from explainer.checks.typography import FIX, LOST, check_page, faults
from explainer.model.html import parse
from explainer.model.problems import report
from tests.support import markdown_page

NB, NNB = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"Qui sont-ils{NNB}? Un traité{NB}: l’article{NNB}; «{NB}non{NB}»{NNB}!", []),
        ("Qui sont-ils ?", [(13, "a plain space before '?'")]),
        ("Qui sont-ils?", [(12, "no space before '?'")]),
        (f"«{NB}allié{NB}»", []),
        ("« allié »", [(0, "a plain space after '«'"), (8, "a plain space before '»'")]),
        ("«allié»", [(0, "no space after '«'"), (6, "no space before '»'")]),
        (f"à 10:30, https://example.org, vraiment{NNB}?!", []),
        ("Article source :\nNote", [(15, "a plain space before ':'")]),
        ("\n: en tête de bloc", []),
        (f"1{NNB}000 soldats, en 2024 2 000 autres", [(24, "a plain space between the digits of a number")]),
    ],
)
def test_what_counts_as_a_fault(text, found):
    assert faults(text) == found


def built(body: str, lang: str = "fr") -> object:
    """A built page: Material's sidebars around an article."""
    return parse(f'<html lang="{lang}"><body><article class="md-content__inner">{body}</article></body></html>')


@pytest.mark.rule("french-typography")
def test_plain_space_in_a_french_page_names_its_markdown_line(tmp_path):
    page = markdown_page(tmp_path, "# Le pacte\n\nQui l’a signé ? Les deux pays.\n", where="docs/fr/treaty.md")
    soup = built("<h1>Le pacte</h1><p>Qui l’a signé ? Les deux pays.</p>")
    assert report(check_page(soup, "fr/treaty/index.html", page, tmp_path)) == (
        f"docs/fr/treaty.md:6: fr/treaty/index.html: 'Qui l’a signé ? Les' has a plain space before '?'; {FIX}"
    )


@pytest.mark.rule("french-typography")
def test_table_of_contents_that_lost_a_space_says_the_build_lost_it(tmp_path):
    page = markdown_page(tmp_path, f"# Le pacte\n\n## Qui l’a signé{NNB}?\n", where="docs/fr/treaty.md")
    soup = parse(
        '<html lang="fr"><nav class="md-nav"><a href="#qui" class="md-nav__link"><span class="md-ellipsis">Qui l’a signé ?</span></a></nav>'
        f'<article class="md-content__inner"><h2 id="qui">Qui l’a signé{NNB}?</h2></article></html>'
    )
    assert report(check_page(soup, "fr/treaty/index.html", page, tmp_path)) == (
        "docs/fr/treaty.md:6: fr/treaty/index.html: 'Qui l’a signé ?' has a plain space before '?'; "
        f"the source has it and the build lost it ({LOST}); {FIX}"
    )


@pytest.mark.rule("french-typography")
def test_config_registry_abbreviation_and_theme_text_are_traced(tmp_path):
    (tmp_path / "mkdocs.fr.yml").write_text("copyright: >-\n  Article source : Associated Medias\n", encoding="utf-8")
    (tmp_path / "docs/.data").mkdir(parents=True)
    (tmp_path / "docs/.data/sources.yml").write_text(
        "- id: tass\n  fr:\n    note: Média d’État ; année déduite.\n", encoding="utf-8"
    )
    (tmp_path / "docs/.snippets").mkdir(parents=True)
    (tmp_path / "docs/.snippets/abbreviations.fr.md").write_text(
        "*[KCNA]: L’agence : nord-coréenne\n", encoding="utf-8"
    )
    soup = parse(
        '<html lang="fr"><body><article class="md-content__inner">'
        '<p id="tass" class="source-entry"><strong>TASS</strong> · Média d’État ; année déduite.</p>'
        '<p><abbr title="L’agence : nord-coréenne">KCNA</abbr></p></article>'
        '<footer><a aria-label="Précédent: Glossaire" href="../">Glossaire</a>'
        "<div>Article source : Associated Medias</div>"
        '<span lang="en">Made with: Material</span></footer></body></html>'
    )
    assert report(check_page(soup, "fr/sources/index.html", None, tmp_path)).split("\n") == [
        f"docs/.data/sources.yml:3: fr/sources/index.html: 'TASS · Média d’État ; année' has a plain space before ';'; {FIX}",
        f"mkdocs.fr.yml:2: fr/sources/index.html: 'Article source : Associated' has a plain space before ':'; {FIX}",
        f"docs/.snippets/abbreviations.fr.md:1: fr/sources/index.html: 'L’agence : nord-coréenne' has a plain space before ':'; {FIX}",
        "fr/sources/index.html: 'Précédent: Glossaire' has no space before ':'; "
        f"the theme or the engine writes it (override its template in docs/.overrides); {FIX}",
    ]


@pytest.mark.rule("french-typography")
def test_text_in_another_language_is_left_alone(tmp_path):
    english = built('<p>Note: see <em lang="en">What Does It Mean?</em> « quoted »</p>', lang="en")
    french = built('<p>Titre <em lang="en">Pentagon chief: there is evidence</em>.</p>')
    assert check_page(english, "treaty/index.html", None, tmp_path) == []
    assert check_page(french, "fr/sources/index.html", None, tmp_path) == []


# --------------------------------------------------------------------------
# The post-build step that puts the spaces back in the table of contents
# --------------------------------------------------------------------------


def test_table_of_contents_gets_the_headings_spaces_back():
    html = (
        '<a href="#qui" class="md-nav__link"><span class="md-ellipsis">\nQui sont les deux experts ?\n</span></a>'
        f'<h2 id="qui">Qui sont les <abbr title="x">deux</abbr> experts{NNB}?<a class="headerlink" href="#qui">¶</a></h2>'
    )
    assert fix(html).startswith(
        f'<a href="#qui" class="md-nav__link"><span class="md-ellipsis">\nQui sont les deux experts{NNB}?\n</span>'
    )


def test_the_label_of_a_sections_sub_sections_gets_the_headings_spaces_back():
    html = (
        '<a href="#qui" class="md-nav__link"><span class="md-ellipsis">\nQui sont les deux experts ?\n</span></a>\n'
        '<nav class="md-nav" aria-label="Qui sont les deux experts ?"><ul class="md-nav__list"></ul></nav>'
        f'<h2 id="qui">Qui sont les deux experts{NNB}?</h2>'
    )
    assert f'<nav class="md-nav" aria-label="Qui sont les deux experts{NNB}?">' in fix(html)


def test_a_copy_with_other_words_is_left_as_it_is():
    assert respace("Qui sont-ils ?", f"Qui sont les experts{NNB}?") == "Qui sont-ils ?"
    assert respace(" Le pacte ", "Le pacte") == " Le pacte "
