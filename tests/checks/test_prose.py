"""What the text of a page must not hold (checks/prose.py): bare web
addresses, images without alt text, placeholder text."""

from __future__ import annotations

import pytest

from explainer.checks.prose import check_bare_urls, check_images, check_placeholders
from explainer.model.problems import report
from tests.support import markdown_page

URL_FIX = (
    "add the source to docs/.data/sources.yml and cite it in a footnote, [^1]: [Publisher](sources.md#its-id) "
    "(or, for a site that is not a source, write a link: [what it is](https://…))"
)


def page(tmp_path, body, where="docs/en/treaty.md", meta="sources: [a]"):
    return markdown_page(tmp_path, body, meta=meta, where=where)


# --- bare web addresses ------------------------------------------------------


URLS = {
    "https": ("Read https://www.nknews.org/2024/06/pact/ for more.", "https://www.nknews.org/2024/06/pact/"),
    "www": ("See www.kcnawatch.org, in English.", "www.kcnawatch.org"),
    "host-and-path": ("The text is at tass.com/politics/1862721.", "tass.com/politics/1862721"),
}


def in_both_editions(page: str, cases: dict[str, tuple]) -> list:
    """Each case on the English and on the French page `page`."""
    return [
        pytest.param(f"docs/{lang}/{page}", *case, id=f"{lang}-{name}")
        for lang in ("en", "fr")
        for name, case in cases.items()
    ]


@pytest.mark.rule("bare-urls")
@pytest.mark.parametrize(("where", "text", "url"), in_both_editions("expert-views.md", URLS))
def test_bare_url(tmp_path, where, text, url):
    msg = report(check_bare_urls(page(tmp_path, f"# X\n\n**Stated**{{ .status }} {text}[^1]\n", where)))
    assert msg == (
        f"{where}:6: bare web address {url} in the text; readers cannot follow it, and every source must be in "
        f"the registry; {URL_FIX}"
    )


@pytest.mark.rule("bare-urls")
def test_bare_url_in_a_footnote_or_the_description(tmp_path):
    body = "# X\n\nClaim.[^1]\n\n[^1]: TASS, https://tass.com/politics/1862721\n"
    msg = report(check_bare_urls(page(tmp_path, body, meta="description: See https://tass.com/x today")))
    assert "docs/en/treaty.md:8: bare web address https://tass.com/politics/1862721 in the text" in msg
    assert "docs/en/treaty.md:2: bare web address https://tass.com/x in the text" in msg


def test_links_and_code_are_not_bare(tmp_path):
    body = (
        "# X\n\n[TASS](https://tass.com/politics/1) and <https://tass.com/a> and [www.cbsnews.com](https://www.cbsnews.com/x)"
        ' and `https://example.com/` and <a href="https://tass.com/b">TASS</a>.\n\n```\nhttps://example.com/\n```\n'
        "<!-- https://example.com/ -->\n[ref]: https://tass.com/c\n"
    )
    assert report(check_bare_urls(page(tmp_path, body))) == ""


# --- images ------------------------------------------------------------------

IMAGE_FIX = (
    "readers who cannot see it get nothing; describe what the image shows in a short sentence, written as "
    '![A map of … ](file.png) or <img alt="A map of …">'
)


IMAGES = [
    ("![](map.png)", "image map.png has no alt text"),
    ("![ ](map.png)", "image map.png has no alt text"),
    ('<img src="map.png">', "image map.png has no alt attribute"),
    ('<img src="map.png" alt="">', "image map.png has no alt text"),
    ("![map.png](map.png)", "image map.png has only its file name, “map.png”, as alt text"),
    ("![Korea-map](img/korea-map.svg)", "image img/korea-map.svg has only its file name, “Korea-map”, as alt text"),
    ("![Image](map.png)", "image map.png has alt text “Image”, which does not say what it shows"),
    ("![photo](map.png)", "image map.png has alt text “photo”, which does not say what it shows"),
]


@pytest.mark.rule("images")
@pytest.mark.parametrize(
    ("where", "image", "why"),
    [(f"docs/{lang}/timeline.md", *case) for lang in ("en", "fr") for case in IMAGES],
)
def test_image_without_meaningful_alt(tmp_path, where, image, why):
    msg = report(check_images(page(tmp_path, f"# X\n\n{image}\n", where)))
    assert msg == f"{where}:6: {why}; {IMAGE_FIX}"


def test_described_images_pass(tmp_path):
    body = '# X\n\n![The Korean peninsula, Pyongyang marked](map.png)\n\n<img src="a.png" alt="Putin and Kim in Pyongyang">\n'
    assert report(check_images(page(tmp_path, body))) == ""


# --- placeholders --------------------------------------------------------------


@pytest.mark.rule("placeholders")
@pytest.mark.parametrize(
    ("where", "text", "found"),
    [
        ("docs/en/glossary.md", "TODO: add the term.", "TODO"),
        ("docs/en/glossary.md", "Lorem ipsum dolor sit amet.", "Lorem ipsum"),
        ("docs/en/treaty.md", "The treaty was signed in FIXME.", "FIXME"),
        ("docs/en/treaty.md", "It entered into force in TBD.", "TBD"),
        ("docs/en/treaty.md", "Russia supplied missiles [citation needed].", "[citation needed]"),
        ("docs/fr/glossary.md", "todo : ajouter le terme.", "todo :"),
        ("docs/fr/glossary.md", "Lorem ipsum dolor sit amet.", "Lorem ipsum"),
        ("docs/fr/treaty.md", "Définition à compléter.", "à compléter"),
        ("docs/fr/treaty.md", "La date [à faire].", "[à faire]"),
        ("docs/fr/treaty.md", "Signé à Pyongyang [réf. nécessaire].", "[réf. nécessaire]"),
    ],
)
def test_placeholder(tmp_path, where, text, found):
    msg = report(check_placeholders(page(tmp_path, f"# X\n\n{text}\n", where)))
    assert msg == (
        f"{where}:6: placeholder text “{found}” is still in the page; write the finished text (with its footnote), "
        "or delete the placeholder"
    )


@pytest.mark.rule("placeholders")
def test_placeholder_in_the_title(tmp_path):
    msg = report(check_placeholders(page(tmp_path, "# X\n", where="docs/fr/treaty.md", meta="title: TODO")))
    assert msg.startswith("docs/fr/treaty.md:2: placeholder text “TODO” is still in the page")


def test_ordinary_text_and_code_pass(tmp_path):
    body = (
        "# X\n\nIl reste à faire face à la menace. The XXe siècle. Todos los días.\n\n`TODO` in code.\n\n"
        "```\nFIXME\n```\n"
    )
    assert report(check_placeholders(page(tmp_path, body, where="docs/fr/treaty.md"))) == ""
