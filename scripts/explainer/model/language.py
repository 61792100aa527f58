"""The language data: every string of our own that readers see, per language.

It is written once, in `extra.i18n` of mkdocs.yml (the French config
inherits it), so that the templates of either engine and the Python rules
read the same words. This module is the Python side.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .config import edition_config
from .editions import DEFAULT_LANG, EDITIONS


@functools.cache
def strings(lang: str) -> dict:
    """`extra.i18n[lang]` of the configs. KeyError names a language with no strings."""
    i18n = edition_config(DEFAULT_LANG)["extra"]["i18n"]
    if lang not in i18n:
        raise KeyError(f"mkdocs.yml: extra.i18n has no '{lang}' block; known: {', '.join(i18n)}")
    return i18n[lang]


def languages() -> tuple[str, ...]:
    return tuple(ed.lang for ed in EDITIONS)


def format_date(value: dt.date, lang: str) -> str:
    """A date as readers of that edition write it: 4 December 2024, 1er décembre 2024."""
    words = strings(lang)
    day = words["first_day"] if value.day == 1 else str(value.day)
    return f"{day} {words['months'][value.month - 1]} {value.year}"


def format_month(value: dt.date, lang: str) -> str:
    """A month as readers write it: March 2026, mars 2026."""
    return f"{strings(lang)['months'][value.month - 1]} {value.year}"


# The kinds of the four status labels, in the order of extra.i18n's `status`
# lists: the same in every edition, for classes and anchors.
STATUS_KINDS = ("stated", "reported", "analysis", "confirmed")


def status_labels(lang: str) -> tuple[str, ...]:
    """The four status labels, in the order Stated, Reported, Analysis, Confirmed."""
    return tuple(strings(lang)["status"])


def status_meanings(lang: str) -> tuple[str, ...]:
    """What each status label means, in the order of `status_labels`."""
    return tuple(strings(lang)["status_meaning"])


def og_locale(lang: str) -> str:
    """The Open Graph locale of an edition (en_GB, fr_FR)."""
    return strings(lang)["locale"]


def language_name(lang: str) -> str:
    """The edition's language, in English, for messages to editors."""
    return {"en": "English", "fr": "French"}.get(lang, lang)


# Short words that only one of the languages uses, to tell which language a
# title or description is written in. A word both languages use ("a", "on",
# "an", "or", "plus", "son") is in neither list.
_ENGLISH = """the of and to in for with what who whom how why when where is are was were this that these those
from by its it be been has have had not which about into their they he she his her will would could can after
before between over under than there at as"""
_FRENCH = """le la les l un une des du de d et ou en au aux pour par sur dans avec sans qui que qu quoi est sont ce
cet cette ces sa ses leur leurs comment pourquoi quand où quel quelle quels quelles ne pas se y il elle ils elles
nous vous entre selon après avant depuis vers chez contre à été être ont"""
FUNCTION_WORDS = {"en": frozenset(_ENGLISH.split()), "fr": frozenset(_FRENCH.split())}
# Letters that mark a word as French (English words borrowed with them are rare).
OWN_LETTERS = {"fr": "àâçéèêëîïôœùûü"}
# Titles spelled the same in every edition. A title, description or heading
# made only of these words and of names from the who's-who may be identical.
SAME_IN_EVERY_EDITION = frozenset({"sources"})


def words_of(text: str) -> list[str]:
    """Lowercase words, split at apostrophes (l’article → l, article)."""
    return re.findall(r"[^\W\d_]+", text.lower())


def has_own_words(text: str, lang: str) -> bool:
    """`text` has a function word or a letter only `lang` uses."""
    words = set(words_of(text))
    return bool(words & FUNCTION_WORDS.get(lang, frozenset())) or any(
        ch in text.lower() for ch in OWN_LETTERS.get(lang, "")
    )


def reads_as(text: str, lang: str) -> str | None:
    """The language `text` reads as when it is not `lang`: it has words only
    another language uses, and no word or letter of `lang`. None otherwise."""
    if has_own_words(text, lang):
        return None
    words = set(words_of(text))
    for other, vocabulary in FUNCTION_WORDS.items():
        if other != lang and words & vocabulary:
            return other
    return None
