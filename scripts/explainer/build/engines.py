"""The engine seam: the one place that knows how to run a site engine.

Every engine reads the editions' configs (mkdocs.yml, mkdocs.fr.yml) and
writes one edition into a folder. What the post-build steps need to know of
an engine's output (where the theme's stylesheets are) is declared here too,
so that no step guesses.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model.config import deployment, load_config
from ..model.editions import EDITIONS, Edition
from ..model.problems import Problem
from .messages import crash_problem, mkdocs_problems

# Material prints a long banner about MkDocs 2 without this.
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
DEPLOYED_CONFIG = ".{stem}.deploy-{id}.yml"  # git-ignored; removed after the build
# Set to "1" when the caller runs the rules itself after the build (check,
# the preview): the engine's hooks then build a page that breaks a rule
# instead of stopping, and the rule reports it once.
REPORT_ONLY = "EXPLAINER_REPORT_ONLY"


class BuildError(RuntimeError):
    """An edition failed to build; the message holds the engine's own output.

    logs: {lang: the engine's log} of every edition, built or not.
    failed: the languages whose build failed."""

    def __init__(self, message: str, logs: dict[str, str] | None = None, failed: tuple[str, ...] = ()):
        super().__init__(message)
        self.logs = logs or {}
        self.failed = failed


class EditionError(RuntimeError):
    """One edition failed; `log` is the engine's output."""

    def __init__(self, message: str, log: str):
        super().__init__(message)
        self.log = log


@dataclass(frozen=True)
class Engine:
    """A site engine.

    name: as `dev.py build --engine` takes it.
    command: the command that builds one edition; `{config}` and `{dest}`
        are filled in, `{strict}` becomes the strict flag or nothing.
    strict_flag: the engine's flag that turns warnings into failures.
    lenient_flag: its flag that lets warnings through (the configs ask for
        strict builds, so a lenient one must say so).
    theme_stylesheets: globs, relative to an edition's output folder, of the
        theme's own stylesheets (the ones csstrim trims).
    theme_scripts: globs of the theme's page scripts, which csstrim reads
        for the classes they add at run time.
    """

    name: str
    command: tuple[str, ...]
    strict_flag: str | None
    lenient_flag: str | None
    theme_stylesheets: tuple[str, ...]
    theme_scripts: tuple[str, ...]
    read_log: Callable[[str, Edition, Path], list[Problem]] = field(default=lambda log, ed, root: [])

    def problems(self, logs: dict[str, str], root: Path, failed: tuple[str, ...] = ()) -> list[Problem]:
        """The warnings and errors of each edition's log, naming docs/…md:LINE,
        and the error each edition in `failed` stopped with."""
        found = [p for ed in EDITIONS if ed.lang in logs for p in self.read_log(logs[ed.lang], ed, root)]
        crashes = [crash_problem(logs.get(lang, ""), root) for lang in failed]
        return list(dict.fromkeys(found + [c for c in crashes if c]))

    def build_edition(
        self, ed: Edition, dest: Path, root: Path, strict: bool, report_only: bool = False, env: dict | None = None
    ) -> str:
        """Build edition `ed` of the repository at `root` into `dest`; return
        the engine's log. Raises EditionError with that log on failure.
        report_only: see REPORT_ONLY. env: more environment variables."""
        with deployed(ed, root) as config:
            cmd = []
            for part in self.command:
                if part == "{strict}":
                    flag = self.strict_flag if strict else self.lenient_flag
                    if flag:
                        cmd.append(flag)
                    continue
                cmd.append(part.format(config=config, dest=dest, python=sys.executable))
            run_env = {**os.environ, **QUIET, **(env or {}), REPORT_ONLY: "1" if report_only else "0"}
            done = subprocess.run(cmd, cwd=root, env=run_env, capture_output=True, text=True)
        log = done.stdout + done.stderr
        if done.returncode != 0:
            raise EditionError(f"the {ed.lang} edition ({ed.config}) failed to build with {self.name}:\n{log}", log)
        return log


@contextlib.contextmanager
def deployed(ed: Edition, root: Path) -> Iterator[Path]:
    """The config file the engine builds edition `ed` from: the committed one
    when the site is published where it says, else a config for this build
    that inherits it and sets the addresses of where the site is deployed
    (model/config.py: SITE_URL, REPO_URL). Any engine that reads the configs
    (and their INHERIT) builds a fork correctly this way."""
    committed = load_config(ed.config, root)
    wanted = deployment(root).overrides(committed, ed.lang)
    if all(committed.get(key) == value for key, value in wanted.items() if key != "extra") and [
        alt["root"] for alt in committed["extra"]["alternate"]
    ] == [alt["root"] for alt in wanted["extra"]["alternate"]]:
        yield root / ed.config
        return
    path = root / DEPLOYED_CONFIG.format(stem=Path(ed.config).stem, id=f"{os.getpid()}-{threading.get_ident()}")
    header = f"# Written for one build by scripts/explainer/build/engines.py: where this copy is published.\nINHERIT: {ed.config}\n"
    path.write_text(header + yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


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
    lenient_flag="--no-strict",
    theme_stylesheets=("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css"),
    # The bundle builds the DOM; the search worker and stemmers never touch it.
    theme_scripts=("assets/javascripts/*.js",),
    read_log=mkdocs_problems,
)

ENGINES = {engine.name: engine for engine in (MKDOCS,)}
DEFAULT_ENGINE = MKDOCS


def engine(name: str) -> Engine:
    """The engine called `name`; KeyError listing the known ones otherwise."""
    if name not in ENGINES:
        raise KeyError(f"no engine {name!r}; known: {', '.join(ENGINES)}")
    return ENGINES[name]
