"""Heading anchors that work in every script.

Python-Markdown's default anchor keeps only ASCII: « Réactions » becomes
`reactions`, which is what the site's links use, but a heading in Cyrillic
(the treaty's Russian title) loses every letter and gets `-` or `_1`. Here a
heading written in the Latin script keeps the default anchor, so no existing
link changes, and a heading with letters of another script keeps them:
`договор-о-всеобъемлющем-…`, which browsers show as written.

Both engines run Python-Markdown's toc extension, which calls this function
(`toc: slugify: !!python/name:explainer.build.slugs.slugify` in the configs).
"""

from __future__ import annotations

import unicodedata

from markdown.extensions.toc import slugify as ascii_slug
from markdown.extensions.toc import slugify_unicode


def _other_script(text: str) -> bool:
    """`text` has a letter or digit outside ASCII that no accent folding
    brings back to it (Cyrillic, Greek, Hangul…; not é, ï, œ)."""
    folded = unicodedata.normalize("NFKD", text)
    return any(
        ch.isalnum() and not ch.isascii() and not unicodedata.combining(ch) and "LATIN" not in unicodedata.name(ch, "")
        for ch in folded
    )


def slugify(value: str, separator: str) -> str:
    """The anchor of a heading whose text is `value`."""
    if _other_script(value):
        return slugify_unicode(unicodedata.normalize("NFC", value), separator)
    return ascii_slug(value, separator)
