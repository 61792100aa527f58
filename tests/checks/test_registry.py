"""The source registry: the real one is valid, and each rule catches a broken
entry with its line in docs/.data/sources.yml."""

from __future__ import annotations

import pytest

from explainer.checks.registry import check_state_media, load_registry
from explainer.model.problems import report

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
    registry, problems = load_registry(path, root=tmp_path)
    return registry, report(problems)


def test_registry_is_valid(registry):
    assert registry, "the registry is empty"
    assert "associated-medias-article" in registry, "the source article must be registered"
    assert "url" not in registry["associated-medias-article"], "the article's URL is not known; it must have none"


def test_every_entry_has_a_headline_or_a_marked_description_and_a_date_or_unknown(registry):
    """The registry rules the sources page relies on: a real headline, or our
    own description in [brackets]; a date, or an explicit `unknown`."""
    for sid, entry in registry.items():
        assert isinstance(entry["title"], str) and entry["title"].strip(), sid
        assert entry["date"] == "unknown" or str(entry["date"])[:4].isdigit(), f"{sid}: date {entry['date']!r}"


@pytest.mark.parametrize(
    ("old", "new"),
    [("date: 2024-12-04", "date: unknown"), ("date: 2024-12-04", "date: 2024-12"), ("", "  authors: [Chris York]\n")],
)
def test_good_entries(tmp_path, old, new):
    text = GOOD.replace(old, new) if old else GOOD + new
    registry, msg = check(tmp_path, text)
    assert msg == "" and list(registry) == ["interfax-in-force"]


BROKEN = [
    pytest.param(
        ("https://", "http://"),
        "sources.yml:6: source 'interfax-in-force': 'url' is 'http://interfax.com/newsroom/top-stories/108291/'; links must be https",
        id="http",
    ),
    pytest.param(
        ("  publisher: Interfax\n", ""),
        "sources.yml:1: source 'interfax-in-force': 'publisher' is missing",
        id="missing field",
    ),
    pytest.param(
        ("kind: wire", "kind: blog"),
        "sources.yml:7: source 'interfax-in-force': 'kind' is 'blog'; use one of article, primary, official, wire, analysis, state-media, reference",
        id="kind",
    ),
    pytest.param(
        ("2024-12-04", "December 2024"),
        "sources.yml:4: source 'interfax-in-force': 'date' is 'December 2024'; write YYYY-MM-DD, YYYY-MM or YYYY, or unknown when no date is known",
        id="guessed date",
    ),
    pytest.param(
        ("date: 2024-12-04", "date: null"),
        "sources.yml:4: source 'interfax-in-force': 'date' is empty (null); write date: unknown when no date is known",
        id="empty date",
    ),
    pytest.param(
        ("  kind: wire\n", "  kind: wire\n  dated_by: headline\n"),
        "sources.yml:8: source 'interfax-in-force': 'dated_by' is 'headline'; write dated_by: url when the date comes only from the source's address",
        id="dated_by value",
    ),
    pytest.param(
        ("date: 2024-12-04\n", "date: unknown\n  dated_by: url\n"),
        "sources.yml:5: source 'interfax-in-force': 'dated_by' is set, but the date is unknown; write the date the address gives",
        id="dated_by without a date",
    ),
    pytest.param(
        ("  kind: wire\n", "  kind: wire\n  authors: Chris York\n"),
        "sources.yml:8: source 'interfax-in-force': 'authors' is 'Chris York', not a list of names; write e.g. authors: [Chris York]",
        id="authors not a list",
    ),
    pytest.param(
        ("  kind: wire\n", "  kind: wire\n  headline: x\n"),
        "sources.yml:8: source 'interfax-in-force': 'headline' is not a known key",
        id="unknown key",
    ),
    pytest.param(
        ("  kind: wire\n", '  kind: wire\n  note: "Also the source for Article 3."\n'),
        "source 'interfax-in-force': 'fr.note' is missing; add the fr translation of the note",
        id="note without its translation",
    ),
    pytest.param(
        ('  fr:\n    title: "[Dépêche sur l’entrée en vigueur du traité]"\n', "  fr:\n    note: x\n"),
        "'fr.title' is missing, and the title is our own [description]; add the fr translation",
        id="description without its translation",
    ),
    pytest.param(
        ("2024-12-04", "2024-12-34"),
        "sources.yml:4: 'date' is 2024-12-34, which is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY, or unknown",
        id="impossible date",
    ),
    pytest.param(
        ('    title: "[Dépêche sur l’entrée en vigueur du traité]"\n', '    title: "[Dépêche]"\n    url: https://x\n'),
        "'fr' must hold only title and note",
        id="translation holding more",
    ),
]


@pytest.mark.rule("source-registry")
@pytest.mark.parametrize(("change", "message"), BROKEN)
def test_broken_entry_is_reported(tmp_path, change, message):
    _, msg = check(tmp_path, GOOD.replace(*change))
    assert message in msg


def test_duplicate_id(tmp_path):
    _, msg = check(tmp_path, GOOD + GOOD)
    assert "sources.yml:10: source 'interfax-in-force': 'id' is used twice" in msg


def test_malformed_yaml(tmp_path):
    _, msg = check(tmp_path, GOOD.replace("  kind: wire", " kind: [wire"))
    assert msg.startswith("sources.yml:") and "is not valid YAML" in msg


@pytest.mark.rule("source-registry")
def test_state_media_not_labelled_as_such(tmp_path):
    registry, _ = check(tmp_path, GOOD.replace("interfax.com/newsroom/top-stories/108291/", "tass.com/politics/1"))
    msg = report(check_state_media(registry, "sources.yml"))
    assert (
        msg == "sources.yml: source 'interfax-in-force' is state media (tass.com); set kind: state-media in its entry"
    )
