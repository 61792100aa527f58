"""The engine seam: the one place that knows how to run a site engine.

Both engines read the editions' configs (mkdocs.yml, mkdocs.fr.yml) and
write one edition into a folder. What the post-build steps and the checks
need to know of an engine's output (where the theme's stylesheets and the
search index are) is declared here too, so that no step guesses.

MkDocs with Material is the default and the published build. Zensical, the
same makers' successor, is the second engine (`dev.py build --engine
zensical`), so that the site keeps building as Material nears its end of life.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..model.config import dump_config, load_config
from ..model.editions import Edition

# Material prints a long banner about MkDocs 2 without this.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class BuildError(RuntimeError):
    """An edition failed to build; the message holds the engine's own output."""


@dataclass(frozen=True)
class Engine:
    """A site engine.

    name: as `dev.py build --engine` takes it.
    theme_stylesheets: globs, relative to an edition's output folder, of the
        theme's own stylesheets (the ones csstrim trims).
    theme_scripts: globs of the theme's page scripts, which csstrim reads
        for the classes they add at run time.
    search_index: where the edition's search index is, and `search_docs`
        the key of its list of documents.
    """

    name: str
    theme_stylesheets: tuple[str, ...]
    theme_scripts: tuple[str, ...]
    search_index: str
    search_docs: str

    def build_edition(self, ed: Edition, dest: Path, root: Path, strict: bool) -> str:
        """Build edition `ed` of the repository at `root` into `dest`; return
        the engine's log. Raises BuildError with that log on failure."""
        raise NotImplementedError(f"{type(self).__name__} does not say how to build an edition")

    def run(self, cmd: list[str], ed: Edition, root: Path) -> str:
        """Run an engine command; its log, with page paths named from the
        repository root (about.md → docs/en/about.md) and colour codes gone."""
        done = subprocess.run(cmd, cwd=root, env=BUILD_ENV, capture_output=True, text=True)
        log = name_pages(ANSI.sub("", done.stdout + done.stderr), ed, root)
        if done.returncode != 0:
            raise BuildError(f"the {ed.lang} edition ({ed.config}) failed to build with {self.name}:\n{log}")
        return log


PAGE_IN_LOG = re.compile(r"(?<![\w/.-])([\w.-]+(?:/[\w.-]+)*\.md)\b")


def name_pages(log: str, ed: Edition, root: Path) -> str:
    """The log with each page path that engines give relative to the pages
    folder ('about.md', 'about.md:49') given from the repository root instead."""
    base = ed.docs_dir(root)
    return PAGE_IN_LOG.sub(lambda m: f"{ed.docs}/{m[1]}" if (base / m[1]).is_file() else m[1], log)


@dataclass(frozen=True)
class MkDocsEngine(Engine):
    def build_edition(self, ed: Edition, dest: Path, root: Path, strict: bool) -> str:
        # Never `-v`: in MkDocs 1.6 verbose mode skips anchor validation.
        cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(root / ed.config)]
        return self.run([*cmd, "--site-dir", str(dest), *(["--strict"] if strict else [])], ed, root)


@dataclass(frozen=True)
class ZensicalEngine(Engine):
    """Zensical merges an INHERIT chain differently from MkDocs (it appends
    lists: the French edition would get both navs and both palettes), has no
    output-folder option, and empties `site_dir`, which must lie inside the
    repository. So each edition is built from its config as MkDocs resolves
    it, written to a file of its own, into a folder of its own, then moved."""

    def build_edition(self, ed: Edition, dest: Path, root: Path, strict: bool) -> str:
        config = load_config(ed.config, root)
        out = root / f".site-zensical-{ed.lang}"
        config.update(site_dir=out.name, strict=strict)
        config_file = root / f".zensical-{ed.lang}.yml"
        config_file.write_text(dump_config(config), encoding="utf-8")
        try:
            log = self.run(
                [str(Path(sys.executable).parent / "zensical"), "build", "--config-file", str(config_file)], ed, root
            )
        finally:
            config_file.unlink(missing_ok=True)
        if not (out / "index.html").is_file():
            raise BuildError(f"the {ed.lang} edition ({ed.config}): zensical wrote no {out.name}/index.html:\n{log}")
        shutil.rmtree(dest, ignore_errors=True)
        shutil.move(out, dest)
        return log


MKDOCS = MkDocsEngine(
    name="mkdocs",
    theme_stylesheets=("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css"),
    # The bundle builds the DOM; the search worker and stemmers never touch it.
    theme_scripts=("assets/javascripts/*.js",),
    search_index="search/search_index.json",
    search_docs="docs",
)
ZENSICAL = ZensicalEngine(
    name="zensical",
    # theme.variant: classic (mkdocs.yml) is Material's look; "modern" ships unused.
    theme_stylesheets=("assets/stylesheets/classic/main.*.min.css", "assets/stylesheets/classic/palette.*.min.css"),
    theme_scripts=("assets/javascripts/*.js",),
    search_index="search.json",
    search_docs="items",
)

ENGINES = {engine.name: engine for engine in (MKDOCS, ZENSICAL)}
DEFAULT_ENGINE = MKDOCS


def engine(name: str) -> Engine:
    """The engine called `name`; KeyError listing the known ones otherwise."""
    if name not in ENGINES:
        raise KeyError(f"no engine {name!r}; known: {', '.join(ENGINES)}")
    return ENGINES[name]
