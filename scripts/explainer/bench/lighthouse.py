"""Lighthouse runs: one page's scores and metrics, and the median of several runs."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..checks.budget import BYTE_BUDGET, REQUEST_BUDGET, kb
from ..model.layout import ROOT
from ..tools.chromium import ARGS

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ["--headless=new", *ARGS]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# The targets every page must meet (bytes and requests are the budget test's).
TARGETS = {"fcp": 1000, "lcp": 1200, "tbt": 50, "cls": 0.0, "bytes": BYTE_BUDGET, "requests": REQUEST_BUDGET}
FCP_RATIO_TARGET = 0.75
# Each measured figure: its field, its column in the table, and how it prints.
METRICS = (
    ("fcp", "FCP", lambda v: f"{v / 1000:.2f} s"),
    ("lcp", "LCP", lambda v: f"{v / 1000:.2f} s"),
    ("tbt", "TBT", lambda v: f"{v:.0f} ms"),
    ("cls", "CLS", lambda v: f"{v:.3f}"),
    ("bytes", "Bytes", lambda v: kb(int(v))),
    ("requests", "Req", lambda v: f"{v:g}"),
)


@dataclass
class Result:
    name: str
    scores: dict[str, int | None]
    fcp: float
    lcp: float
    tbt: float
    cls: float
    bytes: int
    requests: int
    tti: float
    report: Path

    def misses(self) -> list[str]:
        out = [f"{c} {s}" for c, s in self.scores.items() if s != 100]
        return out + [
            f"{label} {show(getattr(self, key))} (target ≤ {show(TARGETS[key])})"
            for key, label, show in METRICS
            if getattr(self, key) > TARGETS[key]
        ]


def lighthouse(url: str, out: Path, chrome: str) -> Result:
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    done = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True)
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stdout}{done.stderr}")
    lhr = json.loads(out.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not audit {url}: {lhr['runtimeError'].get('message')}")
    audits = lhr["audits"]
    requests = [r for r in audits["network-requests"]["details"]["items"] if not r["url"].startswith("data:")]

    def score(cat: str) -> int | None:
        value = lhr["categories"][cat]["score"]
        return None if value is None else round(value * 100)

    return Result(
        name=url,
        scores={c: score(c) for c in CATEGORIES},
        fcp=audits["first-contentful-paint"]["numericValue"],
        lcp=audits["largest-contentful-paint"]["numericValue"],
        tbt=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=len(requests),
        tti=audits["interactive"]["numericValue"],
        report=out,
    )


def median_run(url: str, out: Path, chrome: str, runs: int) -> Result:
    """Run Lighthouse `runs` times and keep the median run the way Lighthouse
    itself picks one: the run closest to the median FCP and the median TTI."""
    results = [
        lighthouse(url, out.with_name(f"{out.stem}.run{i + 1}.json") if runs > 1 else out, chrome) for i in range(runs)
    ]
    fcp = statistics.median(r.fcp for r in results) or 1
    tti = statistics.median(r.tti for r in results) or 1
    best = min(results, key=lambda r: ((r.fcp - fcp) / fcp) ** 2 + ((r.tti - tti) / tti) ** 2)
    if runs > 1:
        shutil.copyfile(best.report, out)
        best.report = out
    return best


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.is_file() else "?"
