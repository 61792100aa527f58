"""The source registry: the real one is valid, and each rule catches a broken entry."""

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


def test_good_entry(tmp_path):
    registry, msg = check(tmp_path, GOOD)
    assert msg == "" and list(registry) == ["interfax-in-force"]


BROKEN = {
    "http url": (GOOD.replace("https://", "http://"), "sources.yml:6: source 'interfax-in-force': 'url' is 'http://interfax.com/newsroom/top-stories/108291/'; links must be https"),
    "missing field": (GOOD.replace("  publisher: Interfax\n", ""), "sources.yml:1: source 'interfax-in-force': 'publisher' is missing"),
    "unknown kind": (GOOD.replace("kind: wire", "kind: blog"), "sources.yml:7: source 'interfax-in-force': 'kind' is 'blog'; use one of article, primary, official, wire, analysis, state-media"),
    "guessed date": (GOOD.replace("2024-12-04", "December 2024"), "'date' is 'December 2024'; write YYYY-MM-DD, YYYY-MM or YYYY, or null"),
    "impossible date": (GOOD.replace("2024-12-04", "2024-12-34"), "sources.yml:4: 'date' is 2024-12-34, which is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY, or null when the source gives no date; never guess"),
    "malformed yaml": (GOOD.replace("  kind: wire", " kind: [wire"), "is not valid YAML"),
    "duplicate id": (GOOD + GOOD, "source 'interfax-in-force': 'id' is used twice"),
    "unknown key": (GOOD + "  headline: x\n", "'headline' is not a known key"),
    "note without translation": (GOOD + '  note: "Also the source for Article 3."\n', "source 'interfax-in-force': 'fr.note' is missing; add the fr translation of the note"),
    "bracketed title without translation": (GOOD + "  fr:\n    note: x\n", "'fr.title' is missing, and the title is our own [description]; add the fr translation"),
    "translation block with other keys": (GOOD + '  fr:\n    title: "[Dépêche]"\n    url: https://x\n', "'fr' must hold only title and note"),
}  # fmt: skip


@pytest.mark.rule("source-registry")
@pytest.mark.parametrize(("text", "message"), list(BROKEN.values()), ids=list(BROKEN))
def test_broken_entry_is_reported(tmp_path, text, message):
    _, msg = check(tmp_path, text)
    assert message in msg


@pytest.mark.rule("source-registry")
def test_state_media_not_labelled_as_such(tmp_path):
    registry, _ = check(tmp_path, GOOD.replace("interfax.com/newsroom/top-stories/108291/", "tass.com/politics/1"))
    msg = report(check_state_media(registry, "sources.yml"))
    assert (
        msg == "sources.yml: source 'interfax-in-force' is state media (tass.com); set kind: state-media in its entry"
    )
