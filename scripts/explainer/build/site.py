"""Build every language edition into one site folder.

`scripts/dev.py build`, the preview server, the tests and the audit all build
through here, so the site that is tested is the site that is published.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..checks.front_matter import check_all_front_matter
from ..model.editions import DEFAULT, EDITIONS
from ..model.layout import ROOT
from ..model.problems import report
from . import steps
from .engines import DEFAULT_ENGINE, BuildError, Engine

__all__ = ["BuildError", "build_site"]


def build_site(
    dest: Path, root: Path = ROOT, strict: bool = True, preview: bool = False, engine: Engine = DEFAULT_ENGINE
) -> str:
    """Build all editions of the repository at `root` into `dest` (emptied
    first), run the post-build steps, and return the engines' logs.

    preview: for the live-reload server; steps that would stop its injected
    script (the Content-Security-Policy) are left out.
    Raises BuildError naming each edition that failed, with its engine's
    log, or, before any engine runs, every page whose front matter breaks a
    rule (engines differ in what they check, and Zensical runs no hooks).

    Editions build in parallel into separate folders next to `dest`, then the
    others move under the default edition at their prefix (e.g. `fr/`).
    """
    problems = check_all_front_matter(root)
    if problems:
        raise BuildError(
            f"the front matter of {len({p.where.split(':')[0] for p in problems})} page(s) needs fixing:\n{report(problems)}"
        )
    dest = Path(dest).resolve()
    staging = {ed.lang: dest.parent / f".{dest.name}-{ed.lang}" for ed in EDITIONS}
    for path in staging.values():
        shutil.rmtree(path, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=len(EDITIONS)) as pool:
        jobs = [pool.submit(engine.build_edition, ed, staging[ed.lang], root, strict) for ed in EDITIONS]
    # Leaving the `with` waited for every edition, so failures are all in.
    errors = [str(job.exception()) for job in jobs if job.exception()]
    if errors:
        for path in staging.values():
            shutil.rmtree(path, ignore_errors=True)
        raise BuildError("\n\n".join(errors))
    logs = [job.result() for job in jobs]
    shutil.rmtree(dest, ignore_errors=True)
    staging[DEFAULT.lang].rename(dest)
    for ed in EDITIONS[1:]:
        staging[ed.lang].rename(dest / ed.prefix.rstrip("/"))
    steps.run(dest, preview=preview, engine=engine)
    return "\n".join(logs)
