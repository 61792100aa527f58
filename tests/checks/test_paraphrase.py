"""No close paraphrase of the source article (checks/paraphrase.py): the rule
fed a sentence that follows an article sentence clause by clause with
synonyms swapped, and one rewritten from the facts."""

from __future__ import annotations

import pytest

from explainer.checks.paraphrase import article_names, article_signatures, check_paraphrase, load_signatures
from explainer.model.problems import report
from tests.support import article, markdown_page

# A stand-in for the article (the real one is never in the repository).
ARTICLE = (
    "Les experts avertissent que toute aide directe aux programmes d’armement de la Corée du Nord marquerait "
    "un changement important dans la politique russe depuis la fin de la guerre froide.\n"
    "Le sommet s’est achevé par un échange de cadeaux et une promenade cérémoniale à travers Pyongyang."
)
# Clause by clause, synonyms swapped: the kind of sentence the 12-word fingerprint misses.
PARAPHRASE = (
    "D’après l’article, des experts préviennent que toute aide russe directe aux programmes d’armement "
    "nord-coréens constituerait un écart important avec la politique menée depuis la fin de la guerre froide."
)
# The same fact, told from the facts in another order and other words.
REWRITTEN = (
    "Pour les spécialistes que cite l’article, Moscou romprait avec trois décennies de retenue si elle "
    "aidait directement Pyongyang à s’armer."
)


def problems(tmp_path, sentence: str) -> str:
    page = markdown_page(tmp_path, f"# X\n\n**Analyse**{{ .status }} {sentence}[^1]\n", where="docs/fr/expert-views.md")
    html = article(f'<p><strong class="status">Analyse</strong> {sentence}<sup id="fnref:1">1</sup></p>')
    return report(check_paraphrase(html, page, article_signatures(ARTICLE)))


@pytest.mark.rule("paraphrase")
def test_close_paraphrase_is_reported(tmp_path):
    msg = problems(tmp_path, PARAPHRASE)
    assert msg.startswith("docs/fr/expert-views.md:6: “D’après l’article, des experts préviennent que toute aide")
    assert "reuses 11 of the 14 content words of one sentence of the source article" in msg
    assert "rewrite it from the facts: say it in another order and in your own words" in msg


@pytest.mark.rule("paraphrase")
def test_paraphrase_split_over_two_sentences_is_reported(tmp_path):
    split = PARAPHRASE.replace(" constituerait", ". Elle constituerait")
    assert "content words of one sentence of the source article" in problems(tmp_path, split)


def test_sentence_rewritten_from_the_facts_passes(tmp_path):
    assert problems(tmp_path, REWRITTEN) == ""


def test_quoted_sentence_passes(tmp_path):
    assert problems(tmp_path, f"Selon les experts cités par l’article, « {PARAPHRASE} »") == ""


def test_names_are_not_wording():
    assert {"pyongyang", "corée"} <= article_names(ARTICLE) and "experts" not in article_names(ARTICLE)


def test_committed_signatures_hold_no_words():
    signatures = load_signatures()
    assert len(signatures) > 15
    assert all(len(h) == 12 and int(h, 16) >= 0 for signature in signatures for h in signature)
