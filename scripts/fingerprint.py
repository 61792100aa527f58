"""The no-copying fingerprint: hashed word 12-grams of the source article.

The article's rights are reserved, so its text stays out of the repository.
What is committed is a set of salted hashes of every run of N consecutive
normalised words. A page that repeats a run of N words from the article, in
either language, shares a hash with the fingerprint; the hashes cannot be
turned back into the text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import siterules

N = 12
FILE = siterules.DOCS / ".data" / "article-fingerprint.txt"
DEFAULT_ARTICLE = siterules.ROOT.parent / "shared" / "source" / "article.fr.txt"
_SALT = b"russia-north-korea-pact-explainer/v1"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lowercase words with typographic variants folded (’ → ', ligatures)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _WORD.findall(text)


def ngram_hashes(text: str, n: int = N) -> dict[str, str]:
    """{hash: the words} for every run of n consecutive words."""
    ws = words(text)
    out = {}
    for i in range(len(ws) - n + 1):
        run = " ".join(ws[i : i + n])
        out[hashlib.sha256(_SALT + run.encode()).hexdigest()[:20]] = run
    return out


def load(path: Path = FILE) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def write(article: Path = DEFAULT_ARTICLE, dest: Path = FILE) -> Path:
    if not article.is_absolute():
        article = (Path.cwd() / article).resolve()
    hashes = sorted(ngram_hashes(article.read_text(encoding="utf-8")))
    header = (
        f"# No-copying fingerprint: salted SHA-256 of every {N}-word run of the source article.\n"
        "# Regenerate with `python3 scripts/dev.py fingerprint PATH-TO-ARTICLE`; never commit the article.\n"
    )
    dest.write_text(header + "\n".join(hashes) + "\n", encoding="utf-8")
    return dest


def copied_runs(text: str, fingerprint: set[str]) -> list[str]:
    """The n-word runs of `text` that are in the fingerprint."""
    return [run for h, run in ngram_hashes(text).items() if h in fingerprint]
