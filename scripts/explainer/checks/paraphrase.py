"""No close paraphrase of the source article: a sentence that reuses most of
the content words of one article sentence, in another order or with a few
synonyms swapped, is copying too. The 12-word fingerprint (copying.py)
cannot see it, because no long run of words is the same.

What is committed (docs/.data/article-sentences.txt) is, for each sentence
of the article, the salted hashes of its content words: lowercase words
without their accents, cut to their first six letters (a crude stem, so
that « inquiétude » and « inquiétudes » match), with function words, names
and numbers left out. No word order is kept, and nothing can be read back.

A page's blocks (paragraphs, items, cells, definitions) are split into
sentences, quotations and footnotes left out; each sentence, and each pair
of neighbouring sentences (a long article sentence is often split in two),
is compared with every article sentence. It fails when it shares at least
half the content words of an article sentence, and at least MIN_SHARED of
them.
"""

from __future__ import annotations

import copy
import hashlib
import re
import unicodedata
from pathlib import Path

from ..model.html import content_root
from ..model.layout import DATA
from ..model.pages import Page
from ..model.problems import Problem, at
from .claims import QUOTATION

SENTENCES = DATA / "article-sentences.txt"
SHARE = 0.5  # of an article sentence's content words
MIN_SHARED = 5  # content words, so that short sentences don't trip the rule
MIN_WORDS = 6  # article sentences with fewer content words are not compared
STEM = 6  # letters kept of each word
_SALT = b"russia-north-korea-pact-explainer/sentences/v1"
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
# Function words of French and English: they say nothing about wording.
STOP_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "au",
        "aux",
        "et",
        "ou",
        "en",
        "dans",
        "sur",
        "sous",
        "par",
        "pour",
        "avec",
        "sans",
        "que",
        "qui",
        "quoi",
        "dont",
        "où",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "se",
        "ne",
        "pas",
        "plus",
        "est",
        "sont",
        "été",
        "être",
        "avoir",
        "ont",
        "avait",
        "était",
        "sera",
        "serait",
        "comme",
        "mais",
        "donc",
        "car",
        "tout",
        "toute",
        "tous",
        "toutes",
        "très",
        "aussi",
        "entre",
        "depuis",
        "selon",
        "lors",
        "ainsi",
        "qu",
        "lui",
        "eux",
        "même",
        "mêmes",
        "deux",
        "the",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "you",
        "not",
        "no",
        "but",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "than",
        "then",
        "there",
        "into",
        "over",
        "under",
        "after",
        "before",
        "about",
        "between",
        "during",
        "more",
        "most",
        "such",
        "any",
        "all",
        "each",
        "both",
        "other",
        "some",
        "can",
        "could",
        "would",
        "should",
        "may",
        "might",
        "will",
        "shall",
        "do",
        "does",
        "did",
    ]
)


def fold(word: str) -> str:
    """A word without its accents: « corée » → « coree »."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).replace("’", "'"))


def content_words(text: str, names: frozenset[str] = frozenset()) -> set[str]:
    """The stems of the content words of `text` (see the module docstring)."""
    out = set()
    for word in tokens(text):
        low = word.lower()
        if len(low) >= 3 and low not in STOP_WORDS and low not in names:
            out.add(fold(low)[:STEM])
    return out


def hashed(stems: set[str]) -> set[str]:
    return {hashlib.sha256(_SALT + stem.encode()).hexdigest()[:12] for stem in stems}


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def article_names(article: str) -> frozenset[str]:
    """Words the article capitalises inside a sentence and never writes in
    lowercase: the names of people, places and bodies. They are facts, not
    wording, so they are left out of the comparison."""
    capitalised, lowercase = set(), set()
    for sentence in split_sentences(article):
        for i, word in enumerate(tokens(sentence)):
            if word[0].isupper():
                if i:
                    capitalised.add(word.lower())
            else:
                lowercase.add(word.lower())
    return frozenset(capitalised - lowercase)


def article_signatures(article: str) -> list[set[str]]:
    """The hashed content words of each article sentence long enough to compare."""
    names = article_names(article)
    signatures = []
    for paragraph in article.split("\n"):
        for sentence in split_sentences(paragraph):
            words = content_words(sentence, names)
            if len(words) >= MIN_WORDS:
                signatures.append(hashed(words))
    return signatures


def load_signatures(path: Path = SENTENCES) -> list[set[str]]:
    """The committed signatures, one article sentence a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [set(line.split()) for line in lines if line and not line.startswith("#")]


def page_blocks(soup) -> list[str]:
    """The text of each innermost block of the page's content, without
    quotations, footnotes, status labels or heading links. `soup` is left as
    it is (parsed pages are shared between rules): the work is on a copy."""
    body = copy.copy(content_root(soup))
    for el in body.select("q, blockquote, .headerlink, script, style, sup, .footnote, .status, svg"):
        el.decompose()
    blocks = []
    for block in body.find_all(["p", "li", "td", "th", "dd", "dt", "figcaption", "h1", "h2", "h3", "h4"]):
        if not block.find(["p", "li", "td", "dd"]):
            blocks.append(QUOTATION.sub(" ¶ ", block.get_text(" ")))
    return blocks


def close_paraphrases(soup, signatures: list[set[str]]) -> list[tuple[str, int, int]]:
    """(passage, shared, of) for each passage of the page (a sentence, or a
    sentence and the next) that shares at least SHARE of an article
    sentence's content words, and MIN_SHARED of them: the shortest such
    passage, against the closest article sentence."""
    found = []
    for block in page_blocks(soup):
        sentences = split_sentences(block)
        for i in range(len(sentences)):
            for passage in (sentences[i], " ".join(sentences[i : i + 2]) if i + 1 < len(sentences) else None):
                if passage is None:
                    continue
                words = hashed(content_words(passage))
                shared, of = max(
                    ((len(words & sig), len(sig)) for sig in signatures), key=lambda x: x[0] / x[1], default=(0, 1)
                )
                if shared >= MIN_SHARED and shared / of >= SHARE:
                    found.append((passage, shared, of))
                    break
    return found


def check_paraphrase(soup, page: Page, signatures: list[set[str]]) -> list[Problem]:
    """A problem for each passage of the built page that closely paraphrases
    one sentence of the source article, at its Markdown line."""
    problems, seen = [], set()
    for text, shared, of in close_paraphrases(soup, signatures):
        if any(text in earlier or earlier in text for earlier in seen):
            continue  # the same passage, found again from a neighbouring sentence
        seen.add(text)
        snippet = text if len(text) <= 90 else text[:90] + "…"
        problems.append(
            Problem(
                at(page.where, page.line_of_text(text)),
                f"“{snippet}” reuses {shared} of the {of} content words of one sentence of the source article",
                "rewrite it from the facts: say it in another order and in your own words, or quote one sentence "
                "at most, in quotation marks, with its speaker",
            )
        )
    return problems
