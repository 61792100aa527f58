"""The engine seam: the one place that knows how to run a site engine.

Every engine reads the editions' configs (mkdocs.yml, mkdocs.fr.yml) and
writes one edition into a folder. What the post-build steps need to know of
an engine's output (where the theme's stylesheets are) is declared here too,
so that no step guesses.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..model.editions import Edition

# Material prints a long banner about MkDocs 2 without this.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class BuildError(RuntimeError):
    """An edition failed to build; the message holds the engine's own output."""


@dataclass(frozen=True)
class Engine:
    """A site engine.

    name: as `dev.py build --engine` takes it.
    command: the command that builds one edition; `{config}` and `{dest}`
        are filled in, `{strict}` becomes the strict flag or nothing.
    strict_flag: the engine's flag that turns warnings into failures.
    theme_stylesheets: globs, relative to an edition's output folder, of the
        theme's own stylesheets (the ones csstrim trims).
    theme_scripts: globs of the theme's page scripts, which csstrim reads
        for the classes they add at run time.
    """

    name: str
    command: tuple[str, ...]
    strict_flag: str | None
    theme_stylesheets: tuple[str, ...]
    theme_scripts: tuple[str, ...]

    def build_edition(self, ed: Edition, dest: Path, root: Path, strict: bool) -> str:
        """Build edition `ed` of the repository at `root` into `dest`; return
        the engine's log. Raises BuildError with that log on failure."""
        cmd = []
        for part in self.command:
            if part == "{strict}":
                if strict and self.strict_flag:
                    cmd.append(self.strict_flag)
                continue
            cmd.append(part.format(config=root / ed.config, dest=dest, python=sys.executable))
        done = subprocess.run(cmd, cwd=root, env=BUILD_ENV, capture_output=True, text=True)
        log = done.stdout + done.stderr
        if done.returncode != 0:
            raise BuildError(f"the {ed.lang} edition ({ed.config}) failed to build with {self.name}:\n{log}")
        return log


MKDOCS = Engine(
    name="mkdocs",
    # Never `-v`: in MkDocs 1.6 verbose mode skips anchor validation.
    command=(
        "{python}",
        "-m",
        "mkdocs",
        "build",
        "--clean",
        "--config-file",
        "{config}",
        "--site-dir",
        "{dest}",
        "{strict}",
    ),
    strict_flag="--strict",
    theme_stylesheets=("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css"),
    # The bundle builds the DOM; the search worker and stemmers never touch it.
    theme_scripts=("assets/javascripts/*.js",),
)

ENGINES = {engine.name: engine for engine in (MKDOCS,)}
DEFAULT_ENGINE = MKDOCS


def engine(name: str) -> Engine:
    """The engine called `name`; KeyError listing the known ones otherwise."""
    if name not in ENGINES:
        raise KeyError(f"no engine {name!r}; known: {', '.join(ENGINES)}")
    return ENGINES[name]
