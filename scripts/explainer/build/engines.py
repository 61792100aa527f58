"""The engine seam: the one place that knows how to run a site engine.

Both engines read the editions' configs (mkdocs.yml, mkdocs.fr.yml) and
write one edition into a folder. What the post-build steps and the checks
need to know of an engine's output (where the theme's stylesheets and the
search index are, how to read its log) is declared here too, so that no step
guesses.

MkDocs with Material is the default and the published build. Zensical, the
same makers' successor, is the second engine (`dev.py build --engine
zensical`), so that the site keeps building as Material nears its end of life.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model.config import deployed_config, deployment, dump_config, load_config
from ..model.editions import EDITIONS, Edition
from ..model.problems import Problem
from .messages import crash_problem, mkdocs_problems

# Material prints a long banner about MkDocs 2 without this.
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
DEPLOYED_CONFIG = ".{stem}.deploy-{id}.yml"  # git-ignored; removed after the build
# Set to "1" when the caller runs the rules itself after the build (check,
# the preview): the build then goes on past a page that breaks a rule, and
# the rule reports it once.
REPORT_ONLY = "EXPLAINER_REPORT_ONLY"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
PAGE_IN_LOG = re.compile(r"(?<![\w/.-])([\w.-]+(?:/[\w.-]+)*\.md)\b")


class BuildError(RuntimeError):
    """The build failed; the message holds the engines' own output.

    logs: {lang: the engine's log} of every edition, built or not.
    failed: the languages whose build failed."""

    def __init__(self, message: str, logs: dict[str, str] | None = None, failed: tuple[str, ...] = ()):
        super().__init__(message)
        self.logs = logs or {}
        self.failed = failed


class EditionError(RuntimeError):
    """One edition failed; `log` is the engine's output as it wrote it."""

    def __init__(self, message: str, log: str):
        super().__init__(message)
        self.log = log


def name_pages(log: str, ed: Edition, root: Path) -> str:
    """The log with each page path that engines give relative to the pages
    folder ('about.md', 'about.md:49') given from the repository root instead."""
    base = ed.docs_dir(root)
    return PAGE_IN_LOG.sub(lambda m: f"{ed.docs}/{m[1]}" if (base / m[1]).is_file() else m[1], log)


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
    read_log: turns an edition's log into problems at docs/…md:LINE.
    """

    name: str
    theme_stylesheets: tuple[str, ...]
    theme_scripts: tuple[str, ...]
    search_index: str
    search_docs: str
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
        raise NotImplementedError(f"{type(self).__name__} does not say how to build an edition")

    def run(self, cmd: list[str], ed: Edition, root: Path, report_only: bool, env: dict | None) -> str:
        """Run an engine command; its log without colour codes. On failure,
        EditionError whose message names pages from the repository root
        (about.md → docs/en/about.md)."""
        run_env = {**os.environ, **QUIET, **(env or {}), REPORT_ONLY: "1" if report_only else "0"}
        done = subprocess.run(cmd, cwd=root, env=run_env, capture_output=True, text=True)
        log = ANSI.sub("", done.stdout + done.stderr)
        if done.returncode != 0:
            shown = name_pages(log, ed, root)
            raise EditionError(f"the {ed.lang} edition ({ed.config}) failed to build with {self.name}:\n{shown}", log)
        return log


@contextlib.contextmanager
def deployed(ed: Edition, root: Path) -> Iterator[Path]:
    """The config file the engine builds edition `ed` from: the committed one
    when the site is published where it says, else a config for this build
    that inherits it and sets the addresses of where the site is deployed
    (model/config.py: SITE_URL, REPO_URL)."""
    committed = load_config(ed.config, root)
    wanted = deployment(root).overrides(committed, ed.lang)
    extra = committed["extra"]
    if (
        all(committed.get(key) == value for key, value in wanted.items() if key != "extra")
        and [alt["root"] for alt in extra["alternate"]] == [alt["root"] for alt in wanted["extra"]["alternate"]]
        and extra.get("scope") == wanted["extra"]["scope"]
    ):
        yield root / ed.config
        return
    path = root / DEPLOYED_CONFIG.format(stem=Path(ed.config).stem, id=f"{os.getpid()}-{threading.get_ident()}")
    header = f"# Written for one build by scripts/explainer/build/engines.py: where this copy is published.\nINHERIT: {ed.config}\n"
    path.write_text(header + yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


@dataclass(frozen=True)
class MkDocsEngine(Engine):
    def build_edition(self, ed, dest, root, strict, report_only=False, env=None):
        with deployed(ed, root) as config:
            # Never `-v`: in MkDocs 1.6 verbose mode skips anchor validation.
            cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config)]
            cmd += ["--site-dir", str(dest), "--strict" if strict else "--no-strict"]
            return self.run(cmd, ed, root, report_only, env)


@dataclass(frozen=True)
class ZensicalEngine(Engine):
    """Zensical merges an INHERIT chain differently from MkDocs (it appends
    lists: the French edition would get both navs and both palettes), has no
    output-folder option, and empties `site_dir`, which must lie inside the
    repository. So each edition is built from its config as MkDocs resolves
    it, for where the site is deployed, written to a file of its own, into a
    folder of its own, then moved."""

    def build_edition(self, ed, dest, root, strict, report_only=False, env=None):
        config = deployed_config(ed.lang, root)
        out = root / f".site-zensical-{ed.lang}"
        config.update(site_dir=out.name, strict=strict)
        config_file = root / f".zensical-{ed.lang}.yml"
        config_file.write_text(dump_config(config), encoding="utf-8")
        zensical = str(Path(sys.executable).parent / "zensical")
        try:
            log = self.run([zensical, "build", "--config-file", str(config_file)], ed, root, report_only, env)
        finally:
            config_file.unlink(missing_ok=True)
        if not (out / "index.html").is_file():
            raise EditionError(
                f"the {ed.lang} edition ({ed.config}): zensical wrote no {out.name}/index.html:\n{log}", log
            )
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
    read_log=mkdocs_problems,
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
