"""`dev.py fingerprint`: regenerate the no-copying fingerprints from the
source article: the hashed 12-word runs (checks/copying.py) and the hashed
content words of each sentence (checks/paraphrase.py). The article itself
is never committed; only the salted hashes are."""

from __future__ import annotations

from pathlib import Path

from ..checks.copying import FINGERPRINT, N, ngram_hashes
from ..checks.paraphrase import SENTENCES, article_signatures
from ..model.layout import ROOT

DEFAULT_ARTICLE = ROOT.parent / "shared" / "source" / "article.fr.txt"


REGENERATE = "# Regenerate with `python3 scripts/dev.py fingerprint PATH-TO-ARTICLE`; never commit the article.\n"


def write(article: Path = DEFAULT_ARTICLE, runs: Path = FINGERPRINT, sentences: Path = SENTENCES) -> list[Path]:
    """Hash `article` into the two fingerprint files; return their paths.
    Raises FileNotFoundError when the article is not there."""
    if not article.is_absolute():
        article = (Path.cwd() / article).resolve()
    text = article.read_text(encoding="utf-8")
    header = f"# No-copying fingerprint: salted SHA-256 of every {N}-word run of the source article.\n"
    runs.write_text(header + REGENERATE + "\n".join(sorted(ngram_hashes(text))) + "\n", encoding="utf-8")
    header = "# No-paraphrase fingerprint: per sentence of the source article, salted hashes of its content words.\n"
    lines = [" ".join(sorted(signature)) for signature in article_signatures(text)]
    sentences.write_text(header + REGENERATE + "\n".join(lines) + "\n", encoding="utf-8")
    return [runs, sentences]
