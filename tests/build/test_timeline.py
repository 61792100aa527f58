"""The timeline drawn from the editors' list (build/timeline.py)."""

from __future__ import annotations

import pytest

from explainer.build.context import Context, StepError
from explainer.build.engines import MKDOCS
from explainer.build.timeline import KINDS, fix, step
from explainer.model.html import parse
from explainer.model.language import languages, strings

REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


def item(date: str, mark: str = "") -> str:
    cls = f' class="{mark}"' if mark else ""
    return f'<li><strong{cls}>{date}</strong> — <a class="status status--stated" href="#status-stated">Stated</a> Text.{REF}</li>\n'


SITE_CSS = '<link rel="stylesheet" href="../assets/stylesheets/explainer.css">'


def page(*items: str, lang: str = "en", html_lang: bool = True) -> str:
    attr = f' lang="{lang}"' if html_lang else ""
    return (
        f'<!doctype html><html{attr}><head><title>t</title>{SITE_CSS}</head><body><article class="md-content__inner">'
        f"<p>Before.</p><ul><li>Not in the timeline — kept.</li></ul>\n"
        f'<div class="timeline">\n<ul>\n{"".join(items)}</ul>\n</div>\n<p>After.</p></article></body></html>'
    )


def entries(html: str):
    return parse(html).select(".timeline li")


def test_entries_lose_the_dash_and_gain_year_markers_and_milestone_tags():
    html = fix(
        page(
            item("6 July 1961"),
            item("24 May 2024"),
            item("19 June 2024", "signed"),
            item("June 2024", "article"),
            item("9 November 2024", "ratified"),
            item("4 December 2024", "in-force"),
            item("April 2025"),
        )
    )
    found = entries(html)
    assert [li.get("data-year") for li in found] == ["1961", "2024", None, None, None, None, "2025"]
    years = parse(html).select(".timeline .tl-year")
    assert [(y.get_text(), y.get("aria-hidden")) for y in years] == [
        ("1961", "true"),
        ("2024", "true"),
        ("2025", "true"),
    ]
    assert "<li>Not in the timeline — kept.</li>" in html, "lists outside the timeline keep their dashes"
    assert html.count(" — ") == 1, "every timeline entry loses the dash after its date"
    signed = found[2]
    assert signed["class"] == ["milestone", "milestone--signed"]
    assert str(signed).startswith(
        '<li class="milestone milestone--signed"><strong class="signed">19 June 2024</strong> '
        '<span class="tl-tag">Treaty signed</span> <a class="status'
    )
    assert [(li.get("class"), li.select_one(".tl-tag").get_text()) for li in found[3:6]] == [
        (["milestone", "milestone--article"], "The article"),
        (["milestone", "milestone--ratified"], "Ratification"),
        (["milestone", "milestone--in-force"], "Treaty in force"),
    ]
    assert not found[0].get("class") and not found[0].select(".tl-tag"), "an unmarked entry gets no tag"
    assert parse(html).select_one(".timeline ul")["role"] == "list"
    assert parse(html).select_one("article > ul").get("role") is None
    assert fix(html) == html, "a second run changes nothing"


def test_french_tags_and_dates():
    html = fix(page(item("1er janvier 2026", "in-force"), item("Juin 2024", "article"), lang="fr"))
    found = entries(html)
    assert [li.select_one(".tl-tag").get_text() for li in found] == ["Traité en vigueur", "L’article"]
    assert [li.get("data-year") for li in found] == ["2026", "2024"]


def test_every_edition_has_a_tag_for_every_kind():
    for lang in languages():
        assert set(strings(lang)["timeline"]) == set(KINDS), lang


def test_an_unknown_kind_gets_no_tag_and_keeps_its_class_for_the_rule():
    html = fix(page(item("19 June 2024", "sigend")))
    li = entries(html)[0]
    assert not li.get("class") and not li.select(".tl-tag")
    assert li.select_one("strong")["class"] == ["sigend"], "checks/timeline.py reports it with its line"


def test_a_page_without_a_timeline_is_left_alone():
    html = '<html><body><p>Nothing — here.</p><div class="timelines">x</div></body></html>'
    assert fix(html) == html


def test_a_timeline_without_a_language_stops_the_build(tmp_path):
    (tmp_path / "timeline").mkdir()
    (tmp_path / "timeline" / "index.html").write_text(page(item("19 June 2024", "signed"), html_lang=False))
    with pytest.raises(StepError, match=r"^timeline/index\.html has a timeline but no language \(<html lang>\)"):
        step(tmp_path, Context(False, MKDOCS))


def test_an_edition_with_no_words_stops_the_build():
    with pytest.raises(StepError, match=r"timeline/index\.html: mkdocs\.yml: extra\.i18n has no 'de' block"):
        fix(page(item("19 June 2024"), lang="de"), "timeline/index.html")


def test_the_built_timelines_are_drawn(site):
    for path, tag in (("timeline/index.html", "Treaty signed"), ("fr/timeline/index.html", "Traité signé")):
        html = (site / path).read_text(encoding="utf-8")
        soup = parse(html)
        assert soup.select_one(".timeline li.milestone--signed .tl-tag").get_text() == tag, path
        assert {c for li in soup.select(".timeline li.milestone") for c in li["class"]} >= {
            f"milestone--{kind}" for kind in KINDS
        }, path
        assert soup.select(".timeline ul[role=list]") and soup.select(".timeline .tl-year[aria-hidden=true]"), path


def test_a_page_with_a_timeline_links_its_stylesheet_once():
    html = fix(fix(page(item("19 June 2024"))))
    assert html.count('<link rel="stylesheet" href="../assets/stylesheets/timeline.css">') == 1
    assert html.index("explainer.css") < html.index("timeline.css")


def test_a_page_without_a_timeline_does_not_link_its_stylesheet():
    html = '<html lang="en"><head>' + SITE_CSS + "</head><body><p>Nothing — here.</p></body></html>"
    assert fix(html) == html


def test_a_timeline_page_without_the_site_stylesheet_stops_the_build():
    with pytest.raises(StepError, match=r"^timeline/index\.html has a timeline but no link to explainer\.css"):
        fix(page(item("19 June 2024")).replace(SITE_CSS, ""), "timeline/index.html")


def test_the_built_timeline_pages_link_a_stylesheet_that_is_there(site):
    for prefix in ("", "fr/"):
        html = (site / prefix / "timeline" / "index.html").read_text(encoding="utf-8")
        assert '<link rel="stylesheet" href="../assets/stylesheets/timeline.css">' in html
        assert (site / prefix / "assets" / "stylesheets" / "timeline.css").is_file()
    assert "timeline.css" not in (site / "treaty" / "index.html").read_text(encoding="utf-8")
