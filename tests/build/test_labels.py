"""Status labels that lead to their meaning, and the key to them (build/labels.py)."""

from __future__ import annotations

from explainer.build.labels import fix, key_html
from explainer.model.html import parse

REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


def page(body: str, lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>'
        f'<article class="md-content__inner md-typeset">{body}'
        '<div class="footnote"><ol><li id="fn:1"><p>Source.</p></li></ol></div>'
        '<aside class="md-source-file explainer-reviewed">Last reviewed</aside></article></body></html>'
    )


def test_labels_lead_to_their_meaning_in_a_key_before_the_footnotes():
    html = fix(
        page(
            f'<p><strong class="status">Stated</strong> One.{REF}</p>'
            f'<p><strong class="status">Reported</strong> Two.{REF}</p>'
            f'<p><strong class="status">Stated</strong> Three.{REF}</p>'
            f'<p><strong class="status">Rumoured</strong> Four.{REF}</p>'
        )
    )
    assert '<p><a class="status status--stated" href="#status-stated">Stated</a> One.' in html
    assert '<p><a class="status status--reported" href="#status-reported">Reported</a> Two.' in html
    assert '<a class="status status--stated" href="#status-stated" tabindex="-1">Stated</a> Three.' in html, (
        "only the first label of a kind is a keyboard stop"
    )
    assert '<strong class="status">Rumoured</strong>' in html, "an unknown label is left for the rule to report"
    assert html.index('<aside class="status-key"') < html.index('<div class="footnote">')
    key = parse(html).select_one(".status-key")
    assert key.select_one(".status-key__title").get_text() == "What the labels mean"
    assert [dt.get_text() for dt in key.select("dt")] == ["Stated", "Reported", "Analysis", "Confirmed"]
    assert key.select_one("#status-analysis dd").get_text() == "An expert's view or interpretation."
    assert fix(html) == html, "a second run changes nothing"


def test_a_list_whose_items_share_a_label_carries_it_once():
    items = "".join(f'<li><strong class="status">Reported</strong> Item {n}.{REF}</li>' for n in range(3))
    mixed = f'<li><strong class="status">Stated</strong> A.{REF}</li><li><strong class="status">Reported</strong> B.{REF}</li>'
    timeline = f'<div class="timeline"><ul><li><strong>1 June 2024</strong> — <strong class="status">Stated</strong> C.{REF}</li>'
    timeline += f'<li><strong>2 June 2024</strong> — <strong class="status">Stated</strong> D.{REF}</li></ul></div>'
    html = fix(
        page(
            f"<p>Intro.</p>\n<ul>{items}</ul><ul>{mixed}</ul>{timeline}".replace("Reported", "Rapporté").replace(
                "Stated", "Déclaré"
            ),
            lang="fr",
        )
    )
    assert (
        '<p class="status-all"><a class="status status--reported" href="#status-reported">Rapporté</a> '
        "chaque élément ci-dessous</p>\n<ul><li>Item 0." in html
    )
    assert "<li>Item 1." in html and "<li>Item 2." in html
    assert '<li><a class="status status--stated" href="#status-stated">Déclaré</a> A.' in html, "mixed labels stay"
    assert html.count('<p class="status-all">') == 1, "a timeline's entries keep their labels"
    assert '<strong>1 June 2024</strong> — <a class="status status--stated"' in html
    assert parse(html).select_one(".status-key__title").get_text() == "Ce que disent les étiquettes"


def test_the_about_page_holds_the_key_where_its_section_says():
    html = fix(page('<h2 id="labels">Labels</h2><p>Intro.</p><div class="status-key"></div><p>More.</p>'))
    assert "<p>Intro.</p>" + key_html("en") + "<p>More.</p>" in html
    assert html.count('class="status-key"') == 1


def test_a_page_without_labels_gets_no_key():
    html = page("<p>Nothing labelled.</p>")
    assert fix(html) == html
