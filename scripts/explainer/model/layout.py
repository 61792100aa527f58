"""Where things are in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
DATA = DOCS / ".data"
OVERRIDES = DOCS / ".overrides"
REGISTRY_FILE = DATA / "sources.yml"


def rel(path: Path, root: Path = ROOT) -> str:
    """`path` relative to `root`, with forward slashes; as given when outside it."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)
