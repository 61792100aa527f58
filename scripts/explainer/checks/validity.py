"""Valid HTML, by the Nu Html Checker (vnu, the W3C validator), run once over
a whole built site.

vnu is the pinned npm package vnu-jar and needs Java (`java`, or JAVA on PATH)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from ..model.layout import ROOT, rel
from ..model.problems import Problem
from ..model.trace import Tracer

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FIX = "fix the template that writes it (docs/.overrides, or scripts/explainer/build/markup.py for Material's own markup) or the page's Markdown"
# The checker predates <link rel="expect" href="#id" blocking="render"> (WHATWG
# HTML, "link-type-expect"), which main.html writes on every page, and still
# allows `blocking` only with rel=stylesheet. That one message, on exactly
# such a link, is the checker's gap; on any other element it is an error.
EXPECT_GAP = "A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”."
EXPECT_LINK = re.compile(r'<link rel="expect" href="#[^"\s]+" blocking="render">')


class MissingToolError(RuntimeError):
    """The checker cannot run here; the message says what to install."""


def java() -> str:
    """The java executable; MissingToolError naming what to install otherwise."""
    reasons = []
    if not VNU.is_file():
        reasons.append(
            f"{rel(VNU)} is missing: run `python3 scripts/dev.py test`, which installs the pinned Node tools"
        )
    found = shutil.which("java")
    if not found:
        reasons.append("no Java on PATH for the Nu Html Checker (Debian: apt install default-jre-headless)")
    if reasons:
        raise MissingToolError("; ".join(reasons))
    return found


def validate(pages: list[Path], root: Path, tracer: Tracer | None = None) -> list[Problem]:
    """Errors the Nu checker finds in `pages` of the built site `root`, each
    named by the page's Markdown file when one writes it, with the built
    page's line. Raises MissingToolError when Java or the checker is missing."""
    tracer = tracer or Tracer()
    done = subprocess.run(
        [
            java(),
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(done.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(f"the Nu checker did not answer in JSON:\n{done.stdout}\n{done.stderr}") from None
    by_url = {p.resolve().as_uri(): rel(p, root) for p in pages}
    problems = []
    for m in messages:
        start, length = m.get("hiliteStart", 0), m.get("hiliteLength", 0)
        if m.get("message") == EXPECT_GAP and EXPECT_LINK.fullmatch((m.get("extract") or "")[start : start + length]):
            continue
        url = m.get("url", "")
        built = by_url.get(url) or by_url.get(url.replace("file:/", "file:///", 1)) or url
        line = f":{m['lastLine']}" if m.get("lastLine") else ""
        source = tracer.page(built)
        where = f"{source.where} (built as {built}{line})" if source else built + line
        extract = " ".join((m.get("extract") or "").split())
        problems.append(
            Problem(
                where,
                f"HTML {m.get('type', 'error')}: {m.get('message', '')}" + (f" (at: {extract})" if extract else ""),
                FIX,
            )
        )
    return problems
