"""Steps applied to the built site, after every edition is built.

They work on plain HTML files, so they keep working whatever engine produced
the site. Each step is a function `step(site: Path, preview: bool)`; `preview`
is true for the live-reload server.
"""

from __future__ import annotations

from pathlib import Path

STEPS: list = []


def run(site: Path, *, preview: bool = False) -> None:
    for step in STEPS:
        step(site, preview)
