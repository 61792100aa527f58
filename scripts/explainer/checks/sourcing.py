"""Every factual sentence is sourced: each paragraph, list item, table row
or definition of a content page that has text carries a footnote, and no
sentence trails after its last footnote.

Text that is not a claim about the world is allowed in these shapes only:
- a line that is all bold or italic, used as a small heading (**What we know**),
  or an image on its own (its alt text is checked by the image rule);
- navigation: a list item that starts with a link to another page, or a
  line of links to pages with at most a few words of its own (Mentioned on: …);
- a block marked `<!-- not a claim: why -->`, e.g. a sentence about the site;
- anything on a page whose front matter says `claims: false`.
The status label that every footnoted block starts with is checked on the
built page (claims.py); a block with neither is reported here, once.
"""

from __future__ import annotations

import re

from ..model.blocks import PROSE, Block, blocks, markers
from ..model.editions import META_PAGES
from ..model.language import status_labels
from ..model.pages import FOOTNOTE_REF, Page
from ..model.problems import Problem, at
from .prose import IMAGE_HTML, IMAGE_MD, PLACEHOLDERS

IMAGE = re.compile(f"{IMAGE_MD.pattern}|{IMAGE_HTML.pattern}", re.I)
LABEL = re.compile(r"\*\*([^*]+)\*\*\{\s*\.status\s*\}")
INTERNAL_LINK = re.compile(r"\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:|//)([^)\s]*\.md(?:#[^)\s]*)?)\)")
EMPHASIS_ONLY = re.compile(r"^(\*\*|__|\*|_)[^*_]+\1[.:]?$")
WORD = re.compile(r"[^\W\d_]{2,}")
NAV_WORDS = 4  # "Mentioned on:", "Apparaît dans :"
TAIL_WORDS = 3  # fewer words after the last footnote are punctuation or a closing bracket
KIND = {
    "paragraph": "paragraph",
    "item": "list item",
    "row": "table row",
    "definition": "definition",
    "quote": "quotation block",
}
HOW_TO_MARK = "if it is about the site, not the world, put <!-- not a claim: why --> on the line before it"


def is_claim_page(page: Page) -> bool:
    return page.meta.get("claims", True) is not False and page.slug not in META_PAGES


def allowed_shape(block: Block) -> bool:
    """Text that carries no claim by its shape: a bold line used as a heading,
    or navigation to other pages."""
    text = LABEL.sub("", block.prose).strip()
    if EMPHASIS_ONLY.match(text) or not WORD.search(IMAGE.sub(" ", text)):
        return True
    links = INTERNAL_LINK.findall(text)
    if block.kind == "item" and INTERNAL_LINK.match(text):
        return True
    outside = INTERNAL_LINK.sub(" ", text)
    return bool(links) and len(WORD.findall(outside)) <= NAV_WORDS


def snippet(text: str, n: int = 60) -> str:
    text = " ".join(FOOTNOTE_REF.sub("", LABEL.sub("", text)).split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def check_sourcing(page: Page) -> list[Problem]:
    """Blocks with text but no footnote, and sentences after the last footnote."""
    if not is_claim_page(page):
        return []
    labels = status_labels(page.lang)
    how = (
        f"start it with a status label, **{labels[1]}**{{ .status }} (or {', '.join(labels[:1] + labels[2:])}), "
        "and end it with a footnote [^1] defined as [^1]: [Publisher](sources.md#source-id)"
    )
    problems = []
    for block in blocks(page):
        if block.kind not in PROSE or block.marker is not None or not WORD.search(block.prose):
            continue
        if any(p.search(block.prose) for p in PLACEHOLDERS):
            continue  # the placeholder rule reports it
        kind = KIND[block.kind]
        if not block.footnotes:
            if allowed_shape(block):
                continue
            labelled = bool(LABEL.search(block.text))
            what = "a status label but no footnote" if labelled else "no footnote and no status label"
            fix = "end it with a footnote [^1] defined as [^1]: [Publisher](sources.md#source-id)" if labelled else how
            problems.append(
                Problem(
                    at(page.where, block.line),
                    f"{kind} with {what}: “{snippet(block.prose)}”",
                    f"every factual sentence needs a source: {fix}; {HOW_TO_MARK}",
                )
            )
            continue
        tail = block.prose[list(FOOTNOTE_REF.finditer(block.prose))[-1].end() :]
        if len(WORD.findall(tail)) >= TAIL_WORDS:
            problems.append(
                Problem(
                    at(page.where, block.line),
                    f"the last sentence of this {kind} has no footnote: “{snippet(tail)}”",
                    f"end it with a footnote too; {HOW_TO_MARK}",
                )
            )
    return problems


def check_markers(page: Page) -> list[Problem]:
    """Every "not a claim" marker says why."""
    problems = []
    for line, reason in markers(page):
        if len(WORD.findall(reason)) < 2:
            problems.append(
                Problem(
                    at(page.where, line),
                    "a 'not a claim' marker must say why the text needs no source",
                    "write the reason after the colon, e.g. <!-- not a claim: this sentence is about the site -->",
                )
            )
    return problems
