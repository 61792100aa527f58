"""What the text of a page must not hold: bare web addresses, images
without alt text, and placeholder text left in by mistake.

These rules read the Markdown as written (code left out), so each problem
names the exact line, whether or not the site builds.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..model.layout import REGISTRY_FILE, rel
from ..model.pages import FENCE, Page
from ..model.problems import Problem, at

CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)|!?\[[^\]]*\]\[[^\]]*\]")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>", re.I)
TAG = re.compile(r"<[a-zA-Z/][^>]*>")
REFERENCE = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:[ \t]+\S+.*$", re.M)

URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\[\]{}\"“”«»]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|int|gov|edu|info|io|news|ru|kr|kp|fr|uk|de|eu|ua|jp|cn|us)/[^\s<>()\[\]{}\"“”«»]*",
    re.I,
)

# Placeholders editors leave while writing, in either language.
PLACEHOLDERS = [
    re.compile(r"\b(?:TODO|FIXME|TBD|TBC|XXX+)\b"),
    re.compile(r"\b(?:todo|fixme)\s*:", re.I),
    re.compile(r"\blorem ipsum\b|\bdolor sit amet\b", re.I),
    re.compile(
        r"\[\s*(?:citation|source|reference|ref\.?)\s+(?:needed|required|missing)\s*\]|\bcitation needed\b", re.I
    ),
    re.compile(
        r"\[\s*(?:réf(?:érence)?\.?|source|citation)\s+(?:nécessaire|manquante?|requise?)\s*\]"
        r"|\bréférence nécessaire\b",
        re.I,
    ),
    re.compile(r"(?<![\w’'])à (?:compléter|rédiger|traduire|sourcer)\b", re.I),
    re.compile(r"[\[(«]\s*à faire\s*[\])»]|\bà faire\s*:", re.I),
    re.compile(r"\bÀ FAIRE\b"),
    re.compile(r"\[\s*(?:insert|add|write|insérer|ajouter|écrire)\b[^\]]*\]", re.I),
]

IMAGE_MD = re.compile(r"!\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?[^)]*\)|!\[([^\]]*)\]\[([^\]]*)\]")
IMAGE_HTML = re.compile(r"<img\b[^>]*>", re.I)
ALT_ATTR = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
SRC_ATTR = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Alt texts that say nothing about the image, in either language.
GENERIC_ALT = {
    "image", "picture", "photo", "photograph", "img", "graphic", "illustration", "figure", "icon", "screenshot",
    "diagram", "chart", "map", "logo", "alt", "alt text", "placeholder", "schéma", "graphique", "capture d’écran",
    "capture d'écran", "carte", "dessin", "photographie", "icône", "texte alternatif",
}  # fmt: skip


def blank(text: str, pattern: re.Pattern) -> str:
    """`text` with every match of `pattern` turned into spaces, line breaks
    kept, so that offsets and line numbers stay the same."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def without_code(text: str) -> str:
    return blank(blank(text, FENCE), CODE_SPAN)


def line_at(page: Page, offset: int) -> int:
    return page.body_line + page.body.count("\n", 0, offset)


def front_lines(page: Page):
    """(line, text) of the title and description as written in the front matter."""
    for key in ("title", "description"):
        line = page.key_line(key)
        value = page.meta.get(key)
        if line and isinstance(value, str):
            yield line, key, value


def check_bare_urls(page: Page) -> list[Problem]:
    """No web address written out as text: links go through the registry."""
    text = without_code(page.body)
    for pattern in (COMMENT, LINK, AUTOLINK, TAG, REFERENCE):
        text = blank(text, pattern)
    found = [(line_at(page, m.start()), m.group(0)) for m in URL.finditer(text)]
    found += [(line, m.group(0)) for line, _, value in front_lines(page) for m in URL.finditer(value)]
    problems = []
    for line, url in found:
        url = url.rstrip(".,;:!?’'")
        problems.append(
            Problem(
                at(page.where, line),
                f"bare web address {url} in the text; readers cannot follow it, and every source must be in the registry",
                f"add the source to {rel(REGISTRY_FILE)} and cite it in a footnote, [^1]: [Publisher](sources.md#its-id)"
                " (or, for a site that is not a source, write a link: [what it is](https://…))",
            )
        )
    return problems


def check_placeholders(page: Page) -> list[Problem]:
    """No TODO, FIXME, lorem ipsum, [citation needed], « à compléter » … outside code."""
    text = blank(without_code(page.body), LINK_TARGET)
    hits = [(line_at(page, m.start()), m.group(0)) for p in PLACEHOLDERS for m in p.finditer(text)]
    hits += [
        (line, m.group(0)) for line, _, value in front_lines(page) for p in PLACEHOLDERS for m in p.finditer(value)
    ]
    seen, problems = set(), []
    for line, word in sorted(hits):
        if line in seen:
            continue
        seen.add(line)
        problems.append(
            Problem(
                at(page.where, line),
                f"placeholder text “{word.strip()}” is still in the page",
                "write the finished text (with its footnote), or delete the placeholder",
            )
        )
    return problems


def _bad_alt(alt: str | None, src: str) -> str | None:
    """Why `alt` does not describe the image at `src`, or None if it does."""
    if alt is None:
        return "has no alt attribute"
    words = " ".join(alt.split()).strip(" .:-–—").lower()
    if not re.search(r"[^\W\d_]", words):
        return "has no alt text"
    name = PurePosixPath(src.split("?")[0].split("#")[0]).name.lower()
    stem = name.rsplit(".", 1)[0]
    if words in {name, stem, stem.replace("-", " ").replace("_", " ")} or words == src.lower():
        return f"has only its file name, “{alt}”, as alt text"
    if words in GENERIC_ALT:
        return f"has alt text “{alt}”, which does not say what it shows"
    return None


def check_images(page: Page) -> list[Problem]:
    """Every image has alt text that says what it shows."""
    text = blank(without_code(page.body), COMMENT)
    found = []
    for m in IMAGE_MD.finditer(text):
        alt, src = (m.group(1), m.group(2)) if m.group(3) is None else (m.group(3), m.group(4))
        found.append((m.start(), alt, src))
    for m in IMAGE_HTML.finditer(text):
        alt, src = ALT_ATTR.search(m.group(0)), SRC_ATTR.search(m.group(0))
        alt_text = next((g for g in alt.groups() if g is not None), "") if alt else None
        found.append((m.start(), alt_text, next((g for g in src.groups() if g is not None), "") if src else ""))
    problems = []
    for start, alt, src in sorted(found):
        why = _bad_alt(alt, src)
        if why:
            problems.append(
                Problem(
                    at(page.where, line_at(page, start)),
                    f"image {src or '(no src)'} {why}; readers who cannot see it get nothing",
                    "describe what the image shows in a short sentence, written as ![A map of … ](file.png)"
                    ' or <img alt="A map of …">',
                )
            )
    return problems
