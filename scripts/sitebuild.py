"""Build every language edition into one site folder.

`scripts/dev.py build`, the tests and the audit all build through here, so the
site that is tested is the site that is published.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import postbuild
import siterules

# Material prints a long banner about MkDocs 2 without this.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class BuildError(RuntimeError):
    pass


def _build_edition(ed: siterules.Edition, dest: Path, root: Path, strict: bool) -> str:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(root / ed.config), "--site-dir", str(dest)]
    if strict:
        cmd.append("--strict")
    # Never `-v`: in MkDocs 1.6 verbose mode skips anchor validation.
    done = subprocess.run(cmd, cwd=root, env=BUILD_ENV, capture_output=True, text=True)
    log = done.stdout + done.stderr
    if done.returncode != 0:
        raise BuildError(f"the {ed.lang} edition ({ed.config}) failed to build:\n{log}")
    return log


def build_site(dest: Path, root: Path = siterules.ROOT, strict: bool = True, preview: bool = False) -> str:
    """Build all editions into `dest` (emptied first) and return the build logs.

    `preview` is for the live-reload server: post-build steps that would stop
    its injected script (the Content-Security-Policy) are left out.

    Editions build in parallel into separate folders, then the others move
    under the default edition at their prefix (e.g. `fr/`).
    """
    dest = Path(dest).resolve()
    staging = {ed.lang: dest.parent / f".{dest.name}-{ed.lang}" for ed in siterules.EDITIONS}
    for path in staging.values():
        shutil.rmtree(path, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=len(siterules.EDITIONS)) as pool:
        jobs = [pool.submit(_build_edition, ed, staging[ed.lang], root, strict) for ed in siterules.EDITIONS]
    # Leaving the `with` waited for every edition, so failures are all in.
    errors = [str(job.exception()) for job in jobs if job.exception()]
    if errors:
        for path in staging.values():
            shutil.rmtree(path, ignore_errors=True)
        raise BuildError("\n\n".join(errors))
    logs = [job.result() for job in jobs]
    shutil.rmtree(dest, ignore_errors=True)
    default = siterules.EDITIONS[0]
    staging[default.lang].rename(dest)
    for ed in siterules.EDITIONS[1:]:
        staging[ed.lang].rename(dest / ed.prefix.rstrip("/"))
    postbuild.run(dest, preview=preview)
    return "\n".join(logs)
