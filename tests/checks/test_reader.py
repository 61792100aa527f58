"""What readers get besides the text: the last-reviewed date, the corrections
log in every footer, share previews and a print stylesheet. Each check is
also fed a broken input to prove it catches it."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

import pytest

from explainer.checks import reader
from explainer.model.config import edition_config, edition_roots
from explainer.model.editions import EDITIONS, built_path, edition
from explainer.model.html import parse
from explainer.model.language import strings
from explainer.model.layout import DOCS
from explainer.model.pages import Page, load_pages
from explainer.model.problems import report

PAGES, _ = load_pages()
CONFIGS = {ed.lang: edition_config(ed.lang) for ed in EDITIONS}
ROOTS = edition_roots()
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def built(site, page):
    where = built_path(page.lang, page.slug)
    return page.lang, page.slug, where, parse(site / where)


def soup_of(html: str):
    return parse(html)


def labels(lang: str) -> dict:
    return strings(lang)


def test_content_pages_say_up_to_when_their_reporting_goes(site):
    for page in PAGES:
        if page.slug != "about.md":
            _, _, where, soup = built(site, page)
            assert soup.select_one(".explainer-reporting time"), f"{where}: no reporting period under the page"


def test_french_pages_give_the_month_in_french(site):
    french = [p for p in PAGES if p.lang == "fr"]
    assert french, "no French pages found"
    for page in french:
        _, _, where, soup = built(site, page)
        text = soup.select_one(".explainer-reviewed time").get_text(strip=True)
        assert text.split()[1] in FRENCH_MONTHS, f"{where}: reviewed date '{text}' is not written in French"


def fake_page(reviewed="2026-11-03", lang="fr", reporting="2026-03"):
    meta = {"reviewed": dt.date.fromisoformat(reviewed), "reporting": reporting}
    return Page(DOCS / lang / "treaty.md", meta, "", 1)


def reviewed_line(html: str, lang: str = "fr") -> str:
    return report(reader.check_reviewed_line(soup_of(html), fake_page(lang=lang), f"docs/{lang}/treaty.md"))


@pytest.mark.rule("reviewed-date")
def test_missing_reviewed_line_is_reported():
    msg = reviewed_line("<article class='md-content__inner'><p>Text</p></article>")
    assert (
        "docs/fr/treaty.md: no 'Dernière vérification' line under the page; keep docs/.overrides/partials/source-file.html"
        in msg
    )


@pytest.mark.rule("reviewed-date")
def test_reviewed_date_in_the_wrong_language_is_reported():
    html = (
        "<aside class='explainer-reviewed'>Dernière vérification : <time datetime='2026-11-03'>3 November 2026</time>"
        "<span class='explainer-reporting'>· informations examinées jusqu’en <time datetime='2026-03'>March 2026</time></span></aside>"
    )
    msg = reviewed_line(html)
    assert "the reviewed date reads '3 November 2026'; readers of the fr edition expect '3 novembre 2026'" in msg
    assert "the reporting date reads 'March 2026'; readers of the fr edition expect 'mars 2026'" in msg


@pytest.mark.rule("reviewed-date")
def test_stale_reviewed_date_is_reported():
    html = "<aside class='explainer-reviewed'>Last reviewed: <time datetime='2025-01-01'>1 January 2025</time></aside>"
    msg = reviewed_line(html, "en")
    assert "<time datetime> is '2025-01-01'; the front matter says reviewed: 2026-11-03" in msg


def test_missing_reporting_period_is_reported():
    html = "<aside class='explainer-reviewed'>Last reviewed: <time datetime='2026-11-03'>3 November 2026</time></aside>"
    msg = reviewed_line(html, "en")
    assert (
        "docs/en/treaty.md: no 'reporting reviewed up to …' under the page, though the front matter says reporting: 2026-03"
        in msg
    )


def corrections_target(lang: str) -> str:
    return edition(lang).prefix + labels(lang)["corrections_page"]


def tiny_about(tmp_path, heading_id="corrections-log"):
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "about" / "index.html").write_text(f'<h2 id="{heading_id}">Corrections</h2>', encoding="utf-8")
    return site


@pytest.mark.parametrize(
    ("footer", "heading", "message"),
    [
        pytest.param(
            "<footer class='md-footer'><a href='../about/'>About</a></footer>",
            "corrections-log",
            "treaty/index.html: the footer has no 'Corrections log' link; keep docs/.overrides/partials/copyright.html",
            id="no link",
        ),
        pytest.param(
            "<footer><a href='../about/#corrections-log'>Corrections log</a></footer>",
            "something-else",
            "points to #corrections-log, but about/index.html has no such heading",
            id="missing heading",
        ),
        pytest.param(
            "<footer><a href='about/#corrections-log'>Corrections log</a></footer>",
            "corrections-log",
            "the footer's 'Corrections log' link about/#corrections-log leads to /treaty/about/#corrections-log, "
            "not /about/#corrections-log",
            id="wrong place",
        ),
    ],
)
@pytest.mark.rule("corrections-link")
def test_broken_footer_link_is_reported(tmp_path, footer, heading, message):
    site = tiny_about(tmp_path, heading_id=heading)
    found = reader.check_footer_corrections(
        soup_of(footer), "treaty/index.html", "Corrections log", site, "about/#corrections-log"
    )
    assert message in report(found)


EDIT = "https://github.com/o/r/edit/main/docs/fr/treaty.md"


def correction_line(suggest: str, edit: str) -> str:
    return (
        "<aside class='explainer-reviewed'><span class='explainer-correct'>Une erreur ? "
        f"<a href='{suggest}'>Proposez une correction</a> ou <a href='{edit}' rel='edit'>modifiez cette page</a>.</span></aside>"
    )


def test_correction_links_under_the_page_pass(tmp_path):
    site = tiny_about(tmp_path, heading_id="comment-proposer-une-correction")
    soup = soup_of(correction_line("../about/#comment-proposer-une-correction", EDIT))
    target = "about/#comment-proposer-une-correction"
    assert reader.check_page_corrections(soup, "treaty/index.html", labels("fr"), site, target, EDIT) == []


@pytest.mark.rule("corrections-link")
def test_broken_correction_links_under_the_page_are_reported(tmp_path):
    site = tiny_about(tmp_path, heading_id="journal-des-corrections")
    target = "about/#comment-proposer-une-correction"
    words = labels("fr")
    msg = report(
        reader.check_page_corrections(
            soup_of(correction_line("../about/#comment-proposer-une-correction", EDIT.replace("/o/", "/other/"))),
            "treaty/index.html",
            words,
            site,
            target,
            EDIT,
        )
    )
    assert (
        "treaty/index.html: the 'Proposez une correction' link points to #comment-proposer-une-correction, "
        "but about/index.html has no such heading" in msg
    )
    assert (
        "treaty/index.html: the 'modifiez cette page' link under the page is "
        "'https://github.com/other/r/edit/main/docs/fr/treaty.md', not https://github.com/o/r/edit/main/docs/fr/treaty.md"
        in msg
    )
    missing = report(reader.check_page_corrections(soup_of("<p>x</p>"), "treaty/index.html", words, site, target, EDIT))
    assert (
        "treaty/index.html: no 'Proposez une correction' link under the page; keep the corrections line of" in missing
    )


@pytest.mark.rule("share-previews")
def test_wrong_share_tags_are_reported(site):
    page = next(p for p in PAGES if (p.lang, p.slug) == ("en", "treaty.md"))
    soup = parse(site / built_path("fr", "treaty.md"))  # the French page where English is expected
    expected = reader.expected_share_meta(page, "en", CONFIGS["en"], page.meta["title"])
    msg = report(reader.check_share_meta(soup, "treaty/index.html", expected))
    assert "treaty/index.html: <meta property=\"og:locale\"> is 'fr_FR'; expected 'en_GB'" in msg
    assert f"<meta property=\"og:url\"> is '{ROOTS['fr']}treaty/'" in msg


@pytest.mark.rule("share-previews")
def test_missing_share_tags_are_reported():
    soup = soup_of("<head><meta property='og:title' content='The pact'></head>")
    msg = report(
        reader.check_share_meta(
            soup,
            "treaty/index.html",
            {"og:title": "The pact", "og:image": "https://x/share.png", "twitter:card": "summary_large_image"},
        )
    )
    assert "<meta property=\"og:image\"> is None; expected 'https://x/share.png'" in msg
    assert '<meta name="twitter:card"> is None' in msg
    assert "og:title" not in msg


@pytest.mark.rule("share-previews")
def test_canonical_address_that_disagrees_is_reported():
    soup = soup_of("<head><link rel='canonical' href='https://elsewhere.example/treaty/'></head>")
    msg = report(reader.check_share_meta(soup, "treaty/index.html", {"canonical": "https://x/treaty/"}))
    assert msg.startswith(
        "treaty/index.html: <link rel=\"canonical\"> is 'https://elsewhere.example/treaty/'; expected 'https://x/treaty/'"
    )


def png(width: int, height: int, padding: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"tEXt", b"x" * padding)
    )


@pytest.mark.rule("share-image")
def test_wrong_share_image_is_reported(tmp_path):
    wrong = tmp_path / "share.png"
    wrong.write_bytes(png(800, 600, padding=150_000))
    msg = report(reader.check_share_image(wrong))
    assert "is 800×600 pixels; share previews expect 1200×630" in msg
    assert "keep it under 100 KB" in msg
    wrong.write_bytes(b"GIF89a")
    assert "is not a PNG file" in report(reader.check_share_image(wrong))


@pytest.mark.rule("print-styles")
def test_missing_print_rules_are_reported():
    css = '.md-content a[href^="http"]::after { content: " (" attr(href) ")"; }\n@media print { .md-header { display: none } }'
    msg = report(reader.check_print_css(css, "explainer.css"))
    assert (
        "explainer.css: the print styles do not write out external link addresses" in msg
    )  # the rule is outside @media print
    assert "the print styles do not hide .md-sidebar" in msg and ".md-header" not in msg
