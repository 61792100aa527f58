"""`dev.py check`: build the site, run every rule of the suite, and say
only what is wrong, one line a problem, then one summary line.

The build is not strict: the engine's warnings become problems like any
other (naming docs/…md:LINE), so one broken link does not hide every other
problem. A build that fails reports its own errors, and the rules that need
the built site are not run. The preview server runs the same function.
"""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..build.context import StepError
from ..build.engines import DEFAULT_ENGINE, Engine
from ..build.site import BuildError, build
from ..checks import suite
from ..checks.context import Context
from ..model.editions import EDITIONS
from ..model.layout import ROOT
from ..model.problems import Problem

SLOW_LEFT_OUT = suite.SLOW
WHERE = re.compile(r"^(?P<file>[^:\s]+)(?::(?P<line>\d+))?")


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    pages: int = 0
    sources: int = 0
    rules: int = 0
    built: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        left_out = [
            f"{name} ({'slow: `check --all` runs it' if why == SLOW_LEFT_OUT else why})"
            for name, _, why in (s.partition(": ") for s in self.skipped)
        ]
        skipped = f"; not run: {'; '.join(left_out)}" if left_out else ""
        if not self.problems:
            return (
                f"No problems: {self.pages} pages, {self.sources} sources, {self.rules} rules "
                f"checked in {self.seconds:.1f} s{skipped}"
            )
        files = {WHERE.match(p.where).group("file") for p in self.problems}
        s = "" if len(self.problems) == 1 else "s"
        return (
            f"{len(self.problems)} problem{s} in {len(files)} file{'' if len(files) == 1 else 's'} "
            f"(checked {self.pages} pages in {self.seconds:.1f} s{skipped})"
        )


def order(problem: Problem) -> tuple:
    """Problems sorted by file, then line: an editor fixes them top to bottom."""
    m = WHERE.match(problem.where)
    return (m.group("file"), int(m.group("line") or 0)) if m else (problem.where, 0)


def merge(rules: list[Problem], engine: list[Problem]) -> list[Problem]:
    """The rules' problems and the engine's, each once. The engine's warning
    about a line a rule already reports (a broken link, say) is left out."""
    places = {p.where for p in rules}
    out = list(dict.fromkeys(rules))
    out += [p for p in dict.fromkeys(engine) if p.where not in places and p not in out]
    return sorted(out, key=order)


def build_problems(engine: Engine, root: Path, logs: dict[str, str], failed: BuildError | None) -> list[Problem]:
    """What the engine said, as problems; for a failed build, also the error
    it stopped with and which edition did not build."""
    found = engine.problems(logs, root, failed.failed if failed else ())
    if failed is not None:
        found += [] if found else [_unexplained(failed)]
        found += [
            Problem(
                ed.config, f"the {ed.lang} edition did not build", "fix the other problems listed, then check again"
            )
            for ed in EDITIONS
            if ed.lang in failed.failed
        ]
    return found


def run_rules(root: Path, site: Path | None, found: list[Problem], *, slow: bool, preview: bool) -> Result:
    """The suite on the repository at `root` and its built `site` (None when
    the build failed), merged with the engine's problems `found`."""
    ctx = Context.load(root, site)
    outcome = suite.run(ctx, slow=slow, preview=preview)
    return Result(
        problems=merge(outcome.problems, found),
        skipped=[s for s in outcome.skipped if not s.endswith("the site was not built")],
        pages=len(ctx.files),
        sources=len(ctx.registry),
        rules=len(outcome.ran),
        built=site is not None,
    )


def check(
    root: Path = ROOT,
    *,
    site: Path | None = None,
    slow: bool = True,
    preview: bool = False,
    engine: Engine = DEFAULT_ENGINE,
) -> Result:
    """Build the repository at `root` (into `site`, or a temporary folder)
    and run the suite. slow: run the slow rules too. preview: the site is
    the preview server's (its live-reload script has no CSP)."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="explainer-check-") as scratch:
        dest = site or Path(scratch) / "site"
        failed: BuildError | None = None
        stopped: list[Problem] = []
        try:
            logs = build(dest, root, strict=False, preview=preview, report_only=True, engine=engine)
        except BuildError as err:
            failed, logs = err, err.logs
        except StepError as err:
            # The engines built the site, but a post-build step could not do its
            # work: say so, and run the rules that need no built site.
            logs = {}
            stopped = [
                Problem(
                    "the build",
                    f"a post-build step stopped: {err}",
                    "fix what it names; the rules on the built pages did not run",
                )
            ]
        found = build_problems(engine, root, logs, failed) + stopped
        result = run_rules(root, None if failed or stopped else dest, found, slow=slow, preview=preview)
    result.seconds = time.monotonic() - start
    return result


def _unexplained(err: BuildError) -> Problem:
    """A failure the engine gave no warning or error line for (a template
    error, say): its last lines, which usually say what went wrong."""
    tail = [line for log in err.logs.values() for line in log.strip().splitlines()[-6:]]
    return Problem("the build", " / ".join(tail) or str(err), "fix what the message names")


def main(slow: bool = False) -> int:
    result = check(slow=slow)
    for problem in result.problems:
        print(problem)
    print(result.summary())
    return 1 if result.problems else 0
