"""Preview server: both editions, one address, rebuilt and reloaded on save,
with the site's problems shown in the terminal and on every page.

`mkdocs serve` serves one config, so the language switcher could not work
there. This builds every edition into a temporary folder and serves it with
MkDocs's live-reload server (tools/preview.py adds the problems banner and
the site's 404 page). After each rebuild the browser reloads at once; the
rules of `dev.py check` then run (all but the slow ones) and the banner
updates in place when they finish. A failed rebuild shows its error in the
banner, over the last page that built. The temporary folder is removed when
the server stops (Ctrl-C), whatever the reason.
"""

from __future__ import annotations

import logging
import signal
import tempfile
import threading
import time
from pathlib import Path

from ..build.engines import DEFAULT_ENGINE
from ..build.site import BuildError, build
from ..model.config import published
from ..model.editions import EDITIONS
from ..model.layout import ROOT
from .check import build_problems, run_rules
from .preview import Board, PreviewServer

LEFT_OUT = "The preview leaves out the security-policy check, which `check` runs, and the slow HTML validator, which `check --all` runs."


class Previewer:
    """Builds the site into `site` and keeps `board` up to date."""

    def __init__(self, site: Path, board: Board, root: Path = ROOT) -> None:
        self.site, self.board, self.root = site, board, root
        self.generation = 0
        self.lock = threading.Lock()

    def rebuild(self) -> None:
        """Build, then check in the background (the browser reloads meanwhile)."""
        with self.lock:
            self.generation += 1
            generation = self.generation
        start = time.monotonic()
        try:
            logs = build(self.site, self.root, strict=False, preview=True, report_only=True)
        except BuildError as err:
            problems = build_problems(DEFAULT_ENGINE, self.root, err.logs, err)
            self.board.show(problems, failed=True)
            report(problems, "The rebuild failed; the preview still shows the last pages that built.")
            return
        found = build_problems(DEFAULT_ENGINE, self.root, logs, None)
        seconds = time.monotonic() - start
        threading.Thread(target=self.check, args=(generation, found, seconds), daemon=True).start()

    def check(self, generation: int, found: list, seconds: float) -> None:
        start = time.monotonic()
        try:
            result = run_rules(self.root, self.site, found, slow=False, preview=True)
        except Exception as err:  # a rebuild replaced the site under the rules: a newer check follows
            if generation == self.generation:
                print(f"The checks stopped: {err!r}")
            return
        if generation != self.generation:
            return
        self.board.show(result.problems)
        total = seconds + time.monotonic() - start
        summary = result.summary().split(" (")[0].split(":")[0]
        report(result.problems, f"{summary} (built in {seconds:.1f} s, checked in {total:.1f} s).")


def report(problems: list, summary: str) -> None:
    for problem in problems:
        print(problem)
    print(summary, flush=True)


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(host: str, port: int, root: Path = ROOT) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mount = published()[1]
    previous = signal.signal(signal.SIGTERM, _stop)  # `kill` cleans up too
    try:
        with tempfile.TemporaryDirectory(prefix="explainer-serve-") as folder:
            board = Board()
            previewer = Previewer(Path(folder) / "site", board, root)
            print(LEFT_OUT)
            previewer.rebuild()
            server = PreviewServer(
                board, builder=previewer.rebuild, host=host, port=port, root=str(previewer.site), mount_path=mount
            )
            for path in ("docs", *(ed.config for ed in EDITIONS), "scripts"):
                server.watch(str(root / path))
            url = f"http://{host}:{port}{mount}"
            print(f"English: {url}  Français: {url}fr/  (Ctrl-C stops the preview)", flush=True)
            try:
                server.serve()
            except KeyboardInterrupt:
                pass
            finally:
                server.shutdown()
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0
