"""The language data: every string of our own that readers see, per language.

It is written once, in `extra.i18n` of mkdocs.yml (the French config
inherits it), so that the templates of either engine and the Python rules
read the same words. This module is the Python side.
"""

from __future__ import annotations

import datetime as dt
import functools

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


def status_labels(lang: str) -> tuple[str, ...]:
    """The four status labels, in the order Stated, Reported, Analysis, Confirmed."""
    return tuple(strings(lang)["status"])


def og_locale(lang: str) -> str:
    """The Open Graph locale of an edition (en_GB, fr_FR)."""
    return strings(lang)["locale"]


def language_name(lang: str) -> str:
    """The edition's language, in English, for messages to editors."""
    return {"en": "English", "fr": "French"}.get(lang, lang)
