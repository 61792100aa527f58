"""Build every language edition into one site folder.

`scripts/dev.py build`, `check`, the preview server, the tests and the audit
all build through here, so the site that is tested is the site that is
published.
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
from .engines import DEFAULT_ENGINE, BuildError, EditionError, Engine

__all__ = ["BuildError", "build", "build_site"]


def build(
    dest: Path,
    root: Path = ROOT,
    *,
    strict: bool = True,
    preview: bool = False,
    report_only: bool = False,
    engine: Engine = DEFAULT_ENGINE,
) -> dict[str, str]:
    """Build all editions of the repository at `root` into `dest` (emptied
    first), run the post-build steps, and return each edition's log by language.

    preview: for the live-reload server; steps that would stop its injected
    script (the Content-Security-Policy) are left out.
    report_only: the caller runs the rules itself (engines.REPORT_ONLY).
    Raises BuildError naming each edition that failed, with every log; or,
    before any engine runs and unless `report_only`, listing every page whose
    front matter breaks a rule (the engines differ in what they check, and
    Zensical runs no hooks).

    Editions build in parallel into separate folders next to `dest`, then the
    others move under the default edition at their prefix (e.g. `fr/`).
    """
    if not report_only and (problems := check_all_front_matter(root)):
        pages = len({p.where.split(":")[0] for p in problems})
        raise BuildError(f"the front matter of {pages} page(s) needs fixing:\n{report(problems)}")
    dest = Path(dest).resolve()
    staging = {ed.lang: dest.parent / f".{dest.name}-{ed.lang}" for ed in EDITIONS}
    for path in staging.values():
        shutil.rmtree(path, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=len(EDITIONS)) as pool:
        jobs = {
            ed.lang: pool.submit(engine.build_edition, ed, staging[ed.lang], root, strict, report_only)
            for ed in EDITIONS
        }
    # Leaving the `with` waited for every edition, so failures are all in.
    failed = {lang: job.exception() for lang, job in jobs.items() if job.exception()}
    logs = {
        lang: job.result() if lang not in failed else getattr(failed[lang], "log", "") for lang, job in jobs.items()
    }
    if failed:
        for path in staging.values():
            shutil.rmtree(path, ignore_errors=True)
        if not all(isinstance(err, EditionError) for err in failed.values()):
            raise next(err for err in failed.values() if not isinstance(err, EditionError))
        raise BuildError("\n\n".join(str(err) for err in failed.values()), logs, tuple(failed))
    shutil.rmtree(dest, ignore_errors=True)
    staging[DEFAULT.lang].rename(dest)
    for ed in EDITIONS[1:]:
        staging[ed.lang].rename(dest / ed.prefix.rstrip("/"))
    steps.run(dest, preview=preview, engine=engine)
    return logs


def build_site(
    dest: Path, root: Path = ROOT, strict: bool = True, preview: bool = False, engine: Engine = DEFAULT_ENGINE
) -> str:
    """`build`, with the editions' logs joined into one text."""
    logs = build(dest, root, strict=strict, preview=preview, engine=engine)
    return "\n".join(logs[ed.lang] for ed in EDITIONS)
