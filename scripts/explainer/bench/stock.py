"""The stock reference: the same pages built with a default Material
configuration, for the audit to compare against."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..build.engines import QUIET, BuildError
from ..model.config import dump_config, load_config
from ..model.layout import ROOT


def stock_config(dest: Path) -> Path:
    """Write a default-Material config for the English edition and return it.

    Kept: the pages, nav, Markdown extensions, features, palette toggle,
    language links and repository link (what the site offers). Removed: our
    template overrides (custom_dir), hooks, extra CSS/JS and every speed or
    accessibility customisation. `font: false` stays, because Google Fonts
    cannot load here; a stock site would also fetch them.
    """
    base = load_config("mkdocs.yml")
    theme = {k: v for k, v in base["theme"].items() if k in ("name", "language", "palette", "features", "icon")}
    theme["font"] = False
    config = {
        key: base[key]
        for key in (
            "site_name",
            "site_description",
            "site_url",
            "repo_name",
            "repo_url",
            "edit_uri",
            "copyright",
            "nav",
            "markdown_extensions",
        )
        if key in base
    }
    extra = {k: v for k, v in (base.get("extra") or {}).items() if k == "alternate"}
    config.update(
        docs_dir=str(ROOT / base["docs_dir"]),
        site_dir=str(dest),
        theme=theme,
        plugins=base.get("plugins", ["search"]),
        extra=extra,
        strict=False,
    )
    # Markdown extensions take paths relative to the repository (mkdocs runs there).
    path = dest.parent / "mkdocs.stock.yml"
    path.write_text(dump_config(config), encoding="utf-8")
    return path


def build_stock(dest: Path) -> None:
    config = stock_config(dest)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=ROOT,
        env={**os.environ, **QUIET},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BuildError(f"the stock reference build failed:\n{done.stdout}{done.stderr}")
