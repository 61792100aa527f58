"""The editions carry the same claims, block by block.

Each edition's page is read as a sequence of section headings and sourced
blocks (paragraphs, list items, table rows and definitions with a footnote
or a status label). A sourced block is known across languages by its label
(Stated = Déclaré …) and the registry ids its footnotes cite. The two
sequences are aligned, as `diff` aligns lines; a block or heading left
without a counterpart is reported at its own line, with where its
translation would go. A paragraph added to one edition only is caught even
when it cites a source the page already cites.

Where several blocks in a row look alike (same label, same sources), what
survives translation picks out the one that was added: the numbers and
names they contain, and their length.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..build.timeline import KINDS
from ..model.blocks import PROSE, Block, blocks
from ..model.editions import DEFAULT_LANG
from ..model.language import language_name, status_labels
from ..model.pages import Page, footnotes
from ..model.problems import Problem, at
from .sourcing import KIND, LABEL, snippet

NUMBER = re.compile(r"\d+")
# "1,000" and « 1 000 » are one number; figures of 100 and more are written in
# digits in both editions (« onze » and "11" are not), so they must agree.
THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}\b)")
FIGURE_FROM = 100
NOT_READ = re.compile(r"\[\^[^\]]+\]|\]\([^)]*\)|https?://\S+")
MARK = re.compile(r"\{\s*\.([\w-]+)\s*\}")
NAME = re.compile(r"\b[A-Z][\w-]{2,}")


@dataclass(frozen=True)
class Item:
    key: tuple  # what must match across editions
    numbers: frozenset[str]  # numbers and names, which survive translation
    block: Block
    section: str  # the heading above it

    def describe(self, lang: str) -> str:
        if self.block.kind == "heading":
            return f"heading “{self.block.prose}”"
        label, sources = self.key[1], self.key[2]
        parts = [_label(lang, label)]
        if sources:
            parts.append("citing " + ", ".join(sorted(sources)))
        return f"{KIND[self.block.kind]} ({'; '.join(parts)}) “{snippet(self.block.prose, 50)}”"


def claim_text(block: Block) -> str:
    """A block's words as a reader reads them: no status label, footnote
    references, link targets or web addresses."""
    return NOT_READ.sub(" ", LABEL.sub(" ", block.prose))


def items(page: Page) -> list[Item]:
    """The page's section headings and sourced blocks, in order."""
    notes = footnotes(page)
    labels = status_labels(page.lang)
    out, section = [], "at the top of the page"
    for block in blocks(page):
        if block.kind == "heading" and block.level >= 2:
            out.append(Item(("heading", block.level), frozenset(), block, ""))  # a heading is its own place
            section = f"under “{block.prose}”"
            continue
        label = LABEL.search(block.text)
        if block.kind not in PROSE or not (block.footnotes or label):
            continue
        index = labels.index(label.group(1)) if label and label.group(1) in labels else None
        sources = frozenset(sid for ref in block.footnotes for sid in notes.get(ref, []))
        text = claim_text(block)
        marks = frozenset(NUMBER.findall(text) + [w.lower() for w in NAME.findall(text)])
        out.append(Item(("claim", index, sources), marks, block, section))
    return out


def _alike(a: Item, b: Item) -> float:
    """How alike two blocks of different languages look: the numbers and
    names they share, and how close their lengths are."""
    shared = len(a.numbers & b.numbers) / len(a.numbers | b.numbers) if a.numbers | b.numbers else 0.0
    la, lb = len(a.block.prose), len(b.block.prose)
    return shared + min(la, lb) / max(la, lb, 1)


def _left_out(longer: list[Item], shorter: list[Item]) -> list[int]:
    """Indices of `longer` that stay unmatched when every item of `shorter`
    is matched, in order, to one of `longer`, the pairs as alike as possible."""
    n, m = len(longer), len(shorter)
    best = [[float("-inf")] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(1, n + 1):
        for j in range(m + 1):
            skip = best[i - 1][j]
            take = best[i - 1][j - 1] + _alike(longer[i - 1], shorter[j - 1]) if j else float("-inf")
            best[i][j] = max(skip, take)
    out, j = [], m
    for i in range(n, 0, -1):
        if j and best[i][j] == best[i - 1][j - 1] + _alike(longer[i - 1], shorter[j - 1]):
            j -= 1
        else:
            out.append(i - 1)
    return sorted(out)


def _run(items: list[Item], start: int, end: int, key) -> tuple[int, int]:
    while start > 0 and items[start - 1].key == key:
        start -= 1
    while end < len(items) and items[end].key == key:
        end += 1
    return start, end


def align(mine: list[Item], theirs: list[Item]):
    """(pairs that differ, unmatched indices of mine, unmatched indices of
    theirs, matched (i, j) pairs), aligning by label and sources."""
    keys = ([i.key for i in mine], [i.key for i in theirs])
    opcodes = difflib.SequenceMatcher(None, *keys, autojunk=False).get_opcodes()
    differ, lonely, matched = [], ([], []), []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            matched += zip(range(i1, i2), range(j1, j2), strict=True)
            continue
        n = min(i2 - i1, j2 - j1) if op == "replace" else 0
        n = next((k for k in range(n) if "heading" in (mine[i1 + k].key[0], theirs[j1 + k].key[0])), n)
        differ += zip(range(i1, i1 + n), range(j1, j1 + n), strict=True)
        lonely[0].extend(range(i1 + n, i2))
        lonely[1].extend(range(j1 + n, j2))
    # Several alike blocks in a row: the numbers and lengths pick the lonely one.
    for side, items, others in ((0, mine, theirs), (1, theirs, mine)):
        for x in list(lonely[side]):
            if x not in lonely[side]:
                continue  # its run was settled with an earlier one
            key = items[x].key
            if key[0] != "claim" or len({items[y].key for y in lonely[side] if abs(y - x) <= 1}) > 1:
                continue
            a, c = _run(items, x, x + 1, key)
            pairs = [(i, j) for i, j in (matched if side == 0 else [(j, i) for i, j in matched]) if a <= i < c]
            if not pairs or any(others[j].key != key for _, j in pairs):
                continue
            run_lonely = [y for y in lonely[side] if a <= y < c]
            chosen = [a + k for k in _left_out(items[a:c], [others[j] for _, j in pairs])]
            lonely[side][:] = sorted(set(lonely[side]) - set(run_lonely) | set(chosen))
            kept = [i for i in range(a, c) if i not in chosen]
            new = list(zip(kept, [j for _, j in pairs], strict=True))
            if side == 0:
                matched = [p for p in matched if not a <= p[0] < c] + new
            else:
                matched = [p for p in matched if not a <= p[1] < c] + [(j, i) for i, j in new]
    return differ, lonely[0], lonely[1], sorted(matched)


def check_claim_parity(page: Page, base: Page) -> list[Problem]:
    """`page` (another edition) and `base` (the default edition's page) carry
    the same sections and sourced blocks in the same order."""
    mine, theirs = items(page), items(base)
    differ, lonely_mine, lonely_theirs, matched = align(mine, theirs)
    problems = [_differs(page, mine[i], base, theirs[j]) for i, j in differ]
    problems += [problem for i, j in matched if (problem := _other_figures(page, mine[i], base, theirs[j])) is not None]
    for x in lonely_mine:
        anchor = max((j + 1 for i, j in matched + differ if i < x), default=0)
        problems.append(_missing(page, mine[x], base, theirs, anchor))
    for y in lonely_theirs:
        anchor = max((i + 1 for i, j in matched + differ if j < y), default=0)
        problems.append(_missing(base, theirs[y], page, mine, anchor))
    return sorted(problems, key=lambda p: (p.where.split(":")[0], int(p.where.split(":")[1]) if ":" in p.where else 0))


def _label(lang: str, index: int | None) -> str:
    return status_labels(lang)[index] if index is not None else "no label"


def _differs(page: Page, a: Item, base: Page, b: Item) -> Problem:
    what = []
    if a.key[1] != b.key[1]:
        what.append(f"it is labelled {_label(page.lang, a.key[1])}, its counterpart {_label(base.lang, b.key[1])}")
    if a.key[2] != b.key[2]:
        here, there = sorted(a.key[2] - b.key[2]), sorted(b.key[2] - a.key[2])
        diff = [f"only here: {', '.join(here)}" if here else "", f"only there: {', '.join(there)}" if there else ""]
        what.append("its footnotes cite other sources (" + "; ".join(d for d in diff if d) + ")")
    same = ", ".join(f"{x} = {y}" for x, y in zip(status_labels(base.lang), status_labels(page.lang), strict=True))
    return Problem(
        at(page.where, a.block.line),
        f"this {KIND[a.block.kind]} does not match its counterpart at {at(base.where, b.block.line)}: "
        + " and ".join(what),
        f"the same claim takes the same label ({same}) and the same sources in both editions; change them together",
    )


def figures(item: Item) -> set[int]:
    """The figures of a block's text (100 and more: amounts, years), its
    footnotes, link targets and web addresses aside."""
    return {int(n) for n in NUMBER.findall(THOUSANDS.sub("", claim_text(item.block))) if int(n) >= FIGURE_FROM}


def milestones(item: Item) -> set[str]:
    """The timeline marks of a block ({ .signed } …, build/timeline.py)."""
    return {m for m in MARK.findall(item.block.text) if m in KINDS}


def _other_figures(page: Page, a: Item, base: Page, b: Item) -> Problem | None:
    """A matched block whose timeline mark or figures differ from its counterpart's."""
    if a.key[0] != "claim":
        return None
    there_at = at(base.where, b.block.line)
    if milestones(a) != milestones(b):
        marks = [", ".join(f"{{ .{m} }}" for m in sorted(milestones(x))) or "no mark" for x in (a, b)]
        what = f"this timeline entry has {marks[0]} where its counterpart at {there_at} has {marks[1]}"
        fix = "mark the same entries in both editions"
    elif figures(a) != figures(b):
        here, there = figures(a), figures(b)
        shown = [", ".join(f"{n:,}" for n in sorted(x)) or "none" for x in (here - there, there - here)]
        what = f"this {KIND[a.block.kind]} gives {shown[0]} where its counterpart at {there_at} gives {shown[1]}"
        fix = "the same claim gives the same figures, dates and years in both editions: check which is right, and correct the other"
    else:
        return None
    return Problem(at(page.where, a.block.line), what, fix)


def _missing(page: Page, item: Item, other: Page, other_items: list[Item], anchor: int) -> Problem:
    """`item` of `page` has no counterpart in `other`; its translation would
    go after other_items[anchor - 1]."""
    place = f"after line {other_items[anchor - 1].block.line}" if anchor > 0 else "near the top of the page"
    lang = language_name(other.lang)
    return Problem(
        at(page.where, item.block.line),
        " ".join(filter(None, (item.describe(page.lang), item.section))) + f" has no counterpart in {other.where}",
        f"both editions must say the same things: add its {lang} version to {other.where} ({place}), or remove it here",
    )


def check_all(by_lang: dict[str, dict[str, Page]]) -> list[Problem]:
    """Every page of every other edition against the default edition's."""
    base = by_lang.get(DEFAULT_LANG, {})
    problems = []
    for lang, pages in by_lang.items():
        if lang == DEFAULT_LANG:
            continue
        for slug in sorted(set(pages) & set(base)):
            problems += check_claim_parity(pages[slug], base[slug])
    return problems
