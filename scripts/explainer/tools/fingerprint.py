"""`dev.py fingerprint`: regenerate the no-copying fingerprint from the
source article (see checks/copying.py). The article itself is never
committed; only the salted hashes of its word runs are."""

from __future__ import annotations

from pathlib import Path

from ..checks.copying import FINGERPRINT, N, ngram_hashes
from ..model.layout import ROOT

DEFAULT_ARTICLE = ROOT.parent / "shared" / "source" / "article.fr.txt"


def write(article: Path = DEFAULT_ARTICLE, dest: Path = FINGERPRINT) -> Path:
    """Hash every N-word run of `article` into `dest`; return `dest`.
    Raises FileNotFoundError when the article is not there."""
    if not article.is_absolute():
        article = (Path.cwd() / article).resolve()
    hashes = sorted(ngram_hashes(article.read_text(encoding="utf-8")))
    header = (
        f"# No-copying fingerprint: salted SHA-256 of every {N}-word run of the source article.\n"
        "# Regenerate with `python3 scripts/dev.py fingerprint PATH-TO-ARTICLE`; never commit the article.\n"
    )
    dest.write_text(header + "\n".join(hashes) + "\n", encoding="utf-8")
    return dest
