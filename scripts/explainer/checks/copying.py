"""No copying from the source article.

The article's rights are reserved, so its text stays out of the repository.
What is committed (docs/.data/article-fingerprint.txt) is a set of salted
hashes of every run of N consecutive normalised words of it. A page that
repeats a run of N words from the article, in either language, shares a hash
with the fingerprint; the hashes cannot be turned back into the text.
Quotations (in quotation marks, attributed) are left out of the comparison.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..model.html import content_root
from ..model.layout import DATA
from ..model.pages import Page
from ..model.problems import Problem, at
from .claims import QUOTATION

N = 12
FINGERPRINT = DATA / "article-fingerprint.txt"
_SALT = b"russia-north-korea-pact-explainer/v1"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lowercase words with typographic variants folded (’ → ', ligatures)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _WORD.findall(text)


def ngram_hashes(text: str, n: int = N) -> dict[str, str]:
    """{hash: the words} for every run of n consecutive words of `text`."""
    ws = words(text)
    out = {}
    for i in range(len(ws) - n + 1):
        run = " ".join(ws[i : i + n])
        out[hashlib.sha256(_SALT + run.encode()).hexdigest()[:20]] = run
    return out


def load_fingerprint(path: Path = FINGERPRINT) -> set[str]:
    """The committed hashes (comment lines left out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def copied_runs(text: str, fingerprint: set[str]) -> list[str]:
    """The n-word runs of `text` that are in the fingerprint."""
    return [run for h, run in ngram_hashes(text).items() if h in fingerprint]


def prose_segments(soup) -> list[str]:
    """The page's text outside quotations, split at every quotation so that
    no run of words is stitched across one."""
    body = content_root(soup)
    left_out = {id(el) for el in body.select("q, blockquote, .headerlink, script, style")}
    parts, last = [], None
    for text in body.strings:
        inside = next((id(p) for p in text.parents if id(p) in left_out), None)
        if inside is None:
            parts.append(text)
        elif inside != last:
            parts.append(" ¶ ")
        last = inside
    return re.split(f"{QUOTATION.pattern}|¶", " ".join(parts))


def line_of_words(page: Page, run: str, first: int = 5) -> int | None:
    """The Markdown line where a run of normalised words starts."""
    wanted = " ".join(run.split()[:first])
    for number, line in enumerate(page.body.split("\n")):
        if wanted in " ".join(words(line)):
            return page.body_line + number
    return None


def check_copying(soup, page: Page, fingerprint: set[str]) -> list[Problem]:
    """Every run of N words the built page shares with the article, outside quotations."""
    runs = [run for segment in prose_segments(soup) for run in copied_runs(segment, fingerprint)]
    if not runs:
        return []
    return [
        Problem(
            at(page.where, line_of_words(page, runs[0])),
            f"{len(runs)} run(s) of {N} words copied from the source article, e.g. “{runs[0]}”",
            "rewrite it in your own words, from the facts and in another order; or quote one sentence at most, in quotation marks, with its speaker",
        )
    ]
