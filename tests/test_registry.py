"""The source registry: the real one is valid, and each rule catches a broken entry."""

from __future__ import annotations

import siterules

GOOD = """\
- id: interfax-in-force
  title: "[Report on the treaty's entry into force]"
  publisher: Interfax
  date: 2024-12-04
  language: en
  url: https://interfax.com/newsroom/top-stories/108291/
  kind: wire
  fr:
    title: "[Dépêche sur l’entrée en vigueur du traité]"
"""


def check(tmp_path, text):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    registry, problems = siterules.load_registry(path, root=tmp_path)
    return registry, siterules.report(problems)


def test_registry_is_valid(registry):
    assert registry, "the registry is empty"
    assert "associated-medias-article" in registry, "the source article must be registered"
    assert "url" not in registry["associated-medias-article"], "the article's URL is not known; it must have none"


def test_state_media_are_labelled(registry):
    for entry in registry.values():
        host = entry.get("url", "")
        if any(name in host for name in ("tass.com", "rt.com", "kcna")) and "kcnawatch" not in host:
            assert entry["kind"] == "state-media", f"source '{entry['id']}' is state media; set kind: state-media"


def test_good_entry(tmp_path):
    registry, msg = check(tmp_path, GOOD)
    assert msg == "" and list(registry) == ["interfax-in-force"]


def test_http_url(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("https://", "http://"))
    assert "sources.yml: source 'interfax-in-force': 'url' is 'http://interfax.com/newsroom/top-stories/108291/'; links must be https" in msg


def test_missing_field(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("  publisher: Interfax\n", ""))
    assert "source 'interfax-in-force': 'publisher' is missing" in msg


def test_unknown_kind(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("kind: wire", "kind: blog"))
    assert "'kind' is 'blog'; use one of article, primary, official, wire, analysis, state-media" in msg


def test_guessed_date_format(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("2024-12-04", "December 2024"))
    assert "'date' is 'December 2024'; write YYYY-MM-DD, YYYY-MM or YYYY, or unknown when no date is known" in msg


def test_empty_date_asks_for_unknown(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("date: 2024-12-04", "date: null"))
    assert "source 'interfax-in-force': 'date' is empty (null); write date: unknown when no date is known" in msg


def test_unknown_date_is_accepted(tmp_path):
    registry, msg = check(tmp_path, GOOD.replace("date: 2024-12-04", "date: unknown"))
    assert msg == "" and registry["interfax-in-force"]["date"] == "unknown"


def test_dated_by_takes_only_url(tmp_path):
    _, msg = check(tmp_path, GOOD + "  dated_by: headline\n")
    assert "source 'interfax-in-force': 'dated_by' is 'headline'; write dated_by: url when the date comes only from the source's address" in msg


def test_dated_by_needs_a_date(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("date: 2024-12-04", "date: unknown") + "  dated_by: url\n")
    assert "source 'interfax-in-force': 'dated_by' is set, but the date is unknown; write the date the address gives" in msg


def test_authors_must_be_a_list_of_names(tmp_path):
    for bad in ("authors: Chris York", "authors: []", "authors: [Chris York, 3]"):
        _, msg = check(tmp_path, GOOD + f"  {bad}\n")
        assert "source 'interfax-in-force': 'authors' is " in msg and "not a list of names; write e.g. authors: [Chris York]" in msg, bad


def test_duplicate_id(tmp_path):
    _, msg = check(tmp_path, GOOD + GOOD)
    assert "source 'interfax-in-force': 'id' is used twice" in msg


def test_unknown_key(tmp_path):
    _, msg = check(tmp_path, GOOD + "  headline: x\n")
    assert "'headline' is not a known key" in msg


def test_malformed_yaml(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("  kind: wire", " kind: [wire"))
    assert msg.startswith("sources.yml:") and "is not valid YAML" in msg


def test_sources_pages_match_the_registry(registry):
    import sourcespage

    for ed in siterules.EDITIONS:
        path = sourcespage.page_path(ed.lang)
        text = path.read_text(encoding="utf-8")
        wanted = sourcespage.expected(text, registry, ed.lang)
        assert wanted is not None, f"{siterules.rel(path)}: the registry markers are missing"
        assert text == wanted, f"{siterules.rel(path)}: the source list is out of date; run `python3 scripts/dev.py sources`"


def test_stale_sources_page_is_reported(registry):
    import sourcespage

    text = "intro\n" + sourcespage.START + "\nold list\n" + sourcespage.END + "\n"
    assert sourcespage.expected(text, registry, "en") != text
    assert sourcespage.expected("no markers", registry, "en") is None


def test_own_description_needs_its_translation(tmp_path):
    text = GOOD + '  note: "Also the source for Article 3."\n'
    _, msg = check(tmp_path, text)
    assert "source 'interfax-in-force': 'fr.note' is missing; add the fr translation of the note" in msg


def test_bracketed_title_needs_french(tmp_path):
    _, msg = check(tmp_path, GOOD + "  fr:\n    note: x\n")
    assert "'fr.title' is missing, and the title is our own [description]; add the fr translation" in msg


def test_translation_block_holds_only_title_and_note(tmp_path):
    _, msg = check(tmp_path, GOOD + "  fr:\n    title: \"[Dépêche]\"\n    url: https://x\n")
    assert "'fr' must hold only title and note" in msg


def test_french_sources_page_uses_the_translations(registry):
    import sourcespage

    fr = sourcespage.render(registry, "fr")
    assert "[Dépêche sur le vote de ratification à la Douma d’État]" in fr and "[Report on the State Duma's ratification vote]" not in fr


def test_sources_page_shows_authors_and_where_dates_come_from():
    import sourcespage

    entry = {"id": "x", "title": "A headline", "publisher": "NK News", "date": "2024-06-20", "dated_by": "url",
             "language": "en", "kind": "article", "authors": ["Anton Sokolin", "Shreyas Reddy"]}
    en, fr = sourcespage.entry_markdown(entry, "en"), sourcespage.entry_markdown(entry, "fr")
    assert en.startswith("**NK News**, *A headline*, by Anton Sokolin and Shreyas Reddy · 20 June 2024 (dated by its URL) · ")
    assert fr.startswith("**NK News**, *A headline*, par Anton Sokolin et Shreyas Reddy · 20 juin 2024 (date tirée de l’adresse) · ")
    undated = {**entry, "date": "unknown", "authors": ["Chris York"]}
    undated.pop("dated_by")
    assert "*A headline*, by Chris York · date not recorded · " in sourcespage.entry_markdown(undated, "en")
    assert "*A headline*, par Chris York · date non relevée · " in sourcespage.entry_markdown(undated, "fr")
